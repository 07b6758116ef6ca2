import { KODE_BERAKHLAK, type KodeBerakhlak } from './berakhlak.js';
import {
  type BarisTarget,
  type CapaianBaris,
  type SaranHasilKerja,
  assertOverride,
  checkRealisasi,
  hitungCapaian,
  saranHasilKerja,
} from './capaian.js';
import { DomainError, type Issue, validasi } from '../errors.js';
import { assertAction, assertMenunggu } from './actions.js';
import type { Actor, Evaluation } from './evaluation.js';
import type { PenilaianAtasan, PenilaianMandiri } from './penilaian-model.js';
import { periksaLevel, periksaTeks } from './penilaian-umum.js';
import type { Level } from './predikat.js';
import { LIMITS, type JenisHasilKerja } from './skp.js';

/** What the atasan sends; everything may be missing while the review is a draft. */
export interface IsianAtasan {
  baris?: Record<string, { level?: string | undefined; catatan?: string | undefined }>;
  hasilKerja?: { level?: string | undefined; alasan?: string | undefined };
  perilaku?: Partial<Record<string, { level?: string | undefined; catatan?: string | undefined }>>;
  perilakuKerja?: { level?: string | undefined; alasan?: string | undefined };
}

/** The numbers the atasan decides with. */
export interface SaranAtasan {
  /** Per row with a valid realisasi: capaian in % and the level it reads as. */
  capaian: CapaianBaris[];
  /** The suggested overall hasil kerja level and why (DOMAIN rule, capaian.ts). */
  hasilKerja?: SaranHasilKerja;
}

const bersih = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * Each row's capaian from the employee's realisasi, and the overall suggestion from the rows'
 * levels: the atasan's where they rated the row, the capaian's otherwise. On submission every
 * row is rated, so the stored suggestion follows the atasan's own row ratings.
 */
export function saranPenilaian(
  rows: readonly BarisTarget[],
  mandiri: Pick<PenilaianMandiri, 'baris'> | undefined,
  dinilai: Readonly<Record<string, { level?: Level | undefined } | undefined>> = {},
): SaranAtasan {
  const capaian = rows.flatMap((r) => {
    const v = mandiri?.baris[r.id]?.realisasi;
    return typeof v === 'number' && checkRealisasi(r, v).length === 0 ? [hitungCapaian(r, v)] : [];
  });
  const dariCapaian = new Map(capaian.map((c) => [c.rowId, c.level]));
  const levels = rows.flatMap((r): { jenis: JenisHasilKerja; level: Level }[] => {
    const level = dinilai[r.id]?.level ?? dariCapaian.get(r.id);
    return level ? [{ jenis: r.jenis, level }] : [];
  });
  try {
    return { capaian, hasilKerja: saranHasilKerja(levels) };
  } catch (err) {
    // No UTAMA row with a level yet: nothing to suggest.
    if (err instanceof DomainError) return { capaian };
    throw err;
  }
}

type BarisDinilai = Record<string, { level?: Level; catatan?: string }>;

