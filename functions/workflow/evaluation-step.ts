import { runEvaluationStep } from '../../shared/app/evaluation/evaluation-steps.js';
import { getDeps } from '../../shared/runtime/deps.js';
import { EvaluationStep, parseWorkflowEvent } from '../../shared/schemas/workflow.js';

/** Deadlines and the automatic steps of the EmployeeEvaluation workflow. */
export const handler = async (event: unknown) => {
  const input = parseWorkflowEvent(EvaluationStep, event);
  return runEvaluationStep(getDeps(), input);
};
