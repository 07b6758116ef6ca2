import { registerStageTask } from '../../shared/app/evaluation/stage-tasks.js';
import { getDeps } from '../../shared/runtime/deps.js';
import { parseWorkflowEvent, RegisterTaskInput } from '../../shared/schemas/workflow.js';

/** Invoked by a callback state (.waitForTaskToken) when a stage opens. */
export const handler = async (event: unknown) => {
  const input = parseWorkflowEvent(RegisterTaskInput, event);
  return registerStageTask(getDeps(), input);
};
