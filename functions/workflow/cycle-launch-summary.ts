import { summariseLaunch } from '../../shared/app/evaluation/cycle-launch.js';
import { getDeps } from '../../shared/runtime/deps.js';
import { LaunchSummaryInput, parseWorkflowEvent } from '../../shared/schemas/workflow.js';

/** CycleLaunch, last step: sums the batches and records the result on the cycle. */
export const handler = async (event: unknown) => {
  const input = parseWorkflowEvent(LaunchSummaryInput, event);
  return summariseLaunch(getDeps(), input);
};
