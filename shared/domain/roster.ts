/**
 * The BKPSDM roster import, as pure rules: the columns of the file, the validation of every row
 * (each problem addressed to its row and column), and the plan of what an import would change.
 * Reading files and writing DynamoDB live elsewhere (shared/roster, shared/data/roster.ts).
 */
import {
  LEVEL_FUNGSIONAL,
  LEVEL_JPT,
  type Employee,
  type LevelJabatan,
  type Opd,
  type UnitKerja,
} from './employee.js';
import { isNipFormat, parseNipPns } from './nip.js';
import { GOLONGAN_LIST, JENIS_JABATAN, type Golongan, type JenisJabatan } from './ranks.js';

// ---------------------------------------------------------------------------------------------
// Columns

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

const HEADER_NAMES = new Map<string, RosterColumn>();
for (const c of ROSTER_COLUMNS) {
  HEADER_NAMES.set(c.key, c.key);
  for (const a of c.aliases) HEADER_NAMES.set(a, c.key);
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

// ---------------------------------------------------------------------------------------------
// Sheet -> records

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

// ---------------------------------------------------------------------------------------------
// One row -> one person

/** The fields the roster owns; everything else on the profile (e.g. admin) is left alone. */
export const ROSTER_FIELDS = [
  'nama',
  'status',
  'golongan',
  'jabatan',
  'jenisJabatan',
  'levelJabatan',
  'opd',
  'unit',
  'atasanNip',
  'email',
  'aktif',
  'tanggalLahir',
  'tmtCpns',
  'jenisKelamin',
] as const satisfies readonly (keyof Employee)[];
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** What a row says about a person: the roster fields plus the NIP. */
export type RosterPerson = Pick<Employee, 'nip' | RosterField>;

export interface RosterContext {
  opd: Opd[];
  units: UnitKerja[];
  /** Every employee already in the data (active or not). */
  existing: Employee[];
  /**
   * Undefined: the file is the whole city's roster. A list of OPD codes: a partial import of
   * those OPDs only (rows must belong to them; only their missing people are deactivated;
   * supervisors may be people already in the data).
   */
  opdScope?: string[];
  /** YYYY-MM-DD: a TMT CPNS after this month is implausible. */
  today: string;
}

const MAX_TEXT = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LEVELS: Record<string, LevelJabatan> = Object.fromEntries(
  [...LEVEL_FUNGSIONAL, ...LEVEL_JPT].map((l) => [l.toLowerCase().replace('_', ' '), l]),
);
const AKTIF: Record<string, boolean> = {
  '': true,
  ya: true,
  y: true,
  aktif: true,
  '1': true,
  true: true,
  tidak: false,
  t: false,
  n: false,
  nonaktif: false,
  'tidak aktif': false,
  '0': false,
  false: false,
};

/** "19700314 199603 1 001" is how NIPs are often printed; a leading apostrophe is Excel's text marker. */
export const cleanNip = (s: string) => s.replace(/^'/, '').replace(/[\s.-]/g, '');

/** "IIIa", "iii/a", "III-a", "III / a" all mean III/a. */
function normalizeGolongan(s: string): Golongan | undefined {
  const m = /^(IV|III|II|I)\s*[/\-\s]?\s*([a-e])$/i.exec(s.trim());
  if (!m) return undefined;
  const g = `${m[1]!.toUpperCase()}/${m[2]!.toLowerCase()}`;
  return (GOLONGAN_LIST as string[]).includes(g) ? (g as Golongan) : undefined;
}

interface RowCheck {
  person?: RosterPerson;
  errors: RosterError[];
}

function checkRow(rec: RosterRecord, ctx: RosterContext, orgs: Organisation): RowCheck {
  const { cells, row } = rec;
  const errors: RosterError[] = [...rec.notes];
  const noted = new Set(rec.notes.map((n) => n.column));
  const err = (column: RosterColumn, message: string) => {
    if (!noted.has(column)) errors.push({ row, column, cell: `${rec.letters[column]}${row}`, message });
    noted.add(column);
  };
  const required = (column: RosterColumn, label: string) => {
    if (cells[column] === '') err(column, `${label} wajib diisi`);
    else if (cells[column].length > MAX_TEXT)
      err(column, `${label} terlalu panjang (maksimal ${MAX_TEXT} karakter)`);
    return cells[column];
  };

  const status = cells.status.toUpperCase();
  if (status === '') err('status', 'Status wajib diisi (PNS atau PPPK)');
  else if (status !== 'PNS' && status !== 'PPPK')
    err('status', `Status "${cells.status}" tidak dikenal; isi PNS atau PPPK`);

  const nip = cleanNip(cells.nip);
  let fromNip: Pick<RosterPerson, 'tanggalLahir' | 'tmtCpns' | 'jenisKelamin'> = {};
  if (nip === '') err('nip', 'NIP wajib diisi');
  else if (/e\+?\d/i.test(nip))
    err('nip', `NIP "${cells.nip}" tertulis dalam notasi ilmiah; format kolom sebagai Teks lalu ketik ulang`);
  else if (!isNipFormat(nip)) err('nip', `NIP harus terdiri dari 18 digit angka (tertulis "${cells.nip}")`);
  else if (status === 'PNS') {
    const parsed = parseNipPns(nip);
    if (!parsed.ok) err('nip', parsed.message);
    else if (parsed.value.tmtCpns > ctx.today.slice(0, 7))
      err('nip', `TMT CPNS pada NIP (${parsed.value.tmtCpns}) belum terjadi`);
    else {
      const { tanggalLahir, tmtCpns, jenisKelamin } = parsed.value;
      fromNip = { tanggalLahir, tmtCpns, jenisKelamin };
    }
  }

  const nama = required('nama', 'Nama');
  const jabatan = required('jabatan', 'Jabatan');

  let golongan: Golongan | undefined;
  if (status === 'PNS') {
    if (cells.golongan === '') err('golongan', 'Golongan wajib diisi untuk PNS (misalnya III/a)');
    else {
      golongan = normalizeGolongan(cells.golongan);
      if (!golongan) err('golongan', `Golongan "${cells.golongan}" tidak dikenal; isi I/a sampai IV/e`);
    }
  } else if (status === 'PPPK' && cells.golongan !== '') {
    err('golongan', 'Golongan hanya diisi untuk PNS; kosongkan untuk PPPK');
  }

  const jenis = cells.jenis_jabatan.toUpperCase() as JenisJabatan;
  if (cells.jenis_jabatan === '') err('jenis_jabatan', 'Jenis jabatan wajib diisi');
  else if (!JENIS_JABATAN.includes(jenis))
    err(
      'jenis_jabatan',
      `Jenis jabatan "${cells.jenis_jabatan}" tidak dikenal; isi ${JENIS_JABATAN.join(', ')}`,
    );

  let levelJabatan: LevelJabatan | undefined;
  const levelText = cells.level
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .replace(/^jpt /, '');
  if (jenis === 'FUNGSIONAL' || jenis === 'JPT') {
    const allowed: readonly string[] = jenis === 'JPT' ? LEVEL_JPT : LEVEL_FUNGSIONAL;
    const words = allowed.map((l) => l.toLowerCase().replace('_', ' ')).join(', ');
    levelJabatan = LEVELS[levelText];
    if (levelText === '') err('level', `Level wajib diisi untuk jabatan ${jenis} (${words})`);
    else if (!levelJabatan || !allowed.includes(levelJabatan)) {
      err('level', `Level "${cells.level}" tidak berlaku untuk jabatan ${jenis}; isi ${words}`);
      levelJabatan = undefined;
    }
  } else if (JENIS_JABATAN.includes(jenis) && levelText !== '') {
    err('level', `Level hanya diisi untuk jabatan FUNGSIONAL dan JPT; kosongkan untuk ${jenis}`);
  }

  const opd = cells.opd.toUpperCase();
  const unit = cells.unit_kerja.toUpperCase();
  if (opd === '') err('opd', 'Kode OPD wajib diisi');
  else if (!orgs.opd.has(opd)) err('opd', `OPD "${cells.opd}" tidak terdaftar`);
  else if (ctx.opdScope && !ctx.opdScope.includes(opd))
    err('opd', `OPD ${opd} di luar cakupan impor ini (${ctx.opdScope.join(', ')})`);
  if (unit === '') err('unit_kerja', 'Kode unit kerja wajib diisi');
  else if (orgs.opd.has(opd) && !orgs.units.has(`${opd}#${unit}`))
    err('unit_kerja', `Unit kerja "${cells.unit_kerja}" tidak terdaftar pada OPD ${opd}`);

  const atasanNip = cleanNip(cells.atasan_nip) || undefined;
  if (atasanNip && !isNipFormat(atasanNip))
    err('atasan_nip', `NIP atasan harus terdiri dari 18 digit angka (tertulis "${cells.atasan_nip}")`);

  const email = cells.email.toLowerCase() || undefined;
  if (email && (!EMAIL.test(email) || email.length > MAX_TEXT))
    err('email', `Email "${cells.email}" tidak valid`);

  const aktif = AKTIF[cells.aktif.toLowerCase()];
  if (aktif === undefined) err('aktif', `Nilai aktif "${cells.aktif}" tidak dikenal; isi ya atau tidak`);

  if (errors.length) return { errors };
  return {
    errors,
    person: {
      nip,
      nama,
      status: status as RosterPerson['status'],
      ...(golongan ? { golongan } : {}),
      jabatan,
      jenisJabatan: jenis,
      ...(levelJabatan ? { levelJabatan } : {}),
      opd,
      unit,
      ...(atasanNip ? { atasanNip } : {}),
      ...(email ? { email } : {}),
      aktif: aktif!,
      ...fromNip,
    },
  };
}

interface Organisation {
  opd: Set<string>;
  units: Set<string>;
}

// ---------------------------------------------------------------------------------------------
// The plan

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

export interface RosterPlan {
  /** 'SEMUA' for the whole city; otherwise the OPDs the file covers. */
  scope: 'SEMUA' | string[];
  /** Data rows read (blank rows not counted). */
  rows: number;
  creates: PersonChange[];
  updates: PersonChange[];
  /** Active people who become inactive: missing from the roster, or marked aktif = tidak. */
  deactivations: PersonChange[];
  unchanged: number;
  /** Every problem, with its row and column. Apply refuses while there are any, unless told to skip. */
  errors: RosterError[];
  /** Rows left out when applying with skipInvalid (their own errors or their supervisor's). */
  skippedRows: number[];
  warnings: string[];
  /** Deactivations above the safety threshold: apply needs allowMassDeactivation. */
  massDeactivation: boolean;
}

/** More than this share of the active people (and more than MASS_MIN) is "mass" deactivation. */
export const MASS_SHARE = 0.25;
export const MASS_MIN = 10;

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

const rosterFieldsOf = (e: Employee): RosterPerson => {
  const out: Record<string, unknown> = { nip: e.nip };
  for (const f of ROSTER_FIELDS) if (e[f] !== undefined) out[f] = e[f];
  return out as RosterPerson;
};

/**
 * Validates every record and works out the plan. Errors never stop the work: the plan also
 * shows what applying with skipInvalid would do (the valid rows whose supervisor chain is valid).
 */
export function planRoster(records: RosterRecord[], ctx: RosterContext): RosterPlan {
  const orgs: Organisation = {
    opd: new Set(ctx.opd.map((o) => o.kode)),
    units: new Set(ctx.units.map((u) => `${u.opd}#${u.kode}`)),
  };
  const inScope = (opd: string) => !ctx.opdScope || ctx.opdScope.includes(opd);
  const existing = new Map(ctx.existing.map((e) => [e.nip, e]));
  const errors: RosterError[] = [];
  const bad = new Set<number>();
  const fail = (rec: RosterRecord, column: RosterColumn | '', message: string) => {
    errors.push({
      row: rec.row,
      column,
      ...(column ? { cell: `${rec.letters[column]}${rec.row}` } : {}),
      message,
    });
    bad.add(rec.row);
  };

  // 1. Cells.
  const people = new Map<number, RosterPerson>();
  for (const rec of records) {
    const r = checkRow(rec, ctx, orgs);
    for (const e of r.errors) errors.push(e);
    if (r.errors.length) bad.add(rec.row);
    if (r.person) people.set(rec.row, r.person);
  }

  // 2. Duplicate NIPs: every occurrence is wrong, each names the others.
  const rowsOfNip = new Map<string, RosterRecord[]>();
  for (const rec of records) {
    const nip = cleanNip(rec.cells.nip);
    if (!nip) continue;
    rowsOfNip.set(nip, [...(rowsOfNip.get(nip) ?? []), rec]);
  }
  for (const [nip, recs] of rowsOfNip) {
    if (recs.length < 2) continue;
    for (const rec of recs) {
      const others = recs.filter((o) => o !== rec).map((o) => o.row);
      fail(rec, 'nip', `NIP ${nip} ganda: juga ada di baris ${others.join(', ')}`);
    }
  }

  // 3. The supervisor graph after the import: file rows, plus (partial import) the people of
  // other OPDs as they are now. People of the scope missing from the file become inactive.
  interface Node {
    atasanNip?: string;
    aktif: boolean;
    row?: number;
  }
  const graph = new Map<string, Node>();
  if (ctx.opdScope) {
    for (const e of ctx.existing)
      graph.set(e.nip, { atasanNip: e.atasanNip, aktif: inScope(e.opd) ? false : e.aktif });
  }
  for (const rec of records) {
    const p = people.get(rec.row);
    if (p && rowsOfNip.get(p.nip)!.length === 1)
      graph.set(p.nip, { atasanNip: p.atasanNip, aktif: p.aktif, row: rec.row });
  }

  const recordOfRow = new Map(records.map((r) => [r.row, r]));
  for (const rec of records) {
    const p = people.get(rec.row);
    if (!p?.atasanNip) continue;
    const inFile = rowsOfNip.has(p.atasanNip);
    if (p.atasanNip === p.nip) fail(rec, 'atasan_nip', 'Pegawai tidak boleh menjadi atasan dirinya sendiri');
    else if (!inFile && !ctx.opdScope) {
      fail(
        rec,
        'atasan_nip',
        existing.has(p.atasanNip)
          ? `Atasan ${p.atasanNip} tidak ada di berkas ini (berkas harus memuat seluruh pegawai; ` +
              'tanpa baris itu ia akan dinonaktifkan)'
          : `Atasan ${p.atasanNip} tidak ada di berkas ini`,
      );
    } else if (!inFile && !graph.has(p.atasanNip)) {
      fail(rec, 'atasan_nip', `Atasan ${p.atasanNip} tidak ada di berkas ini maupun di data pegawai`);
    } else if (!inFile && !graph.get(p.atasanNip)!.aktif && p.aktif) {
      fail(
        rec,
        'atasan_nip',
        inScope(existing.get(p.atasanNip)!.opd)
          ? `Atasan ${p.atasanNip} tidak ada di berkas ini sehingga akan dinonaktifkan`
          : `Atasan ${p.atasanNip} sudah tidak aktif`,
      );
    } else if (inFile && p.aktif) {
      // An invalid supervisor row is not in the graph with a row: step 5 reports that case.
      const boss = graph.get(p.atasanNip);
      if (boss?.row !== undefined && !boss.aktif)
        fail(rec, 'atasan_nip', `Atasan ${p.atasanNip} (baris ${boss.row}) tidak aktif`);
    }
  }

  // 4. Cycles (A -> B -> C -> A): each node has at most one supervisor, so walk up from every
  // row; meeting a node of the current walk closes a cycle. Every row in it is reported.
  const done = new Set<string>();
  for (const start of graph.keys()) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let at: string | undefined = start;
    while (at && !done.has(at) && !onPath.has(at)) {
      onPath.set(at, path.length);
      path.push(at);
      const next: string | undefined = graph.get(at)?.atasanNip;
      at = next === at ? undefined : next; // self-supervision was reported above
    }
    if (at && onPath.has(at)) {
      const cycle = path.slice(onPath.get(at)!);
      const text = [...cycle, cycle[0]].join(' → ');
      for (const nip of cycle) {
        const row = graph.get(nip)?.row;
        if (row !== undefined) fail(recordOfRow.get(row)!, 'atasan_nip', `Rantai atasan melingkar: ${text}`);
      }
    }
    for (const n of path) done.add(n);
  }

  // 5. A row whose supervisor's row is left out is left out too (transitively): applying it
  // would point at a supervisor the import did not write.
  const subordinates = new Map<string, RosterRecord[]>();
  for (const rec of records) {
    const p = people.get(rec.row);
    if (p?.atasanNip) subordinates.set(p.atasanNip, [...(subordinates.get(p.atasanNip) ?? []), rec]);
  }
  const queue = [...bad].map((r) => recordOfRow.get(r)!);
  while (queue.length) {
    const boss = queue.shift()!;
    const nip = cleanNip(boss.cells.nip);
    for (const sub of subordinates.get(nip) ?? []) {
      if (bad.has(sub.row) || sub === boss) continue;
      fail(
        sub,
        'atasan_nip',
        `Baris atasannya (baris ${boss.row}) tidak valid, sehingga baris ini ikut dilewati`,
      );
      queue.push(sub);
    }
  }

  // 6. The diff against the data, for the rows that would be applied.
  const creates: PersonChange[] = [];
  const updates: PersonChange[] = [];
  const deactivations: PersonChange[] = [];
  let unchanged = 0;
  for (const rec of records) {
    const p = people.get(rec.row);
    if (!p || bad.has(rec.row)) continue;
    const before = existing.get(p.nip);
    const base = { nip: p.nip, nama: p.nama, opd: p.opd, row: rec.row, after: p };
    if (!before) {
      creates.push({ kind: 'BARU', ...base, changes: diffPerson({}, p) });
      continue;
    }
    const changes = diffPerson(before, p);
    if (!changes.length) unchanged++;
    else if (before.aktif && !p.aktif) deactivations.push({ kind: 'NONAKTIF', ...base, changes });
    else updates.push({ kind: 'UBAH', ...base, changes });
  }
  // Anyone named in the file (even on an invalid row) is not "missing": a typo must not deactivate.
  let activeInScope = 0;
  for (const e of ctx.existing) {
    if (!e.aktif || !inScope(e.opd)) continue;
    activeInScope++;
    if (rowsOfNip.has(e.nip)) continue;
    const after = { ...rosterFieldsOf(e), aktif: false };
    deactivations.push({
      kind: 'NONAKTIF',
      nip: e.nip,
      nama: e.nama,
      opd: e.opd,
      after,
      changes: diffPerson(e, after),
    });
  }

  const warnings: string[] = [];
  const massDeactivation =
    deactivations.length > MASS_MIN && deactivations.length > activeInScope * MASS_SHARE;
  if (massDeactivation)
    warnings.push(
      `${deactivations.length} dari ${activeInScope} pegawai aktif akan dinonaktifkan. Pastikan berkas memuat ` +
        'seluruh pegawai (atau gunakan impor per OPD); penerapan memerlukan konfirmasi khusus.',
    );
  if (ctx.opdScope) {
    const leaving = new Set(deactivations.map((d) => d.nip));
    const orphans = ctx.existing.filter(
      (e) => e.aktif && !inScope(e.opd) && e.atasanNip && leaving.has(e.atasanNip),
    );
    if (orphans.length)
      warnings.push(
        `${orphans.length} pegawai di luar cakupan memiliki atasan yang akan dinonaktifkan: ` +
          orphans.map((e) => `${e.nip} (${e.opd})`).join(', '),
      );
  }

  errors.sort(
    (a, b) =>
      a.row - b.row ||
      ROSTER_COLUMN_KEYS.indexOf(a.column as RosterColumn) -
        ROSTER_COLUMN_KEYS.indexOf(b.column as RosterColumn),
  );
  return {
    scope: ctx.opdScope ?? 'SEMUA',
    rows: records.length,
    creates,
    updates,
    deactivations,
    unchanged,
    errors,
    skippedRows: [...bad].sort((a, b) => a - b),
    warnings,
    massDeactivation,
  };
}

/** Supervisors first, so that a batch that fails leaves as few people pointing at nobody as possible. */
export function supervisorsFirst(changes: PersonChange[]): PersonChange[] {
  const byNip = new Map(changes.map((c) => [c.nip, c]));
  const depth = new Map<string, number>();
  const depthOf = (nip: string, seen = new Set<string>()): number => {
    const known = depth.get(nip);
    if (known !== undefined) return known;
    const boss = byNip.get(nip)?.after.atasanNip;
    const d = boss && byNip.has(boss) && !seen.has(boss) ? depthOf(boss, seen.add(nip)) + 1 : 0;
    depth.set(nip, d);
    return d;
  };
  return [...changes].sort((a, b) => depthOf(a.nip) - depthOf(b.nip));
}

export const planIsClean = (plan: RosterPlan) => plan.errors.length === 0;
export const planWrites = (plan: RosterPlan) =>
  plan.creates.length + plan.updates.length + plan.deactivations.length;
