import { type Issue, validasi } from '../errors.js';
import type { HasilPenilaian, PenilaianAtasan } from './penilaian-model.js';
import { LEVEL, type Level, type Predikat, predikatKinerja } from './predikat.js';

export const LABEL_PREDIKAT: Record<Predikat, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

const levelValid = (v: unknown): v is Level => typeof v === 'string' && LEVEL.includes(v as Level);

/**
 * The predikat of a completed supervisor review. Called by the workflow's automatic step, so a
 * review stored without its two overall levels is a data error worth stopping on, not a guess.
 */
export function hitungHasil(
  penilaianAtasan: Pick<PenilaianAtasan, 'hasilKerja' | 'perilakuKerja'>,
  at: string,
): HasilPenilaian {
  const hasilKerja = penilaianAtasan.hasilKerja?.level;
  const perilaku = penilaianAtasan.perilakuKerja?.level;
  const issues: Issue[] = [];
  if (!levelValid(hasilKerja))
    issues.push({ path: 'hasilKerja.level', message: 'Penilaian hasil kerja belum diisi atasan' });
  if (!levelValid(perilaku))
    issues.push({ path: 'perilakuKerja.level', message: 'Penilaian perilaku kerja belum diisi atasan' });
  if (!levelValid(hasilKerja) || !levelValid(perilaku))
    throw validasi('Predikat tidak dapat dihitung', issues);
  return {
    hasilKerja,
    perilaku,
    predikat: predikatKinerja(hasilKerja, perilaku),
    dihitungPada: at,
    sumber: 'ATASAN',
  };
}
