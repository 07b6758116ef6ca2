import type { Golongan, JenisJabatan } from './ranks.js';

/** Jenjang of a jabatan fungsional: keahlian (ahli ...) or keterampilan (pemula ... penyelia). */
export const LEVEL_FUNGSIONAL = [
  'AHLI_PERTAMA',
  'AHLI_MUDA',
  'AHLI_MADYA',
  'AHLI_UTAMA',
  'PEMULA',
  'TERAMPIL',
  'MAHIR',
  'PENYELIA',
] as const;
/** Level of a jabatan pimpinan tinggi (JPT). */
export const LEVEL_JPT = ['UTAMA', 'MADYA', 'PRATAMA'] as const;
export type LevelJabatan = (typeof LEVEL_FUNGSIONAL)[number] | (typeof LEVEL_JPT)[number];

export interface Opd {
  kode: string;
  nama: string;
  singkatan: string;
}

export interface UnitKerja {
  opd: string;
  kode: string;
  nama: string;
}

export interface Employee {
  nip: string;
  nama: string;
  status: 'PNS' | 'PPPK';
  golongan?: Golongan;
  jabatan: string;
  jenisJabatan: JenisJabatan;
  opd: string;
  unit: string;
  atasanNip?: string;
  email?: string;
  aktif: boolean;
  /** Only for FUNGSIONAL and JPT (see LEVEL_FUNGSIONAL, LEVEL_JPT). */
  levelJabatan?: LevelJabatan;
  /** From a PNS NIP (YYYY-MM-DD); NI PPPK has no confirmed layout, so PPPK leave these empty. */
  tanggalLahir?: string;
  /** From a PNS NIP (YYYY-MM). */
  tmtCpns?: string;
  /** From a PNS NIP's gender digit. */
  jenisKelamin?: 'L' | 'P';
  /** BKPSDM performance managers administer cycles. */
  admin?: boolean;
  /** Read-only access to every evaluation, for inspectors; reads are audited. */
  auditor?: boolean;
}
