import { recordOverdue, type OverdueInput } from '../../shared/app/evaluation/stage-tasks.js';
import { getDeps } from '../../shared/runtime/deps.js';

/** Invoked by a stage's Catch on States.Timeout. */
export const handler = (event: OverdueInput) => recordOverdue(getDeps(), event);
