import { z } from '@hono/zod-openapi';
import type { Issue } from '../../../shared/domain/errors.js';
import {
  KurvaBody,
  PutusanKeberatanBody,
  TanggapanBody,
  TutupSiklusBody,
  UmpanBalikBody,
} from '../../../shared/schemas/hasil.js';

/** Form fields arrive as text; the JSON API's schemas coerce them, in Indonesian. */
const INDONESIAN = { error: z.locales.id().localeError };

/** The outcome stages' forms on the evaluation page, and the cycle forms of the kurva pages. */
export type HasilFormName = 'umpan-balik' | 'tanggapan' | 'keberatan' | 'kurva' | 'tutup';

/** A refused submission, re-rendered with what the user typed. */
export interface HasilFailure {
  form: HasilFormName;
  message: string;
  issues: Issue[];
  values: Record<string, string>;
}

export function hasilErrors(failure: HasilFailure | undefined, form: HasilFormName): Record<string, string> {
  const out: Record<string, string> = {};
  if (failure?.form !== form) return out;
  for (const i of failure.issues) out[i.path] ??= i.message;
  return out;
}

export const barisField = (rowId: string) => `baris.${rowId}`;

/** One textarea per row (`baris.<rowId>`); the button pressed says draft or give. */
export function parseUmpanBalik(values: Record<string, string>) {
  const baris = Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => k.startsWith('baris.'))
      .map(([k, v]) => [k.slice('baris.'.length), v]),
  );
  const parsed = UmpanBalikBody.safeParse(
    { version: values.version ?? '', baris, umum: values.umum ?? '', saran: values.saran ?? '' },
    INDONESIAN,
  );
  return parsed.success
    ? { success: true as const, data: { ...parsed.data, berikan: values.aksi === 'berikan' } }
    : parsed;
}

const isi = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);

export const parseTanggapan = (values: Record<string, string>) =>
  TanggapanBody.safeParse(
    {
      version: values.version ?? '',
      jenis: values.jenis ?? '',
      ...(isi(values.alasan) ? { alasan: values.alasan } : {}),
    },
    INDONESIAN,
  );

/** "Tidak berubah" posts an empty level, which means "keep the atasan's", not an invalid one. */
export const parsePutusan = (values: Record<string, string>) =>
  PutusanKeberatanBody.safeParse(
    {
      version: values.version ?? '',
      keputusan: values.keputusan ?? '',
      alasan: values.alasan ?? '',
      ...(isi(values.hasilKerja) ? { hasilKerja: values.hasilKerja } : {}),
      ...(isi(values.perilaku) ? { perilaku: values.perilaku } : {}),
    },
    INDONESIAN,
  );

export const parseKurva = (values: Record<string, string>) =>
  KurvaBody.safeParse(
    { version: values.version ?? '', predikat: values.predikat ?? '', alasan: values.alasan ?? '' },
    INDONESIAN,
  );

export const parseTutup = (values: Record<string, string>) =>
  TutupSiklusBody.safeParse(
    isi(values.alasanPengecualian) ? { alasanPengecualian: values.alasanPengecualian } : {},
    INDONESIAN,
  );
