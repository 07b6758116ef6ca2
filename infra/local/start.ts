import { serve } from '@hono/node-server';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createApp } from '../../functions/api/app.js';
import { resumeOpenEvaluations } from '../../shared/app/evaluation/cycle-launch.js';
import { localAccounts } from '../../shared/auth/local-accounts.js';
import { listCycles } from '../../shared/data/cycles.js';
import { PROJECT_ROOT } from '../lambda.js';
import { startDynamo } from './dynamo.js';
import { seed } from './seed.js';
import { synthesize } from './synth.js';
import { createLocalSystem, launchAndWait } from './system.js';
import { startReminderTimer } from './reminders.js';

const t0 = performance.now();
const log = (msg: string) => console.log(`[kinerja] ${msg} (+${Math.round(performance.now() - t0)} ms)`);

const dataDir = path.resolve(PROJECT_ROOT, process.env.DATA_DIR ?? '.data');
const port = Number(process.env.PORT ?? 3000);
mkdirSync(path.join(dataDir, 'dynamodb'), { recursive: true });

/** Kept in DATA_DIR so that sessions survive a restart. */
function sessionSecret(): string {
  const file = path.join(dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

const [dynamo, synth] = await Promise.all([
  startDynamo({
    dataDir: path.join(dataDir, 'dynamodb'),
    port: Number(process.env.DYNAMODB_PORT ?? 0) || undefined,
  }),
  Promise.resolve().then(() => synthesize('local', { nag: false })),
]);
log(`DynamoDB Local di ${dynamo.endpoint}, data di ${dataDir}`);
const system = await createLocalSystem({ synth, endpoint: dynamo.endpoint, tableName: 'kinerja-local' });

let server: ReturnType<typeof serve> | undefined;
let stopReminders: (() => void) | undefined;
let stopping = false;
function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log('berhenti...');
  stopReminders?.();
  system.stop();
  server?.close();
  dynamo.stop();
  setTimeout(() => process.exit(code), 300).unref();
}
process.on('SIGINT', () => shutdown());
process.on('SIGTERM', () => shutdown());
process.on('exit', () => dynamo.stop());

try {
  const seeded = await seed(system.deps);
  log(`data contoh: ${seeded.created} item baru`);
  // Executions live in memory. Resume first (stages opened before the restart), then launch
  // (evaluations that no execution ever registered on), so nothing is started twice. The launch
  // runs the synthesized CycleLaunch machine, as BKPSDM's launch from the cycle page does.
  const { resumed } = await resumeOpenEvaluations(system.deps);
  log(`${resumed} evaluasi dilanjutkan pada tahap terbukanya`);
  for (const cycle of await listCycles(system.deps)) {
    // A launch BKPSDM asked for (recorded on the cycle) but whose execution died with the process
    // before its first step still has to run: the cycle is then DISIAPKAN with a `peluncuran`.
    const accepted = cycle.status === 'DISIAPKAN' && !!cycle.peluncuran;
    if (cycle.status !== 'DIBUKA' && !accepted) continue;
    const r = await launchAndWait(system, cycle.id);
    log(
      `siklus ${cycle.id}: ${r.employees} pegawai, ${r.created} evaluasi baru, ${r.started} eksekusi dimulai`,
    );
  }

  stopReminders = startReminderTimer(system.deps, log);

  const app = createApp({
    auth: localAccounts(() => system.deps),
    deps: () => system.deps,
    sessionSecret: sessionSecret(),
    secureCookies: false,
  });
  server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
    log(`siap dalam ${Math.round(performance.now() - t0)} ms: http://localhost:${info.port}`);
  });
} catch (err) {
  console.error(err);
  shutdown(1);
}
