import type { Evaluation } from '../../domain/evaluation/evaluation.js';
import { dilarang, konflik, tidakDitemukan } from '../../domain/errors.js';
import { hitungDistribusi, periksaKurva, type PredikatOrganisasi } from '../../domain/organisation/kurva.js';
import { type KurvaOrganisasi, periksaKurvaInput } from '../../domain/evaluation/penutupan-siklus.js';
import { bolehLihatOpd } from '../../domain/people/policy.js';
import { listByCycle } from '../../data/evaluations.js';
import {
  cycleLogPut,
  cycleOpenCheck,
  getCycleRecords,
  getKurvaContext,
  kurvaFailures,
  kurvaPut,
} from '../../data/kurva.js';
import { transact } from '../../data/transact.js';
import type { Deps } from '../../runtime/deps.js';
import { actorOf, type Principal } from '../actor.js';

/** Evaluations of one agency in a cycle: by the evaluation's own OPD, which follows transfers. */
export async function evaluasiOpd(deps: Deps, cycleId: string, opd: string): Promise<Evaluation[]> {
  return (await listByCycle(deps, cycleId)).filter((e) => e.opd === opd);
}

/**
 * An agency's curve as its head sees it: the predikat set for it (and its history on the
 * cycle's log), the employees' predikat counted so far, and whether they fit.
 */
export async function kurvaOpd(deps: Deps, p: Principal, cycleId: string, opd: string) {
  if (!bolehLihatOpd(p, opd))
    throw dilarang('Kurva distribusi OPD hanya untuk kepala OPD, BKPSDM, dan auditor');
  const [records, evaluasi] = await Promise.all([
    getCycleRecords(deps, cycleId),
    evaluasiOpd(deps, cycleId, opd),
  ]);
  const { cycle } = records;
  if (!cycle) throw tidakDitemukan('Siklus tidak ditemukan');
  const kurva = records.kurva.find((k) => k.opd === opd);
  const predikat = evaluasi.flatMap((e) => (e.hasil ? [e.hasil.predikat] : []));
  return {
    cycle,
    opd,
    ...(kurva ? { kurva, pemeriksaan: periksaKurva(kurva.predikat, predikat) } : {}),
    distribusi: hitungDistribusi(predikat),
    jumlahEvaluasi: evaluasi.length,
    belumDinilai: evaluasi.length - predikat.length,
    riwayat: records.log.filter((l) => l.action === 'KURVA_DITETAPKAN' && l.detail.opd === opd),
  };
}

/**
 * Sets (or changes) the agency's own predikat. Versioned like an evaluation: 0 creates it,
 * otherwise the version read. Refused once the cycle is closed, checked in the same write.
 * One BatchGet, one transaction.
 */
export async function tetapkanKurva(
  deps: Deps,
  p: Principal,
  cycleId: string,
  opd: string,
  version: number,
  input: { predikat: PredikatOrganisasi; alasan: string },
): Promise<KurvaOrganisasi> {
  const { cycle, kurva: current, opdAda } = await getKurvaContext(deps, cycleId, opd);
  if (!cycle) throw tidakDitemukan('Siklus tidak ditemukan');
  const { predikat, alasan } = periksaKurvaInput(p, opd, cycle, input);
  const inScope = cycle.scope === 'ALL' || cycle.scope.includes(opd);
  if (!opdAda || !inScope) throw tidakDitemukan(`OPD ${opd} tidak termasuk dalam siklus ${cycle.id}`);
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== version) {
    throw konflik('Predikat organisasi ini sudah diubah sejak Anda membukanya. Muat ulang lalu coba lagi.', {
      currentVersion,
    });
  }
  const at = deps.now().toISOString();
  const oleh = actorOf(p);
  const after: KurvaOrganisasi = { cycleId, opd, predikat, alasan, oleh, pada: at, version: version + 1 };
  await transact(
    deps,
    [
      cycleOpenCheck(deps, cycleId),
      kurvaPut(deps, after, version),
      cycleLogPut(deps, {
        cycleId,
        at,
        actor: oleh,
        action: 'KURVA_DITETAPKAN',
        detail: { opd, predikat, alasan, sebelumnya: current?.predikat, version: after.version },
      }),
    ],
    kurvaFailures(cycleId),
  );
  return after;
}
