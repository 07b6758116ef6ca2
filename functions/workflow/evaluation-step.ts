import { runEvaluationStep, type EvaluationStep } from '../../shared/app/evaluation/evaluation-steps.js';
import { getDeps } from '../../shared/runtime/deps.js';

/** Deadlines and the automatic steps of the EmployeeEvaluation workflow. */
export const handler = (event: EvaluationStep) => runEvaluationStep(getDeps(), event);
