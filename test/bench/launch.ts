/**
 * npm run bench:launch — a small cycle (the 3 active employees of one seeded OPD) launched the
 * way npm start and the tests launch one: through the synthesized CycleLaunch machine on the
 * local engine (launchAndWait). Per run, on a fresh table: the time until the launch's result,
 * and until all 3 evaluations are registered at target setting. The first run warms the modules.
 */
import { randomUUID } from 'node:crypto';
import { startDynamo, useLocalAwsEnvironment } from '../../infra/local/dynamo.js';
import { seed } from '../../infra/local/seed.js';
import { CYCLE, EMPLOYEES } from '../../infra/local/seed-data.js';
import { synthesize } from '../../infra/local/synth.js';
import { createLocalSystem, launchAndWait } from '../../infra/local/system.js';
import { listByCycle } from '../../shared/data/evaluations.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 6);
const OPD = 'BAPPEDA';
const expected = EMPLOYEES.filter((e) => e.opd === OPD && e.aktif).length;

useLocalAwsEnvironment();
const [dynamo, synth] = await Promise.all([
  startDynamo(),
  Promise.resolve().then(() => synthesize('local', { nag: false })),
]);
const launched: number[] = [];
const registered: number[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const system = await createLocalSystem({
      synth,
      endpoint: dynamo.endpoint,
      tableName: `bench-launch-${randomUUID().slice(0, 8)}`,
    });
    await seed(system.deps, { cycle: { ...CYCLE, scope: [OPD] }, passwords: false });
    const t0 = performance.now();
    const report = await launchAndWait(system, CYCLE.id);
    launched.push(performance.now() - t0);
    if (report.started !== expected) throw new Error(`started ${report.started} of ${expected}`);
    for (;;) {
      const list = await listByCycle(system.deps, CYCLE.id);
      if (list.length === expected && list.every((e) => e.taskToken)) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    registered.push(performance.now() - t0);
    system.stop();
  }
} finally {
  dynamo.stop();
}
const ms = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
console.log(`${expected}-employee launch through CycleLaunch, ${RUNS} runs (first one cold):`);
console.log(`  result in ms:          ${ms(launched)} (median of warm runs ${median(launched.slice(1))})`);
console.log(
  `  all registered in ms:  ${ms(registered)} (median of warm runs ${median(registered.slice(1))})`,
);
process.exit(0);
