/** Sheet -> records: finding the header row and addressing every later problem to its cell. */
import {
  ROSTER_COLUMNS,
  ROSTER_COLUMN_KEYS,
  columnLetter,
  normalizeHeader,
  type RosterColumn,
} from './columns.js';

/** One row of a CSV or worksheet as text; `row` is the 1-based row number in the file. */
export interface SheetRow {
  row: number;
  cells: string[];
  /** Problems the reader saw in a cell (e.g. an 18-digit NIP stored as a number by Excel). */
  notes?: { index: number; message: string }[];
}

export interface RosterError {
  /** 1-based row in the file (the header is usually row 1). */
  row: number;
  /** The column key (see ROSTER_COLUMNS); '' for a problem of the whole row. */
  column: RosterColumn | '';
  /** Spreadsheet address such as "J7", when the column is in the file. */
  cell?: string;
  message: string;
}

export interface RosterRecord {
  row: number;
  cells: Record<RosterColumn, string>;
  /** Column letters in this file, for error addresses. */
  letters: Record<RosterColumn, string>;
  notes: RosterError[];
}

export type SheetReading =
  | { ok: true; headerRow: number; records: RosterRecord[] }
  | { ok: false; message: string; errors: RosterError[] };

const HEADER_NAMES = new Map<string, RosterColumn>();
for (const c of ROSTER_COLUMNS) {
  HEADER_NAMES.set(c.key, c.key);
  for (const a of c.aliases) HEADER_NAMES.set(a, c.key);
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * The first non-empty row is the header; every column of ROSTER_COLUMNS must be there (a
 * missing optional column would otherwise silently erase, e.g., everyone's email), and no
 * unknown column is accepted (a typo would otherwise drop a column). Blank rows are skipped.
 */
export function readRosterSheet(rows: SheetRow[]): SheetReading {
  const headerIndex = rows.findIndex((r) => !isBlank(r.cells));
  const header = rows[headerIndex];
  if (!header) return { ok: false, message: 'Berkas tidak berisi data (kosong).', errors: [] };
  const errors: RosterError[] = [];
  const at = new Map<RosterColumn, number>();
  const unknown: string[] = [];
  header.cells.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const key = HEADER_NAMES.get(normalizeHeader(raw));
    const cell = `${columnLetter(index)}${header.row}`;
    if (!key) {
      unknown.push(raw.trim());
      errors.push({ row: header.row, column: '', cell, message: `Kolom "${raw.trim()}" tidak dikenal` });
    } else if (at.has(key)) {
      errors.push({ row: header.row, column: key, cell, message: `Kolom ${key} muncul lebih dari sekali` });
    } else at.set(key, index);
  });
  const missing = ROSTER_COLUMN_KEYS.filter((k) => !at.has(k));
  if (!at.has('nip') && at.size <= 1) {
    const looksLikeData = header.cells.some((c) => /^\s*\d[\d\s]{16,}\d\s*$/.test(c));
    return {
      ok: false,
      message: looksLikeData
        ? `Baris ${header.row} berisi data, bukan judul kolom. Baris pertama harus berisi judul kolom: ${ROSTER_COLUMN_KEYS.join(', ')}.`
        : `Judul kolom tidak ditemukan. Baris pertama harus berisi: ${ROSTER_COLUMN_KEYS.join(', ')}.`,
      errors,
    };
  }
  for (const k of missing)
    errors.push({ row: header.row, column: k, message: `Kolom ${k} tidak ada pada baris judul` });
  if (errors.length) {
    const parts = [
      missing.length ? `kolom yang belum ada: ${missing.join(', ')}` : '',
      unknown.length ? `kolom tidak dikenal: ${unknown.join(', ')}` : '',
    ].filter(Boolean);
    return {
      ok: false,
      message: `Baris judul (baris ${header.row}) tidak sesuai templat${parts.length ? `: ${parts.join('; ')}` : ''}.`,
      errors,
    };
  }
  const letters = Object.fromEntries(ROSTER_COLUMN_KEYS.map((k) => [k, columnLetter(at.get(k)!)])) as Record<
    RosterColumn,
    string
  >;
  const keyOfIndex = new Map([...at].map(([k, i]) => [i, k]));
  const records: RosterRecord[] = [];
  for (const r of rows.slice(headerIndex + 1)) {
    if (isBlank(r.cells)) continue;
    const cells = Object.fromEntries(
      ROSTER_COLUMN_KEYS.map((k) => [k, (r.cells[at.get(k)!] ?? '').replace(/\u00a0/g, ' ').trim()]),
    ) as Record<RosterColumn, string>;
    const notes: RosterError[] = [];
    for (const n of r.notes ?? []) {
      const key = keyOfIndex.get(n.index);
      if (key) notes.push({ row: r.row, column: key, cell: `${letters[key]}${r.row}`, message: n.message });
    }
    records.push({ row: r.row, cells, letters, notes });
  }
  return { ok: true, headerRow: header.row, records };
}
