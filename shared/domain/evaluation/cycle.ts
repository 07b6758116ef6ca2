import type { Issue } from '../errors.js';
import { akhirHariWib, awalHariWib, tambahHari, tanggalWib } from '../wib.js';
import { JADWAL_LABEL, DEADLINE_STAGES, type DeadlineStage, jadwalOf, opensAssessment } from './stages.js';

// The dates a cycle schedules are the stage registry's: each stage with a `jadwal` has one (a
// deadline, or the day the assessment window opens), its label, its default, its order and
// what missing it means. Re-exported for the callers.
export { JADWAL_LABEL, ON_DEADLINE, DEADLINE_STAGES, type OnDeadline, type DeadlineStage } from './stages.js';

/**
 * A default schedule for a period [mulai, selesai] (ISO dates), from each stage's `default`:
 * targets agreed within 30 days (the annual SKP by the end of January), the window opening on
 * the last day, then two weeks per stage. BKPSDM edits these when creating the cycle.
 */
export function jadwalBaku(mulai: string, selesai: string): Record<DeadlineStage, string> {
  const jadwal = {} as Record<DeadlineStage, string>;
  for (const stage of DEADLINE_STAGES) {
    const { from, days } = jadwalOf(stage).default;
    jadwal[stage] = tambahHari(jadwalDariTanggal(stage, from === 'mulai' ? mulai : selesai), days);
  }
  return jadwal;
}

export const PERIODE = ['TAHUNAN', 'TRIWULAN_I', 'TRIWULAN_II', 'TRIWULAN_III', 'TRIWULAN_IV'] as const;
export type Periode = (typeof PERIODE)[number];

/** An evaluation period with its stage deadlines and the agencies in scope. */
export interface Cycle {
  id: string;
  nama: string;
  tahun: number;
  periode: Periode;
  mulai: string;
  selesai: string;
  /** Deadline per stage, ISO date-time. */
  jadwal: Record<DeadlineStage, string>;
  /** Set when BKPSDM opens the assessment window before its scheduled date. */
  penilaianDibukaPada?: string;
  /** Extra time after a missed deadline before the next escalation. */
  graceDays: number;
  /** 'ALL' for the whole city, otherwise OPD codes. */
  scope: 'ALL' | string[];
  /** DISIAPKAN: created, never launched; the first launch opens it. */
  status: 'DISIAPKAN' | 'DIBUKA' | 'DITUTUP';
  dibuat?: { oleh: string; pada: string };
  /** The latest launch (a CycleLaunch execution) and, once it finished, what it did. */
  peluncuran?: Peluncuran;
}

/** The next deadline of a stage that already escalated `overdueCount` times. */
export function stageDeadline(
  cycle: Cycle,
  stage: DeadlineStage,
  overdueCount: number,
  lastOverdueAt?: string,
): string {
  if (overdueCount === 0 || !lastOverdueAt) return cycle.jadwal[stage];
  return tambahHari(lastOverdueAt, cycle.graceDays);
}

/** What one launch did; summed over its batches. */
export interface LaunchCounts {
  employees: number;
  created: number;
  started: number;
  alreadyStarted: number;
}

export interface Peluncuran {
  /** Execution name of the CycleLaunch run, and its ARN. */
  eksekusi: string;
  arn: string;
  mulai: string;
  oleh: string;
  hasil?: LaunchCounts & { selesai: string };
}

/** What BKPSDM submits; jadwal dates left out take the default schedule. */
export interface CycleInput {
  id?: string | undefined;
  nama: string;
  tahun: number;
  periode: Periode;
  /** YYYY-MM-DD */
  mulai: string;
  selesai: string;
  /** Per stage: a date (YYYY-MM-DD, read as WIB) or an ISO date-time. */
  jadwal?: Partial<Record<DeadlineStage, string>> | undefined;
  graceDays?: number | undefined;
  scope: 'ALL' | string[];
}

/** Safe in keys, URLs and execution names (which allow at most 80 characters). */
export const CYCLE_ID_PATTERN = /^[A-Za-z0-9-]{1,40}$/;

const TRIWULAN: Record<Exclude<Periode, 'TAHUNAN'>, number> = {
  TRIWULAN_I: 1,
  TRIWULAN_II: 2,
  TRIWULAN_III: 3,
  TRIWULAN_IV: 4,
};

/** "2027" for the annual cycle, "2027-TW2" for the second quarter. */
export function defaultCycleId(tahun: number, periode: Periode): string {
  return periode === 'TAHUNAN' ? String(tahun) : `${tahun}-TW${TRIWULAN[periode]}`;
}

