import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/lambda.js';
import { type Asl, type AslState, LOCAL_TIMEOUT_FIELD, localMachines } from '../../infra/local/localise.js';
import { synthesize, type SynthOutput } from '../../infra/local/synth.js';
import {
  CycleCloseStep,
  EvaluationStep,
  InvalidWorkflowEvent,
  LaunchBatchInput,
  LaunchPlanInput,
  LaunchSummaryInput,
  OverdueInput,
  RegisterTaskInput,
  SendRemindersInput,
  parseWorkflowEvent,
} from '../../shared/schemas/workflow.js';

/** The schema each workflow Lambda parses its event with. */
const SCHEMA: Record<string, Parameters<typeof parseWorkflowEvent>[0]> = {
  'functions/workflow/register-stage-task.ts': RegisterTaskInput,
  'functions/workflow/record-overdue.ts': OverdueInput,
  'functions/workflow/evaluation-step.ts': EvaluationStep,
  'functions/workflow/cycle-launch-plan.ts': LaunchPlanInput,
  'functions/workflow/cycle-launch-batch.ts': LaunchBatchInput,
  'functions/workflow/cycle-launch-summary.ts': LaunchSummaryInput,
  'functions/workflow/send-reminders.ts': SendRemindersInput,
  'functions/workflow/cycle-close-stop.ts': CycleCloseStep,
};

const START = '2027-03-01T01:02:03.456Z';
const COUNTS = { employees: 3, created: 3, started: 3, alreadyStarted: 0 };

/**
 * What a state may find in its input, anywhere in either machine: the execution input, and what
 * earlier states put beside it (deadline, peer list, launch plan and results, a caught error).
 */
const STATE_INPUT = {
  cycleId: '2027',
  nip: '199001012020011001',
  startStage: 'PENETAPAN_TARGET',
  eksekusi: 'luncur-2027-20270301T010203456Z',
  deadline: { seconds: 60, at: '2027-03-31T16:59:59.999Z', skip: false },
  rekanPenilai: { rekan: ['198501012010011002'], deadline: { seconds: 60, at: '2027-03-31T16:59:59.999Z' } },
  rencana: { employees: 3, kelompok: [{ opd: 'DINKES', sebelum: '1990' }] },
  hasil: [COUNTS, COUNTS],
  gagal: { Error: 'EvaluationNotFound', Cause: '{"errorMessage":"Evaluation 2027/1990 not found"}' },
};

/** The value of a JsonPath such as `$.deadline.at` or `$$.Execution.StartTime`. */
function at(jsonPath: string, input: unknown, context: unknown): unknown {
  const [root, ...steps] = jsonPath.split('.');
  let value: unknown = root === '$$' ? context : root === '$' ? input : undefined;
  for (const step of steps) value = (value as Record<string, unknown> | undefined)?.[step];
  if (value === undefined) throw new Error(`${jsonPath} selects nothing in the sample state input`);
  return value;
}

/** A Payload, Parameters or ItemSelector template filled in, as Step Functions does it. */
function fill(template: Record<string, unknown>, input: unknown, context: unknown): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(template).map(([k, v]) =>
      k.endsWith('.$')
        ? [k.slice(0, -2), at(String(v), input, context)]
        : [
            k,
            v && typeof v === 'object' && !Array.isArray(v)
              ? fill(v as Record<string, unknown>, input, context)
              : v,
          ],
    ),
  );
}

interface Invocation {
  machine: string;
  state: string;
  entry: string;
  event: unknown;
}

/** Every Lambda invocation of a machine, with the event it sends, Map items included. */
function invocations(
  machine: string,
  asl: Asl,
  tasks: Record<string, { entry: string }>,
  input: unknown,
  out: Invocation[] = [],
): Invocation[] {
  const context = { Execution: { StartTime: START }, Task: { Token: 'token-1' } };
  for (const [state, s] of Object.entries(asl.States) as [string, AslState][]) {
    const task = tasks[state];
    if (s.Type === 'Task' && task) {
      const params = s.Parameters as { Payload?: Record<string, unknown> };
      const { [LOCAL_TIMEOUT_FIELD]: _local, ...event } = params.Payload
        ? fill(params.Payload, input, context)
        : (input as Record<string, unknown>);
      out.push({ machine, state, entry: task.entry, event });
    }
    for (const branch of (s.Branches as Asl[] | undefined) ?? [])
      invocations(machine, branch, tasks, input, out);
    const processor = (s.ItemProcessor ?? s.Iterator) as Asl | undefined;
    if (processor) {
      const item = (at(String(s.ItemsPath), input, context) as unknown[])[0];
      const selector = s.ItemSelector as Record<string, unknown> | undefined;
      const itemInput = selector
        ? fill(selector, input, { ...context, Map: { Item: { Value: item } } })
        : item;
      invocations(machine, processor, tasks, itemInput, out);
    }
  }
  return out;
}

