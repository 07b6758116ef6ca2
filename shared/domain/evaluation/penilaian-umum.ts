import type { Issue } from '../errors.js';
import type { Evaluation } from './evaluation.js';
import { LEVEL, type Level } from './predikat.js';

/** Lengths of the review forms' answers: long enough to say something, short enough to read. */
export const BATAS_PENILAIAN = {
  /** Narasi per row, contoh per BerAKHLAK value, notes and peer comments. */
  teks: 1000,
  narasiMin: 10,
  contohMin: 10,
  komentarMin: 5,
  /** Bukti dukung per row: items, and the length of a link or of a short text. */
  bukti: 10,
  tautan: 500,
  buktiTeks: 300,
} as const;

export const PESAN_LEVEL = 'Pilih di atas, sesuai, atau di bawah ekspektasi';

export const isLevel = (v: unknown): v is Level =>
  typeof v === 'string' && (LEVEL as readonly string[]).includes(v);

interface AturanTeks {
  label: string;
  wajib: boolean;
  min?: number;
  max?: number;
}

/** One free-text answer: trimmed, empty means absent; problems go to `issues` under `path`. */
export function periksaTeks(
  issues: Issue[],
  path: string,
  value: string | undefined,
  { label, wajib, min = 1, max = BATAS_PENILAIAN.teks }: AturanTeks,
): string | undefined {
  const text = (value ?? '').trim();
  if (!text) {
    if (wajib)
      issues.push({ path, message: `${label} wajib diisi${min > 1 ? ` (minimal ${min} karakter)` : ''}` });
    return undefined;
  }
  if (wajib && text.length < min) issues.push({ path, message: `${label} minimal ${min} karakter` });
  if (text.length > max) issues.push({ path, message: `${label} paling banyak ${max} karakter` });
  return text;
}

/** A level answer: absent is allowed in a draft, anything else must be one of the three levels. */
export function periksaLevel(
  issues: Issue[],
  path: string,
  value: unknown,
  wajib: boolean,
): Level | undefined {
  if (value === undefined || value === null || value === '') {
    if (wajib) issues.push({ path, message: PESAN_LEVEL });
    return undefined;
  }
  if (!isLevel(value)) {
    issues.push({ path, message: PESAN_LEVEL });
    return undefined;
  }
  return value;
}

/**
 * A draft belongs to its author until submitted: the employee's self-assessment is theirs, the
 * atasan's ratings are the atasan's (the employee must not watch them change).
 */
export function sembunyikanDraf<
  E extends Pick<Evaluation, 'penilaianMandiri' | 'penilaianAtasan' | 'umpanBalik' | 'alurGagal'>,
>(e: E, pembaca: { pegawai: boolean; atasan: boolean; admin?: boolean }): E {
  const out = { ...e };
  // The atasan's feedback reaches the employee when given, not while drafted.
  if (out.umpanBalik && !out.umpanBalik.diberikanPada && !pembaca.atasan) delete out.umpanBalik;
  // Raw error text is for BKPSDM, who can act on it; others see only that the flow stopped.
  if (out.alurGagal && !pembaca.admin) out.alurGagal = { ...out.alurGagal, cause: '' };
  if (out.penilaianMandiri && !out.penilaianMandiri.diajukanPada && !pembaca.pegawai)
    delete out.penilaianMandiri;
  if (out.penilaianAtasan && !out.penilaianAtasan.diajukanPada && !pembaca.atasan) delete out.penilaianAtasan;
  return out;
}
