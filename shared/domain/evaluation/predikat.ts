/** Rating levels for hasil kerja and perilaku kerja (PermenPAN-RB 6/2022). */
export const LEVEL = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'] as const;
export type Level = (typeof LEVEL)[number];

export type Predikat = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';

const MATRIX: Record<Level, Record<Level, Predikat>> = {
  DI_ATAS_EKSPEKTASI: {
    DI_ATAS_EKSPEKTASI: 'SANGAT_BAIK',
    SESUAI_EKSPEKTASI: 'BAIK',
    DI_BAWAH_EKSPEKTASI: 'KURANG',
  },
  SESUAI_EKSPEKTASI: { DI_ATAS_EKSPEKTASI: 'BAIK', SESUAI_EKSPEKTASI: 'BAIK', DI_BAWAH_EKSPEKTASI: 'KURANG' },
  DI_BAWAH_EKSPEKTASI: {
    DI_ATAS_EKSPEKTASI: 'BUTUH_PERBAIKAN',
    SESUAI_EKSPEKTASI: 'BUTUH_PERBAIKAN',
    DI_BAWAH_EKSPEKTASI: 'SANGAT_KURANG',
  },
};

export function predikatKinerja(hasilKerja: Level, perilaku: Level): Predikat {
  return MATRIX[hasilKerja][perilaku];
}
