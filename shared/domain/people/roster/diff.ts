/** What an import changes for one person, field by field. */
import type { Employee } from '../employee.js';
import { ROSTER_FIELDS, type RosterField, type RosterPerson } from './rows.js';

type FieldValue = string | boolean | undefined;
export interface FieldChange {
  field: RosterField;
  from: FieldValue;
  to: FieldValue;
}

export interface PersonChange {
  kind: 'BARU' | 'UBAH' | 'NONAKTIF';
  nip: string;
  nama: string;
  opd: string;
  /** The row that caused it; absent for people deactivated because the roster no longer lists them. */
  row?: number;
  /** Each changed field with its value before and after (for BARU: every field set). */
  changes: FieldChange[];
  /** The roster fields after the change (what gets written). */
  after: RosterPerson;
}

const same = (a: FieldValue, b: FieldValue) => (a ?? '') === (b ?? '');

export function diffPerson(before: Partial<Employee>, after: RosterPerson): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of ROSTER_FIELDS) {
    const from = before[field] as FieldValue;
    const to = after[field] as FieldValue;
    if (!same(from, to)) out.push({ field, from, to });
  }
  return out;
}

export const rosterFieldsOf = (e: Employee): RosterPerson => {
  const out: Record<string, unknown> = { nip: e.nip };
  for (const f of ROSTER_FIELDS) if (e[f] !== undefined) out[f] = e[f];
  return out as RosterPerson;
};
