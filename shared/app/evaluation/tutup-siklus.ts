import { dilarang, konflik, tidakDitemukan } from '../../domain/errors.js';
import type { PredikatOrganisasi } from '../../domain/organisation/kurva.js';
import {
  type CycleEvaluation,
  periksaPenutupan,
  putuskanPenutupan,
} from '../../domain/evaluation/penutupan-siklus.js';
import { listByCycle } from '../../data/evaluations.js';
import { getCycleRecords } from '../../data/kurva.js';
import { getCycle } from '../../data/cycles.js';
import { writeCycleClose } from '../../data/cycle-status.js';
import { inBatches } from '../../runtime/batches.js';
import type { Deps } from '../../runtime/deps.js';
import { actorOf, type Principal } from '../actor.js';
import {
  type CycleCloseInput,
  runningEvaluations,
  startCycleClose,
  stopExecution,
} from '../workflow-client.js';
import { executionOfCycle, namaPenghentian } from './execution.js';
import { CYCLE_CLOSED_ERROR } from './stage-tasks.js';
import { STAGES } from '../../domain/evaluation/evaluation.js';

/** NIPs kept on the log entry of a close with exceptions; the counts are always complete. */
const NIP_DICATAT = 500;

async function kumpulkan(deps: Deps, cycleId: string) {
  const [records, evaluations] = await Promise.all([
    getCycleRecords(deps, cycleId),
    listByCycle(deps, cycleId),
  ]);
  const { cycle } = records;
  if (!cycle) throw tidakDitemukan('Siklus tidak ditemukan');
  const evaluasi: CycleEvaluation[] = evaluations.map((e) => ({
    nip: e.nip,
    nama: e.nama,
    opd: e.opd,
    stage: e.stage,
    predikat: e.hasil?.predikat,
    // Until the response window and any objection are over, the predikat can still change.
    keberatanTertunda:
      (e.tanggapan?.jenis === 'KEBERATAN' && !e.putusanKeberatan) ||
      STAGES.indexOf(e.stage) < STAGES.indexOf('RENCANA_PENGEMBANGAN'),
  }));
  const kurva: Record<string, PredikatOrganisasi> = Object.fromEntries(
    records.kurva.map((k) => [k.opd, k.predikat]),
  );
  return { cycle, records, pemeriksaan: periksaPenutupan(evaluasi, kurva) };
}

/** The close check per agency, for BKPSDM (and auditors, read-only), with the cycle's log. */
export async function closeCheck(deps: Deps, p: Principal, cycleId: string) {
  if (!p.admin && !p.auditor) throw dilarang('Pemeriksaan penutupan siklus hanya untuk BKPSDM dan auditor');
  const { cycle, records, pemeriksaan } = await kumpulkan(deps, cycleId);
  return { cycle, kurva: records.kurva, log: records.log, pemeriksaan };
}

/** How the stopping of the cycle's executions was handed over (see stopCycleExecutions). */
export type PenghentianAlur = { eksekusi: string; arn: string } | { gagalDimulai: string };

/**
 * Hands the stopping of the cycle's running EmployeeEvaluation executions to a CycleClose
 * execution: thousands of StopExecution calls do not fit in a request (25 a second after a burst
 * of 500 in ap-southeast-3). Never fails the close that already committed: if the start fails,
 * closing again starts it, and meanwhile each execution ends at its next step anyway (every
 * write is refused, SiklusDitutup).
 */
async function hentikanAlur(deps: Deps, cycleId: string): Promise<PenghentianAlur> {
  const eksekusi = namaPenghentian(cycleId, deps.now());
  try {
    return { eksekusi, arn: await startCycleClose(deps, eksekusi, { cycleId, dihentikan: 0 }) };
  } catch (err) {
    return { gagalDimulai: String((err as Error).message ?? err) };
  }
}

