import type { Issue } from '../errors.js';
import { akhirHariWib, awalHariWib, tambahHari, tanggalWib } from '../wib.js';

/**
 * The dates a cycle schedules. Each is a stage's deadline, except MENUNGGU_PENILAIAN: the day
 * the assessment window opens (BKPSDM may open it earlier). PENILAIAN_REKAN is the peers'
 * deadline, which runs beside the atasan's review.
 */
export const TAHAP_BERTENGGAT = [
  'PENETAPAN_TARGET',
  'MENUNGGU_PENILAIAN',
  'PENILAIAN_MANDIRI',
  'PENILAIAN_ATASAN',
  'PENILAIAN_REKAN',
  'UMPAN_BALIK',
  'TANGGAPAN',
  'KEBERATAN',
  'RENCANA_PENGEMBANGAN',
] as const;
export type TahapBertenggat = (typeof TAHAP_BERTENGGAT)[number];

/**
 * What a missed deadline means, per stage: most escalate and get a grace period; the wait for
 * the window simply ends; a silent employee has accepted the rating; a silent peer is skipped;
 * an unconfirmed development plan stands as recommended.
 */
export type SaatTenggat = 'ESKALASI' | 'LANJUT' | 'DITERIMA_OTOMATIS' | 'DILEWATI';
export const SAAT_TENGGAT: Record<TahapBertenggat, SaatTenggat> = {
  PENETAPAN_TARGET: 'ESKALASI',
  MENUNGGU_PENILAIAN: 'LANJUT',
  PENILAIAN_MANDIRI: 'ESKALASI',
  PENILAIAN_ATASAN: 'ESKALASI',
  PENILAIAN_REKAN: 'DILEWATI',
  UMPAN_BALIK: 'ESKALASI',
  TANGGAPAN: 'DITERIMA_OTOMATIS',
  KEBERATAN: 'ESKALASI',
  RENCANA_PENGEMBANGAN: 'LANJUT',
};

/**
 * A default schedule for a period [mulai, selesai] (ISO dates): targets agreed within 30 days
 * (the annual SKP by the end of January), the window opening on the last day, then two weeks
 * per stage. BKPSDM edits these when creating the cycle.
 */
