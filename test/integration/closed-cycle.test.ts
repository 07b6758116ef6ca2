import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createLocalSystem, EVALUATION_MACHINE, type LocalSystem } from '../../infra/local/system.js';
import type { Principal } from '../../shared/app/actor.js';
import { resumeOpenEvaluations } from '../../shared/app/evaluation/cycle-launch.js';
import { executionOfCycle } from '../../shared/app/evaluation/execution.js';
import * as skp from '../../shared/app/evaluation/skp.js';
import { SISTEM, recordOverdue } from '../../shared/app/evaluation/stage-tasks.js';
import { closeCycle } from '../../shared/app/evaluation/tutup-siklus.js';
import { getCycle } from '../../shared/data/cycles.js';
import { auditPut } from '../../shared/data/audit.js';
import { getEvaluation, getWithHistory } from '../../shared/data/evaluations.js';
import { keys } from '../../shared/data/keys.js';
import { listPenilaianRekan, penilaianRekanCreate } from '../../shared/data/penilaian-rekan.js';
import { rowPut } from '../../shared/data/target-rows.js';
import { transact } from '../../shared/data/transact.js';
import { versionedUpdate } from '../../shared/data/write.js';
import { SIKLUS_DITUTUP } from '../../shared/domain/evaluation/actions.js';
import type { Deps } from '../../shared/runtime/deps.js';
import { client, sessionFor, testApp } from '../support/api.js';
import {
  allRegistered,
  eventually,
  launchAndWait,
  startTestSystem,
  type TestSystem,
} from '../support/system.js';

/**
 * Closed means closed (issue 9): once BKPSDM closes a cycle, no change to its evaluations is
 * written (each transaction checks the cycle), no read offers an action, the cycle's executions
 * are stopped, and a restart neither resumes them nor shows them waiting.
 */

let s: TestSystem;
let app: ReturnType<typeof testApp>;
let admin: Principal;
let atasan: Principal;
const ALASAN = 'Uji coba: siklus ditutup sebelum seluruh evaluasi selesai dinilai';
const row = {
  jenis: 'UTAMA' as const,
  rhk: 'Meningkatnya ketertiban lalu lintas di simpang utama',
  aspek: 'KUANTITAS' as const,
  indikator: 'Jumlah simpang dengan rekayasa lalu lintas',
  target: 4,
  satuan: 'simpang',
};
const nip = (key: string) => s.principal(key).nip;
const ev = (key: string) => `/api/evaluations/${s.cycle.id}/${nip(key)}`;
const version = async (key: string) => (await getEvaluation(s.deps, s.cycle.id, nip(key)))!.version;

/** Everything stored for one evaluation: the item, its rows, its trail, its peers' reviews. */
async function snapshot(key: string) {
  const [sheet, rekan] = await Promise.all([
    getWithHistory(s.deps, s.cycle.id, nip(key)),
    listPenilaianRekan(s.deps, s.cycle.id, nip(key)),
  ]);
  return { ...sheet, rekan };
}

/**
 * Deps whose next transaction waits until released: a change (or the close) that has read
 * and decided, held just before it writes, so the test decides who commits first.
 */
function holdingTransaction(deps: Deps) {
  const reached = Promise.withResolvers<void>();
  const released = Promise.withResolvers<void>();
  const ddb = {
    send: async (command: unknown, ...rest: unknown[]) => {
      if (command instanceof TransactWriteCommand) {
        reached.resolve();
        await released.promise;
      }
      return (deps.ddb.send as (...a: unknown[]) => Promise<unknown>)(command, ...rest);
    },
  };
  return {
    deps: { ...deps, ddb: ddb as unknown as Deps['ddb'] },
    reached: reached.promise,
    release: () => released.resolve(),
  };
}

/** The cycle's EmployeeEvaluation executions on an engine. */
const executionsOf = (system: LocalSystem) =>
  [...system.engine.executions.values()].filter(
    (x) => x.machine === EVALUATION_MACHINE && executionOfCycle(x.name, s.cycle.id),
  );

beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DISHUB'] } });
  await launchAndWait(s);
  await allRegistered(s);
  app = testApp(s);
  admin = s.principal('analissdm');
  atasan = s.principal('kabidlalin');
  // lalin1 has a row (so a submit would pass its own rules); lalin2 has submitted, for the atasan.
  await skp.addTargetRow(
    s.deps,
    s.principal('lalin1'),
    s.cycle.id,
    nip('lalin1'),
    await version('lalin1'),
    row,
  );
  const added = await skp.addTargetRow(
    s.deps,
    s.principal('lalin2'),
    s.cycle.id,
    nip('lalin2'),
    await version('lalin2'),
    row,
  );
  await skp.submitSkp(s.deps, s.principal('lalin2'), s.cycle.id, nip('lalin2'), added.evaluation.version);
}, 120_000);
afterAll(() => s.stop());

describe('a change racing the close', () => {
  it('commits only before the close: a change that read the open cycle and writes after it is refused', async () => {
    // pkb1 decides while the cycle is open, then waits at its write.
    const late = holdingTransaction(s.deps);
    const before = await snapshot('pkb1');
    const lateChange = skp.addTargetRow(
      late.deps,
      s.principal('pkb1'),
      s.cycle.id,
      nip('pkb1'),
      before.evaluation!.version,
      row,
    );
    const lateOutcome = lateChange.then(
      () => 'written',
      (err: unknown) => err,
    );
    await late.reached;

    // The close reads and decides, and waits at its write too.
    const close = holdingTransaction(s.deps);
    const closing = closeCycle(close.deps, admin, s.cycle.id, ALASAN);
    await close.reached;

    // kadishub's change commits while the close waits: it was first, so it stands.
    const first = await skp.addTargetRow(
      s.deps,
      s.principal('kadishub'),
      s.cycle.id,
      nip('kadishub'),
      await version('kadishub'),
      row,
    );

    close.release();
    const closed = await closing;
    expect(closed.cycle.status).toBe('DITUTUP');
    expect((await getCycle(s.deps, s.cycle.id))!.status).toBe('DITUTUP');

    late.release();
    expect(await lateOutcome).toMatchObject({ code: 'KONFLIK', message: SIKLUS_DITUTUP });
    // Nothing of the late change: not the row, not the version, not a trail entry.
    expect(await snapshot('pkb1')).toEqual(before);
    // The first one is there whole: its row, its version, its trail entry.
    const kept = await snapshot('kadishub');
    expect(kept.evaluation!.version).toBe(first.evaluation.version);
    expect(kept.rows!.map((r) => r.id)).toContain(first.row.id);
    expect(kept.history!.map((h) => h.action)).toContain('TARGET_DITAMBAH');
  });
});

