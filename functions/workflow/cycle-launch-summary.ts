import { summariseLaunch } from '../../shared/app/evaluation/cycle-launch.js';
import type { LaunchCounts } from '../../shared/domain/evaluation/cycle.js';
import { getDeps } from '../../shared/runtime/deps.js';

/** CycleLaunch, last step: sums the batches and records the result on the cycle. */
export const handler = (event: { cycleId: string; eksekusi?: string; hasil: LaunchCounts[] }) =>
  summariseLaunch(getDeps(), event);
