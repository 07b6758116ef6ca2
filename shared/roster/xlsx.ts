import type ExcelJS from 'exceljs';
import { loadExcelJs } from './exceljs.js';
import type { SheetRow } from '../domain/people/roster/index.js';

/**
 * Excel keeps numbers as doubles: an 18-digit NIP typed into a "General" cell is silently
 * rounded (197003141996031001 becomes 197003141996031000). Such a cell can look valid, so it is
 * flagged instead of trusted.
 */
const UNSAFE_NUMBER = 1e15;
const NUMBER_NOTE =
  'Angka panjang tersimpan sebagai bilangan di Excel sehingga digit terakhirnya hilang; ' +
  'format kolom sebagai Teks lalu ketik ulang NIP';

function cellText(value: ExcelJS.CellValue): { text: string; note?: string } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number')
    return Math.abs(value) >= UNSAFE_NUMBER
      ? { text: String(value), note: NUMBER_NOTE }
      : { text: String(value) };
  if (typeof value === 'boolean') return { text: value ? 'ya' : 'tidak' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('hyperlink' in value) return { text: String(value.text ?? '') };
  if ('error' in value) return { text: '', note: `Sel berisi galat ${value.error}` };
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return cellText(result ?? null);
  }
  return { text: String(value as unknown) };
}

/** The sheet named "Roster" if there is one (the template's), otherwise the first sheet. */
export async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  const workbook = new (await loadExcelJs()).Workbook();
  // exceljs declares its own `Buffer` type (an ArrayBuffer); at run time a Node Buffer is what it reads.
  // Drop-down lists are skipped: exceljs expands each range into one entry per cell (the
  // template's 20,000-row lists cost seconds and ~100 MB), and only the values matter here.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0], {
    ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'],
  });
  const sheet =
    workbook.worksheets.find((w) => w.name.trim().toLowerCase() === 'roster') ?? workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const notes: SheetRow['notes'] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const { text, note } = cellText(cell.value);
      cells[col - 1] = text;
      if (note) notes.push({ index: col - 1, message: note });
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    rows.push({ row: rowNumber, cells, ...(notes.length ? { notes } : {}) });
  });
  return rows;
}
