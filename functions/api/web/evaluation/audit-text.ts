import type { AuditEntry } from '../../../../shared/data/audit.js';
import { LABEL_LEVEL } from '../../../../shared/domain/evaluation/capaian.js';
import { STAGE_LABEL, type Stage } from '../../../../shared/domain/evaluation/evaluation.js';
import { LABEL_PREDIKAT } from '../../../../shared/domain/evaluation/hasil.js';
import { opensAssessment } from '../../../../shared/domain/evaluation/stages.js';
import type { Level, Predikat } from '../../../../shared/domain/evaluation/predikat.js';
import { waktu } from '../common/format.js';
import { describeRencana } from '../development/audit-text.js';
import { describeHasil } from './hasil-audit-text.js';
import { describePenilaian } from './penilaian-audit-text.js';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const rhkOf = (v: unknown) => (v && typeof v === 'object' ? str((v as { rhk?: unknown }).rhk) : undefined);
const stageOf = (v: unknown) =>
  typeof v === 'string' && v in STAGE_LABEL ? STAGE_LABEL[v as Stage] : 'penetapan target';
// Old entries may carry any text as the stage: only a stage of today's registry is asked.
const opensAssessmentOf = (v: unknown) =>
  typeof v === 'string' && v in STAGE_LABEL && opensAssessment(v as Stage);
const quoted = (s: string | undefined) => (s ? ` "${s}"` : '');
const predikatOf = (v: unknown) =>
  typeof v === 'string' && v in LABEL_PREDIKAT ? LABEL_PREDIKAT[v as Predikat] : undefined;
const levelOf = (v: unknown) =>
  typeof v === 'string' && v in LABEL_LEVEL ? LABEL_LEVEL[v as Level] : undefined;

