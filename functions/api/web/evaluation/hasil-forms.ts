import { PutusanKeberatanBody, TanggapanBody, UmpanBalikBody } from '../../../../shared/schemas/hasil.js';
import type { FormFailure } from '../common/types.js';
import { INDONESIAN, angkaFormulir, filled } from '../common/kit.js';

/** The outcome stages' forms on the evaluation page. */
export type HasilFormName = 'umpan-balik' | 'tanggapan' | 'keberatan';
export type HasilFailure = FormFailure<HasilFormName>;

export const barisField = (rowId: string) => `baris.${rowId}`;

/** One textarea per row (`baris.<rowId>`); the button pressed says draft or give. */
export function parseUmpanBalik(values: Record<string, string>) {
  const baris = Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => k.startsWith('baris.'))
      .map(([k, v]) => [k.slice('baris.'.length), v]),
  );
  const parsed = UmpanBalikBody.safeParse(
    { version: angkaFormulir(values.version), baris, umum: values.umum ?? '', saran: values.saran ?? '' },
    INDONESIAN,
  );
  return parsed.success
    ? { success: true as const, data: { ...parsed.data, berikan: values.aksi === 'berikan' } }
    : parsed;
}

/**
 * The form's one text field is "Alasan keberatan": text there with "menerima" ticked is a slip
 * that would file an acceptance and lose the right to object, so the form asks again.
 */
const TanggapanFormulir = TanggapanBody.superRefine((t, ctx) => {
  if (t.jenis === 'DITERIMA' && t.alasan)
    ctx.addIssue({
      code: 'custom',
      path: ['jenis'],
      message:
        'Anda menulis alasan keberatan tetapi memilih menerima penilaian. Pilih "Saya mengajukan keberatan", atau kosongkan alasan bila menerima.',
    });
});

export const parseTanggapan = (values: Record<string, string>) =>
  TanggapanFormulir.safeParse(
    {
      version: angkaFormulir(values.version),
      jenis: values.jenis ?? '',
      ...(filled(values.alasan) ? { alasan: values.alasan } : {}),
    },
    INDONESIAN,
  );

/** "Tidak berubah" posts an empty level, which means "keep the atasan's", not an invalid one. */
export const parsePutusan = (values: Record<string, string>) =>
  PutusanKeberatanBody.safeParse(
    {
      version: angkaFormulir(values.version),
      keputusan: values.keputusan ?? '',
      alasan: values.alasan ?? '',
      ...(filled(values.hasilKerja) ? { hasilKerja: values.hasilKerja } : {}),
      ...(filled(values.perilaku) ? { perilaku: values.perilaku } : {}),
    },
    INDONESIAN,
  );