describe('after the close', () => {
  it('answers 409 to adding a target, submitting and approving, and writes nothing', async () => {
    const [pegawaiBefore, atasanSideBefore] = [await snapshot('lalin1'), await snapshot('lalin2')];
    const peg = client(app, s.principal('lalin1'));
    const sup = client(app, atasan);

    const added = await peg.post(`${ev('lalin1')}/targets`, { ...row, version: await version('lalin1') });
    const submitted = await peg.post(`${ev('lalin1')}/submit`, { version: await version('lalin1') });
    const approved = await sup.post(`${ev('lalin2')}/approve`, { version: await version('lalin2') });
    for (const res of [added, submitted, approved]) {
      expect(res.status).toBe(409);
      expect(res.json).toMatchObject({ error: 'KONFLIK', message: SIKLUS_DITUTUP });
    }
    expect(await snapshot('lalin1')).toEqual(pegawaiBefore);
    expect(await snapshot('lalin2')).toEqual(atasanSideBefore);
  });

  it('offers no action: not awaiting, not in the inbox or the tasks, no form on the page', async () => {
    const sup = client(app, atasan);
    const detail = await sup.get(ev('lalin2'));
    expect(detail.status).toBe(200);
    expect(detail.json.evaluation).toMatchObject({
      status: 'DIAJUKAN',
      awaitingWorkflow: false,
      cycleClosed: true,
    });
    const mine = await client(app, s.principal('lalin1')).get('/api/evaluations');
    expect(mine.json.items).toEqual([
      expect.objectContaining({ cycleId: s.cycle.id, awaitingWorkflow: false }),
    ]);
    expect((await sup.get('/api/inbox')).json.items).toEqual([]);
    expect((await client(app, s.principal('lalin1')).get('/api/tasks')).json.items).toEqual([]);

    // The pages read the same view: the atasan gets no decision form, the employee no target form.
    const page = async (p: Principal, key: string) =>
      (
        await app.request(`/evaluasi/${s.cycle.id}/${nip(key)}`, {
          headers: { cookie: sessionFor(p).cookie },
        })
      ).text();
    const atasanPage = await page(atasan, 'lalin2');
    expect(atasanPage).toContain(SIKLUS_DITUTUP);
    expect(atasanPage).not.toMatch(/action="[^"]*\/(setujui|kembalikan)"/);
    const pegawaiPage = await page(s.principal('lalin1'), 'lalin1');
    expect(pegawaiPage).toContain(SIKLUS_DITUTUP);
    expect(pegawaiPage).not.toMatch(/action="[^"]*\/(target|ajukan)"/);
  });

  it("refuses any write of an evaluation's records (item, rows, peer reviews), keeps its trail appendable", async () => {
    const e = (await getEvaluation(s.deps, s.cycle.id, nip('lalin1')))!;
    const at = s.clock.now().toISOString();
    const writes = {
      evaluation: [
        versionedUpdate(s.deps, keys.evaluation(e.cycleId, e.nip), e.version, { lastComment: 'x' }),
      ],
      row: [rowPut(s.deps, e.cycleId, e.nip, { ...row, id: 'baris-baru' }, 9, true)],
      rekan: [
        penilaianRekanCreate(s.deps, {
          cycleId: e.cycleId,
          nip: e.nip,
          rekanNip: nip('lalin2'),
          rekanNama: 'Rekan',
          status: 'MENUNGGU',
          version: 1,
        }),
      ],
    };
    for (const [what, items] of Object.entries(writes)) {
      await expect(transact(s.deps, items), what).rejects.toMatchObject({ message: SIKLUS_DITUTUP });
    }
    // A plan that outlived its evaluation logs its later changes on the trail: still allowed.
    const entry = { cycleId: e.cycleId, nip: e.nip, at, actor: SISTEM, detail: {}, version: e.version };
    await expect(
      transact(s.deps, [auditPut(s.deps, { ...entry, action: 'PELATIHAN_SELESAI' })]),
    ).resolves.toBe(undefined);
  });

  it("stops the cycle's executions, and its workflow steps write nothing", async () => {
    // Wait for the state (every execution of the cycle ended), never for a moment.
    const ended = await eventually(async () => {
      const all = executionsOf(s);
      return all.length >= 5 && all.every((x) => x.status !== 'RUNNING') ? all : undefined;
    });
    expect(ended.every((x) => x.status === 'ABORTED' && x.error?.name === 'SiklusDitutup')).toBe(true);

    // A step that ran before its stop (here: a deadline passing) is refused and writes nothing.
    const before = await snapshot('lalin1');
    s.clock.advance(400 * 86_400_000);
    try {
      await expect(
        recordOverdue(s.handlerDeps, { cycleId: s.cycle.id, nip: nip('lalin1'), stage: 'PENETAPAN_TARGET' }),
      ).rejects.toMatchObject({ name: 'SiklusDitutup' });
    } finally {
      s.clock.advance(-400 * 86_400_000);
    }
    expect(await snapshot('lalin1')).toEqual(before);
  });

  it('after a restart: nothing resumed, nothing waiting, submit and approve answer 409', async () => {
    // The process dies (executions lived in memory) and starts again on the same table.
    s.engine.stop();
    const restarted = await createLocalSystem({
      synth: inject('synth'),
      endpoint: inject('dynamoEndpoint'),
      tableName: s.deps.tableName,
      now: s.clock.now,
    });
    try {
      await resumeOpenEvaluations(restarted.deps);
      expect(executionsOf(restarted)).toEqual([]);
      const app2 = testApp({ ...s, deps: restarted.deps });
      const sup = client(app2, atasan);
      const before = [await snapshot('lalin1'), await snapshot('lalin2')];
      expect((await sup.get(ev('lalin2'))).json.evaluation).toMatchObject({ awaitingWorkflow: false });
      const submitted = await client(app2, s.principal('lalin1')).post(`${ev('lalin1')}/submit`, {
        version: await version('lalin1'),
      });
      const approved = await sup.post(`${ev('lalin2')}/approve`, { version: await version('lalin2') });
      expect([submitted.status, approved.status]).toEqual([409, 409]);
      expect(approved.json.message).toBe(SIKLUS_DITUTUP);
      expect([await snapshot('lalin1'), await snapshot('lalin2')]).toEqual(before);
    } finally {
      restarted.stop();
    }
  });
});
