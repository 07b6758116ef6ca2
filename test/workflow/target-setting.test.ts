import { afterEach, describe, expect, it } from 'vitest';
import { resumeOpenEvaluations } from '../../shared/app/evaluation/cycle-launch.js';
import * as skp from '../../shared/app/evaluation/skp.js';
import { getEvaluation, getWithHistory, listByCycle } from '../../shared/data/evaluations.js';
import { listNotices } from '../../shared/data/notices.js';
import { executionName } from '../../shared/app/evaluation/execution.js';
import { nipOfKey } from '../../infra/local/seed-data.js';
import { EVALUATION_MACHINE } from '../../infra/local/system.js';
import {
  allRegistered,
  eventually,
  launchAndWait,
  startTestSystem,
  type TestSystem,
} from '../support/system.js';
import { approveWithRekan, atStage } from '../support/cycle.js';

const row = {
  jenis: 'UTAMA' as const,
  rhk: 'Tersedianya aplikasi layanan publik terintegrasi',
  aspek: 'KUANTITAS' as const,
  indikator: 'Jumlah aplikasi layanan yang terintegrasi SSO',
  target: 5,
  satuan: 'aplikasi',
};
const systems: TestSystem[] = [];
afterEach(() => {
  for (const s of systems.splice(0)) s.stop();
});

async function started(options: Parameters<typeof startTestSystem>[0] = {}) {
  const s = await startTestSystem({ ...options, cycle: { scope: ['DISKOMINFO'], ...options.cycle } });
  systems.push(s);
  return s;
}

const registered = (s: TestSystem, nip: string) =>
  eventually(async () => {
    const e = await getEvaluation(s.deps, s.cycle.id, nip);
    return e?.taskToken ? e : undefined;
  });

