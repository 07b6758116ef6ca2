/**
 * The roster template offered for download: the "Roster" sheet with the header, text-formatted
 * NIP columns (so Excel does not round them) and drop-down lists, a "Petunjuk" sheet that
 * documents every column, and, when given, a "Referensi" sheet with the OPD and unit codes.
 */
import { loadExcelJs } from './exceljs.js';
import { LEVEL_FUNGSIONAL, LEVEL_JPT, type Opd, type UnitKerja } from '../domain/people/employee.js';
import { GOLONGAN_LIST, JENIS_JABATAN } from '../domain/people/ranks.js';
import { ROSTER_COLUMNS, columnLetter, type RosterColumn } from '../domain/people/roster/index.js';

/** Rows the drop-down lists cover; more than the city's whole ASN. */
const VALIDATED_ROWS = 20_000;

const words = (levels: readonly string[]) => levels.map((l) => l.toLowerCase().replace('_', ' '));
const LISTS: Partial<Record<RosterColumn, string[]>> = {
  status: ['PNS', 'PPPK'],
  golongan: [...GOLONGAN_LIST],
  jenis_jabatan: [...JENIS_JABATAN],
  level: [...words(LEVEL_FUNGSIONAL), ...words(LEVEL_JPT)],
  aktif: ['ya', 'tidak'],
};
const WIDTHS: Partial<Record<RosterColumn, number>> = {
  nip: 22,
  nama: 34,
  jabatan: 40,
  jenis_jabatan: 16,
  level: 16,
  opd: 14,
  unit_kerja: 18,
  atasan_nip: 22,
  email: 30,
};

interface DataValidations {
  add(range: string, rule: Record<string, unknown>): void;
}

export async function rosterTemplate(
  options: { organisation?: { opd: Opd[]; units: UnitKerja[] } } = {},
): Promise<Buffer> {
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = 'Kinerja ASN Kota Serang';
  const sheet = wb.addWorksheet('Roster', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ROSTER_COLUMNS.map((c) => ({
    header: c.key,
    key: c.key,
    width: WIDTHS[c.key] ?? 12,
    // Text format for every column: NIPs keep their 18 digits, codes keep leading zeros.
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  const validations = (sheet as unknown as { dataValidations: DataValidations }).dataValidations;
  ROSTER_COLUMNS.forEach((c, i) => {
    const list = LISTS[c.key];
    if (!list) return;
    const letter = columnLetter(i);
    validations.add(`${letter}2:${letter}${VALIDATED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.key,
      error: c.keterangan,
    });
  });

  const guide = wb.addWorksheet('Petunjuk');
  guide.columns = [
    { header: 'kolom', key: 'kolom', width: 16 },
    { header: 'wajib', key: 'wajib', width: 22 },
    { header: 'keterangan', key: 'keterangan', width: 90 },
    { header: 'contoh', key: 'contoh', width: 30 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of ROSTER_COLUMNS)
    guide.addRow({ kolom: c.key, wajib: c.wajib, keterangan: c.keterangan, contoh: c.contoh });
  guide.addRow({});
  for (const line of [
    'Satu baris per ASN. Baris judul (baris 1) jangan diubah. Baris kosong diabaikan.',
    'Berkas adalah daftar lengkap: pegawai yang tidak tercantum akan dinonaktifkan (tidak dihapus).',
    'Setiap impor diperiksa dulu (uji coba); perubahan baru diterapkan bila tidak ada kesalahan.',
  ])
    guide.addRow({ kolom: '', keterangan: line });

  if (options.organisation) {
    const ref = wb.addWorksheet('Referensi');
    ref.columns = [
      { header: 'opd', key: 'opd', width: 14 },
      { header: 'unit_kerja', key: 'unit', width: 20 },
      { header: 'nama', key: 'nama', width: 60 },
    ];
    ref.getRow(1).font = { bold: true };
    for (const o of options.organisation.opd) {
      ref.addRow({ opd: o.kode, unit: '', nama: o.nama });
      for (const u of options.organisation.units.filter((x) => x.opd === o.kode))
        ref.addRow({ opd: o.kode, unit: u.kode, nama: u.nama });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
