import { LABEL_LEVEL } from './capaian.js';
import { type Issue, validasi } from '../errors.js';
import { assertAction, assertMenunggu } from './actions.js';
import type { Actor, Evaluation } from './evaluation.js';
import type { HasilPenilaian, PutusanKeberatan } from './penilaian-model.js';
import { LEVEL, type Level, predikatKinerja } from './predikat.js';
import { BATAS_ALASAN_KEBERATAN } from './umpan-balik.js';

export const KEPUTUSAN_KEBERATAN = ['DIPERTAHANKAN', 'DIREVISI'] as const;
export type KeputusanKeberatan = (typeof KEPUTUSAN_KEBERATAN)[number];

export interface PutusanInput {
  keputusan: KeputusanKeberatan;
  alasan: string;
  /** New levels, only with DIREVISI; a level left out stays as the atasan rated it. */
  hasilKerja?: Level | undefined;
  perilaku?: Level | undefined;
}

const nilai = (h: Pick<HasilPenilaian, 'hasilKerja' | 'perilaku' | 'predikat'>) => ({
  hasilKerja: h.hasilKerja,
  perilaku: h.perilaku,
  predikat: h.predikat,
});

function periksaLevel(issues: Issue[], path: string, v: Level | undefined) {
  if (v !== undefined && !LEVEL.includes(v))
    issues.push({ path, message: 'Pilih di atas, sesuai, atau di bawah ekspektasi' });
}

/**
 * The atasan's atasan decides an objection. Upholding keeps the result as it was (its source
 * stays ATASAN); revising sets new levels, recomputes the predikat from the matrix and marks
 * the result as coming from the objection. Both need a reason the employee can read, and both
 * keep the before and after, so the trail shows what the objection changed.
 */
export function putuskanKeberatan(
  e: Evaluation,
  actor: Actor,
  input: PutusanInput,
  at: string,
): { hasil: HasilPenilaian; putusan: PutusanKeberatan } {
  // Also refuses whoever gave the rating, and an evaluation without an objection (actions.ts).
  assertAction(e, actor, 'PUTUSKAN_KEBERATAN', new Date(at), 'memutus keberatan');
  assertMenunggu(e, 'putusan keberatan');
  const sebelum = e.hasil!;
  const issues: Issue[] = [];
  if (!KEPUTUSAN_KEBERATAN.includes(input.keputusan))
    issues.push({ path: 'keputusan', message: 'Pilih mempertahankan atau merevisi penilaian' });
  periksaLevel(issues, 'hasilKerja', input.hasilKerja);
  periksaLevel(issues, 'perilaku', input.perilaku);
  const alasan = (input.alasan ?? '').trim();
  const { min, max } = BATAS_ALASAN_KEBERATAN;
  if (alasan.length < min)
    issues.push({ path: 'alasan', message: `Alasan putusan wajib diisi, minimal ${min} karakter` });
  else if (alasan.length > max)
    issues.push({ path: 'alasan', message: `Alasan putusan paling banyak ${max} karakter` });
  if (issues.length) throw validasi('Putusan keberatan tidak valid', issues);

  const hasilKerja = input.hasilKerja ?? sebelum.hasilKerja;
  const perilaku = input.perilaku ?? sebelum.perilaku;
  const berubah = hasilKerja !== sebelum.hasilKerja || perilaku !== sebelum.perilaku;
  if (input.keputusan === 'DIPERTAHANKAN' && berubah) {
    throw validasi('Putusan keberatan tidak konsisten', [
      {
        path: hasilKerja !== sebelum.hasilKerja ? 'hasilKerja' : 'perilaku',
        message: 'Penilaian yang dipertahankan tidak boleh diubah; pilih "Revisi" untuk mengubahnya',
      },
    ]);
  }
  if (input.keputusan === 'DIREVISI' && !berubah) {
    throw validasi('Putusan keberatan tidak konsisten', [
      {
        path: 'hasilKerja',
        message: `Revisi harus mengubah penilaian hasil kerja (kini ${LABEL_LEVEL[sebelum.hasilKerja]}) atau perilaku kerja (kini ${LABEL_LEVEL[sebelum.perilaku]})`,
      },
    ]);
  }

  const hasil: HasilPenilaian =
    input.keputusan === 'DIREVISI'
      ? {
          hasilKerja,
          perilaku,
          predikat: predikatKinerja(hasilKerja, perilaku),
          dihitungPada: at,
          sumber: 'KEBERATAN',
        }
      : sebelum;
  return {
    hasil,
    putusan: {
      keputusan: input.keputusan,
      alasan,
      oleh: actor.nip,
      pada: at,
      sebelum: nilai(sebelum),
      sesudah: nilai(hasil),
    },
  };
}
