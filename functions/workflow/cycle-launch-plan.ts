import { planLaunch } from '../../shared/app/evaluation/cycle-launch.js';
import { getDeps } from '../../shared/runtime/deps.js';
import { LaunchPlanInput, parseWorkflowEvent } from '../../shared/schemas/workflow.js';

/** CycleLaunch, first step: opens the cycle and slices its employees into batches. */
export const handler = async (event: unknown) => {
  const { cycleId } = parseWorkflowEvent(LaunchPlanInput, event);
  return planLaunch(getDeps(), cycleId);
};
