import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dryRun, rosterTemplate } from '../../shared/app/people/roster-import.js';
import { planRoster, readRosterSheet, ROSTER_COLUMN_KEYS } from '../../shared/domain/people/roster/index.js';
import { decodeText, parseCsv } from '../../shared/roster/csv.js';
import { MAX_FILE_BYTES, readRosterFile } from '../../shared/roster/read-file.js';
import type { Deps } from '../../shared/runtime/deps.js';
import { context, csvOf, seededRows } from './fixtures.js';

const enc = (s: string) => new TextEncoder().encode(s);
const file = (name: string, bytes: Uint8Array) => ({ name, bytes });
/** File problems are found before the data is touched: no DynamoDB needed to prove them. */
const noDeps = {} as Deps;

async function xlsxOf(fill: (sheet: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Data'), wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('CSV', () => {
  it('reads a BOM, semicolons, quotes, doubled quotes, line breaks in quotes and CRLF', () => {
    const text = '\uFEFFnip;nama\r\n"1990";"Siti ""Ani""; S.Kom."\r\n1991;"Baris\r\nkedua"\r\n\r\n';
    expect(parseCsv(decodeText(enc(text))!)).toEqual([
      { row: 1, cells: ['nip', 'nama'] },
      { row: 2, cells: ['1990', 'Siti "Ani"; S.Kom.'] },
      { row: 3, cells: ['1991', 'Baris\r\nkedua'] },
      { row: 4, cells: [''] },
    ]);
  });

  it('detects comma, semicolon and tab separators from the header', () => {
    for (const d of [',', ';', '\t']) {
      const sheet = readRosterSheet(parseCsv(csvOf(seededRows(), { delimiter: d })));
      expect(sheet.ok && sheet.records.length).toBe(30);
    }
  });

  it('decodes Windows-1252 (older Excel) and UTF-16 (Excel "Unicode text")', () => {
    expect(decodeText(new Uint8Array([0x4a, 0xe9, 0x72, 0xf4, 0x6d, 0x65]))).toBe('Jérôme');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'nip\tnama'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(parseCsv(decodeText(utf16)!)).toEqual([{ row: 1, cells: ['nip', 'nama'] }]);
    expect(decodeText(new Uint8Array([0x41, 0x00, 0x42]))).toBeNull();
  });

  it('a full CSV roster plans cleanly, and row numbers are the file rows', async () => {
    const rows = await readRosterFile(file('roster.csv', enc(csvOf(seededRows(), { delimiter: ';' }))));
    const sheet = readRosterSheet(rows);
    if (!sheet.ok) throw new Error(sheet.message);
    expect(sheet.records.map((r) => r.row).slice(0, 3)).toEqual([2, 3, 4]);
    expect(planRoster(sheet.records, context()).errors).toEqual([]);
  });
});

describe('XLSX', () => {
  it('reads text, rich text and formula results; prefers the sheet named Roster', async () => {
    const bytes = await xlsxOf((first, wb) => {
      first.addRow(['bukan', 'roster']);
      const sheet = wb.addWorksheet('Roster');
      sheet.addRow(['nip', 'nama', 'aktif']);
      sheet.addRow([
        '199103032017042001',
        { richText: [{ text: 'Rahma' }, { text: 'wati', font: { bold: true } }] },
        { formula: 'IF(TRUE,"ya","tidak")', result: 'ya' },
      ]);
      sheet.addRow([]);
      sheet.addRow(['199004122015031001', 'Budi', true]);
    });
    expect(await readRosterFile(file('roster.xlsx', bytes))).toEqual([
      { row: 1, cells: ['nip', 'nama', 'aktif'] },
      { row: 2, cells: ['199103032017042001', 'Rahmawati', 'ya'] },
      { row: 4, cells: ['199004122015031001', 'Budi', 'ya'] },
    ]);
  });

  it('flags an 18-digit NIP that Excel stored as a (rounded) number', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(['nip']);
      sheet.addRow([199103032017042001]);
    });
    const [, row] = await readRosterFile(file('roster.xlsx', bytes));
    expect(row!.notes).toEqual([{ index: 0, message: expect.stringMatching(/format kolom sebagai Teks/) }]);
  });
});