/** The calendar span of a period: the whole year, or its quarter. */
export function rentangPeriode(tahun: number, periode: Periode): { mulai: string; selesai: string } {
  if (periode === 'TAHUNAN') return { mulai: `${tahun}-01-01`, selesai: `${tahun}-12-31` };
  const q = TRIWULAN[periode];
  const last = new Date(Date.UTC(tahun, q * 3, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { mulai: `${tahun}-${mm(q * 3 - 2)}-01`, selesai: `${tahun}-${mm(q * 3)}-${last}` };
}

// 2029-13-01 passes the pattern but is no date (toISOString would throw): check before.
const isDate = (d: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) &&
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
  new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const isDateTime = (d: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(d) &&
  !Number.isNaN(Date.parse(d));

/**
 * A date on the form means the whole day in WIB: a deadline ends at 23:59:59, the window
 * opens at 00:00 (the same instants jadwalBaku produces).
 */
export function jadwalDariTanggal(stage: DeadlineStage, tanggal: string): string {
  return opensAssessment(stage) ? awalHariWib(tanggal) : akhirHariWib(tanggal);
}

/** The WIB calendar date of a scheduled instant, for the form. */
export function tanggalJadwal(iso: string): string {
  return tanggalWib(iso);
}

/**
 * Checks what BKPSDM submitted and builds the cycle. Every problem is reported at its field,
 * so the form can show them all at once.
 */
export function checkCycleInput(
  input: CycleInput,
  ctx: { opd: readonly string[]; oleh: string; now: Date },
): { cycle?: Cycle; issues: Issue[] } {
  const issues: Issue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const id = input.id?.trim() || defaultCycleId(input.tahun, input.periode);
  if (!CYCLE_ID_PATTERN.test(id)) add('id', 'ID siklus hanya huruf, angka, dan tanda hubung (maks. 40)');
  const nama = input.nama.trim();
  if (nama.length < 3 || nama.length > 120) add('nama', 'Nama siklus 3-120 karakter');
  if (!Number.isInteger(input.tahun) || input.tahun < 2000 || input.tahun > 2100)
    add('tahun', 'Tahun harus antara 2000 dan 2100');
  const periode = rentangPeriode(input.tahun, input.periode);
  const datesOk = isDate(input.mulai) && isDate(input.selesai);
  if (!isDate(input.mulai)) add('mulai', 'Tanggal mulai tidak valid (YYYY-MM-DD)');
  if (!isDate(input.selesai)) add('selesai', 'Tanggal selesai tidak valid (YYYY-MM-DD)');
  if (datesOk && input.selesai <= input.mulai) add('selesai', 'Tanggal selesai harus setelah tanggal mulai');
  const span = `${periode.mulai} s.d. ${periode.selesai}`;
  if (datesOk && input.mulai < periode.mulai) add('mulai', `Periode harus berada dalam ${span}`);
  if (datesOk && input.selesai > periode.selesai) add('selesai', `Periode harus berada dalam ${span}`);
  const graceDays = input.graceDays ?? 7;
  if (!Number.isInteger(graceDays) || graceDays < 1 || graceDays > 60)
    add('graceDays', 'Masa tenggang 1-60 hari');
  if (input.scope !== 'ALL') {
    if (input.scope.length === 0) add('scope', 'Pilih seluruh kota atau minimal satu OPD');
    if (new Set(input.scope).size !== input.scope.length) add('scope', 'OPD tercantum lebih dari sekali');
    input.scope.forEach((kode, i) => {
      if (!ctx.opd.includes(kode)) add(`scope.${i}`, `OPD ${kode} tidak terdaftar`);
    });
  }
  const jadwal = datesOk ? jadwalBaku(input.mulai, input.selesai) : ({} as Record<DeadlineStage, string>);
  for (const stage of DEADLINE_STAGES) {
    const v = input.jadwal?.[stage]?.trim();
    if (!v) continue;
    if (isDate(v)) jadwal[stage] = jadwalDariTanggal(stage, v);
    else if (isDateTime(v)) jadwal[stage] = new Date(v).toISOString();
    else add(`jadwal.${stage}`, `${JADWAL_LABEL[stage]}: tanggal tidak valid (YYYY-MM-DD)`);
  }
  if (datesOk) {
    const mulai = awalHariWib(input.mulai);
    for (const stage of DEADLINE_STAGES) {
      if (issues.some((i) => i.path === `jadwal.${stage}`)) continue;
      if (jadwal[stage] <= mulai) {
        add(`jadwal.${stage}`, `${JADWAL_LABEL[stage]} harus setelah tanggal mulai periode`);
        continue;
      }
      const before = jadwalOf(stage).after.find((p) => jadwal[p] >= jadwal[stage]);
      if (before)
        add(
          `jadwal.${stage}`,
          `${JADWAL_LABEL[stage]} harus setelah ${JADWAL_LABEL[before].toLowerCase()} (${tanggalJadwal(jadwal[before])})`,
        );
    }
  }
  if (issues.length) return { issues };
  return {
    issues,
    cycle: {
      id,
      nama,
      tahun: input.tahun,
      periode: input.periode,
      mulai: input.mulai,
      selesai: input.selesai,
      jadwal,
      graceDays,
      scope: input.scope === 'ALL' ? 'ALL' : [...input.scope],
      status: 'DISIAPKAN',
      dibuat: { oleh: ctx.oleh, pada: ctx.now.toISOString() },
    },
  };
}

/**
 * A slice of one OPD's active employees, by NIP: from `dari` (inclusive) to `sebelum`
 * (exclusive); a missing bound is open. The slices of an OPD cover every NIP, so someone
 * added between planning and launching a slice is still found by it.
 */
export interface KelompokPeluncuran {
  opd: string;
  dari?: string;
  sebelum?: string;
}

/** Slices of `ukuran` employees; the first and last are open-ended. */
export function kelompokPeluncuran(opd: string, nips: readonly string[], ukuran = 100): KelompokPeluncuran[] {
  const sorted = [...nips].sort();
  const out: KelompokPeluncuran[] = [];
  for (let i = 0; i < sorted.length; i += ukuran) {
    const next = sorted[i + ukuran];
    out.push({ opd, ...(i > 0 ? { dari: sorted[i]! } : {}), ...(next ? { sebelum: next } : {}) });
  }
  return out;
}