/** Every state of a machine, inside Parallel branches and Map processors too. */
function* allStates(asl: Asl): Generator<[string, AslState]> {
  for (const [name, s] of Object.entries(asl.States) as [string, AslState][]) {
    yield [name, s];
    for (const branch of (s.Branches as Asl[] | undefined) ?? []) yield* allStates(branch);
    const processor = (s.ItemProcessor ?? s.Iterator) as Asl | undefined;
    if (processor) yield* allStates(processor);
  }
}

let synth: SynthOutput;
let machines: ReturnType<typeof localMachines>;
let sent: Invocation[];

beforeAll(() => {
  synth = synthesize('test', { nag: false });
  machines = localMachines(synth.templates);
  sent = Object.values(machines).flatMap((m) => invocations(m.name, m.definition, m.tasks, STATE_INPUT));
});

describe('workflow events (synthesized machines)', () => {
  it('every event a machine sends passes the schema of the Lambda it invokes', () => {
    expect(sent.length).toBeGreaterThan(20);
    for (const s of sent) {
      const schema = SCHEMA[s.entry];
      expect(schema, `${s.state} invokes ${s.entry}, which has no schema here`).toBeDefined();
      expect(() => parseWorkflowEvent(schema!, s.event), `${s.machine}.${s.state}`).not.toThrow();
    }
    // Each machine-invoked Lambda is exercised, each step of the evaluation-step Lambda too.
    const entries = new Set(sent.map((s) => s.entry));
    expect([...entries].sort()).toEqual(
      Object.keys(SCHEMA)
        .filter((e) => !e.endsWith('send-reminders.ts'))
        .sort(),
    );
    const steps = new Set(
      sent.flatMap((s) => (s.entry.endsWith('evaluation-step.ts') ? [(s.event as EvaluationStep).step] : [])),
    );
    expect([...steps].sort()).toEqual([
      'CATAT_KEGAGALAN',
      'DAFTAR_REKAN',
      'HITUNG_PREDIKAT',
      'REKOMENDASI_PELATIHAN',
      'SAMBUNG',
      'TENGGAT',
      'TUTUP',
    ]);
  });

  it('never retries a malformed event: the flow fails fast and its Catch records it', () => {
    const retried = Object.values(machines).flatMap((m) =>
      [...allStates(m.definition)].flatMap(([name, s]) =>
        ((s.Retry as { ErrorEquals: string[] }[] | undefined) ?? []).map((r) => ({
          name,
          errors: r.ErrorEquals,
        })),
      ),
    );
    expect(retried.length).toBeGreaterThan(10);
    for (const { name, errors } of retried) {
      for (const catchAll of [new InvalidWorkflowEvent().name, 'States.ALL', 'States.TaskFailed'])
        expect(errors, name).not.toContain(catchAll);
    }
  });

  it('the daily schedule sends the reminder job an event it accepts', () => {
    const schedules = Object.values(synth.templates).flatMap((t) =>
      Object.values(t.Resources).filter((r) => r.Type === 'AWS::Scheduler::Schedule'),
    );
    expect(schedules).toHaveLength(1);
    const input = (schedules[0]!.Properties?.Target as { Input?: string }).Input;
    // Without an Input the scheduler delivers its own small JSON object.
    expect(() => parseWorkflowEvent(SendRemindersInput, input ? JSON.parse(input) : {})).not.toThrow();
  });

  it('every workflow Lambda refuses a malformed event before it touches anything', async () => {
    const dir = path.join(PROJECT_ROOT, 'functions/workflow');
    const entries = readdirSync(dir).map((f) => `functions/workflow/${f}`);
    expect(entries.sort()).toEqual(Object.keys(SCHEMA).sort());
    for (const entry of entries) {
      const { handler } = (await import(path.join(PROJECT_ROOT, entry))) as {
        handler: (event: unknown) => Promise<unknown>;
      };
      // No deps are configured here: only the event check may run.
      await expect(handler('not an event'), entry).rejects.toBeInstanceOf(InvalidWorkflowEvent);
    }
  });
});