describe('unusable files: a clear message, never a crash', () => {
  const zipHeader = [0x50, 0x4b, 0x03, 0x04];
  /** A ZIP whose one entry declares `size` unpacked bytes (a zip bomb's signature). */
  function declaredZip(size: number): Uint8Array {
    const local = new Uint8Array(30);
    local.set(zipHeader);
    const central = new Uint8Array(46);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint32(24, size, true);
    const eocd = new Uint8Array(22);
    const ev = new DataView(eocd.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(10, 1, true);
    ev.setUint32(12, 46, true);
    ev.setUint32(16, 30, true);
    return new Uint8Array([...local, ...central, ...eocd]);
  }

  it.each([
    ['a renamed .txt', file('roster.txt', enc(csvOf(seededRows()))), /Jenis berkas ".txt" tidak didukung/],
    ['no extension', file('roster', enc('nip')), /tidak didukung/],
    ['an old .xls', file('roster.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])), /\.xls .*tidak didukung/],
    ['an empty file', file('roster.csv', new Uint8Array()), /Berkas kosong/],
    [
      'a too large file',
      file('roster.csv', new Uint8Array(MAX_FILE_BYTES + 1)),
      /terlalu besar \(5\.0 MB\); batasnya 5 MB/,
    ],
    ['text named .xlsx', file('roster.xlsx', enc(csvOf(seededRows()))), /bukan XLSX yang valid/],
    ['a broken .xlsx', file('roster.xlsx', new Uint8Array([...zipHeader, 1, 2, 3])), /rusak/],
    ['a zip bomb', file('roster.xlsx', declaredZip(0xffffffff)), /terlalu besar untuk sebuah roster/],
    ['an .xlsx named .csv', file('roster.csv', new Uint8Array([...zipHeader, 0])), /isinya berkas Excel/],
    ['binary named .csv', file('roster.csv', new Uint8Array([0x6e, 0, 0x69, 0x70])), /bukan teks CSV/],
    ['blank lines only', file('roster.csv', enc('\r\n;;\r\n')), /kosong/],
    ['a header only', file('roster.csv', enc(csvOf([]))), /hanya berisi baris judul/],
    [
      'no header',
      file('roster.csv', enc(csvOf(seededRows()).split('\r\n').slice(1).join('\r\n'))),
      /bukan judul kolom/,
    ],
    [
      'a wrong header',
      file('roster.csv', enc('NIP,Nama Lengkap,Alamat\r\n1,2,3')),
      /tidak sesuai templat.*alamat/i,
    ],
  ])('%s', async (_name, f, message) => {
    await expect(dryRun(noDeps, f)).rejects.toMatchObject({
      code: 'VALIDASI',
      message: expect.stringMatching(message),
    });
  });

  it('a wrong header lists each problem with its cell', async () => {
    const err = await dryRun(noDeps, file('roster.csv', enc('nip,nama,alamat\r\n'))).catch((e: unknown) => e);
    expect(err).toMatchObject({
      details: {
        errors: expect.arrayContaining([
          { row: 1, column: '', cell: 'C1', message: 'Kolom "alamat" tidak dikenal' },
        ]),
      },
    });
  });
});

describe('template', () => {
  it('is a roster with the header, text NIP columns, drop-downs and a guide', async () => {
    const bytes = await rosterTemplate();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Roster', 'Petunjuk']);
    const sheet = wb.getWorksheet('Roster')!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([...ROSTER_COLUMN_KEYS]);
    expect(sheet.getColumn(1).numFmt).toBe('@');
    const validations = (
      sheet as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }
    ).dataValidations.model;
    expect(Object.values(validations).map((v) => v.formulae[0])).toContain('"PNS,PPPK"');
    expect(wb.getWorksheet('Petunjuk')!.rowCount).toBeGreaterThan(ROSTER_COLUMN_KEYS.length);
  });

  it('filled in with text cells, it reads back as a clean roster', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rosterTemplate()) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const sheet = wb.getWorksheet('Roster')!;
    for (const r of seededRows()) sheet.addRow(ROSTER_COLUMN_KEYS.map((k) => r[k]));
    const rows = await readRosterFile(file('isi.xlsx', new Uint8Array(await wb.xlsx.writeBuffer())));
    const read = readRosterSheet(rows);
    if (!read.ok) throw new Error(read.message);
    const p = planRoster(read.records, context());
    expect([p.errors, p.creates.length]).toEqual([[], 30]);
  });
});
