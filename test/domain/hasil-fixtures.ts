import { expect } from 'vitest';
import { DomainError } from '../../shared/domain/errors.js';
import type { Actor, Evaluation } from '../../shared/domain/evaluation/evaluation.js';
import type { HasilPenilaian } from '../../shared/domain/evaluation/penilaian-model.js';
import type { TargetRow } from '../../shared/domain/evaluation/skp.js';

export const pegawai: Actor = { nip: '199004122015031001', nama: 'Fajar Ramadhan' };
export const atasan: Actor = { nip: '198011092005011001', nama: 'Dedi Kurniawan' };
export const atasanAtasan: Actor = { nip: '197508212000121001', nama: 'Hendra Gunawan' };
export const kepalaOpd: Actor & { kepalaOpd: string } = { ...atasanAtasan, kepalaOpd: 'DISKOMINFO' };
export const admin: Actor & { admin: boolean } = {
  nip: '198001252005031001',
  nama: 'Wawan Setiawan',
  admin: true,
};

export const rows: TargetRow[] = [
  {
    id: 'r1',
    jenis: 'UTAMA',
    rhk: 'Aplikasi',
    aspek: 'KUANTITAS',
    indikator: 'Jumlah',
    target: 10,
    satuan: 'aplikasi',
  },
  { id: 'r2', jenis: 'UTAMA', rhk: 'Layanan', aspek: 'WAKTU', indikator: 'Lama', target: 6, satuan: 'bulan' },
];

export const hasilSesuai: HasilPenilaian = {
  hasilKerja: 'SESUAI_EKSPEKTASI',
  perilaku: 'SESUAI_EKSPEKTASI',
  predikat: 'BAIK',
  dihitungPada: '2028-01-20T00:00:00.000Z',
  sumber: 'ATASAN',
};

export function evaluasi(patch: Partial<Evaluation> = {}): Evaluation {
  return {
    cycleId: '2027',
    nip: pegawai.nip,
    nama: pegawai.nama,
    opd: 'DISKOMINFO',
    unit: 'APTIKA',
    jabatan: 'Pranata Komputer',
    atasanNip: atasan.nip,
    atasanNama: atasan.nama,
    atasanAtasanNip: atasanAtasan.nip,
    stage: 'UMPAN_BALIK',
    status: 'DRAFT',
    taskToken: 'token-1',
    deadline: '2028-02-05T16:59:59.000Z',
    overdueCount: 0,
    ekspektasi: {},
    hasil: hasilSesuai,
    version: 9,
    createdAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2028-01-20T00:00:00.000Z',
    ...patch,
  };
}

export function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}
