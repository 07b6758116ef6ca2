import type { AuditAction } from '../../../../shared/data/audit.js';
import { LABEL_LEVEL } from '../../../../shared/domain/evaluation/capaian.js';
import { isLevel } from '../../../../shared/domain/evaluation/penilaian-umum.js';

const levelOf = (v: unknown) => {
  const level = v && typeof v === 'object' ? (v as { level?: unknown }).level : undefined;
  return isLevel(level) ? LABEL_LEVEL[level] : undefined;
};

/** The review stages' trail entries in words; old or redacted entries may lack fields. */
export function describePenilaian(action: AuditAction, d: Record<string, unknown>): string {
  switch (action) {
    case 'PENILAIAN_MANDIRI_DISIMPAN':
      return 'Menyimpan draf penilaian mandiri';
    case 'PENILAIAN_MANDIRI_DIAJUKAN':
      return 'Mengajukan penilaian mandiri; tahap penilaian mandiri selesai';
    case 'PENILAIAN_ATASAN_DISIMPAN':
      return 'Menyimpan draf penilaian kinerja';
    case 'PENILAIAN_ATASAN_DIAJUKAN': {
      const hasil = levelOf(d.hasilKerja);
      const perilaku = levelOf(d.perilakuKerja);
      return `Mengajukan penilaian kinerja${hasil ? `: hasil kerja ${hasil}` : ''}${perilaku ? `, perilaku kerja ${perilaku}` : ''}`;
    }
    case 'PENILAIAN_REKAN_DIAJUKAN':
      return 'Seorang rekan penilai mengajukan penilaian perilaku kerja';
    default:
      return String(action);
  }
}
