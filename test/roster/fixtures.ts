/** Roster files built from the seeded people (infra/local/seed-data.ts), for the roster tests. */
import { EMPLOYEES, OPD, UNIT } from '../../infra/local/seed-data.js';
import type { Employee } from '../../shared/domain/people/employee.js';
import {
  ROSTER_COLUMN_KEYS,
  readRosterSheet,
  type RosterColumn,
  type RosterContext,
  type RosterRecord,
} from '../../shared/domain/people/roster/index.js';
import { parseCsv } from '../../shared/roster/csv.js';

export type Row = Record<RosterColumn, string>;

const LEVEL = /(ahli pertama|ahli muda|ahli madya|ahli utama|pemula|terampil|mahir|penyelia)/i;

/** The roster line of a seeded person, as BKPSDM would write it. */
export function rowOf(e: Employee): Row {
  const level =
    e.jenisJabatan === 'FUNGSIONAL'
      ? (LEVEL.exec(e.jabatan)?.[1]?.toLowerCase() ?? '')
      : e.jenisJabatan === 'JPT'
        ? 'pratama'
        : '';
  return {
    nip: e.nip,
    nama: e.nama,
    status: e.status,
    golongan: e.golongan ?? '',
    jabatan: e.jabatan,
    jenis_jabatan: e.jenisJabatan,
    level,
    opd: e.opd,
    unit_kerja: e.unit,
    atasan_nip: e.atasanNip ?? '',
    email: e.email ?? '',
    aktif: e.aktif ? 'ya' : 'tidak',
  };
}

export const seededPeople = (): Employee[] => EMPLOYEES.map(({ key: _key, ...e }) => e);
export const seededRows = (): Row[] => seededPeople().map(rowOf);
export const nipOf = (key: string) => EMPLOYEES.find((e) => e.key === key)!.nip;

const quote = (s: string) => (/[",;\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

export function csvOf(rows: Row[], options: { delimiter?: string; header?: string[] } = {}): string {
  const d = options.delimiter ?? ',';
  const lines = [(options.header ?? ROSTER_COLUMN_KEYS).join(d)];
  for (const r of rows) lines.push(ROSTER_COLUMN_KEYS.map((k) => quote(r[k])).join(d));
  return lines.join('\r\n') + '\r\n';
}

export const csvFile = (rows: Row[], name = 'roster.csv') => ({
  name,
  bytes: new TextEncoder().encode(csvOf(rows)),
});

export function recordsOf(rows: Row[]): RosterRecord[] {
  const sheet = readRosterSheet(parseCsv(csvOf(rows)));
  if (!sheet.ok) throw new Error(sheet.message);
  return sheet.records;
}

export const context = (over: Partial<RosterContext> = {}): RosterContext => ({
  opd: OPD,
  units: UNIT,
  existing: [],
  today: '2026-06-01',
  ...over,
});

/** A valid PNS NIP: born 1990-01-01 + n days, TMT CPNS 2016-07 (no seeded person has it), male, 001. */
export function pnsNip(n: number): string {
  const d = new Date(Date.UTC(1990, 0, 1 + n));
  const ymd = d.toISOString().slice(0, 10).replaceAll('-', '');
  return `${ymd}2016071001`;
}
