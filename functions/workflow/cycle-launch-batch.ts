import { launchBatch } from '../../shared/app/evaluation/cycle-launch.js';
import { getDeps } from '../../shared/runtime/deps.js';
import { LaunchBatchInput, parseWorkflowEvent } from '../../shared/schemas/workflow.js';

/** One Distributed Map item: evaluations and EmployeeEvaluation executions for one batch. */
export const handler = async (event: unknown) => {
  const { cycleId, kelompok } = parseWorkflowEvent(LaunchBatchInput, event);
  return launchBatch(getDeps(), cycleId, kelompok);
};
