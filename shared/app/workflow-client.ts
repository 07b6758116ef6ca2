import {
  DescribeExecutionCommand,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { Stage } from '../domain/evaluation/evaluation.js';
import type { Deps } from '../runtime/deps.js';

/** Input of the EmployeeEvaluation state machine. */
export interface EvaluationExecutionInput {
  cycleId: string;
  nip: string;
  /** Where to (re)start: a fresh launch starts at target setting, a resume at the open stage. */
  startStage: Stage;
}

/** Input of the CycleClose state machine: the closed cycle, and where its listing has got to. */
export interface CycleCloseInput {
  cycleId: string;
  /** ListExecutions' cursor: absent on the first page. */
  nextToken?: string;
  /** Executions stopped so far by this run. */
  dihentikan: number;
}

/** Input of the CycleLaunch state machine; `eksekusi` names the run whose result the cycle keeps. */
export interface CycleLaunchInput {
  cycleId: string;
  eksekusi: string;
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

/** Starts a CycleLaunch execution under the given name; returns its ARN. */
export async function startCycleLaunch(deps: Deps, name: string, input: CycleLaunchInput): Promise<string> {
  const machine = deps.stateMachines.cycleLaunch;
  if (!machine) throw new Error('CYCLE_LAUNCH_STATE_MACHINE_ARN is not set');
  const out = await deps.sfn.send(
    new StartExecutionCommand({ stateMachineArn: machine, name, input: JSON.stringify(input) }),
  );
  return (out as { executionArn: string }).executionArn;
}

/**
 * Step Functions' status of an execution (RUNNING, SUCCEEDED, FAILED, ...), or undefined when it
 * no longer knows the execution (history past retention, or a local runtime since restarted).
 */
export async function executionStatus(deps: Deps, arn: string): Promise<string | undefined> {
  try {
    const out = await deps.sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
    return (out as { status?: string }).status ?? 'UNKNOWN';
  } catch (err) {
    if ((err as { name?: string }).name === 'ExecutionDoesNotExist') return undefined;
    throw err;
  }
}

/** Starts a CycleClose execution (stops a closed cycle's evaluation executions); returns its ARN. */
export async function startCycleClose(deps: Deps, name: string, input: CycleCloseInput): Promise<string> {
  const machine = deps.stateMachines.cycleClose;
  if (!machine) throw new Error('CYCLE_CLOSE_STATE_MACHINE_ARN is not set');
  const out = await deps.sfn.send(
    new StartExecutionCommand({ stateMachineArn: machine, name, input: JSON.stringify(input) }),
  );
  return (out as { executionArn: string }).executionArn;
}

export interface RunningExecution {
  executionArn: string;
  name: string;
}

/** One page of the EmployeeEvaluation executions still running, newest first. */
export async function runningEvaluations(
  deps: Deps,
  nextToken: string | undefined,
  maxResults: number,
): Promise<{ executions: RunningExecution[]; nextToken?: string }> {
  const out = (await deps.sfn.send(
    new ListExecutionsCommand({
      stateMachineArn: deps.stateMachines.employeeEvaluation,
      statusFilter: 'RUNNING',
      maxResults,
      ...(nextToken ? { nextToken } : {}),
    }),
  )) as { executions?: RunningExecution[]; nextToken?: string };
  return {
    executions: (out.executions ?? []).map((x) => ({ executionArn: x.executionArn, name: x.name })),
    ...(out.nextToken ? { nextToken: out.nextToken } : {}),
  };
}

/**
 * Stops an execution, as an error with a cause (its history says why). One that ended meanwhile
 * or is unknown is no error: there is nothing left to stop.
 */
export async function stopExecution(deps: Deps, arn: string, error: string, cause: string): Promise<void> {
  try {
    await deps.sfn.send(new StopExecutionCommand({ executionArn: arn, error, cause }));
  } catch (err) {
    if ((err as { name?: string }).name !== 'ExecutionDoesNotExist') throw err;
  }
}
