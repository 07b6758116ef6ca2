import type { Employee } from './employee.js';
import type { Evaluation } from '../evaluation/evaluation.js';
import { type Issue, validasi } from '../errors.js';

/**
 * Mid-cycle changes (see docs/people.md): a transfer (mutasi) moves the person's open
 * evaluations to the new atasan at once; a Plt/Plh takes over the atasan's open evaluations
 * for a date range. Both are written onto each open evaluation with an audit entry.
 */
export interface Transfer {
  opd?: string;
  unit?: string;
  atasanNip?: string;
  alasan: string;
}

export interface Penugasan {
  jenis: 'PLT' | 'PLH';
  /** The acting person. */
  nip: string;
  /** The atasan being replaced. */
  menggantikanNip: string;
  mulai: string;
  selesai: string;
  alasan: string;
}

const isDate = (d: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) &&
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
  new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

// Between two stages an evaluation is SELESAI in the stage just done; only the closed one is final.
export const isOpen = (e: Evaluation) => e.stage !== 'SELESAI';

/**
 * The new atasan must exist, be active, not be the person, and not sit below the person
 * (`chainAbove` is the new atasan's own chain of atasan, nearest first).
 */
export function checkTransfer(
  person: Employee,
  m: Transfer,
  newAtasan: Employee | undefined,
  chainAbove: string[],
): Issue[] {
  const issues: Issue[] = [];
  if (m.alasan.trim().length < 5)
    issues.push({ path: 'alasan', message: 'Tuliskan alasan mutasi (minimal 5 karakter)' });
  if (m.atasanNip !== undefined) {
    if (m.atasanNip === person.nip)
      issues.push({ path: 'atasanNip', message: 'Pegawai tidak dapat menjadi atasannya sendiri' });
    else if (!newAtasan) issues.push({ path: 'atasanNip', message: 'NIP atasan tidak terdaftar' });
    else if (!newAtasan.aktif) issues.push({ path: 'atasanNip', message: 'Atasan yang dipilih tidak aktif' });
    else if (chainAbove.includes(person.nip)) {
      issues.push({
        path: 'atasanNip',
        message: 'Atasan yang dipilih adalah bawahan (langsung atau tidak langsung) dari pegawai ini',
      });
    }
  }
  if (m.opd === undefined && m.unit === undefined && m.atasanNip === undefined) {
    issues.push({ path: '(body)', message: 'Tidak ada perubahan: isi OPD, unit kerja, atau atasan baru' });
  }
  return issues;
}

export function checkPenugasan(
  p: Penugasan,
  acting: Employee | undefined,
  replaced: Employee | undefined,
): Issue[] {
  const issues: Issue[] = [];
  if (!isDate(p.mulai)) issues.push({ path: 'mulai', message: 'Tanggal mulai tidak valid (YYYY-MM-DD)' });
  if (!isDate(p.selesai))
    issues.push({ path: 'selesai', message: 'Tanggal selesai tidak valid (YYYY-MM-DD)' });
  if (isDate(p.mulai) && isDate(p.selesai) && p.selesai < p.mulai)
    issues.push({ path: 'selesai', message: 'Tanggal selesai harus sama dengan atau setelah tanggal mulai' });
  if (p.nip === p.menggantikanNip)
    issues.push({ path: 'nip', message: 'Plt/Plh tidak dapat menggantikan dirinya sendiri' });
  if (!acting || !acting.aktif)
    issues.push({ path: 'nip', message: 'Pegawai Plt/Plh tidak terdaftar atau tidak aktif' });
  if (!replaced) issues.push({ path: 'menggantikanNip', message: 'Atasan yang digantikan tidak terdaftar' });
  if (p.alasan.trim().length < 5)
    issues.push({ path: 'alasan', message: 'Tuliskan dasar penugasan (minimal 5 karakter)' });
  return issues;
}

export function assertValid(issues: Issue[], message: string): void {
  if (issues.length) throw validasi(message, issues);
}
