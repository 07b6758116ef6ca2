import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, testApp } from '../support/api.js';
import { fuzzOperation, walkOrder, type Finding, type Stats } from '../support/probe-fuzz.js';
import { operationsOf, type Operation } from '../support/probe-openapi.js';
import { STAGE_ROUTES } from '../support/probe-routes.js';
import { FUZZ_SCOPE, FUZZ_WORLD, fuzzOptions, formatFindings } from '../support/probe-plan.js';
import { buildWorld, type World } from '../support/probe-world.js';

/**
 * Every operation of the app's own OpenAPI document, fuzzed with real ids for each persona:
 * bodies from the schema and outside it (the values issue 9 names, wrong types, missing and
 * extra properties, broken JSON), plus a sweep that puts each bad value into every matching
 * property at once where the request reaches the stage's write. Never a 5xx; every 4xx in the
 * API's one error shape, naming the field for a validation error; and nothing outside the input
 * rules accepted. FUZZ_RUNS sets the random requests per operation, FUZZ_SEED the seed;
 * FUZZ_OP with FUZZ_PATH replays one request (docs/testing.md).
 */
const options = fuzzOptions();
let w: World;
let ops: Operation[];
const stats: Stats = { requests: 0, byStatus: {} };
const accepted: Finding[] = [];
const started = Date.now();

beforeAll(async () => {
  w = await buildWorld(FUZZ_SCOPE, FUZZ_WORLD);
  const doc = (await client(testApp(w.s)).get('/openapi.json')).json;
  ops = walkOrder(operationsOf(doc)).filter((op) => !options.only || op.id === options.only);
}, 180_000);
afterAll(() => {
  console.log(
    `openapi fuzz: ${stats.requests} requests over ${ops?.length ?? 0} operations in ${Math.round((Date.now() - started) / 1000)} s (seed ${options.seed}, ${options.runs} random per operation); statuses ${JSON.stringify(stats.byStatus)}`,
  );
  w?.s.stop();
});

describe('the OpenAPI document, fuzzed with real ids for every persona', () => {
  it('lists every route that changes a stage in the probes (a new one needs a row in probe-routes.ts)', () => {
    const changing = ops
      .filter((op) => op.method !== 'get')
      .filter((op) => /^\/api\/(evaluations|penilaian-rekan)\/\{cycleId\}\/\{nip\}/.test(op.path))
      .map((op) => op.id);
    if (options.only) return;
    expect(changing.filter((id) => !STAGE_ROUTES.some((r) => r.id === id))).toEqual([]);
    expect(STAGE_ROUTES.filter((r) => !changing.includes(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('walks every operation: never a 5xx, and every 4xx in the error shape, naming the field', async () => {
    const broken: Finding[] = [];
    for (const op of ops) {
      const found = await fuzzOperation(op, w, options, stats);
      broken.push(...found.filter((f) => f.kind !== 'accepted-outside-rules'));
      accepted.push(...found.filter((f) => f.kind === 'accepted-outside-rules'));
    }
    expect(ops.length).toBeGreaterThan(options.only ? 0 : 40);
    expect(formatFindings(broken)).toEqual('');
  }, 600_000);

  it('accepts nothing outside the input rules (numbers, text, types, unknown properties)', () => {
    expect(formatFindings(accepted)).toEqual('');
  });
});
