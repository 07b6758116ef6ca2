import { tambahHari } from '../../domain/wib.js';
import { type Cycle, stageDeadline } from '../../domain/evaluation/cycle.js';
import type { Evaluation } from '../../domain/evaluation/evaluation.js';
import { STAGE_LABEL, type DeadlineStage, skipped, opensAssessment } from '../../domain/evaluation/stages.js';
import type { PenilaianRekan } from '../../domain/evaluation/penilaian-model.js';
import { hitungHasil } from '../../domain/evaluation/hasil.js';
import { getCycle } from '../../data/cycles.js';
import { commitChange } from '../../data/evaluations.js';
import { noticePut } from '../../data/notices.js';
import { listPenilaianRekan, penilaianRekanCreate } from '../../data/penilaian-rekan.js';
import type { Deps } from '../../runtime/deps.js';
import type { EvaluationStep } from '../../schemas/workflow.js';
import { rekomendasikanPelatihan } from '../development/pengembangan.js';
import {
  CYCLE_CLOSED_ERROR,
  SISTEM,
  cycleClosedStop,
  mustGet,
  notFound,
  retryOnConflict,
  windowOpen,
} from './stage-tasks.js';
import { startEvaluation } from '../workflow-client.js';
import { REGISTRATION_DETIK, executionName, secondsToWait, sisaAnggaran } from './execution.js';

export interface Deadline {
  seconds: number;
  at: string;
  /** The stage is not needed for this evaluation (no objection was filed). */
  skip: boolean;
}

async function cycleOf(deps: Deps, e: Evaluation) {
  const cycle = await getCycle(deps, e.cycleId);
  if (!cycle) throw notFound(`Cycle ${e.cycleId}`);
  return cycle;
}

/**
 * The deadline a stage waits for, read from the cycle when the stage opens (a stage that
 * already escalated keeps its grace deadline). A window for assessment that is already open
 * (opened early, or its date has come) is not waited for: its registration records the opening
 * and answers at once, and the wait only has to outlast that registration (REGISTRATION_DETIK).
 */
export async function deadlineStep(
  deps: Deps,
  cycleId: string,
  nip: string,
  stage: DeadlineStage,
  executionStart?: string,
): Promise<Deadline> {
  const e = await mustGet(deps, cycleId, nip);
  const cycle = await cycleOf(deps, e);
  const now = deps.now();
  const skip = skipped(stage, e);
  if (windowOpen(cycle, stage, now)) return { seconds: REGISTRATION_DETIK, at: now.toISOString(), skip };
  const at =
    e.stage === stage
      ? stageDeadline(cycle, stage, e.overdueCount ?? 0, e.lastOverdueAt)
      : opensLate(cycle, stage, now);
  // The wait never outlives the execution: at the budget's end it continues in a new one.
  const budget = sisaAnggaran(executionStart, now, deps.executionBudgetSeconds);
  return { seconds: secondsToWait(at, now, budget), at, skip };
}

/**
 * A stage that opens after its scheduled deadline (the previous one ran late) still gets the
 * cycle's grace days, instead of escalating at once and blaming whoever acts next. The window
 * for assessment is a date, not a deadline: reached is reached.
 */
function opensLate(cycle: Cycle, stage: DeadlineStage, now: Date): string {
  const scheduled = cycle.jadwal[stage];
  if (opensAssessment(stage) || new Date(scheduled).getTime() > now.getTime()) return scheduled;
  return tambahHari(now, cycle.graceDays);
}

/**
 * The approved peers of an evaluation, each with a review item waiting for them. Items that
 * exist (a resumed execution) are kept as they are, answered or not.
 */
export async function daftarRekan(deps: Deps, cycleId: string, nip: string, executionStart?: string) {
  const e = await mustGet(deps, cycleId, nip);
  const cycle = await cycleOf(deps, e);
  const existing = new Set((await listPenilaianRekan(deps, cycleId, nip)).map((r) => r.rekanNip));
  const missing = (e.rekan ?? []).filter((r) => !existing.has(r.nip));
  if (missing.length) {
    await retryOnConflict(async () => {
      const current = await mustGet(deps, cycleId, nip);
      const items = missing.map((r) =>
        penilaianRekanCreate(deps, {
          cycleId,
          nip,
          rekanNip: r.nip,
          rekanNama: r.nama,
          status: 'MENUNGGU',
          version: 1,
        } satisfies PenilaianRekan),
      );
      await commitChange(deps, {
        before: current,
        patch: {},
        audit: {
          actor: SISTEM,
          action: 'REKAN_DIMINTA',
          detail: { jumlah: (e.rekan ?? []).length, rekanNip: missing.map((r) => r.nip), rahasiaRekan: true },
        },
        extra: items,
      });
    });
  }
  const at = opensLate(cycle, 'PENILAIAN_REKAN', deps.now());
  return {
    rekan: (e.rekan ?? []).map((r) => r.nip),
    deadline: {
      seconds: secondsToWait(
        at,
        deps.now(),
        sisaAnggaran(executionStart, deps.now(), deps.executionBudgetSeconds),
      ),
      at,
    },
  };
}