/** The audit trail in words; details are read defensively because old entries may lack fields. */
export function describeAudit(entry: AuditEntry): string {
  const d = entry.detail ?? {};
  switch (entry.action) {
    case 'EVALUASI_DIBUAT':
      return 'Evaluasi dibuat untuk siklus ini';
    case 'TAHAP_DIBUKA': {
      const deadline = str(d.deadline);
      // The waiting stage's date is when the assessment window opens, not a deadline.
      const when = opensAssessmentOf(d.stage) ? 'masa penilaian dibuka' : 'tenggat';
      return `Tahap ${stageOf(d.stage)} dibuka${deadline ? `, ${when} ${waktu(deadline)}` : ''}`;
    }
    case 'TARGET_DITAMBAH':
      return `Menambah hasil kerja${quoted(rhkOf(d.row))}`;
    case 'TARGET_DIUBAH':
      return `Mengubah hasil kerja${quoted(rhkOf(d.after))}`;
    case 'TARGET_DIHAPUS':
      return `Menghapus hasil kerja${quoted(rhkOf(d.row))}`;
    case 'SKP_DIAJUKAN':
      return 'Mengajukan SKP ke atasan';
    case 'SKP_DIKEMBALIKAN':
      return `Mengembalikan SKP untuk diperbaiki${str(d.comment) ? ` dengan catatan: "${str(d.comment)}"` : ''}`;
    case 'SKP_DISETUJUI':
      return 'Menyetujui SKP; tahap penetapan target selesai';
    case 'EKSPEKTASI_DITETAPKAN':
      return 'Menetapkan ekspektasi khusus perilaku kerja';
    case 'TAHAP_TERLAMBAT': {
      const next = str(d.nextDeadline);
      const n = typeof d.overdueCount === 'number' ? ` (keterlambatan ke-${d.overdueCount})` : '';
      return `Tenggat tahap ${stageOf(d.stage)} terlewati${n}; dilaporkan ke atasan dan BKPSDM${next ? `, tenggat baru ${waktu(next)}` : ''}`;
    }
    case 'EVALUASI_DIBACA':
      return `Membuka evaluasi ini sebagai ${str(d.sebagai) === 'ADMIN_BKPSDM' ? 'admin BKPSDM' : str(d.sebagai) === 'KEPALA_OPD' ? 'kepala OPD' : 'auditor'}`;
    case 'ATASAN_DIGANTI':
      return `Mutasi: atasan langsung menjadi ${str(d.ke) ?? '-'}${str(d.alasan) ? ` (${str(d.alasan)})` : ''}`;
    case 'PLT_DITETAPKAN':
      return `Penugasan ${str(d.jenis) === 'PLH' ? 'Plh' : 'Plt'} atasan: ${str(d.nama) ?? str(d.nip) ?? '-'}, ${str(d.mulai) ?? ''} s.d. ${str(d.selesai) ?? ''}`;
    case 'REKAN_DIUSULKAN': {
      const rekan = Array.isArray(d.rekan) ? d.rekan.length : 0;
      return `${str(d.oleh) === 'ATASAN' ? 'Atasan mengubah' : 'Mengusulkan'} ${rekan} rekan penilai`;
    }
    case 'PENILAIAN_MANDIRI_DISIMPAN':
    case 'PENILAIAN_MANDIRI_DIAJUKAN':
    case 'PENILAIAN_ATASAN_DISIMPAN':
    case 'PENILAIAN_ATASAN_DIAJUKAN':
    case 'PENILAIAN_REKAN_DIAJUKAN':
      return describePenilaian(entry.action, d);
    case 'PELATIHAN_DIREKOMENDASIKAN':
    case 'PELATIHAN_DITAMBAH':
    case 'PELATIHAN_DIBATALKAN':
    case 'PELATIHAN_SELESAI':
    case 'RENCANA_DIKONFIRMASI':
      return describeRencana(entry.action, d);
    case 'UMPAN_BALIK_DISIMPAN':
    case 'UMPAN_BALIK_DIBERIKAN':
    case 'PENILAIAN_DITERIMA':
    case 'KEBERATAN_DIAJUKAN':
    case 'KEBERATAN_DIPUTUS':
      return describeHasil(entry.action, d);
    case 'REKAN_DIMINTA': {
      const n = typeof d.jumlah === 'number' ? `${d.jumlah} ` : '';
      return `Meminta penilaian perilaku kerja dari ${n}rekan penilai`;
    }
    case 'REKAN_DILEWATI':
      return 'Seorang rekan penilai tidak menjawab sampai tenggat; penilaiannya dilewati';
    case 'PREDIKAT_DIHITUNG':
      return `Menghitung predikat kinerja: ${predikatOf(d.predikat) ?? '-'} (hasil kerja ${levelOf(d.hasilKerja) ?? '-'}, perilaku kerja ${levelOf(d.perilaku) ?? '-'})`;
    case 'TANGGAPAN_DITERIMA_OTOMATIS':
      return 'Tidak ada tanggapan sampai tenggat; penilaian dianggap diterima';
    case 'TAHAP_DITUTUP_OTOMATIS':
      return d.stage === 'RENCANA_PENGEMBANGAN'
        ? 'Tenggat konfirmasi terlewati; rencana pengembangan berlaku seperti direkomendasikan'
        : `Tenggat tahap ${stageOf(d.stage)} terlewati; tahap ditutup otomatis`;
    case 'EVALUASI_SELESAI': {
      const p = predikatOf(d.predikat);
      return `Evaluasi selesai${p ? ` dengan predikat ${p}` : ''}`;
    }
    case 'ALUR_GAGAL':
      return `Alur kerja terhenti pada tahap ${stageOf(d.stage)}; data yang sudah diisi tetap tersimpan dan BKPSDM diberi tahu`;
    case 'PENILAIAN_DIBUKA':
      // BKPSDM's opening is recorded under their name; the workflow's under the system.
      return 'nip' in entry.actor || d.lebihAwal
        ? 'Masa penilaian dibuka lebih awal oleh BKPSDM; penilaian mandiri dapat dimulai'
        : 'Masa penilaian dibuka sesuai jadwal; penilaian mandiri dapat dimulai';
    default:
      return String(entry.action);
  }
}

export function actorName(entry: AuditEntry): string {
  if ('nama' in entry.actor) return entry.actor.nama;
  // A peer who acted, as the evaluated employee sees the trail (shared/domain/evaluation/rahasia-rekan.ts).
  return entry.actor.sistem === 'rekan-penilai' ? 'Rekan penilai' : 'Sistem';
}
