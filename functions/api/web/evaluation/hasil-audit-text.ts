import type { AuditAction } from '../../../../shared/data/audit.js';
import { LABEL_LEVEL } from '../../../../shared/domain/evaluation/capaian.js';
import { LABEL_PREDIKAT } from '../../../../shared/domain/evaluation/hasil.js';
import type { Level, Predikat } from '../../../../shared/domain/evaluation/predikat.js';

type HasilAction = Extract<
  AuditAction,
  | 'UMPAN_BALIK_DISIMPAN'
  | 'UMPAN_BALIK_DIBERIKAN'
  | 'PENILAIAN_DITERIMA'
  | 'KEBERATAN_DIAJUKAN'
  | 'KEBERATAN_DIPUTUS'
>;

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const predikat = (v: unknown) =>
  typeof v === 'string' && v in LABEL_PREDIKAT ? LABEL_PREDIKAT[v as Predikat] : '-';
const level = (v: unknown) => (typeof v === 'string' && v in LABEL_LEVEL ? LABEL_LEVEL[v as Level] : '-');

/** The outcome stages' audit entries in words; old or partial entries still read sensibly. */
export function describeHasil(action: HasilAction, d: Record<string, unknown>): string {
  switch (action) {
    case 'UMPAN_BALIK_DISIMPAN':
      return 'Menyimpan draf umpan balik';
    case 'UMPAN_BALIK_DIBERIKAN':
      return 'Memberi umpan balik dan saran perbaikan; tahap umpan balik selesai';
    case 'PENILAIAN_DITERIMA':
      return `Menerima penilaian dan umpan balik (predikat ${predikat(d.predikat)})`;
    case 'KEBERATAN_DIAJUKAN': {
      const alasan = str(obj(d.tanggapan).alasan);
      return `Mengajukan keberatan atas predikat ${predikat(d.predikat)}${alasan ? `: "${alasan}"` : ''}`;
    }
    case 'KEBERATAN_DIPUTUS': {
      const p = obj(d.putusan);
      const sebelum = obj(p.sebelum);
      const sesudah = obj(p.sesudah);
      const alasan = str(p.alasan);
      const inti =
        p.keputusan === 'DIREVISI'
          ? `Merevisi penilaian atas keberatan: hasil kerja ${level(sebelum.hasilKerja)} → ${level(sesudah.hasilKerja)}, perilaku ${level(sebelum.perilaku)} → ${level(sesudah.perilaku)}, predikat ${predikat(sebelum.predikat)} → ${predikat(sesudah.predikat)}`
          : `Mempertahankan penilaian atas keberatan (predikat ${predikat(sebelum.predikat)})`;
      return `${inti}${alasan ? `; alasan: "${alasan}"` : ''}`;
    }
  }
}
