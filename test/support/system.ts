import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { useLocalAwsEnvironment } from '../../infra/local/dynamo.js';
import { seed } from '../../infra/local/seed.js';
import { CYCLE, EMPLOYEES, nipOfKey } from '../../infra/local/seed-data.js';
import { createLocalSystem, type LocalSystem } from '../../infra/local/system.js';
import type { Principal } from '../../shared/app/actor.js';
import type { Cycle } from '../../shared/domain/evaluation/cycle.js';

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
    /** A short execution budget makes executions hand over to new ones within a test. */
    executionBudgetSeconds?: number;
  } = {},
): Promise<TestSystem> {
  useLocalAwsEnvironment();
  const clock = new TestClock();
  const system = await createLocalSystem({
    synth: inject('synth'),
    endpoint: inject('dynamoEndpoint'),
    tableName: options.tableName ?? `test-${randomUUID().slice(0, 8)}`,
    now: clock.now,
    ...(options.executionBudgetSeconds ? { executionBudgetSeconds: options.executionBudgetSeconds } : {}),
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

/** Polls until the predicate holds; workflow steps run asynchronously. */
export async function eventually<T>(
  fn: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
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

/** The evaluation once its workflow has registered on the open stage. */
export async function registeredEvaluation(s: TestSystem, nip: string) {
  const { getEvaluation } = await import('../../shared/data/evaluations.js');
  return eventually(async () => {
    const e = await getEvaluation(s.deps, s.cycle.id, nip);
    return e?.taskToken ? e : undefined;
  });
}
