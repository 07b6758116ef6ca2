import type { AuditAction } from '../../../../shared/data/audit.js';
import { tanggal } from '../common/format.js';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** The plan's audit entries in words; old or partial details degrade to a shorter sentence. */
export function describeRencana(action: AuditAction, d: Record<string, unknown>): string {
  const tahun = num(d.tahun) ? ` tahun ${num(d.tahun)}` : '';
  const item = (d.item && typeof d.item === 'object' ? d.item : {}) as Record<string, unknown>;
  const judul = str(item.judul) ? ` "${str(item.judul)}"` : '';
  const jp = num(item.jp) ? ` (${num(item.jp)} JP)` : '';
  switch (action) {
    case 'PELATIHAN_DIREKOMENDASIKAN': {
      const n = Array.isArray(d.pelatihan) ? d.pelatihan.length : 0;
      const total = num(d.jpDirencanakan) ?? 0;
      return `Menyusun rekomendasi rencana pengembangan kompetensi${tahun}: ${n} pelatihan, ${total} JP${d.terpenuhi === false ? ' (belum memenuhi 20 JP)' : ''}`;
    }
    case 'PELATIHAN_DITAMBAH':
      return `Menambah pelatihan${judul}${jp} ke rencana pengembangan${tahun}`;
    case 'PELATIHAN_DIBATALKAN':
      return `Membatalkan pelatihan${judul} dari rencana pengembangan${tahun}${str(d.catatan) ? ` dengan catatan: "${str(d.catatan)}"` : ''}`;
    case 'PELATIHAN_SELESAI': {
      const s = (d.sertifikat && typeof d.sertifikat === 'object' ? d.sertifikat : {}) as Record<
        string,
        unknown
      >;
      const bukti = str(s.nomor)
        ? `, sertifikat nomor ${str(s.nomor)}${str(s.tanggal) ? ` tanggal ${tanggal(str(s.tanggal)!)}` : ''}`
        : '';
      return `Menyelesaikan pelatihan${judul}${jp}${bukti}`;
    }
    case 'RENCANA_DIKONFIRMASI':
      return `Mengonfirmasi rencana pengembangan kompetensi${tahun}; tahap rencana pengembangan selesai`;
    default:
      return String(action);
  }
}
