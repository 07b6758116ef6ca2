import { type Issue, validasi, konflik } from '../errors.js';

export const JENIS_HASIL_KERJA = ['UTAMA', 'TAMBAHAN'] as const;
export const ASPEK = ['KUANTITAS', 'KUALITAS', 'WAKTU'] as const;
export type JenisHasilKerja = (typeof JENIS_HASIL_KERJA)[number];
export type Aspek = (typeof ASPEK)[number];

/** A reference to one of the supervisor's RHK that this row contributes to (the cascade). */
export interface Intervensi {
  nip: string;
  rowId: string;
}

/** One SKP hasil kerja row: a planned result with its indicator and target. */
export interface TargetRow {
  id: string;
  jenis: JenisHasilKerja;
  rhk: string;
  intervensi?: Intervensi;
  aspek: Aspek;
  indikator: string;
  target: number;
  satuan: string;
  /** How many subordinates' rows point at this one; such a row cannot be deleted. */
  linkCount?: number;
}

export type TargetRowInput = Omit<TargetRow, 'id' | 'intervensi' | 'linkCount'> & {
  intervensiRowId?: string;
};

export const LIMITS = { rhk: 500, indikator: 500, satuan: 50, rows: 30, comment: 2000 } as const;

/** Rules that a row's own fields must follow, independent of any other data. */
export function checkTargetRow(input: TargetRowInput): Issue[] {
  const issues: Issue[] = [];
  const text = (path: keyof typeof LIMITS, value: string, label: string) => {
    const v = value.trim();
    if (!v) issues.push({ path, message: `${label} wajib diisi` });
    else if (v.length > LIMITS[path])
      issues.push({ path, message: `${label} paling banyak ${LIMITS[path]} karakter` });
  };
  if (!JENIS_HASIL_KERJA.includes(input.jenis))
    issues.push({ path: 'jenis', message: 'Jenis harus UTAMA atau TAMBAHAN' });
  if (!ASPEK.includes(input.aspek))
    issues.push({ path: 'aspek', message: 'Aspek harus kuantitas, kualitas, atau waktu' });
  text('rhk', input.rhk, 'Rencana hasil kerja');
  text('indikator', input.indikator, 'Indikator kinerja');
  text('satuan', input.satuan, 'Satuan target');
  if (!Number.isFinite(input.target) || input.target <= 0) {
    issues.push({ path: 'target', message: 'Target harus berupa angka lebih dari 0' });
  } else if (input.target > 1e9) {
    issues.push({ path: 'target', message: 'Target terlalu besar' });
  }
  return issues;
}

export function assertTargetRow(input: TargetRowInput): void {
  const issues = checkTargetRow(input);
  if (issues.length) throw validasi('Baris hasil kerja tidak valid', issues);
}

/**
 * The cascade may only point at the supervisor's own rows in the same cycle. The row's
 * existence under the supervisor's key is proven by the write itself (a condition on it).
 */
export function resolveIntervensi(rowId: string, atasanNip: string | undefined): Intervensi {
  if (!atasanNip) {
    throw validasi('Pegawai ini tidak memiliki atasan langsung', [
      { path: 'intervensiRowId', message: 'Tidak ada RHK atasan yang dapat diintervensi' },
    ]);
  }
  if (!/^[A-Za-z0-9-]{1,64}$/.test(rowId)) {
    throw validasi('RHK atasan tidak valid', [
      { path: 'intervensiRowId', message: 'Pilih salah satu RHK atasan' },
    ]);
  }
  return { nip: atasanNip, rowId };
}

export function assertCanSubmit(rows: readonly TargetRow[]): void {
  if (!rows.some((r) => r.jenis === 'UTAMA')) {
    throw validasi('SKP belum dapat diajukan', [
      { path: 'rows', message: 'Minimal satu hasil kerja UTAMA harus diisi sebelum diajukan' },
    ]);
  }
}

export function assertCanAddRow(rows: readonly TargetRow[]): void {
  if (rows.length >= LIMITS.rows) throw konflik(`Paling banyak ${LIMITS.rows} baris hasil kerja per SKP`);
}

export function assertDeletable(row: TargetRow): void {
  if ((row.linkCount ?? 0) > 0) {
    throw konflik(
      `RHK ini sedang diintervensi oleh ${row.linkCount} RHK bawahan; minta bawahan melepas tautannya dulu`,
    );
  }
}