/**
 * Closes the cycle when every agency's curve fits and every evaluation has its final predikat,
 * or with BKPSDM's recorded exception. The status (META and every gate) flips only from DIBUKA
 * (a second close, or a close racing another, gets 409), and the log entry is written in the
 * same transaction (writeCycleClose). From
 * then on every write to its evaluations is refused in its own transaction (transact.ts), and
 * the executions still running are stopped. Closing a closed cycle again still answers 409, but
 * first starts the stopping again: that is how a close whose request died after its
 * transaction is completed (stopping what already stopped changes nothing).
 */
export async function closeCycle(deps: Deps, p: Principal, cycleId: string, alasanPengecualian?: string) {
  if (!p.admin) throw dilarang('Hanya admin BKPSDM yang dapat menutup siklus');
  const { cycle, pemeriksaan } = await kumpulkan(deps, cycleId);
  if (cycle.status === 'DITUTUP') await hentikanAlur(deps, cycleId);
  const keputusan = putuskanPenutupan(p, cycle, pemeriksaan, alasanPengecualian);
  const at = deps.now().toISOString();
  await writeCycleClose(deps, {
    cycleId,
    at,
    actor: actorOf(p),
    action: 'SIKLUS_DITUTUP',
    detail: {
      ...keputusan,
      opd: pemeriksaan.opd.map((o) => ({
        opd: o.opd,
        predikatOrganisasi: o.predikatOrganisasi,
        jumlahEvaluasi: o.jumlahEvaluasi,
        belumDinilai: o.belumDinilai,
        jumlah: o.kurva?.distribusi.jumlah,
        masalah: o.masalah,
      })),
      jumlahBelumDinilai: pemeriksaan.belumDinilai.length,
      belumDinilai: pemeriksaan.belumDinilai.slice(0, NIP_DICATAT).map((e) => e.nip),
      jumlahKeberatanTertunda: pemeriksaan.keberatanTertunda.length,
      keberatanTertunda: pemeriksaan.keberatanTertunda.slice(0, NIP_DICATAT).map((e) => e.nip),
    },
  });
  const penghentianAlur = await hentikanAlur(deps, cycleId);
  return {
    cycle: { ...cycle, status: 'DITUTUP' as const },
    pemeriksaan,
    ...keputusan,
    ditutupPada: at,
    penghentianAlur,
  };
}

/** Executions listed per CycleClose step: at most this many stops in one Lambda invocation. */
export const HALAMAN_PENGHENTIAN = 200;
/** StopExecution calls in flight at once: the SDK and the step's Retry absorb the throttling. */
const STOP_SEKALIGUS = 5;

/**
 * One step of CycleClose: one page of the running EmployeeEvaluation executions; those of this
 * (closed) cycle are stopped. Returns the next step's input, `selesai` after the last page.
 * Safe to repeat (a retried step stops what already stopped: nothing). An execution started
 * after its page was listed (a launch racing the close) ends by itself at its first write.
 */
export async function stopCycleExecutions(
  deps: Deps,
  input: CycleCloseInput,
): Promise<CycleCloseInput & { selesai: boolean }> {
  const cycle = await getCycle(deps, input.cycleId);
  // Never stop an open cycle's evaluations, whoever started this.
  if (cycle?.status !== 'DITUTUP') throw konflik(`Siklus ${input.cycleId} tidak sedang ditutup`);
  const page = await runningEvaluations(deps, input.nextToken, HALAMAN_PENGHENTIAN);
  const ours = page.executions.filter((x) => executionOfCycle(x.name, input.cycleId));
  await inBatches(ours, STOP_SEKALIGUS, (x) =>
    stopExecution(deps, x.executionArn, CYCLE_CLOSED_ERROR, `Siklus ${input.cycleId} ditutup oleh BKPSDM`),
  );
  return {
    cycleId: input.cycleId,
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    dihentikan: input.dihentikan + ours.length,
    selesai: !page.nextToken,
  };
}
