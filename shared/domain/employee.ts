import type { Golongan, JenisJabatan } from './ranks.js';

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
  /** BKPSDM performance managers administer cycles. */
  admin?: boolean;
}
