import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  DescribeExecutionCommand,
  ListExecutionsCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { StateMachine } from 'aws-local-stepfunctions';
import { PROJECT_ROOT } from '../lambda.js';
import { LOCAL_TIMEOUT_FIELD, MAX_LOCAL_TIMEOUT_SECONDS, type LocalMachine } from './localise.js';

/** The static token aws-local-stepfunctions puts where `$$.Task.Token` is read; replaced per task. */
const TOKEN_PLACEHOLDER = 'local-task-token-placeholder';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface LocalExecution {
  arn: string;
  name: string;
  machine: string;
  input: string;
  status: ExecutionStatus;
  /** When it started and, once it ended, when (epoch ms): ListExecutions orders by the start. */
  startedAt: number;
  stoppedAt?: number;
  output?: unknown;
  error?: { name: string; message: string };
  /** Every state event, for tests and the transitions-per-evaluation budget. */
  events: { type: string; state?: string; at: number }[];
  /** Lambda invocations made by this execution (callback registrations included). */
  invocations: number;
  done: Promise<void>;
  abort: () => void;
}

class SfnError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

interface PendingTask {
  execution: string;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

type Handler = (event: unknown) => Promise<unknown>;

/**
 * Step Functions on one machine: runs the synthesized definitions with aws-local-stepfunctions
 * and answers the same SDK commands (StartExecution, SendTaskSuccess, SendTaskFailure,
 * DescribeExecution, ListExecutions, StopExecution) that SFNClient sends in AWS, so application
 * code cannot tell the difference.
 */
export class LocalStepFunctions {
  readonly executions = new Map<string, LocalExecution>();
  private readonly pending = new Map<string, PendingTask>();
  /** Tokens whose task timed out: AWS answers TaskTimedOut for them, not "unknown". */
  private readonly expired = new Set<string>();
  private readonly machines = new Map<string, { local: LocalMachine; runner: StateMachine }>();
  private readonly handlers = new Map<string, Promise<Handler>>();

  constructor(machines: Record<string, LocalMachine>) {
    // Building validates the definition (100-300 ms each): once per machine.
    for (const m of Object.values(machines))
      this.machines.set(m.arn, { local: m, runner: new StateMachine(m.definition as never) });
  }

  arnOf(name: string): string {
    for (const { local } of this.machines.values()) if (local.name === name) return local.arn;
    throw new Error(`No local state machine named ${name}`);
  }

  async send(command: unknown): Promise<unknown> {
    if (command instanceof StartExecutionCommand) {
      const { stateMachineArn, name, input } = command.input;
      return this.start(stateMachineArn!, name ?? randomUUID(), input ?? '{}');
    }
    if (command instanceof SendTaskSuccessCommand) {
      this.settle(command.input.taskToken!, (p) => p.resolve(JSON.parse(command.input.output ?? 'null')));
      return {};
    }
    if (command instanceof SendTaskFailureCommand) {
      const { taskToken, error, cause } = command.input;
      this.settle(taskToken!, (p) => p.reject(new SfnError(error ?? 'TaskFailed', cause ?? '')));
      return {};
    }
    if (command instanceof DescribeExecutionCommand) {
      const e = [...this.executions.values()].find((x) => x.arn === command.input.executionArn);
      if (!e)
        throw new SfnError('ExecutionDoesNotExist', `Execution ${command.input.executionArn} does not exist`);
      return {
        executionArn: e.arn,
        name: e.name,
        status: e.status,
        input: e.input,
        output: e.output === undefined ? undefined : JSON.stringify(e.output),
      };
    }
    if (command instanceof ListExecutionsCommand) return this.list(command.input);
    if (command instanceof StopExecutionCommand) {
      const { executionArn, error, cause } = command.input;
      return this.stopExecution(executionArn!, error, cause);
    }
    throw new Error(`LocalStepFunctions does not implement ${(command as object).constructor.name}`);
  }