/** Predikat from the atasan's hasil kerja and perilaku ratings; the peer counts for the record. */
export async function hitungPredikat(deps: Deps, cycleId: string, nip: string) {
  return retryOnConflict(async () => {
    const e = await mustGet(deps, cycleId, nip);
    if (e.hasil) return { predikat: e.hasil.predikat, sudahAda: true, sambung: false };
    const reviews = await listPenilaianRekan(deps, cycleId, nip);
    // The review ended unfinished: its branches handed over at the end of the execution's budget.
    const reviewDone = e.stage === 'PENILAIAN_ATASAN' && e.status === 'SELESAI';
    if (!reviewDone || reviews.some((r) => r.status === 'MENUNGGU'))
      return { predikat: undefined, sudahAda: false, sambung: true };
    const pa = e.penilaianAtasan;
    if (!pa)
      throw Object.assign(new Error('No supervisor review to compute from'), { name: 'ReviewMissing' });
    const at = deps.now().toISOString();
    const hasil = hitungHasil(pa, at);
    const jumlahRekan = {
      diminta: reviews.length,
      menjawab: reviews.filter((r) => r.status === 'SELESAI').length,
      dilewati: reviews.filter((r) => r.status === 'DILEWATI').length,
    };
    await commitChange(deps, {
      before: e,
      patch: { hasil, jumlahRekan },
      audit: { actor: SISTEM, action: 'PREDIKAT_DIHITUNG', detail: { ...hasil, rekan: jumlahRekan } },
    });
    return { predikat: hasil.predikat, sudahAda: false, sambung: false };
  });
}

/** The evaluation is complete and read-only from here on. */
export async function tutup(deps: Deps, cycleId: string, nip: string) {
  return retryOnConflict(async () => {
    const e = await mustGet(deps, cycleId, nip);
    if (e.stage === 'SELESAI') return { selesai: true };
    const at = deps.now().toISOString();
    await commitChange(deps, {
      before: e,
      patch: { stage: 'SELESAI', status: 'SELESAI', selesaiPada: at },
      remove: ['taskToken'],
      audit: { actor: SISTEM, action: 'EVALUASI_SELESAI', detail: { predikat: e.hasil?.predikat } },
    });
    return { selesai: true };
  });
}

/**
 * A permanent failure: kept on the evaluation for BKPSDM, with a notice, until a resume clears it.
 * An execution ended by its cycle's close failed at nothing: nothing is written (nor could be).
 */
export async function catatKegagalan(deps: Deps, cycleId: string, nip: string, error: string, cause: string) {
  if (error === CYCLE_CLOSED_ERROR) return { dicatat: false };
  return retryOnConflict(async () => {
    const e = await mustGet(deps, cycleId, nip);
    const at = deps.now().toISOString();
    const alurGagal = {
      error: String(error).slice(0, 200),
      cause: String(cause ?? '').slice(0, 1000),
      stage: e.stage,
      pada: at,
    };
    await commitChange(deps, {
      before: e,
      patch: { alurGagal },
      remove: ['taskToken'],
      audit: { actor: SISTEM, action: 'ALUR_GAGAL', detail: alurGagal },
      extra: [
        noticePut(deps, {
          recipient: 'BKPSDM',
          at,
          kind: 'ESKALASI',
          subject: `Alur evaluasi gagal: ${e.nama}`,
          body: `Alur kerja evaluasi ${e.nama} (NIP ${e.nip}) berhenti pada tahap ${STAGE_LABEL[e.stage]}: ${alurGagal.error}. Data yang sudah diisi tetap tersimpan; lanjutkan alur dari tahap ini setelah penyebabnya diperbaiki.`,
          cycleId,
          nip,
        }),
      ],
    });
    return { dicatat: true };
  });
}

/**
 * Continue-as-new: start the next execution of this evaluation at its recorded stage. The name
 * carries the evaluation's version, so a retried step starts nothing twice.
 */
export async function sambung(deps: Deps, cycleId: string, nip: string) {
  const [e, cycle] = await Promise.all([mustGet(deps, cycleId, nip), getCycle(deps, cycleId)]);
  // Starting writes nothing, so no transaction would refuse it: a closed cycle starts no execution.
  if (cycle?.status !== 'DIBUKA') throw cycleClosedStop(cycleId);
  const started = await startEvaluation(deps, executionName(cycleId, nip, `s${e.version}`), {
    cycleId,
    nip,
    startStage: e.stage,
  });
  return { started, stage: e.stage };
}

export async function runEvaluationStep(deps: Deps, input: EvaluationStep): Promise<unknown> {
  switch (input.step) {
    case 'TENGGAT':
      return deadlineStep(deps, input.cycleId, input.nip, input.stage, input.executionStart);
    case 'SAMBUNG':
      return sambung(deps, input.cycleId, input.nip);
    case 'DAFTAR_REKAN':
      return daftarRekan(deps, input.cycleId, input.nip, input.executionStart);
    case 'HITUNG_PREDIKAT':
      return hitungPredikat(deps, input.cycleId, input.nip);
    case 'REKOMENDASI_PELATIHAN':
      return rekomendasikanPelatihan(deps, input.cycleId, input.nip);
    case 'TUTUP':
      return tutup(deps, input.cycleId, input.nip);
    case 'CATAT_KEGAGALAN':
      return catatKegagalan(deps, input.cycleId, input.nip, input.error, input.cause);
  }
}
