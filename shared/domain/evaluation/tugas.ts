import type { Evaluation, Stage, Status } from './evaluation.js';
import type { StatusRekan } from './penilaian-model.js';
import { atasanBerlaku } from '../people/policy.js';
import { PELAKSANA, type Pelaksana, STAGE_LABEL, STAGE_REGISTRY } from './stages.js';

// Who acts in each stage and status is the stage registry's `pelaksana`, re-exported here.
export { PELAKSANA, type Pelaksana } from './stages.js';

export function pelaksana(stage: Stage, status: Status): Pelaksana | undefined {
  return status === 'SELESAI' ? undefined : PELAKSANA[stage][status];
}

type Penugasan = Pick<Evaluation, 'nip' | 'stage' | 'status' | 'atasanNip' | 'atasanAtasanNip' | 'plt'>;

/** The NIP of whoever must act now: for the atasan, whoever holds the part today (policy.ts). */
export function nipPelaksana(e: Penugasan, now: Date): string | undefined {
  switch (pelaksana(e.stage, e.status)) {
    case 'PEGAWAI':
      return e.nip;
    case 'ATASAN':
      return atasanBerlaku(e, now);
    case 'ATASAN_ATASAN':
      return e.atasanAtasanNip;
    default:
      return undefined;
  }
}

/**
 * A stage waits on a person while it is open and a workflow execution holds its token; without
 * the token (timed out, being resumed) nothing the person does would move the workflow on.
 */
export function menungguTindakan(e: Pick<Evaluation, 'stage' | 'status' | 'taskToken'>): boolean {
  return !!e.taskToken && pelaksana(e.stage, e.status) !== undefined;
}

/** A peer's review beside the atasan's: its own deadline (the cycle's PENILAIAN_REKAN date). */
export const TAHAP_REKAN = 'PENILAIAN_REKAN';
export type TahapTugas = Stage | typeof TAHAP_REKAN;

export const TAHAP_TUGAS_LABEL: Record<TahapTugas, string> = {
  ...STAGE_LABEL,
  PENILAIAN_REKAN: STAGE_REGISTRY.PENILAIAN_REKAN.label,
};

/** One open stage waiting on the viewer ("tugas saya"). */
export interface Tugas {
  /** How the viewer is involved: their own evaluation, their team, an objection, a peer review. */
  peran: Pelaksana | 'REKAN';
  tahap: TahapTugas;
  status: Status | StatusRekan;
  cycleId: string;
  /** Whose evaluation. */
  nip: string;
  nama: string;
  deadline?: string;
  terlambat: boolean;
}

export function terlambat(deadline: string | undefined, now: Date): boolean {
  const t = deadline ? new Date(deadline).getTime() : NaN;
  return !Number.isNaN(t) && t < now.getTime();
}

/** Earliest deadline first; tasks without one last; then by name, so the order is stable. */
export function urutkanTugas(tugas: Tugas[]): Tugas[] {
  const waktu = (t: Tugas) => {
    const ms = t.deadline ? new Date(t.deadline).getTime() : NaN;
    return Number.isNaN(ms) ? Infinity : ms;
  };
  return [...tugas].sort(
    (a, b) =>
      waktu(a) - waktu(b) ||
      a.nama.localeCompare(b.nama, 'id') ||
      a.tahap.localeCompare(b.tahap) ||
      a.cycleId.localeCompare(b.cycleId),
  );
}
