import { registerStageTask, type RegisterTaskInput } from '../../shared/app/evaluation/stage-tasks.js';
import { getDeps } from '../../shared/runtime/deps.js';

/** Invoked by a callback state (.waitForTaskToken) when a stage opens. */
export const handler = (event: RegisterTaskInput) => registerStageTask(getDeps(), event);
