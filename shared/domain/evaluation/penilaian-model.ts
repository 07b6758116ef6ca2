import type { KodeBerakhlak } from './berakhlak.js';
import type { Level, Predikat } from './predikat.js';

/**
 * The records each stage after target setting leaves on the evaluation. They live on the
 * evaluation item itself (a few kB at most: 30 rows, 7 values), so that every stage change is
 * one versioned update with its audit entry.
 */

/** Bukti dukung: links and/or short text the employee offers as evidence for a row. */
export interface RealisasiBaris {
  realisasi: number;
  narasi: string;
  bukti: string[];
}

export interface PerilakuMandiri {
  level: Level;
  /** A concrete example of the behaviour in the period. */
  contoh: string;
}

export interface PenilaianMandiri {
  baris: Record<string, RealisasiBaris>;
  perilaku: Partial<Record<KodeBerakhlak, PerilakuMandiri>>;
  diajukanPada?: string;
}

export interface PenilaianAtasan {
  /** Achievement per row as rated by the atasan (the system's capaian is only a suggestion). */
  baris: Record<string, { level: Level; catatan?: string }>;
  hasilKerja: { level: Level; saran: Level; alasan?: string };
  perilaku: Partial<Record<KodeBerakhlak, { level: Level; catatan?: string }>>;
  perilakuKerja: { level: Level; alasan?: string };
  diajukanPada?: string;
  /** The NIP of who submitted it (the atasan, or the Plt/Plh in force). */
  oleh?: string;
}

export interface HasilPenilaian {
  hasilKerja: Level;
  perilaku: Level;
  predikat: Predikat;
  dihitungPada: string;
  /** ATASAN: from the review; KEBERATAN: revised by the atasan's atasan after an objection. */
  sumber: 'ATASAN' | 'KEBERATAN';
}

export interface UmpanBalik {
  /** Feedback per target row. */
  baris: Record<string, string>;
  /** Overall feedback, and the concrete improvement advice that also feeds the training match. */
  umum: string;
  saran: string;
  diberikanPada?: string;
}

export const JENIS_TANGGAPAN = ['DITERIMA', 'DITERIMA_OTOMATIS', 'KEBERATAN'] as const;
export type JenisTanggapan = (typeof JENIS_TANGGAPAN)[number];

export interface Tanggapan {
  jenis: JenisTanggapan;
  /** The employee's reasons, required for an objection. */
  alasan?: string;
  pada: string;
}

export interface PutusanKeberatan {
  keputusan: 'DIPERTAHANKAN' | 'DIREVISI';
  alasan: string;
  oleh: string;
  pada: string;
  sebelum: { hasilKerja: Level; perilaku: Level; predikat: Predikat };
  sesudah: { hasilKerja: Level; perilaku: Level; predikat: Predikat };
}

/** One peer's review. Stored on its own item (the peer's task), never copied to the employee's view. */
export const STATUS_REKAN = ['MENUNGGU', 'SELESAI', 'DILEWATI'] as const;
export type StatusRekan = (typeof STATUS_REKAN)[number];

export interface PenilaianRekan {
  cycleId: string;
  /** The evaluated employee. */
  nip: string;
  rekanNip: string;
  rekanNama: string;
  status: StatusRekan;
  taskToken?: string;
  deadline?: string;
  nilai?: Partial<Record<KodeBerakhlak, { level: Level; komentar: string }>>;
  diajukanPada?: string;
  version: number;
}
