/**
 * npm run bench:fuzz — the OpenAPI fuzz of test/probes/openapi-fuzz.test.ts with a larger
 * sample: FUZZ_RUNS random requests per operation (default 60) after the full sweep (every value
 * of the hardening issue in every property, not one of each kind), on its own DynamoDB Local.
 * Prints the requests, the statuses, the time and every finding, each with what replays it
 * (docs/testing.md). Exits 1 when something was found. FUZZ_SEED repeats a run.
 */
import { randomUUID } from 'node:crypto';
import { startDynamo, useLocalAwsEnvironment } from '../../infra/local/dynamo.js';
import { seed } from '../../infra/local/seed.js';
import { CYCLE, EMPLOYEES, nipOfKey } from '../../infra/local/seed-data.js';
import { synthesize } from '../../infra/local/synth.js';
import { createLocalSystem } from '../../infra/local/system.js';
import { client, testApp } from '../support/api.js';
import { fuzzOperation, walkOrder, type Finding, type Stats } from '../support/probe-fuzz.js';
import { operationsOf } from '../support/probe-openapi.js';
import { FUZZ_SCOPE, FUZZ_WORLD, formatFindings, fuzzOptions } from '../support/probe-plan.js';
import { buildWorld } from '../support/probe-world.js';
import { TestClock, type TestSystem } from '../support/system.js';

const options = { ...fuzzOptions(process.env, 60), fullSweep: true };
useLocalAwsEnvironment();
const t0 = performance.now();
const [dynamo, synth] = await Promise.all([
  startDynamo(),
  Promise.resolve().then(() => synthesize('local', { nag: false })),
]);

/** What startTestSystem builds, without vitest (which provides DynamoDB Local to the tests). */
async function start(scope: string[]): Promise<TestSystem> {
  const clock = new TestClock();
  const system = await createLocalSystem({
    synth,
    endpoint: dynamo.endpoint,
    tableName: `bench-fuzz-${randomUUID().slice(0, 8)}`,
    now: clock.now,
  });
  const cycle = { ...CYCLE, scope };
  await seed(system.deps, { cycle, passwords: false });
  return {
    ...system,
    clock,
    cycle,
    principal: (key) => {
      const e = EMPLOYEES.find((x) => x.key === key)!;
      return { nip: nipOfKey(key), nama: e.nama, admin: !!e.admin };
    },
  };
}

let code = 0;
try {
  const world = await buildWorld(FUZZ_SCOPE, FUZZ_WORLD, start);
  const ready = performance.now();
  const doc = (await client(testApp(world.s)).get('/openapi.json')).json;
  const ops = walkOrder(operationsOf(doc)).filter((op) => !options.only || op.id === options.only);
  const stats: Stats = { requests: 0, byStatus: {} };
  const findings: Finding[] = [];
  for (const op of ops) findings.push(...(await fuzzOperation(op, world, options, stats)));
  const done = performance.now();
  world.s.stop();
  console.log(
    `openapi fuzz: ${stats.requests} requests over ${ops.length} operations, seed ${options.seed}, ` +
      `${options.runs} random per operation after the full sweep`,
  );
  console.log(`  statuses: ${JSON.stringify(stats.byStatus)}`);
  console.log(
    `  time: ${((ready - t0) / 1000).toFixed(1)} s to a staged system, ${((done - ready) / 1000).toFixed(1)} s of requests ` +
      `(${Math.round(stats.requests / ((done - ready) / 1000))} requests/s)`,
  );
  console.log(
    findings.length ? `  ${findings.length} findings:\n${formatFindings(findings)}` : '  no findings',
  );
  code = findings.length ? 1 : 0;
} catch (err) {
  console.error(err);
  code = 2;
} finally {
  dynamo.stop();
}
process.exit(code);
