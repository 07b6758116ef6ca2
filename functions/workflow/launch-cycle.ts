import { launchCycle } from '../../shared/app/cycle-launch.js';
import { getDeps } from '../../shared/runtime/deps.js';

/** Starts one EmployeeEvaluation execution per active employee in the cycle's scope. */
export const handler = (event: { cycleId: string }) => launchCycle(getDeps(), event.cycleId);