describe('EmployeeEvaluation: target setting (synthesized state machine, real handlers, DynamoDB Local)', () => {
  it('runs submit, return, resubmit and approve to a finished execution with its history', async () => {
    const s = await started();
    const report = await launchAndWait(s);
    expect(report).toMatchObject({ employees: 9, created: 9, started: 9, alreadyStarted: 0 });
    const pegawai = s.principal('pranata1');
    const atasan = s.principal('kabidaptika');
    let e = await registered(s, pegawai.nip);
    expect(e).toMatchObject({ stage: 'PENETAPAN_TARGET', status: 'DRAFT', version: 2 });

    const added = await skp.addTargetRow(s.deps, pegawai, s.cycle.id, pegawai.nip, e.version, row);
    e = await skp.submitSkp(s.deps, pegawai, s.cycle.id, pegawai.nip, added.evaluation.version);
    e = await skp.returnSkp(
      s.deps,
      atasan,
      s.cycle.id,
      pegawai.nip,
      e.version,
      'Target terlalu rendah, naikkan menjadi 8 aplikasi',
    );
    expect(e).toMatchObject({
      status: 'DIKEMBALIKAN',
      lastComment: 'Target terlalu rendah, naikkan menjadi 8 aplikasi',
    });
    const updated = await skp.updateTargetRow(
      s.deps,
      pegawai,
      s.cycle.id,
      pegawai.nip,
      added.row.id,
      e.version,
      { ...row, target: 8 },
    );
    e = await skp.submitSkp(s.deps, pegawai, s.cycle.id, pegawai.nip, updated.evaluation.version);
    e = await approveWithRekan(s.deps, atasan, s.cycle.id, pegawai.nip, e.version);
    expect(e.status).toBe('SELESAI');

    const execution = s.engine.executions.get(
      `${s.deps.stateMachines.employeeEvaluation.replace(':stateMachine:', ':execution:')}:${executionName(s.cycle.id, pegawai.nip)}`,
    )!;
    // Approval moves the execution on to the wait for the assessment window.
    await atStage(s, pegawai.nip, 'MENUNGGU_PENILAIAN');
    // Deterministic cost budget: states entered and Lambda invocations for target setting.
    expect(execution.events.filter((x) => x.type === 'StateEntered').map((x) => x.state)).toEqual([
      'AlurEvaluasi',
      'MulaiDariTahap',
      'TenggatPenetapanTarget',
      'PenetapanTarget',
      'JadwalMasaPenilaian',
      'MenungguMasaPenilaian',
    ]);
    expect(execution.invocations).toBe(4);

    const full = (await getWithHistory(s.deps, s.cycle.id, pegawai.nip))!;
    expect(full.evaluation).toMatchObject({ stage: 'MENUNGGU_PENILAIAN', status: 'DRAFT' });
    expect(full.rows).toHaveLength(1);
    expect(full.rows[0]!.target).toBe(8);
    expect(full.history.map((h) => h.action)).toEqual([
      'EVALUASI_DIBUAT',
      'TAHAP_DIBUKA',
      'TARGET_DITAMBAH',
      'SKP_DIAJUKAN',
      'SKP_DIKEMBALIKAN',
      'TARGET_DIUBAH',
      'SKP_DIAJUKAN',
      'REKAN_DIUSULKAN',
      'SKP_DISETUJUI',
      'TAHAP_DIBUKA',
    ]);
    expect(full.history.map((h) => h.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Approved rows are frozen.
    await expect(
      skp.addTargetRow(s.deps, pegawai, s.cycle.id, pegawai.nip, e.version, row),
    ).rejects.toMatchObject({ code: 'KONFLIK' });
  });

  it('launching twice starts nothing twice', async () => {
    const s = await started();
    await launchAndWait(s);
    await Promise.all((await listByCycle(s.deps, s.cycle.id)).map((e) => registered(s, e.nip)));
    const again = await launchAndWait(s);
    expect(again).toMatchObject({ employees: 9, created: 0, started: 0, alreadyStarted: 9 });
    const evaluations = [...s.engine.executions.values()].filter((x) => x.machine === EVALUATION_MACHINE);
    expect(evaluations).toHaveLength(9);
  });

  it('escalates a missed deadline to the atasan of the atasan and BKPSDM, then keeps the stage open', async () => {
    const deadline = new Date(Date.now() + 1500).toISOString();
    const s = await started({ cycle: { jadwal: { PENETAPAN_TARGET: deadline } } });
    await launchAndWait(s);
    const nip = nipOfKey('pranata2');
    const overdue = await eventually(async () => {
      const e = await getEvaluation(s.deps, s.cycle.id, nip);
      return e && e.overdueCount === 1 && e.taskToken ? e : undefined;
    });
    expect(overdue.status).toBe('DRAFT');
    expect(new Date(overdue.deadline!).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const history = (await getWithHistory(s.deps, s.cycle.id, nip))!.history.map((h) => h.action);
    expect(history).toEqual(['EVALUASI_DIBUAT', 'TAHAP_DIBUKA', 'TAHAP_TERLAMBAT', 'TAHAP_DIBUKA']);
    const toAtasanAtasan = await listNotices(s.deps, nipOfKey('kadiskominfo'));
    expect(toAtasanAtasan.some((n) => n.kind === 'ESKALASI' && n.nip === nip)).toBe(true);
    const toBkpsdm = await listNotices(s.deps, 'BKPSDM');
    expect(toBkpsdm.filter((n) => n.nip === nip)).toHaveLength(1);
    const toEmployee = await listNotices(s.deps, nip);
    expect(toEmployee).toHaveLength(1);
  });

  it('resumes open stages after a restart without losing submitted input', async () => {
    const first = await started();
    await launchAndWait(first);
    const pegawai = first.principal('pranata3');
    const atasan = first.principal('kabidaptika');
    // Every launched execution registered before the restart, so that all nine resume.
    await allRegistered(first);
    const e = await registered(first, pegawai.nip);
    const added = await skp.addTargetRow(first.deps, pegawai, first.cycle.id, pegawai.nip, e.version, row);
    const submitted = await skp.submitSkp(
      first.deps,
      pegawai,
      first.cycle.id,
      pegawai.nip,
      added.evaluation.version,
    );
    first.stop(); // executions lived in memory: they are gone now

    const second = await startTestSystem({
      tableName: first.deps.tableName,
      cycle: { scope: ['DISKOMINFO'] },
    });
    systems.push(second);
    const { resumed } = await resumeOpenEvaluations(second.deps);
    expect(resumed).toBe(9);
    // The old token is dead; resuming registers a new one and keeps the submitted status.
    const resumedEval = await eventually(async () => {
      const x = await getEvaluation(second.deps, second.cycle.id, pegawai.nip);
      return x && x.version > submitted.version && x.taskToken ? x : undefined;
    });
    expect(resumedEval.status).toBe('DIAJUKAN');
    const again = await launchAndWait(second);
    expect(again.started).toBe(0);
    const approved = await approveWithRekan(
      second.deps,
      atasan,
      second.cycle.id,
      pegawai.nip,
      resumedEval.version,
    );
    expect(approved.status).toBe('SELESAI');
    const execution = [...second.engine.executions.values()].find(
      (x) => x.name === executionName(second.cycle.id, pegawai.nip, `r${submitted.version}`),
    )!;
    expect(execution.status).toBe('RUNNING');
    await atStage(second, pegawai.nip, 'MENUNGGU_PENILAIAN');
    const history = (await getWithHistory(second.deps, second.cycle.id, pegawai.nip))!;
    expect(history.rows).toHaveLength(1);
    expect(history.history.filter((h) => h.action === 'TAHAP_DIBUKA').map((h) => h.detail.resumed)).toEqual([
      false,
      true,
      false,
    ]);
  });
});
