import {
  PenilaianAtasanBody,
  PenilaianMandiriBody,
  PenilaianRekanBody,
} from '../../../../shared/schemas/penilaian.js';
import { INDONESIAN } from '../common/kit.js';

/**
 * The review forms post flat fields named after the API body's paths (`baris.<rowId>.narasi`,
 * `perilaku.<KODE>.level`, ...), so a refusal's issue path names the field it belongs to.
 */

type Flat = Record<string, string>;
type Group = Record<string, Record<string, string>>;

/** `prefix.<key>.<field>` fields, grouped by key; empty answers are left out. */
function group(values: Flat, prefix: string): Group {
  // Prototype-less objects: a key such as `__proto__` stays an ordinary key (readForm refuses it too).
  const out: Group = Object.create(null) as Group;
  for (const [name, value] of Object.entries(values)) {
    const parts = name.split('.');
    if (parts.length !== 3 || parts[0] !== prefix || value.trim() === '') continue;
    (out[parts[1]!] ??= Object.create(null) as Record<string, string>)[parts[2]!] = value;
  }
  return out;
}

/** `prefix.<field>` fields of one object. */
function single(values: Flat, prefix: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(values)) {
    const parts = name.split('.');
    if (parts.length === 2 && parts[0] === prefix && value.trim() !== '') out[parts[1]!] = value;
  }
  return out;
}

/** "2,5" is how Indonesians write 2.5; anything not a number is passed on to be refused by name. */
function angka(v: string | undefined): number | string | undefined {
  if (v === undefined) return undefined;
  const text = v.trim().replace(/^(\d+),(\d+)$/, '$1.$2');
  const n = Number(text);
  return text !== '' && Number.isFinite(n) ? n : v;
}

/** One bukti per line. */
const lines = (v: string | undefined) => (v ?? '').split(/\r?\n/).filter((l) => l.trim() !== '');

export type Aksi = 'simpan' | 'ajukan';
export const aksiOf = (values: Flat): Aksi => (values.aksi === 'ajukan' ? 'ajukan' : 'simpan');

export function parseMandiri(values: Flat) {
  const baris = Object.fromEntries(
    Object.entries(group(values, 'baris')).map(([id, f]) => [
      id,
      {
        ...(f.realisasi !== undefined ? { realisasi: angka(f.realisasi) } : {}),
        ...(f.narasi !== undefined ? { narasi: f.narasi } : {}),
        ...(f.bukti !== undefined ? { bukti: lines(f.bukti) } : {}),
      },
    ]),
  );
  return PenilaianMandiriBody.safeParse(
    { version: values.version ?? '', baris, perilaku: group(values, 'perilaku') },
    INDONESIAN,
  );
}

export function parseAtasan(values: Flat) {
  return PenilaianAtasanBody.safeParse(
    {
      version: values.version ?? '',
      baris: group(values, 'baris'),
      hasilKerja: single(values, 'hasilKerja'),
      perilaku: group(values, 'perilaku'),
      perilakuKerja: single(values, 'perilakuKerja'),
    },
    INDONESIAN,
  );
}

export function parseRekan(values: Flat) {
  return PenilaianRekanBody.safeParse(
    { version: values.version ?? '', nilai: group(values, 'nilai') },
    INDONESIAN,
  );
}

/** The first problem of a field, including those of its items (`baris.r1.bukti.2`). */
export function errorAt(errors: Record<string, string>, name: string): string | undefined {
  return errors[name] ?? Object.entries(errors).find(([path]) => path.startsWith(`${name}.`))?.[1];
}
