import type { Aspek, JenisHasilKerja } from '../../../../shared/domain/evaluation/skp.js';

export const JENIS_LABEL: Record<JenisHasilKerja, string> = { UTAMA: 'Utama', TAMBAHAN: 'Tambahan' };
export const ASPEK_LABEL: Record<Aspek, string> = {
  KUANTITAS: 'Kuantitas',
  KUALITAS: 'Kualitas',
  WAKTU: 'Waktu',
};
