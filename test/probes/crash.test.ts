import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, useLocalAwsEnvironment } from '../../infra/local/dynamo.js';
import { DEMO_PASSWORD, EMPLOYEES, nipOfKey } from '../../infra/local/seed-data.js';
import { getCycle } from '../../shared/data/cycles.js';
import { getWithHistory, listByCycle } from '../../shared/data/evaluations.js';
import type { AuditEntry } from '../../shared/data/audit.js';
import { clientDeps, type Deps } from '../../shared/runtime/deps.js';
import { killGroup, startLocal, waitReady, WebSession, type LocalProcess } from '../support/probe-process.js';

/**
 * The whole local system (`npm start`: infra/local/start.ts with its DynamoDB Local on disk in
 * DATA_DIR) killed with SIGKILL, process group and JVM together, while a cycle launch, an
 * approval and a batch of submissions are in flight; then started again on the same DATA_DIR.
 * Every evaluation must be back at its stage with its workflow waiting on it again (one new
 * registration each), nothing created or recorded twice, the old sessions still valid, and the
 * next action must work. Waits are on observable states (health, the table), never on time.
 */
const READY_MS = 240_000;
const WAIT_MS = 90_000;
const CYCLE = '2027';
/** Launched and closed before the crash: it must stay closed and still. */
const CLOSED = { id: '2028', scope: ['DISHUB'] };
/** Launched as the crash comes. */
const NEW = { id: '2029', scope: ['BAPPEDA'] };

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kinerja-crash-'));
let proc: LocalProcess | undefined;
let dynamoPort = 0;
let db: Deps;