  /**
   * As AWS: one machine's executions, newest first, optionally of one status, a page at a time.
   * The cursor is the position after the last one returned (its start and ARN), so executions
   * that stop meanwhile (the caller stopping what it listed) shift nothing.
   */
  private list(input: ListExecutionsCommand['input']) {
    const { stateMachineArn, statusFilter, maxResults, nextToken } = input;
    if (!this.machines.has(stateMachineArn ?? ''))
      throw new SfnError('StateMachineDoesNotExist', `State machine ${stateMachineArn} does not exist`);
    const after = nextToken
      ? (JSON.parse(Buffer.from(nextToken, 'base64url').toString()) as { at: number; arn: string })
      : undefined;
    const newestFirst = (a: LocalExecution, b: LocalExecution) =>
      b.startedAt - a.startedAt || b.arn.localeCompare(a.arn);
    const all = [...this.executions.values()]
      .filter((e) => e.arn.startsWith(`${stateMachineArn!.replace(':stateMachine:', ':execution:')}:`))
      .filter((e) => !statusFilter || e.status === statusFilter)
      .filter((e) => !after || newestFirst(e, { startedAt: after.at, arn: after.arn } as LocalExecution) > 0)
      .sort(newestFirst);
    const size = maxResults && maxResults > 0 ? Math.min(maxResults, 1000) : 100;
    const page = all.slice(0, size);
    const last = page.at(-1);
    return {
      executions: page.map((e) => ({
        executionArn: e.arn,
        stateMachineArn,
        name: e.name,
        status: e.status,
        startDate: new Date(e.startedAt),
        ...(e.stoppedAt ? { stopDate: new Date(e.stoppedAt) } : {}),
      })),
      ...(all.length > size && last
        ? {
            nextToken: Buffer.from(JSON.stringify({ at: last.startedAt, arn: last.arn })).toString(
              'base64url',
            ),
          }
        : {}),
    };
  }

  /**
   * As AWS: a running execution ends ABORTED at once, with the error and cause given; its open
   * callbacks are dropped (a late SendTaskSuccess gets TaskTimedOut, as for any closed task).
   * Stopping one that already ended changes nothing.
   */
  private stopExecution(arn: string, error?: string, cause?: string) {
    const e = this.executions.get(arn);
    if (!e) throw new SfnError('ExecutionDoesNotExist', `Execution ${arn} does not exist`);
    if (e.status === 'RUNNING') {
      e.status = 'ABORTED';
      e.stoppedAt = Date.now();
      e.error = { name: error ?? '', message: cause ?? '' };
      for (const [token, task] of this.pending) {
        if (task.execution !== arn) continue;
        this.pending.delete(token);
        this.expired.add(token);
      }
      e.abort();
    }
    return { stopDate: new Date(e.stoppedAt ?? Date.now()) };
  }

  private settle(token: string, fn: (p: PendingTask) => void) {
    const p = this.pending.get(token);
    if (!p && this.expired.has(token)) throw new SfnError('TaskTimedOut', 'Task timed out');
    if (!p) throw new SfnError('TaskDoesNotExist', 'Task token is unknown or already used');
    this.pending.delete(token);
    fn(p);
  }

