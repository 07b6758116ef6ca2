import { dilarang, tidakDitemukan } from '../../domain/errors.js';
import type { PredikatOrganisasi } from '../../domain/organisation/kurva.js';
import {
  type CycleEvaluation,
  periksaPenutupan,
  putuskanPenutupan,
} from '../../domain/evaluation/penutupan-siklus.js';
import { listByCycle } from '../../data/evaluations.js';
import { cycleClosed, cycleCloseUpdate, cycleLogPut, getCycleRecords } from '../../data/kurva.js';
import { transact } from '../../data/transact.js';
import type { Deps } from '../../runtime/deps.js';
import { actorOf, type Principal } from '../actor.js';
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

/**
 * Closes the cycle when every agency's curve fits and every evaluation has its final predikat,
 * or with BKPSDM's recorded exception. The status flips only from DIBUKA (a second close, or a
 * close racing another, gets 409), and the log entry is written in the same transaction.
 */
export async function closeCycle(deps: Deps, p: Principal, cycleId: string, alasanPengecualian?: string) {
  if (!p.admin) throw dilarang('Hanya admin BKPSDM yang dapat menutup siklus');
  const { cycle, pemeriksaan } = await kumpulkan(deps, cycleId);
  const keputusan = putuskanPenutupan(p, cycle, pemeriksaan, alasanPengecualian);
  const at = deps.now().toISOString();
  await transact(
    deps,
    [
      cycleCloseUpdate(deps, cycleId),
      cycleLogPut(deps, {
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
      }),
    ],
    { 0: cycleClosed(cycleId) },
  );
  return { cycle: { ...cycle, status: 'DITUTUP' as const }, pemeriksaan, ...keputusan, ditutupPada: at };
}
