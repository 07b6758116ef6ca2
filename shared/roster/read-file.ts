/**
 * An uploaded roster file to rows of text. Every way a file can be unusable ends in a
 * DomainError with a message in Bahasa Indonesia (a 422 for the web form), never a crash.
 */
import { validasi } from '../domain/errors.js';
import type { SheetRow } from '../domain/people/roster/index.js';
import { decodeText, parseCsv } from './csv.js';
import { readXlsx } from './xlsx.js';
import { zipUncompressedSize } from './zip.js';

export interface RosterFile {
  name: string;
  bytes: Uint8Array;
}

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Unpacked XML of a 20,000-row sheet is ~15 MB; anything far above is not a roster. */
const MAX_XLSX_UNPACKED = 100 * 1024 * 1024;
/** The city has a few thousand ASN; this leaves room for the largest pemda without risking memory. */
export const MAX_ROWS = 20_000;

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export async function readRosterFile(file: RosterFile): Promise<SheetRow[]> {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const { bytes } = file;
  if (ext === 'xls' || (isOle(bytes) && ext !== 'csv'))
    throw validasi(
      'Format .xls (Excel 97-2003) tidak didukung. Simpan ulang berkas sebagai .xlsx lalu unggah lagi.',
    );
  if (ext !== 'csv' && ext !== 'xlsx')
    throw validasi(`Jenis berkas ".${ext || '?'}" tidak didukung. Unggah berkas .xlsx atau .csv.`);
  if (bytes.length === 0) throw validasi('Berkas kosong.');
  if (bytes.length > MAX_FILE_BYTES)
    throw validasi(
      `Berkas terlalu besar (${(bytes.length / 1024 / 1024).toFixed(1)} MB); batasnya ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
    );

  let rows: SheetRow[];
  if (ext === 'xlsx') {
    if (!isZip(bytes))
      throw validasi(
        'Berkas bukan XLSX yang valid (isinya bukan format Excel). Simpan ulang dari Excel sebagai .xlsx.',
      );
    const unpacked = zipUncompressedSize(bytes);
    if (unpacked === null) throw validasi('Berkas XLSX rusak dan tidak dapat dibaca.');
    if (unpacked > MAX_XLSX_UNPACKED) throw validasi('Isi berkas XLSX terlalu besar untuk sebuah roster.');
    try {
      rows = await readXlsx(bytes);
    } catch {
      throw validasi('Berkas XLSX rusak dan tidak dapat dibaca. Simpan ulang dari Excel sebagai .xlsx.');
    }
  } else {
    if (isZip(bytes) || isOle(bytes))
      throw validasi(
        'Berkas berekstensi .csv tetapi isinya berkas Excel. Ganti ekstensinya menjadi .xlsx atau ekspor sebagai CSV.',
      );
    const text = decodeText(bytes);
    if (text === null) throw validasi('Berkas bukan teks CSV yang valid.');
    rows = parseCsv(text);
  }
  if (rows.length > MAX_ROWS + 1)
    throw validasi(`Berkas berisi ${rows.length - 1} baris; batasnya ${MAX_ROWS} baris per impor.`);
  return rows;
}
