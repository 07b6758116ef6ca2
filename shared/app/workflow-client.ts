import { SendTaskFailureCommand, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { Stage } from '../domain/evaluation/evaluation.js';
import type { Deps } from '../runtime/deps.js';

/** Input of the EmployeeEvaluation state machine. */
export interface EvaluationExecutionInput {
  cycleId: string;
  nip: string;
  /** Where to (re)start: a fresh launch starts at target setting, a resume at the open stage. */
  startStage: Stage;
}

export async function sendTaskSuccess(deps: Deps, token: string, output: unknown): Promise<void> {
  await deps.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
}

/** Answers from Step Functions meaning the wait already ended (deadline handler ran, or a restart). */
const DEAD_TOKEN = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/**
 * Resumes a waiting execution after the person's decision has been recorded. A wait that ended
 * meanwhile is no error: the decision stands, and the deadline handler or the resumed execution
 * finds the stage done and moves on.
 */
export async function resumeAfterDecision(deps: Deps, token: string, output: unknown): Promise<void> {
  try {
    await sendTaskSuccess(deps, token, output);
  } catch (err) {
    if (!DEAD_TOKEN.has((err as { name?: string }).name ?? '')) throw err;
  }
}

export async function sendTaskFailure(
  deps: Deps,
  token: string,
  error: string,
  cause: string,
): Promise<void> {
  await deps.sfn.send(new SendTaskFailureCommand({ taskToken: token, error, cause }));
}

/**
 * Starts an execution under a deterministic name. Returns false when that name is taken:
 * Step Functions answers ExecutionAlreadyExists, which here means "already started".
 */
export async function startEvaluation(
  deps: Deps,
  name: string,
  input: EvaluationExecutionInput,
): Promise<boolean> {
  try {
    await deps.sfn.send(
      new StartExecutionCommand({
        stateMachineArn: deps.stateMachines.employeeEvaluation,
        name,
        input: JSON.stringify(input),
      }),
    );
    return true;
  } catch (err) {
    if ((err as { name?: string }).name === 'ExecutionAlreadyExists') return false;
    throw err;
  }
}
