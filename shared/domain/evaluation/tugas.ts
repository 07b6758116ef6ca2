import type { Evaluation, Stage, Status } from './evaluation.js';
import { STAGE_LABEL } from './evaluation.js';
import type { StatusRekan } from './penilaian-model.js';
import { pltBerlaku } from '../people/policy.js';

/** The person an open stage waits on, seen from the evaluation. */
export type Pelaksana = 'PEGAWAI' | 'ATASAN' | 'ATASAN_ATASAN';

type StatusTerbuka = Exclude<Status, 'SELESAI'>;
const semua = (p: Pelaksana): Record<StatusTerbuka, Pelaksana> => ({
  DRAFT: p,
  DIAJUKAN: p,
  DIKEMBALIKAN: p,
});

/**
 * Who acts in each stage and status: data, so it can be read and tested row by row.
 * - MENUNGGU_PENILAIAN waits for the assessment window, not for a person.
 * - PENILAIAN_ATASAN is the atasan's review; each peer's review is a task of its own
 *   (penilaian rekan), beside it.
 * - RENCANA_PENGEMBANGAN: either may adjust the plan, but only the atasan's confirmation
 *   closes the stage, so that is who it waits on.
 */
export const PELAKSANA: Record<Stage, Partial<Record<StatusTerbuka, Pelaksana>>> = {
  PENETAPAN_TARGET: { DRAFT: 'PEGAWAI', DIKEMBALIKAN: 'PEGAWAI', DIAJUKAN: 'ATASAN' },
  MENUNGGU_PENILAIAN: {},
  PENILAIAN_MANDIRI: semua('PEGAWAI'),
  PENILAIAN_ATASAN: semua('ATASAN'),
  UMPAN_BALIK: semua('ATASAN'),
  TANGGAPAN: semua('PEGAWAI'),
  KEBERATAN: semua('ATASAN_ATASAN'),
  RENCANA_PENGEMBANGAN: semua('ATASAN'),
  SELESAI: {},
};

export function pelaksana(stage: Stage, status: Status): Pelaksana | undefined {
  return status === 'SELESAI' ? undefined : PELAKSANA[stage][status];
}

type Penugasan = Pick<Evaluation, 'nip' | 'stage' | 'status' | 'atasanNip' | 'atasanAtasanNip' | 'plt'>;

/** The NIP of whoever must act now. A Plt/Plh in force acts for the atasan, never both. */
export function nipPelaksana(e: Penugasan, now: Date): string | undefined {
  switch (pelaksana(e.stage, e.status)) {
    case 'PEGAWAI':
      return e.nip;
    case 'ATASAN':
      return pltBerlaku(e.plt, now) ? e.plt!.nip : e.atasanNip;
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
  PENILAIAN_REKAN: 'Penilaian perilaku sebagai rekan kerja',
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
