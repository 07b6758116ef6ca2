import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resumeWorkflow, resumeOpenEvaluations } from '../../shared/app/evaluation/cycle-launch.js';
import { getEvaluation, getWithHistory } from '../../shared/data/evaluations.js';
import { listPenilaianRekan } from '../../shared/data/penilaian-rekan.js';
import { executionName } from '../../shared/app/evaluation/execution.js';
import { answerAllRekan, atStage, driveTo } from '../support/cycle.js';
import {
  allRegistered,
  eventually,
  launchAndWait,
  startTestSystem,
  type TestSystem,
} from '../support/system.js';
import { controlTime } from '../support/time.js';
import { employeeItem, getEmployee } from '../../shared/data/people.js';

const systems: TestSystem[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const s of systems.splice(0)) s.stop();
});

async function started(options: Parameters<typeof startTestSystem>[0] = {}, launch = true) {
  const s = await startTestSystem({ ...options, cycle: { scope: ['DISKOMINFO'], ...options.cycle } });
  systems.push(s);
  if (launch) await launchAndWait(s);
  return s;
}

const inSeconds = (n: number) => new Date(Date.now() + n * 1000).toISOString();
/** A deadline far enough that it never passes by itself during a test: the test moves time past it. */
const DEADLINE_S = 600;
const actions = async (s: TestSystem, nip: string) =>
  (await getWithHistory(s.deps, s.cycle.id, nip))!.history.map((h) => h.action);

/**
 * Fails the first transaction that writes the given audit action, with the given error name,
 * the way a throttled or broken DynamoDB would answer the handler.
 */
function failOnce(s: TestSystem, action: string, name: string) {
  const send = s.handlerDeps.ddb.send.bind(s.handlerDeps.ddb);
  let failed = false;
  (s.handlerDeps.ddb as { send: unknown }).send = async (command: unknown) => {
    const items = command instanceof TransactWriteCommand ? (command.input.TransactItems ?? []) : [];
    if (!failed && items.some((i) => i.Put?.Item?.action === action)) {
      failed = true;
      throw Object.assign(new Error(`simulated ${name}`), { name });
    }
    return send(command as never);
  };
  return () => failed;
}

