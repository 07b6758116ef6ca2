import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { useLocalAwsEnvironment } from '../../infra/local/dynamo.js';
import { seed } from '../../infra/local/seed.js';
import { CYCLE, EMPLOYEES, nipOfKey } from '../../infra/local/seed-data.js';
import {
  createLocalSystem,
  launchAndWait as launchOnEngine,
  type LocalSystem,
} from '../../infra/local/system.js';
import type { Principal } from '../../shared/app/actor.js';
import { getEvaluation, listByCycle } from '../../shared/data/evaluations.js';
import type { Cycle } from '../../shared/domain/evaluation/cycle.js';
import type { Evaluation } from '../../shared/domain/evaluation/evaluation.js';

/** A clock tests can move; the workflow's real timers still run on wall time. */
export class TestClock {
  private offsetMs = 0;
  now = () => new Date(Date.now() + this.offsetMs);
  advance(ms: number) {
    this.offsetMs += ms;
  }
}

export interface TestSystem extends LocalSystem {
  clock: TestClock;
  cycle: Cycle;
  principal: (key: string) => Principal;
}

/** A fresh table on the shared DynamoDB Local, the synthesized machines, and the seed. */
export async function startTestSystem(
  options: {
    cycle?: Partial<Omit<Cycle, 'jadwal'>> & { jadwal?: Partial<Cycle['jadwal']> };
    passwords?: boolean;
    tableName?: string;
  } = {},
): Promise<TestSystem> {
  useLocalAwsEnvironment();
  const clock = new TestClock();
  const [synth, endpoint] = [inject('synth'), inject('dynamoEndpoint')];
  if (!synth || !endpoint)
    throw new Error(
      'This test file needs DynamoDB Local: list it in a project with its globalSetup (vitest.config.ts)',
    );
  const system = await createLocalSystem({
    synth,
    endpoint,
    tableName: options.tableName ?? `test-${randomUUID().slice(0, 8)}`,
    now: clock.now,
  });
  const cycle: Cycle = { ...CYCLE, ...options.cycle, jadwal: { ...CYCLE.jadwal, ...options.cycle?.jadwal } };
  await seed(system.deps, { cycle, passwords: options.passwords ?? false });
  return {
    ...system,
    clock,
    cycle,
    principal: (key) => {
      const e = EMPLOYEES.find((x) => x.key === key);
      if (!e) throw new Error(`no seeded ${key}`);
      return { nip: nipOfKey(key), nama: e.nama, admin: !!e.admin };
    },
  };
}

/**
 * How long a test waits for a state by default: generous, because a loaded machine is slow and
 * a wait that ends early only ends the test sooner.
 */
export const WAIT_MS = 20_000;

/** Polls until the predicate holds; workflow steps run asynchronously. */
export async function eventually<T>(
  fn: () => Promise<T | undefined | false>,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * The evaluation once `until` holds for it. The workflow moves an evaluation on by itself after
 * an action that resumes it, after a launch and after a deadline: a test waits for the state it
 * expects instead of reading at once. On timeout the error says what was seen last.
 */
export async function waitForEvaluation(
  s: TestSystem,
  nip: string,
  until: (e: Evaluation) => boolean,
  { what = 'the expected state', timeoutMs = WAIT_MS, cycleId = s.cycle.id } = {},
): Promise<Evaluation> {
  let last: Evaluation | undefined;
  try {
    return await eventually(async () => {
      last = await getEvaluation(s.deps, cycleId, nip);
      return last && until(last) ? last : undefined;
    }, timeoutMs);
  } catch (err) {
    const seen = last
      ? `${last.stage}/${last.status} v${last.version}${last.taskToken ? ', workflow waiting' : ''}`
      : 'no evaluation';
    throw new Error(`${cycleId}/${nip}: not ${what} within ${timeoutMs} ms (last seen ${seen})`, {
      cause: err,
    });
  }
}

/** The evaluation once its workflow has registered on the open stage. */
export function registeredEvaluation(s: TestSystem, nip: string) {
  return waitForEvaluation(s, nip, (e) => !!e.taskToken, { what: 'registered on its stage' });
}

/**
 * Launches a cycle the one way cycles are launched, through the synthesized CycleLaunch machine,
 * and returns the run's result once it has finished. The evaluations exist then; their own
 * executions register on target setting shortly after (`registeredEvaluation`, `allRegistered`).
 */
export function launchAndWait(s: TestSystem, cycleId = s.cycle.id) {
  return launchOnEngine(s, cycleId);
}

/** Every evaluation of the cycle, once each one's workflow has registered on its open stage. */
export function allRegistered(s: TestSystem, cycleId = s.cycle.id, timeoutMs = WAIT_MS) {
  return eventually(async () => {
    const list = await listByCycle(s.deps, cycleId);
    return list.length && list.every((e) => e.taskToken) ? list : undefined;
  }, timeoutMs);
}