afterAll(async () => {
  if (proc) await killGroup(proc, dynamoPort).catch(() => undefined);
  db?.ddb.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

const ev = (key: string) => `/api/evaluations/${CYCLE}/${nipOfKey(key)}`;
const row = {
  jenis: 'UTAMA',
  rhk: 'Meningkatnya layanan publik berbasis aplikasi terintegrasi',
  aspek: 'KUANTITAS',
  indikator: 'Jumlah aplikasi layanan yang terintegrasi SSO',
  target: 5,
  satuan: 'aplikasi',
};

/** Active seeded people of these agencies: a cycle's evaluations. */
const expected = (scope: string[]) => EMPLOYEES.filter((e) => e.aktif && scope.includes(e.opd)).length;

/** Polls `fn` until it returns something (bounded): the state, not the time, ends a wait. */
async function until<T>(
  what: string | (() => string),
  fn: () => Promise<T | undefined | false>,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline)
      throw new Error(`${typeof what === 'string' ? what : what()}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function versionOf(s: WebSession, key: string): Promise<number> {
  const r = await s.api('GET', ev(key));
  return (r.json.evaluation as { version: number }).version;
}

/** Drafts a row and the peers, and (unless `submit` is false) submits: as the employee would. */
async function draft(s: WebSession, key: string, rekan: string[], submit = true) {
  expect(
    (await s.api('POST', `${ev(key)}/targets`, { version: await versionOf(s, key), ...row })).status,
  ).toBe(201);
  if (!rekan.length) return;
  const nips = rekan.map(nipOfKey);
  expect((await s.api('PUT', `${ev(key)}/rekan`, { version: await versionOf(s, key), nips })).status).toBe(
    200,
  );
  if (submit)
    expect((await s.api('POST', `${ev(key)}/submit`, { version: await versionOf(s, key) })).status).toBe(200);
}

/** A person's change (reads aside, which are recorded once a day per reader). */
const isPersonsChange = (h: AuditEntry) => 'nip' in h.actor && h.action !== 'EVALUASI_DIBACA';

describe('kill -9 of the whole local system mid-stage, then a restart on the same data', () => {
  it('resumes every evaluation at its stage, with nothing duplicated, and the next action works', async () => {
    useLocalAwsEnvironment();
    const port = await freePort();
    dynamoPort = await freePort();
    proc = startLocal({ dataDir, port, dynamoPort });
    await waitReady(proc, READY_MS);
    db = clientDeps('kinerja-local', `http://127.0.0.1:${dynamoPort}`);
    const base = proc.base;
    // One after another: what is probed here is the crash, not sign-in throttling under a burst.
    const people: Record<string, WebSession> = {};
    for (const k of ['pranata1', 'pranata2', 'pranata3', 'pppkaptika', 'kabidaptika', 'analissdm', 'lalin1'])
      people[k] = await new WebSession(base, nipOfKey(k)).signIn(DEMO_PASSWORD);
    const waiting = (key: string, stage: string, status?: string) =>
      until(`${key} waiting at ${stage}`, async () => {
        const r = await people.kabidaptika!.api('GET', ev(key));
        const e = r.json.evaluation as
          { stage: string; status: string; awaitingWorkflow: boolean } | undefined;
        return e && e.stage === stage && e.awaitingWorkflow && (!status || e.status === status)
          ? e
          : undefined;
      });

    // Before the crash: one evaluation waiting for the assessment window, one for its atasan,
    // and three about to change, as a new cycle is created.
    await waiting('pranata1', 'PENETAPAN_TARGET');
    await draft(people.pranata1!, 'pranata1', ['pranata2', 'pranata3', 'pppkaptika']);
    const approved = await people.kabidaptika!.api('POST', `${ev('pranata1')}/approve`, {
      version: await versionOf(people.kabidaptika!, 'pranata1'),
    });
    expect(approved.status, approved.text).toBe(200);
    await waiting('pranata1', 'MENUNGGU_PENILAIAN');
    await draft(people.pranata2!, 'pranata2', ['pranata1', 'pranata3', 'pppkaptika']);
    await draft(people.pranata3!, 'pranata3', [], false);
    await draft(people.pppkaptika!, 'pppkaptika', ['pranata1', 'pranata2', 'pranata3'], false);
    const admin = people.analissdm!;
    const create = async (c: { id: string; scope: string[] }) => {
      const created = await admin.api('POST', '/api/admin/cycles', {
        id: c.id,
        nama: `Penilaian Kinerja Tahunan ${c.id}`,
        tahun: Number(c.id),
        periode: 'TAHUNAN',
        mulai: `${c.id}-01-01`,
        selesai: `${c.id}-12-31`,
        scope: c.scope,
      });
      expect(created.status, created.text).toBe(201);
    };
    // A cycle launched and closed before the crash.
    await create(CLOSED);
    expect((await admin.api('POST', `/api/admin/cycles/${CLOSED.id}/launch`)).status).toBe(202);
    await until(`${CLOSED.id} launched`, async () => {
      const l = await listByCycle(db, CLOSED.id);
      return l.length === expected(CLOSED.scope) && l.every((e) => e.taskToken);
    });
    const closed = await admin.api('POST', `/api/admin/cycles/${CLOSED.id}/close`, {
      alasanPengecualian: 'Siklus uji ditutup sebelum penilaian untuk memeriksa pemulihan',
    });
    expect(closed.status, closed.text).toBe(200);
    await create(NEW);

    // The crash: a launch, an approval and a submission in flight, killed as soon as the launch
    // is accepted (its CycleLaunch execution then runs in the killed process).
    const [v2, v4] = await Promise.all([
      versionOf(people.kabidaptika!, 'pranata2'),
      versionOf(people.pppkaptika!, 'pppkaptika'),
    ]);
    const inFlight = [
      admin.api('POST', `/api/admin/cycles/${NEW.id}/launch`),
      people.kabidaptika!.api('POST', `${ev('pranata2')}/approve`, { version: v2 }),
      people.pppkaptika!.api('POST', `${ev('pppkaptika')}/submit`, { version: v4 }),
    ].map((p) => p.catch(() => undefined));
    await inFlight[0];
    await killGroup(proc, dynamoPort, 'SIGKILL');
    const answered = await Promise.all(inFlight);

    // The restart, on the same DATA_DIR and ports.
    const restartedAt = new Date().toISOString();
    proc = startLocal({ dataDir, port, dynamoPort });
    await waitReady(proc, READY_MS);

    // A launch the API accepted (202) is never lost: the restart runs it if its execution died
    // before opening the cycle. One that got no answer may or may not have been recorded.
    const launched = (await getCycle(db, NEW.id))?.status === 'DIBUKA';
    console.log(
      `crash: in flight when killed: ${answered.map((r) => r?.status ?? 'no answer').join(', ')}; cycle ${NEW.id} ${launched ? 'opened' : 'not opened'}`,
    );
    if (answered[0]?.status === 202)
      expect(launched, `the launch of ${NEW.id} was accepted (202) but is lost after the restart`).toBe(true);
    if (!launched) expect(await listByCycle(db, NEW.id)).toEqual([]);
    for (const [cycleId, count] of [
      [CYCLE, EMPLOYEES.filter((e) => e.aktif).length],
      ...(launched ? [[NEW.id, expected(NEW.scope)] as const] : []),
    ] as const) {
      // Every evaluation exists once and its workflow registered on its stage again after the restart.
      let seen = '';
      const list = await until(
        () => `${cycleId}: ${count} evaluations registered after the restart (${seen})`,
        async () => {
          const l = await listByCycle(db, cycleId);
          seen = `${l.length} evaluations, ${l.filter((e) => e.taskToken).length} with a token`;
          if (l.length !== count) return undefined;
          const trails = await Promise.all(l.map((e) => getWithHistory(db, cycleId, e.nip)));
          return trails.every((t) =>
            t!.history.some((h) => h.action === 'TAHAP_DIBUKA' && h.at >= restartedAt),
          )
            ? trails.map((t) => t!)
            : undefined;
        },
      );
      for (const { evaluation: e, rows, history } of list) {
        const id = `${cycleId}/${e.nip} (${e.stage}/${e.status})`;
        expect(
          history.filter((h) => h.action === 'EVALUASI_DIBUAT'),
          id,
        ).toHaveLength(1);
        // One execution per evaluation: exactly one registration since the restart.
        expect(
          history.filter((h) => h.action === 'TAHAP_DIBUKA' && h.at >= restartedAt),
          id,
        ).toHaveLength(1);
        expect(e.taskToken, id).toBeTruthy();
        // A person's change is recorded once: never two entries of one action on one version.
        const changes = history.filter(isPersonsChange).map((h) => `${h.action}@${h.version}`);
        expect(changes.length, `${id}: ${changes.join(', ')}`).toBe(new Set(changes).size);
        expect(rows.length, id).toBe(
          history.filter((h) => h.action === 'TARGET_DITAMBAH').length -
            history.filter((h) => h.action === 'TARGET_DIHAPUS').length,
        );
      }
    }

    // Each at its stage, as the trail says it should be.
    const stageOf = async (key: string) => {
      const t = (await getWithHistory(db, CYCLE, nipOfKey(key)))!;
      return { e: t.evaluation, did: (a: string) => t.history.some((h) => h.action === a) };
    };
    const p1 = await stageOf('pranata1');
    expect([p1.e.stage, p1.e.status]).toEqual(['MENUNGGU_PENILAIAN', 'DRAFT']);
    const p2 = await stageOf('pranata2');
    expect(p2.e.stage).toBe(p2.did('SKP_DISETUJUI') ? 'MENUNGGU_PENILAIAN' : 'PENETAPAN_TARGET');
    const p3 = await stageOf('pranata3');
    expect([p3.e.stage, p3.e.status]).toEqual(['PENETAPAN_TARGET', 'DRAFT']);
    const p4 = await stageOf('pppkaptika');
    expect([p4.e.stage, p4.e.status]).toEqual([
      'PENETAPAN_TARGET',
      p4.did('SKP_DIAJUKAN') ? 'DIAJUKAN' : 'DRAFT',
    ]);

    // The closed cycle stays closed: nothing resumed, nobody shown as waited on, every change refused.
    for (const { evaluation: e, history } of await Promise.all(
      (await listByCycle(db, CLOSED.id)).map((e) => getWithHistory(db, CLOSED.id, e.nip).then((t) => t!)),
    )) {
      expect(
        history.filter((h) => h.action === 'TAHAP_DIBUKA' && h.at >= restartedAt),
        e.nip,
      ).toEqual([]);
    }
    const lalin1 = `/api/evaluations/${CLOSED.id}/${nipOfKey('lalin1')}`;
    const shown = await people.lalin1!.api('GET', lalin1);
    expect(shown.status, shown.text).toBe(200);
    expect(
      (shown.json.evaluation as { awaitingWorkflow: boolean }).awaitingWorkflow,
      'closed cycle: awaitingWorkflow',
    ).toBe(false);
    const version = (shown.json.evaluation as { version: number }).version;
    const refused = await people.lalin1!.api('POST', `${lalin1}/targets`, { version, ...row });
    expect(refused.status, `a change in the closed cycle: ${refused.text}`).toBe(409);

    // The sessions made before the crash still work, and the next actions go through.
    expect((await people.pranata3!.api('GET', '/api/me')).status).toBe(200);
    const submitted = await people.pranata3!.api('POST', `${ev('pranata3')}/submit`, {
      version: await versionOf(people.pranata3!, 'pranata3'),
    });
    expect(submitted.status, submitted.text).toBe(200);
    await waiting('pranata3', 'PENETAPAN_TARGET', 'DIAJUKAN');
    const opened = await people.analissdm!.api('POST', `/api/admin/cycles/${CYCLE}/open-assessment`);
    expect(opened.status, opened.text).toBe(200);
    await waiting('pranata1', 'PENILAIAN_MANDIRI');
  }, 600_000);
});
