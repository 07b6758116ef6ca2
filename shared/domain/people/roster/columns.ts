/**
 * The columns of the BKPSDM roster file: what each means and how people spell its header.
 * The template, the docs and the reader all take them from here so they cannot drift apart.
 */
export const ROSTER_COLUMN_KEYS = [
  'nip',
  'nama',
  'status',
  'golongan',
  'jabatan',
  'jenis_jabatan',
  'level',
  'opd',
  'unit_kerja',
  'atasan_nip',
  'email',
  'aktif',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMN_KEYS)[number];

export interface RosterColumnSpec {
  key: RosterColumn;
  /** When the cell must be filled, in words (for the docs and the template's guide sheet). */
  wajib: string;
  /** Other header spellings people use; compared after normalizeHeader. */
  aliases: string[];
  keterangan: string;
  contoh: string;
}

export const ROSTER_COLUMNS: readonly RosterColumnSpec[] = [
  {
    key: 'nip',
    wajib: 'ya',
    aliases: ['ni_pppk', 'nip_ni_pppk', 'nip_nipppk'],
    keterangan: 'NIP (PNS) atau NI PPPK, 18 digit. Spasi diabaikan. Format sel sebagai Teks di Excel.',
    contoh: '199103032017042001',
  },
  {
    key: 'nama',
    wajib: 'ya',
    aliases: ['nama_lengkap', 'nama_pegawai'],
    keterangan: 'Nama lengkap dengan gelar.',
    contoh: 'Rahmawati, S.T.',
  },
  {
    key: 'status',
    wajib: 'ya',
    aliases: ['status_asn', 'status_kepegawaian', 'status_pegawai'],
    keterangan: 'PNS atau PPPK.',
    contoh: 'PNS',
  },
  {
    key: 'golongan',
    wajib: 'PNS saja',
    aliases: ['gol', 'golongan_ruang', 'pangkat_golongan'],
    keterangan: 'Golongan ruang PNS, I/a sampai IV/e. Kosongkan untuk PPPK.',
    contoh: 'III/b',
  },
  {
    key: 'jabatan',
    wajib: 'ya',
    aliases: ['nama_jabatan'],
    keterangan: 'Nama jabatan.',
    contoh: 'Perencana Ahli Pertama',
  },
  {
    key: 'jenis_jabatan',
    wajib: 'ya',
    aliases: [],
    keterangan: 'JPT, ADMINISTRATOR, PENGAWAS, PELAKSANA atau FUNGSIONAL.',
    contoh: 'FUNGSIONAL',
  },
  {
    key: 'level',
    wajib: 'FUNGSIONAL dan JPT',
    aliases: ['jenjang', 'level_jabatan', 'jenjang_jabatan'],
    keterangan:
      'FUNGSIONAL: ahli pertama, ahli muda, ahli madya, ahli utama, pemula, terampil, mahir, penyelia. ' +
      'JPT: utama, madya, pratama. Kosongkan untuk jenis jabatan lain.',
    contoh: 'ahli pertama',
  },
  {
    key: 'opd',
    wajib: 'ya',
    aliases: ['kode_opd', 'perangkat_daerah'],
    keterangan: 'Kode OPD yang terdaftar di aplikasi (lihat lembar Referensi), misalnya DINKES.',
    contoh: 'BAPPEDA',
  },
  {
    key: 'unit_kerja',
    wajib: 'ya',
    aliases: ['unit', 'kode_unit', 'kode_unit_kerja'],
    keterangan: 'Kode unit kerja milik OPD tersebut, misalnya PIMPINAN.',
    contoh: 'INFRA',
  },
  {
    key: 'atasan_nip',
    wajib: 'kecuali pucuk pimpinan',
    aliases: ['nip_atasan', 'atasan'],
    keterangan:
      'NIP atasan langsung (pejabat penilai). Harus ada di berkas yang sama; pada impor per OPD boleh ' +
      'juga pegawai yang sudah terdaftar. Kosong hanya untuk pucuk pimpinan (Sekretaris Daerah).',
    contoh: '198408082009031001',
  },
  {
    key: 'email',
    wajib: 'tidak',
    aliases: ['e_mail', 'surel', 'alamat_email'],
    keterangan: 'Alamat email dinas (opsional).',
    contoh: 'rahmawati@serangkota.go.id',
  },
  {
    key: 'aktif',
    wajib: 'tidak (kosong = ya)',
    aliases: ['status_aktif'],
    keterangan: 'ya atau tidak. Pegawai yang tidak aktif lagi dinonaktifkan, tidak pernah dihapus.',
    contoh: 'ya',
  },
];

/** Lower case, spaces/dashes/dots to underscores, a trailing "*" (required marker) dropped. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\*+$/, '')
    .replace(/[()]/g, '')
    .trim()
    .replace(/[\s\-./]+/g, '_');
}

/** A-Z, AA-ZZ...: how people find a cell in a spreadsheet. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