export function jadwalBaku(mulai: string, selesai: string): Record<TahapBertenggat, string> {
  const start = akhirHariWib(mulai);
  const end = akhirHariWib(selesai);
  return {
    PENETAPAN_TARGET: tambahHari(start, 30),
    MENUNGGU_PENILAIAN: awalHariWib(selesai),
    PENILAIAN_MANDIRI: tambahHari(end, 7),
    PENILAIAN_ATASAN: tambahHari(end, 21),
    PENILAIAN_REKAN: tambahHari(end, 21),
    UMPAN_BALIK: tambahHari(end, 28),
    TANGGAPAN: tambahHari(end, 35),
    KEBERATAN: tambahHari(end, 49),
    RENCANA_PENGEMBANGAN: tambahHari(end, 56),
  };
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
  jadwal: Record<TahapBertenggat, string>;
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

/**
 * Step Functions wants a positive whole number of seconds. A stage already past its deadline
 * gets one second, so it escalates at once instead of waiting a full grace period.
 */
export function secondsUntil(deadlineIso: string, now: Date): number {
  const ms = new Date(deadlineIso).getTime() - now.getTime();
  return Math.max(1, Math.ceil(ms / 1000));
}

/** The next deadline of a stage that already escalated `overdueCount` times. */
export function stageDeadline(
  cycle: Cycle,
  stage: TahapBertenggat,
  overdueCount: number,
  lastOverdueAt?: string,
): string {
  if (overdueCount === 0 || !lastOverdueAt) return cycle.jadwal[stage];
  return tambahHari(lastOverdueAt, cycle.graceDays);
}

/**
 * A Standard execution lives at most a year; an annual cycle (target setting in January, the
 * window in December, reviews after) takes longer. Each execution therefore waits at most this
 * long after it started and then continues in a new execution at the same stage.
 */
export const ANGGARAN_EKSEKUSI_DETIK = 350 * 86_400;

/**
 * Kept free at the end of every execution for the handover itself (the overdue handler and the
 * start of the next execution), so a wait never runs into the execution's own end.
 */
export const SISA_MINIMUM_DETIK = 3_600;

/** Seconds this execution may still wait before it must hand over (at least 0). */
export function sisaAnggaran(
  executionStart: string | undefined,
  now: Date,
  budget = ANGGARAN_EKSEKUSI_DETIK,
): number {
  if (!executionStart) return budget - SISA_MINIMUM_DETIK;
  const end = new Date(executionStart).getTime() + (budget - SISA_MINIMUM_DETIK) * 1000;
  return Math.max(0, Math.floor((end - now.getTime()) / 1000));
}

/** How long a wait for `at` may run in this execution: until `at`, or until the budget is spent. */
export function secondsToWait(at: string, now: Date, sisa: number): number {
  return Math.max(1, Math.min(secondsUntil(at, now), sisa));
}

/** Less than this left to wait: hand over now rather than start a wait of a few seconds. */
export const HANDOVER_DETIK = 60;

/** Execution names are deterministic so that launching a cycle twice starts nothing twice. */
export function executionName(cycleId: string, nip: string, suffix?: string): string {
  const base = `${cycleId}-${nip}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return (suffix ? `${base}-${suffix}` : base).slice(0, 80);
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

/** Labels of the scheduled dates, as BKPSDM reads them on the form. */
export const JADWAL_LABEL: Record<TahapBertenggat, string> = {
  PENETAPAN_TARGET: 'Penetapan target (SKP disetujui)',
  MENUNGGU_PENILAIAN: 'Masa penilaian dibuka',
  PENILAIAN_MANDIRI: 'Penilaian mandiri',
  PENILAIAN_ATASAN: 'Penilaian atasan',
  PENILAIAN_REKAN: 'Penilaian rekan kerja',
  UMPAN_BALIK: 'Umpan balik atasan',
  TANGGAPAN: 'Tanggapan pegawai',
  KEBERATAN: 'Putusan keberatan',
  RENCANA_PENGEMBANGAN: 'Rencana pengembangan',
};

/**
 * Each date must come after these. Peers review beside the atasan, so both follow the
 * self-assessment, and feedback follows both.
 */
const SETELAH: Record<TahapBertenggat, readonly TahapBertenggat[]> = {
  PENETAPAN_TARGET: [],
  MENUNGGU_PENILAIAN: ['PENETAPAN_TARGET'],
  PENILAIAN_MANDIRI: ['MENUNGGU_PENILAIAN'],
  PENILAIAN_ATASAN: ['PENILAIAN_MANDIRI'],
  PENILAIAN_REKAN: ['PENILAIAN_MANDIRI'],
  UMPAN_BALIK: ['PENILAIAN_ATASAN', 'PENILAIAN_REKAN'],
  TANGGAPAN: ['UMPAN_BALIK'],
  KEBERATAN: ['TANGGAPAN'],
  RENCANA_PENGEMBANGAN: ['KEBERATAN'],
};

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
  jadwal?: Partial<Record<TahapBertenggat, string>> | undefined;
  graceDays?: number | undefined;
  scope: 'ALL' | string[];
}

/** Safe in keys, URLs and execution names (which allow at most 80 characters). */
export const POLA_ID_SIKLUS = /^[A-Za-z0-9-]{1,40}$/;

const TRIWULAN: Record<Exclude<Periode, 'TAHUNAN'>, number> = {
  TRIWULAN_I: 1,
  TRIWULAN_II: 2,
  TRIWULAN_III: 3,
  TRIWULAN_IV: 4,
};

/** "2027" for the annual cycle, "2027-TW2" for the second quarter. */
export function idSiklusBaku(tahun: number, periode: Periode): string {
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
export function jadwalDariTanggal(tahap: TahapBertenggat, tanggal: string): string {
  return tahap === 'MENUNGGU_PENILAIAN' ? awalHariWib(tanggal) : akhirHariWib(tanggal);
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
  const id = input.id?.trim() || idSiklusBaku(input.tahun, input.periode);
  if (!POLA_ID_SIKLUS.test(id)) add('id', 'ID siklus hanya huruf, angka, dan tanda hubung (maks. 40)');
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
  const jadwal = datesOk ? jadwalBaku(input.mulai, input.selesai) : ({} as Record<TahapBertenggat, string>);
  for (const tahap of TAHAP_BERTENGGAT) {
    const v = input.jadwal?.[tahap]?.trim();
    if (!v) continue;
    if (isDate(v)) jadwal[tahap] = jadwalDariTanggal(tahap, v);
    else if (isDateTime(v)) jadwal[tahap] = new Date(v).toISOString();
    else add(`jadwal.${tahap}`, `${JADWAL_LABEL[tahap]}: tanggal tidak valid (YYYY-MM-DD)`);
  }
  if (datesOk) {
    const mulai = awalHariWib(input.mulai);
    for (const tahap of TAHAP_BERTENGGAT) {
      if (issues.some((i) => i.path === `jadwal.${tahap}`)) continue;
      if (jadwal[tahap] <= mulai) {
        add(`jadwal.${tahap}`, `${JADWAL_LABEL[tahap]} harus setelah tanggal mulai periode`);
        continue;
      }
      const before = SETELAH[tahap].find((p) => jadwal[p] >= jadwal[tahap]);
      if (before)
        add(
          `jadwal.${tahap}`,
          `${JADWAL_LABEL[tahap]} harus setelah ${JADWAL_LABEL[before].toLowerCase()} (${tanggalJadwal(jadwal[before])})`,
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

/** One CycleLaunch run per cycle and moment: unique, readable, within the 80-character limit. */
export function namaPeluncuran(cycleId: string, at: Date): string {
  return `luncur-${cycleId}-${at.toISOString().replace(/[-:.]/g, '')}`;
}