describe('EmployeeEvaluation: variants of the whole cycle', () => {
  it('skips a peer who misses the deadline and goes on with fewer than 3 answers', async () => {
    const s = await started({ cycle: { jadwal: { PENILAIAN_REKAN: inSeconds(DEADLINE_S) } } });
    const time = controlTime(s);
    const nip = s.principal('pranata1').nip;
    await driveTo(s, 'pranata1', 'PENILAIAN_ATASAN');
    await answerAllRekan(s, 'pranata1', { rekanAnswering: 2 });
    // Two peers answered in time; then the deadline passes for the third.
    time.pass(DEADLINE_S * 1000);
    const rekanReviews = await eventually(async () => {
      const list = await listPenilaianRekan(s.deps, s.cycle.id, nip);
      return list.some((r) => r.status === 'DILEWATI') ? list : undefined;
    });
    expect(rekanReviews.map((r) => r.status).sort()).toEqual(['DILEWATI', 'SELESAI', 'SELESAI']);
    expect(rekanReviews.find((r) => r.status === 'DILEWATI')!.taskToken).toBeUndefined();
    const e = await driveTo(s, 'pranata1', 'UMPAN_BALIK');
    expect(e.jumlahRekan).toEqual({ diminta: 3, menjawab: 2, dilewati: 1 });
    // The skip is on the trail for auditors, marked so the employee's view hides who it was.
    const skip = (await getWithHistory(s.deps, s.cycle.id, nip))!.history.find(
      (h) => h.action === 'REKAN_DILEWATI',
    )!;
    expect(skip.detail).toMatchObject({ rahasiaRekan: true });
  }, 60_000);

  it("counts the employee's silence until the deadline as acknowledgement and skips the objection stage", async () => {
    const s = await started({ cycle: { jadwal: { TANGGAPAN: inSeconds(DEADLINE_S) } } });
    const time = controlTime(s);
    const nip = s.principal('pranata1').nip;
    await driveTo(s, 'pranata1', 'TANGGAPAN');
    time.pass(DEADLINE_S * 1000);
    const e = await atStage(s, nip, 'RENCANA_PENGEMBANGAN');
    expect(e.tanggapan).toMatchObject({ jenis: 'DITERIMA_OTOMATIS' });
    const trail = await actions(s, nip);
    expect(trail).toContain('TANGGAPAN_DITERIMA_OTOMATIS');
    expect(trail).not.toContain('TAHAP_TERLAMBAT');
    const execution = s.engine.executions.get(
      `${s.deps.stateMachines.employeeEvaluation.replace(':stateMachine:', ':execution:')}:${executionName(s.cycle.id, nip)}`,
    )!;
    const entered = execution.events.filter((x) => x.type === 'StateEntered').map((x) => x.state);
    expect(entered).toContain('TanggapanDianggapDiterima');
    expect(entered).not.toContain('PutusanKeberatan');
  }, 60_000);

  it('takes an objection to the atasan of the atasan, who upholds the ratings', async () => {
    const s = await started();
    const e = await driveTo(s, 'pranata1', 'KEBERATAN', { keberatan: true });
    expect(e).toMatchObject({ stage: 'KEBERATAN', status: 'DRAFT', tanggapan: { jenis: 'KEBERATAN' } });
    expect(e.atasanAtasanNip).toBe(s.principal('kadiskominfo').nip);
    const done = await driveTo(s, 'pranata1', 'SELESAI', { keberatan: true });
    expect(done.stage).toBe('SELESAI');
    expect(done.putusanKeberatan).toMatchObject({
      keputusan: 'DIPERTAHANKAN',
      oleh: s.principal('kadiskominfo').nip,
    });
    expect(done.hasil).toMatchObject({ predikat: 'BAIK', sumber: 'ATASAN' });
  }, 60_000);

  it("sends the objection to the atasan's atasan of the day, after a reorganisation", async () => {
    const s = await started();
    await driveTo(s, 'pranata1', 'TANGGAPAN');
    // Bidang Aptika now reports to the Sekretaris Dinas.
    const kabid = (await getEmployee(s.deps, s.principal('kabidaptika').nip))!;
    await s.deps.ddb.send(
      new PutCommand({
        TableName: s.deps.tableName,
        Item: employeeItem({ ...kabid, atasanNip: s.principal('sekdiskominfo').nip }),
      }),
    );
    const e = await driveTo(s, 'pranata1', 'KEBERATAN', { keberatan: true });
    expect(e.atasanAtasanNip).toBe(s.principal('sekdiskominfo').nip);
    const done = await driveTo(s, 'pranata1', 'SELESAI', { keberatan: true });
    expect(done.putusanKeberatan?.oleh).toBe(s.principal('sekdiskominfo').nip);
  }, 60_000);

  it('recomputes the predikat when the objection is decided with revised ratings', async () => {
    const s = await started();
    const nip = s.principal('pranata1').nip;
    const done = await driveTo(s, 'pranata1', 'SELESAI', {
      keberatan: true,
      putusan: { keputusan: 'DIREVISI', hasilKerja: 'DI_ATAS_EKSPEKTASI', perilaku: 'DI_ATAS_EKSPEKTASI' },
    });
    expect(done.hasil).toMatchObject({
      hasilKerja: 'DI_ATAS_EKSPEKTASI',
      perilaku: 'DI_ATAS_EKSPEKTASI',
      predikat: 'SANGAT_BAIK',
      sumber: 'KEBERATAN',
    });
    expect(done.putusanKeberatan).toMatchObject({
      keputusan: 'DIREVISI',
      sebelum: { predikat: 'BAIK' },
      sesudah: { predikat: 'SANGAT_BAIK' },
    });
    const trail = await actions(s, nip);
    expect(trail).toEqual(
      expect.arrayContaining(['KEBERATAN_DIAJUKAN', 'KEBERATAN_DIPUTUS', 'EVALUASI_SELESAI']),
    );
  }, 60_000);

  it('retries a transient handler failure without doing the step twice', async () => {
    const s = await started();
    const nip = s.principal('pranata1').nip;
    const failed = failOnce(s, 'PREDIKAT_DIHITUNG', 'ThrottlingException');
    const e = await driveTo(s, 'pranata1', 'UMPAN_BALIK');
    expect(failed()).toBe(true);
    expect(e.hasil?.predikat).toBe('BAIK');
    expect((await actions(s, nip)).filter((a) => a === 'PREDIKAT_DIHITUNG')).toHaveLength(1);
  }, 60_000);

  it('records a permanent failure on the evaluation, and a resumed execution continues at the recorded stage', async () => {
    const s = await started();
    const nip = s.principal('pranata1').nip;
    failOnce(s, 'PREDIKAT_DIHITUNG', 'ValidationException');
    await driveTo(s, 'pranata1', 'PENILAIAN_ATASAN');
    await answerAllRekan(s, 'pranata1');
    // The atasan's review completes; computing the predikat then fails for good.
    const execution = s.engine.executions.get(
      `${s.deps.stateMachines.employeeEvaluation.replace(':stateMachine:', ':execution:')}:${executionName(s.cycle.id, nip)}`,
    )!;
    const reviewDone = driveTo(s, 'pranata1', 'UMPAN_BALIK').catch(() => undefined);
    await execution.done;
    expect(execution.status).toBe('FAILED');
    const failed = (await getEvaluation(s.deps, s.cycle.id, nip))!;
    expect(failed.alurGagal).toMatchObject({ error: 'ValidationException', stage: 'PENILAIAN_ATASAN' });
    expect(failed.penilaianAtasan).toBeDefined();

    // BKPSDM restarts it at the recorded stage (the cloud's path; locally `npm start` resumes too).
    await expect(resumeWorkflow(s.deps, s.principal('pranata2'), s.cycle.id, nip)).rejects.toMatchObject({
      code: 'DILARANG',
    });
    expect(await resumeWorkflow(s.deps, s.principal('analissdm'), s.cycle.id, nip)).toEqual({
      started: true,
      stage: 'PENILAIAN_ATASAN',
    });
    const e = await atStage(s, nip, 'UMPAN_BALIK');
    await expect(resumeWorkflow(s.deps, s.principal('analissdm'), s.cycle.id, nip)).rejects.toMatchObject({
      code: 'KONFLIK',
    });
    await reviewDone;
    expect(e.alurGagal).toBeUndefined();
    expect(e.hasil?.predikat).toBe('BAIK');
    const trail = await actions(s, nip);
    expect(trail.filter((a) => a === 'PREDIKAT_DIHITUNG')).toHaveLength(1);
    expect(trail).toContain('ALUR_GAGAL');
  }, 60_000);

  it('hands a long wait over to a new execution before its budget ends, and goes on there', async () => {
    const s = await started();
    const nip = s.principal('pranata1').nip;
    // Once every launched execution waits at target setting, the budget is spent (all of it is
    // the hour kept for the handover): the window's wait, months long, hands over at once. The
    // execution it hands over to is started with the usual budget again and waits, as in AWS.
    await allRegistered(s);
    const usual = s.handlerDeps.executionBudgetSeconds;
    s.handlerDeps.executionBudgetSeconds = 3_600;
    const engine = s.engine;
    s.handlerDeps.sfn = {
      send: async (command: unknown) => {
        if (command instanceof StartExecutionCommand) s.handlerDeps.executionBudgetSeconds = usual;
        return engine.send(command);
      },
    } as typeof s.handlerDeps.sfn;
    await driveTo(s, 'pranata1', 'MENUNGGU_PENILAIAN');
    const handedOver = await eventually(async () => {
      const next = [...s.engine.executions.values()].find((x) =>
        x.name.startsWith(`${executionName(s.cycle.id, nip)}-s`),
      );
      return next?.status === 'RUNNING' ? next : undefined;
    });
    const first = s.engine.executions.get(
      `${s.deps.stateMachines.employeeEvaluation.replace(':stateMachine:', ':execution:')}:${executionName(s.cycle.id, nip)}`,
    )!;
    await first.done;
    expect(first.status).toBe('SUCCEEDED');
    expect(first.events.map((x) => x.state)).toContain('LanjutkanDiEksekusiBaru');
    expect(handedOver.input).toContain('"startStage":"MENUNGGU_PENILAIAN"');
    // The new execution registers on the same stage before the window is opened.
    await eventually(async () => {
      const h = (await getWithHistory(s.deps, s.cycle.id, nip))!.history;
      return h.some((x) => x.action === 'TAHAP_DIBUKA' && x.detail.resumed === true);
    });
    const e = await driveTo(s, 'pranata1', 'PENILAIAN_MANDIRI');
    expect(e.alurGagal).toBeUndefined();
    const opened = (await getWithHistory(s.deps, s.cycle.id, nip))!.history.filter(
      (h) => h.action === 'TAHAP_DIBUKA' && h.detail.stage === 'MENUNGGU_PENILAIAN',
    );
    expect(opened.map((h) => h.detail.resumed)).toEqual([false, true]);
  }, 60_000);

  it('resumes mid-review after a restart: answered peers stay answered, nothing is asked twice', async () => {
    const first = await started();
    const nip = first.principal('pranata1').nip;
    await driveTo(first, 'pranata1', 'PENILAIAN_ATASAN');
    await answerAllRekan(first, 'pranata1', { rekanAnswering: 1 });
    first.stop();
    systems.splice(systems.indexOf(first), 1);

    const second = await started({ tableName: first.deps.tableName }, false);
    const { resumed } = await resumeOpenEvaluations(second.deps);
    expect(resumed).toBeGreaterThanOrEqual(1);
    // The resumed execution asks again: new tokens for the atasan and the two silent peers.
    await eventually(async () => {
      const reopened = (await getWithHistory(second.deps, second.cycle.id, nip))!.history.filter(
        (h) => h.action === 'TAHAP_DIBUKA' && h.detail.stage === 'PENILAIAN_ATASAN',
      );
      const rekanReviews = await listPenilaianRekan(second.deps, second.cycle.id, nip);
      return (
        reopened.length === 2 &&
        rekanReviews.filter((r) => r.status === 'MENUNGGU').every((r) => r.version === 3)
      );
    });
    const e = await driveTo(second, 'pranata1', 'SELESAI');
    expect(e.jumlahRekan).toEqual({ diminta: 3, menjawab: 3, dilewati: 0 });
    const trail = await actions(second, nip);
    expect(trail.filter((a) => a === 'REKAN_DIMINTA')).toHaveLength(1);
    expect(trail.filter((a) => a === 'PREDIKAT_DIHITUNG')).toHaveLength(1);
    expect(trail.filter((a) => a === 'EVALUASI_SELESAI')).toHaveLength(1);
  }, 60_000);
});
