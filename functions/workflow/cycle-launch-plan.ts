import { planLaunch } from '../../shared/app/evaluation/cycle-launch.js';
import { getDeps } from '../../shared/runtime/deps.js';

/** CycleLaunch, first step: opens the cycle and slices its employees into batches. */
export const handler = (event: { cycleId: string }) => planLaunch(getDeps(), event.cycleId);
