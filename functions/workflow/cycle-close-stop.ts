import { stopCycleExecutions } from '../../shared/app/evaluation/tutup-siklus.js';
import { getDeps } from '../../shared/runtime/deps.js';
import { CycleCloseStep, parseWorkflowEvent } from '../../shared/schemas/workflow.js';

/** CycleClose's step: one page of running EmployeeEvaluation executions; the closed cycle's are stopped. */
export const handler = async (event: unknown) => {
  const { cycleId, nextToken, dihentikan } = parseWorkflowEvent(CycleCloseStep, event);
  return stopCycleExecutions(getDeps(), {
    cycleId,
    ...(nextToken ? { nextToken } : {}),
    dihentikan: dihentikan ?? 0,
  });
};
