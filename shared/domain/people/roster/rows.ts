/** One row -> one person: the checks of every cell, each problem addressed to its cell. */
import {
  LEVEL_FUNGSIONAL,
  LEVEL_JPT,
  type Employee,
  type LevelJabatan,
  type Opd,
  type UnitKerja,
} from '../employee.js';
import { bacaEmail, bacaTeks } from '../../input.js';
import { isNipFormat, parseNipPns } from '../nip.js';
import { GOLONGAN_LIST, JENIS_JABATAN, type Golongan, type JenisJabatan } from '../ranks.js';
import type { RosterColumn } from './columns.js';
import type { RosterError, RosterRecord } from './sheet.js';

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

export function checkRow(rec: RosterRecord, ctx: RosterContext, orgs: Organisation): RowCheck {
  const { cells, row } = rec;
  const errors: RosterError[] = [...rec.notes];
  const noted = new Set(rec.notes.map((n) => n.column));
  const err = (column: RosterColumn, message: string) => {
    if (!noted.has(column)) errors.push({ row, column, cell: `${rec.letters[column]}${row}`, message });
    noted.add(column);
  };
  /** A name or a title: one line of text under the input rules, stored as NFC. */
  const required = (column: RosterColumn, label: string) => {
    const r = bacaTeks({ label, max: MAX_TEXT, wajib: true }, cells[column]);
    if (r.ok) return r.value;
    err(column, r.message);
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

  // Cognito gets this address as the account's `email` attribute: refused here, not by it later.
  let email: string | undefined;
  if (cells.email !== '') {
    const r = bacaEmail(cells.email);
    if (r.ok) email = r.value;
    else err('email', r.message);
  }

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

/** The registered OPDs and units (as "OPD#UNIT"), built once per plan rather than once per row. */
export interface Organisation {
  opd: Set<string>;
  units: Set<string>;
}
