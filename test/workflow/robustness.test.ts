import { afterEach, describe, expect, it } from 'vitest';
import { launchBatch } from '../../shared/app/evaluation/cycle-launch.js';
import * as skp from '../../shared/app/evaluation/skp.js';
import { recordOverdue } from '../../shared/app/evaluation/stage-tasks.js';
import { getEvaluation, getWithHistory } from '../../shared/data/evaluations.js';
import { listNotices } from '../../shared/data/notices.js';
import { rowUpdate } from '../../shared/data/target-rows.js';
import {
  eventually,
  launchAndWait,
  registeredEvaluation,
  startTestSystem,
  type TestSystem,
} from '../support/system.js';
import { approveWithRekan } from '../support/cycle.js';

const row = {
  jenis: 'UTAMA' as const,
  rhk: 'Tersedianya layanan data',
  aspek: 'KUANTITAS' as const,
  indikator: 'Jumlah dataset',
  target: 10,
  satuan: 'dataset',
};
const systems: TestSystem[] = [];
afterEach(() => {
  for (const s of systems.splice(0)) s.stop();
});
async function started(tableName?: string) {
  const s = await startTestSystem({ cycle: { scope: ['DISKOMINFO'] }, ...(tableName ? { tableName } : {}) });
  systems.push(s);
  return s;
}

describe('robustness of the target-setting workflow', () => {
  it("never writes a row's link counter from the app, so a subordinate's concurrent link is kept", () => {
    const item = rowUpdate({ tableName: 't' } as never, '2027', '1'.repeat(18), {
      ...row,
      id: 'r1',
      linkCount: 3,
    });
    expect(JSON.stringify(item)).not.toContain('linkCount');
  });

  it('keeps an approval made while no execution waits (after a restart) instead of failing it', async () => {
    const first = await started();
    await launchAndWait(first);
    const pegawai = first.principal('pranata1');
    const e = await registeredEvaluation(first, pegawai.nip);
    const added = await skp.addTargetRow(first.deps, pegawai, first.cycle.id, pegawai.nip, e.version, row);
    const submitted = await skp.submitSkp(
      first.deps,
      pegawai,
      first.cycle.id,
      pegawai.nip,
      added.evaluation.version,
    );
    first.stop();
    const second = await started(first.deps.tableName);
    const approved = await approveWithRekan(
      second.deps,
      second.principal('kabidaptika'),
      second.cycle.id,
      pegawai.nip,
      submitted.version,
    );
    expect(approved.status).toBe('SELESAI');
    expect((await getWithHistory(second.deps, second.cycle.id, pegawai.nip))!.history.at(-1)!.action).toBe(
      'SKP_DISETUJUI',
    );
  });

  it('starts the workflow on relaunch for an evaluation edited before any execution registered', async () => {
    const s = await started();
    const throttled = {
      ...s.deps,
      sfn: {
        send: async () =>
          Promise.reject(Object.assign(new Error('slow down'), { name: 'ThrottlingException' })),
      },
    };
    // The launch's batch step failed for good (StartExecution throttled past its retries): the
    // evaluations it created stay, without executions.
    await expect(launchBatch(throttled, s.cycle.id, { opd: 'DISKOMINFO' })).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
    const pegawai = s.principal('pranata2');
    const before = (await getEvaluation(s.deps, s.cycle.id, pegawai.nip))!;
    await skp.addTargetRow(s.deps, pegawai, s.cycle.id, pegawai.nip, before.version, row);
    const report = await launchAndWait(s);
    expect(report.started).toBe(9);
    const registered = await eventually(
      async () => (await getEvaluation(s.deps, s.cycle.id, pegawai.nip))?.taskToken,
    );
    expect(registered).toBeTruthy();
  });

  it('does not escalate when a deadline timer fires before the deadline', async () => {
    const s = await started();
    await launchAndWait(s);
    const nip = s.principal('pranata3').nip;
    const e = await registeredEvaluation(s, nip);
    const out = await recordOverdue(s.deps, { cycleId: s.cycle.id, nip, stage: 'PENETAPAN_TARGET' });
    expect(out).toEqual({ stageOpen: true, seconds: expect.any(Number), at: e.deadline, sambung: false });
    expect(out.seconds).toBeGreaterThan(1000);
    expect(await listNotices(s.deps, 'BKPSDM')).toEqual([]);
    expect((await getEvaluation(s.deps, s.cycle.id, nip))!.overdueCount).toBe(0);
  });
});
