import { KODE_BERAKHLAK } from '../../shared/domain/evaluation/berakhlak.js';
import { DomainError } from '../../shared/domain/errors.js';
import type { Actor, Evaluation } from '../../shared/domain/evaluation/evaluation.js';
import type { Level } from '../../shared/domain/evaluation/predikat.js';
import type { TargetRow } from '../../shared/domain/evaluation/skp.js';
import { expect } from 'vitest';

export const pegawai: Actor = { nip: '199004122015031001', nama: 'Fajar Ramadhan' };
export const atasan: Actor = { nip: '198011092005011001', nama: 'Dedi Kurniawan' };
export const plt: Actor = { nip: '197508212000121001', nama: 'Hendra Gunawan' };
export const rekanA = { nip: '199207252019022001', nama: 'Dewi Lestari' };
export const lain: Actor = { nip: '199901012020011001', nama: 'Orang Lain' };

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
  {
    id: 'r3',
    jenis: 'TAMBAHAN',
    rhk: 'Pelatihan',
    aspek: 'KUANTITAS',
    indikator: 'Peserta',
    target: 20,
    satuan: 'orang',
  },
];

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
    stage: 'PENILAIAN_MANDIRI',
    status: 'DRAFT',
    taskToken: 'token-1',
    overdueCount: 0,
    ekspektasi: {},
    rekan: [rekanA],
    version: 5,
    createdAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-01T00:00:00.000Z',
    ...patch,
  };
}

export const semuaNilai = <T>(f: (kode: string) => T) =>
  Object.fromEntries(KODE_BERAKHLAK.map((k) => [k, f(k)]));

export const perilakuLengkap = (level: Level = 'SESUAI_EKSPEKTASI') =>
  semuaNilai(() => ({ level, contoh: 'Melayani pemohon izin dengan ramah dan cepat' }));

export function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

export const pathsOf = (fn: () => unknown) => errorOf(fn).issues.map((i) => i.path);
