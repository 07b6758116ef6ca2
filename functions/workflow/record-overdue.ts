import { recordOverdue } from '../../shared/app/evaluation/stage-tasks.js';
import { getDeps } from '../../shared/runtime/deps.js';
import { OverdueInput, parseWorkflowEvent } from '../../shared/schemas/workflow.js';

/** Invoked by a stage's Catch on States.Timeout. */
export const handler = async (event: unknown) => {
  const input = parseWorkflowEvent(OverdueInput, event);
  return recordOverdue(getDeps(), input);
};