function periksa(e: Evaluation, rows: readonly BarisTarget[], input: IsianAtasan, lengkap: boolean) {
  const issues: Issue[] = [];
  const known = new Set(rows.map((r) => r.id));
  for (const id of Object.keys(input.baris ?? {})) {
    if (!known.has(id)) issues.push({ path: `baris.${id}`, message: 'Hasil kerja ini tidak ada di SKP' });
  }
  const baris: BarisDinilai = {};
  for (const row of rows) {
    const isian = input.baris?.[row.id] ?? {};
    const path = `baris.${row.id}`;
    const level = periksaLevel(issues, `${path}.level`, isian.level, lengkap);
    const catatan = periksaTeks(issues, `${path}.catatan`, isian.catatan, { label: 'Catatan', wajib: false });
    if (level || catatan) baris[row.id] = bersih({ level, catatan });
  }

  const saran = saranPenilaian(rows, e.penilaianMandiri, baris).hasilKerja;
  const level = periksaLevel(issues, 'hasilKerja.level', input.hasilKerja?.level, lengkap);
  const sebelumAlasan = issues.length;
  const alasan = periksaTeks(issues, 'hasilKerja.alasan', input.hasilKerja?.alasan, {
    label: 'Alasan',
    // Without a suggestion (no realisasi to compute from) the rating must be explained.
    wajib: lengkap && !!level && !saran,
    min: 10,
    max: LIMITS.comment,
  });
  if (lengkap && level && saran && issues.length === sebelumAlasan) {
    try {
      assertOverride(saran.level, level, alasan);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      issues.push(...err.issues.map((i) => ({ path: `hasilKerja.${i.path}`, message: i.message })));
    }
  }

  for (const kode of Object.keys(input.perilaku ?? {})) {
    if (!(KODE_BERAKHLAK as readonly string[]).includes(kode)) {
      issues.push({ path: `perilaku.${kode}`, message: 'Bukan nilai BerAKHLAK' });
    }
  }
  const perilaku: Partial<Record<KodeBerakhlak, { level?: Level; catatan?: string }>> = {};
  for (const kode of KODE_BERAKHLAK) {
    const isian = input.perilaku?.[kode] ?? {};
    const path = `perilaku.${kode}`;
    const lv = periksaLevel(issues, `${path}.level`, isian.level, lengkap);
    const catatan = periksaTeks(issues, `${path}.catatan`, isian.catatan, { label: 'Catatan', wajib: false });
    if (lv || catatan) perilaku[kode] = bersih({ level: lv, catatan });
  }
  const perilakuKerja = bersih({
    level: periksaLevel(issues, 'perilakuKerja.level', input.perilakuKerja?.level, lengkap),
    alasan: periksaTeks(issues, 'perilakuKerja.alasan', input.perilakuKerja?.alasan, {
      label: 'Alasan',
      wajib: false,
      max: LIMITS.comment,
    }),
  });
  return {
    issues,
    // Complete when lengkap and no issues: every level was required above.
    penilaianAtasan: {
      baris,
      hasilKerja: bersih({ level, saran: saran?.level, alasan }),
      perilaku,
      perilakuKerja,
    } as PenilaianAtasan,
  };
}

/** Saves the atasan's ratings so far; the employee does not see them until submitted. */
export function drafPenilaianAtasan(
  e: Evaluation,
  actor: Actor,
  rows: readonly BarisTarget[],
  input: IsianAtasan,
  now: Date,
): Pick<Evaluation, 'penilaianAtasan'> {
  assertAction(e, actor, 'NILAI_KINERJA', now, 'menyimpan penilaian kinerja');
  const { penilaianAtasan, issues } = periksa(e, rows, input, false);
  if (issues.length) throw validasi('Penilaian kinerja tidak valid', issues);
  return { penilaianAtasan };
}

/**
 * Every row and BerAKHLAK value rated, the overall hasil kerja (a departure from the system's
 * suggestion explained) and the overall perilaku: what the predikat is computed from.
 */
export function ajukanPenilaianAtasan(
  e: Evaluation,
  actor: Actor,
  rows: readonly BarisTarget[],
  input: IsianAtasan,
  at: string,
): Pick<Evaluation, 'penilaianAtasan' | 'status'> {
  assertAction(e, actor, 'NILAI_KINERJA', new Date(at), 'mengajukan penilaian kinerja');
  assertMenunggu(e, 'penilaian atasan');
  const { penilaianAtasan, issues } = periksa(e, rows, input, true);
  if (issues.length) throw validasi('Penilaian kinerja belum lengkap', issues);
  // Who rated is kept: they may not also decide an objection to it (keberatan.ts).
  return { penilaianAtasan: { ...penilaianAtasan, diajukanPada: at, oleh: actor.nip }, status: 'SELESAI' };
}
