import { KODE_BERAKHLAK, type KodeBerakhlak } from './berakhlak.js';
import { type BarisTarget, checkRealisasi } from './capaian.js';
import { type Issue, validasi } from '../errors.js';
import { assertAction, assertMenunggu } from './actions.js';
import type { Actor, Evaluation } from './evaluation.js';
import type { PenilaianMandiri, RealisasiBaris } from './penilaian-model.js';
import { BATAS_PENILAIAN as BATAS, periksaLevel, periksaTeks } from './penilaian-umum.js';
import type { Level } from './predikat.js';

/** What the employee sends; everything may be missing while the self-assessment is a draft. */
export interface IsianMandiri {
  baris?: Record<string, { realisasi?: number | null | undefined; narasi?: string; bukti?: string[] }>;
  perilaku?: Partial<Record<string, { level?: string | null | undefined; contoh?: string | undefined }>>;
}

/** A draft row may still lack its realisasi; a submitted self-assessment has every field. */
export type BarisMandiriDraf = Omit<RealisasiBaris, 'realisasi'> & { realisasi?: number };
export type PerilakuMandiriDraf = { level?: Level; contoh: string };

/** Anything naming a scheme is a link, and then only an http(s) one is accepted. */
const MIRIP_TAUTAN = /^([a-z][a-z0-9+.-]*:\/\/|(javascript|data|vbscript|file|blob):)/i;

/** How a stored bukti item is shown: links are only ever http(s), everything else is text. */
export const isTautan = (item: string) => /^https?:\/\//i.test(item);

function periksaTautan(item: string): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(item);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    return 'tautan harus berupa alamat web lengkap dengan awalan http atau https';
  }
  if (item.length > BATAS.tautan) return `tautan paling banyak ${BATAS.tautan} karakter`;
  return undefined;
}

/** Bukti dukung: up to 10 links and/or short texts; problems are addressed to the item. */
export function periksaBukti(
  issues: Issue[],
  path: string,
  items: readonly string[],
  wajib: boolean,
): string[] {
  const bukti = items.map((b) => b.trim()).filter(Boolean);
  if (wajib && bukti.length === 0) {
    issues.push({
      path,
      message: 'Isi minimal satu bukti dukung: tautan (http/https) atau keterangan singkat',
    });
  }
  if (bukti.length > BATAS.bukti) {
    issues.push({ path, message: `Bukti dukung paling banyak ${BATAS.bukti} butir per hasil kerja` });
  }
  bukti.forEach((item, i) => {
    const salah = MIRIP_TAUTAN.test(item)
      ? periksaTautan(item)
      : item.length > BATAS.buktiTeks
        ? `keterangan paling banyak ${BATAS.buktiTeks} karakter; simpan dokumen di penyimpanan dinas lalu tempel tautannya`
        : undefined;
    if (salah) issues.push({ path: `${path}.${i}`, message: `Bukti ke-${i + 1}: ${salah}` });
  });
  return bukti;
}

function periksa(rows: readonly BarisTarget[], input: IsianMandiri, lengkap: boolean) {
  const issues: Issue[] = [];
  const known = new Set(rows.map((r) => r.id));
  for (const id of Object.keys(input.baris ?? {})) {
    if (!known.has(id)) issues.push({ path: `baris.${id}`, message: 'Hasil kerja ini tidak ada di SKP' });
  }
  const baris: Record<string, BarisMandiriDraf> = {};
  for (const row of rows) {
    const isian = input.baris?.[row.id] ?? {};
    const path = `baris.${row.id}`;
    const realisasi = isian.realisasi ?? undefined;
    if (realisasi === undefined) {
      if (lengkap) issues.push({ path: `${path}.realisasi`, message: 'Realisasi wajib diisi' });
    } else {
      issues.push(...checkRealisasi(row, realisasi, `${path}.realisasi`));
    }
    const narasi = periksaTeks(issues, `${path}.narasi`, isian.narasi, {
      label: 'Narasi capaian',
      wajib: lengkap,
      min: BATAS.narasiMin,
    });
    const bukti = periksaBukti(issues, `${path}.bukti`, isian.bukti ?? [], lengkap);
    if (realisasi !== undefined || narasi || bukti.length) {
      baris[row.id] = { ...(realisasi !== undefined ? { realisasi } : {}), narasi: narasi ?? '', bukti };
    }
  }
  for (const kode of Object.keys(input.perilaku ?? {})) {
    if (!(KODE_BERAKHLAK as readonly string[]).includes(kode)) {
      issues.push({ path: `perilaku.${kode}`, message: 'Bukan nilai BerAKHLAK' });
    }
  }
  const perilaku: Partial<Record<KodeBerakhlak, PerilakuMandiriDraf>> = {};
  for (const kode of KODE_BERAKHLAK) {
    const isian = input.perilaku?.[kode] ?? {};
    const path = `perilaku.${kode}`;
    const level = periksaLevel(issues, `${path}.level`, isian.level, lengkap);
    const contoh = periksaTeks(issues, `${path}.contoh`, isian.contoh, {
      label: 'Contoh perilaku',
      wajib: lengkap,
      min: BATAS.contohMin,
    });
    if (level || contoh) perilaku[kode] = { ...(level ? { level } : {}), contoh: contoh ?? '' };
  }
  return { baris, perilaku, issues };
}

/** Saves what the employee has so far; only what is filled in must already be right. */
export function drafPenilaianMandiri(
  e: Evaluation,
  actor: Actor,
  rows: readonly BarisTarget[],
  input: IsianMandiri,
  now: Date,
): Pick<Evaluation, 'penilaianMandiri'> {
  assertAction(e, actor, 'ISI_PENILAIAN_MANDIRI', now, 'menyimpan penilaian mandiri');
  const { baris, perilaku, issues } = periksa(rows, input, false);
  if (issues.length) throw validasi('Penilaian mandiri tidak valid', issues);
  // A draft is stored in the submitted shape with fields still missing; `diajukanPada` marks it whole.
  return { penilaianMandiri: { baris, perilaku } as PenilaianMandiri };
}

/** Every row's realisasi, narasi and bukti, and every BerAKHLAK value's level and example. */
export function ajukanPenilaianMandiri(
  e: Evaluation,
  actor: Actor,
  rows: readonly BarisTarget[],
  input: IsianMandiri,
  at: string,
): Pick<Evaluation, 'penilaianMandiri' | 'status'> {
  assertAction(e, actor, 'ISI_PENILAIAN_MANDIRI', new Date(at), 'mengajukan penilaian mandiri');
  assertMenunggu(e, 'penilaian mandiri');
  const { baris, perilaku, issues } = periksa(rows, input, true);
  if (issues.length) throw validasi('Penilaian mandiri belum lengkap', issues);
  return {
    // Complete: periksa reported every missing realisasi and level.
    penilaianMandiri: { baris, perilaku, diajukanPada: at } as PenilaianMandiri,
    status: 'SELESAI',
  };
}
