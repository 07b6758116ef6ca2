import type { Employee } from '../people/employee.js';
import { type Issue, validasi } from '../errors.js';
import { assertAction } from './actions.js';
import type { Evaluation } from './evaluation.js';
import type { Subjek } from '../people/policy.js';

/** Peers (rekan kerja) who will rate the employee's BerAKHLAK behaviour in the review stage. */
export const MIN_REKAN = 3;
export const MAX_REKAN = 5;

export interface Rekan {
  nip: string;
  nama: string;
}

/**
 * The employee proposes the list while drafting (or after a return); the atasan may edit it
 * while deciding on the submitted SKP (the stage registry's PENETAPAN_TARGET). Approving the SKP
 * approves the list.
 */
export function assertCanSetRekan(e: Evaluation, actor: Subjek, now: Date): 'PEGAWAI' | 'ATASAN' {
  const k = assertAction(e, actor, 'USULKAN_REKAN', now, 'mengubah rekan penilai');
  return k.sebagai as 'PEGAWAI' | 'ATASAN';
}

/**
 * 3 to 5 active colleagues of the same OPD: not the employee, not their atasan nor the atasan's
 * atasan, no one twice.
 * `found` holds the profiles of the requested NIPs that exist.
 */
export function checkRekan(
  e: Pick<Evaluation, 'nip' | 'opd' | 'atasanNip' | 'atasanAtasanNip'>,
  nips: string[],
  found: Map<string, Employee>,
): Rekan[] {
  const issues: Issue[] = [];
  if (nips.length < MIN_REKAN || nips.length > MAX_REKAN) {
    issues.push({ path: 'nips', message: `Pilih ${MIN_REKAN} sampai ${MAX_REKAN} rekan penilai` });
  }
  const seen = new Set<string>();
  nips.forEach((nip, i) => {
    const path = `nips.${i}`;
    const emp = found.get(nip);
    if (seen.has(nip)) issues.push({ path, message: 'Rekan yang sama dipilih lebih dari sekali' });
    else if (nip === e.nip)
      issues.push({ path, message: 'Pegawai tidak dapat menilai dirinya sendiri sebagai rekan' });
    else if (nip === e.atasanNip)
      issues.push({ path, message: 'Atasan langsung menilai sebagai atasan, bukan sebagai rekan' });
    // The atasan's atasan decides objections: a peer's review must not come before its judge.
    else if (nip === e.atasanAtasanNip)
      issues.push({ path, message: 'Atasan dari atasan langsung memutus keberatan, bukan sebagai rekan' });
    else if (!emp || !emp.aktif) issues.push({ path, message: 'Rekan tidak terdaftar atau tidak aktif' });
    else if (emp.opd !== e.opd) issues.push({ path, message: 'Rekan penilai harus dari OPD yang sama' });
    seen.add(nip);
  });
  if (issues.length) throw validasi('Daftar rekan penilai tidak valid', issues);
  return nips.map((nip) => ({ nip, nama: found.get(nip)!.nama }));
}