  /** Same rules as AWS: a taken name with the same input while running returns the same execution. */
  private start(machineArn: string, name: string, input: string) {
    const machine = this.machines.get(machineArn);
    if (!machine)
      throw new SfnError('StateMachineDoesNotExist', `State machine ${machineArn} does not exist`);
    const arn = `${machineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = this.executions.get(arn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === input)
        return { executionArn: arn, startDate: new Date() };
      throw new SfnError('ExecutionAlreadyExists', `Execution ${name} already exists`);
    }
    const execution: LocalExecution = {
      arn,
      name,
      machine: machine.local.name,
      input,
      status: 'RUNNING',
      startedAt: Date.now(),
      events: [],
      invocations: 0,
      done: Promise.resolve(),
      abort: () => undefined,
    };
    const run = machine.runner.run(JSON.parse(input), {
      overrides: { taskResourceLocalHandlers: this.overrides(machine.local, execution) as never },
      context: { Task: { Token: TOKEN_PLACEHOLDER } } as never,
    });
    execution.abort = run.abort;
    const collect = (async () => {
      for await (const ev of run.eventLogs) {
        const e = ev as { type: string; state?: { name: string } };
        execution.events.push({ type: e.type, state: e.state?.name, at: Date.now() });
      }
    })();
    execution.done = run.result
      .then(
        (output) => {
          if (execution.status === 'ABORTED') return;
          execution.status = 'SUCCEEDED';
          execution.stoppedAt = Date.now();
          execution.output = output;
        },
        (err: Error) => {
          // Stopped (StopExecution): status, time and the error given are already recorded.
          if (execution.status === 'ABORTED') return;
          execution.status =
            err.name === 'ExecutionAbortedError'
              ? 'ABORTED'
              : err.name === 'ExecutionTimeoutError'
                ? 'TIMED_OUT'
                : 'FAILED';
          execution.stoppedAt = Date.now();
          execution.error = {
            name: (err as { errorName?: string }).errorName ?? err.name,
            message: err.message,
          };
        },
      )
      .then(() => collect.catch(() => undefined));
    this.executions.set(arn, execution);
    return { executionArn: arn, startDate: new Date() };
  }

  private handler(entry: string): Promise<Handler> {
    let h = this.handlers.get(entry);
    if (!h) {
      h = import(pathToFileURL(path.join(PROJECT_ROOT, entry)).href).then(
        (m: { handler: Handler }) => m.handler,
      );
      this.handlers.set(entry, h);
    }
    return h;
  }

  private overrides(machine: LocalMachine, execution: LocalExecution) {
    const out: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const [state, task] of Object.entries(machine.tasks)) {
      out[state] = async (input: unknown) => {
        const { Payload } = input as { Payload: Record<string, unknown> };
        const { [LOCAL_TIMEOUT_FIELD]: timeout, ...payload } = Payload ?? {};
        const handler = await this.handler(task.entry);
        execution.invocations++;
        if (!task.callback) {
          // The default (not payloadResponseOnly) LambdaInvoke result shape, as in AWS.
          return { ExecutedVersion: '$LATEST', StatusCode: 200, Payload: await handler(payload) };
        }
        return this.callback(execution, handler, payload, typeof timeout === 'number' ? timeout : undefined);
      };
    }
    return out;
  }

  /** A fresh token per task, the real register handler, then wait for SendTaskSuccess/Failure. */
  private async callback(
    execution: LocalExecution,
    handler: Handler,
    payload: Record<string, unknown>,
    timeoutSeconds?: number,
  ) {
    const token = `local:${execution.name}:${randomUUID()}`;
    const { promise, resolve, reject } = Promise.withResolvers<unknown>();
    // The timeout may fire while the register handler still runs (a loaded machine, a 1 s
    // deadline): the rejection is awaited below, so it must not count as unhandled meanwhile.
    promise.catch(() => undefined);
    this.pending.set(token, { execution: execution.arn, resolve, reject });
    const swap = (v: unknown): unknown =>
      v === TOKEN_PLACEHOLDER
        ? token
        : v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]))
          : v;
    let timer: NodeJS.Timeout | undefined;
    if (timeoutSeconds !== undefined) {
      if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1) {
        this.pending.delete(token);
        throw new SfnError('States.Runtime', 'TimeoutSecondsPath must select a positive integer');
      }
      timer = setTimeout(
        () => {
          if (this.pending.delete(token)) {
            // AWS answers TaskTimedOut for a token whose task timed out, not "unknown token".
            this.expired.add(token);
            reject(new SfnError('States.Timeout', 'Task timed out'));
          }
        },
        Math.min(timeoutSeconds, MAX_LOCAL_TIMEOUT_SECONDS) * 1000,
      );
    }
    try {
      await handler(swap(payload));
    } catch (err) {
      // As in AWS: a task that timed out while its Lambda still ran has ended with States.Timeout
      // (awaited below); the Lambda's later failure reaches no one.
      if (!this.expired.has(token)) {
        this.pending.delete(token);
        clearTimeout(timer);
        throw err;
      }
    }
    try {
      return await promise;
    } finally {
      clearTimeout(timer);
      this.pending.delete(token);
    }
  }

  /** Aborts every running execution (Ctrl-C, end of a test file). */
  stop(): void {
    for (const e of this.executions.values()) if (e.status === 'RUNNING') e.abort();
    // Aborted executions no longer await their callbacks: forget the tokens.
    this.pending.clear();
  }
}
