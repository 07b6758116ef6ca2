import { describe, expect, it } from 'vitest';
import { hitungHasil } from '../../shared/domain/evaluation/hasil.js';
import type { PenilaianAtasan } from '../../shared/domain/evaluation/penilaian-model.js';
import type { Level } from '../../shared/domain/evaluation/predikat.js';
import { errorOf } from './hasil-fixtures.js';

const review = (
  hasilKerja: Level,
  perilaku: Level,
): Pick<PenilaianAtasan, 'hasilKerja' | 'perilakuKerja'> => ({
  hasilKerja: { level: hasilKerja, saran: 'SESUAI_EKSPEKTASI' },
  perilakuKerja: { level: perilaku },
});
const AT = '2028-01-20T03:00:00.000Z';

describe('hitungHasil: the supervisor review becomes the result', () => {
  // The matrix itself is tested in predikat.test.ts; here: it is the one hitungHasil applies.
  it.each([
    ['DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'SANGAT_BAIK'],
    ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK'],
    ['DI_ATAS_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'KURANG'],
    ['SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'BAIK'],
    ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK'],
    ['SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'KURANG'],
    ['DI_BAWAH_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'BUTUH_PERBAIKAN'],
    ['DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BUTUH_PERBAIKAN'],
    ['DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'SANGAT_KURANG'],
  ] as const)('hasil kerja %s, perilaku %s: %s from the atasan', (hk, pk, predikat) => {
    expect(hitungHasil(review(hk, pk), AT)).toEqual({
      hasilKerja: hk,
      perilaku: pk,
      predikat,
      dihitungPada: AT,
      sumber: 'ATASAN',
    });
  });

  it('uses the overall levels, not the system suggestion', () => {
    const r = { ...review('DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI') };
    r.hasilKerja = {
      level: 'DI_ATAS_EKSPEKTASI',
      saran: 'DI_BAWAH_EKSPEKTASI',
      alasan: 'Capaian luar biasa',
    };
    expect(hitungHasil(r, AT).hasilKerja).toBe('DI_ATAS_EKSPEKTASI');
  });

  it('refuses a review without its overall levels, naming each', () => {
    const err = errorOf(() =>
      hitungHasil({ hasilKerja: { level: 'X' as Level, saran: 'SESUAI_EKSPEKTASI' } } as PenilaianAtasan, AT),
    );
    expect(err.code).toBe('VALIDASI');
    expect(err.issues.map((i) => i.path)).toEqual(['hasilKerja.level', 'perilakuKerja.level']);
  });
});
