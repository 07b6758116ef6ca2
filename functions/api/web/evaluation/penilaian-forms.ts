import {
  PenilaianAtasanBody,
  PenilaianMandiriBody,
  PenilaianRekanBody,
} from '../../../../shared/schemas/penilaian.js';
import { INDONESIAN, angkaFormulir } from '../common/kit.js';

/**
 * The review forms post flat fields named after the API body's paths (`baris.<rowId>.narasi`,
 * `perilaku.<KODE>.level`, ...), so a refusal's issue path names the field it belongs to.
 */

type Flat = Record<string, string>;
type Group = Record<string, Record<string, string>>;

const kosong = (v: string) => v.trim() === '';

/**
 * `prefix.<key>.<field>` fields, grouped by key. Empty answers are left out unless `empty`
 * (a form whose every posted field counts, blank ones too: parseMandiri).
 */
function group(values: Flat, prefix: string, empty = false): Group {
  // Prototype-less objects: a key such as `__proto__` stays an ordinary key (readForm refuses it too).
  const out: Group = Object.create(null) as Group;
  for (const [name, value] of Object.entries(values)) {
    const parts = name.split('.');
    if (parts.length !== 3 || parts[0] !== prefix || (!empty && kosong(value))) continue;
    (out[parts[1]!] ??= Object.create(null) as Record<string, string>)[parts[2]!] = value;
  }
  return out;
}

/** `prefix.<field>` fields of one object. */
function single(values: Flat, prefix: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(values)) {
    const parts = name.split('.');
    if (parts.length === 2 && parts[0] === prefix && !kosong(value)) out[parts[1]!] = value;
  }
  return out;
}

/** One bukti per line. */
const lines = (v: string | undefined) => (v ?? '').split(/\r?\n/).filter((l) => l.trim() !== '');

export type Aksi = 'simpan' | 'ajukan';
export const aksiOf = (values: Flat): Aksi => (values.aksi === 'ajukan' ? 'ajukan' : 'simpan');

/** A posted field as the body says it: blank is cleared (`null`), not left out. */
const atauNull = <T>(v: string, read: (v: string) => T): T | null => (kosong(v) ? null : read(v));

/**
 * Submitting the self-assessment submits the saved draft with what the body gives over it
 * (penilaian.ts isianDenganDraf). The form posts every field it shows, so it gives them all, a
 * field the person cleared included: as `null` (a realisasi, a level), empty text or no bukti.
 * Left out, the draft's value would be submitted in its place, which the person no longer sees.
 */
export function parseMandiri(values: Flat) {
  const baris = Object.fromEntries(
    Object.entries(group(values, 'baris', true)).map(([id, f]) => [
      id,
      {
        ...(f.realisasi !== undefined ? { realisasi: atauNull(f.realisasi, angkaFormulir) } : {}),
        ...(f.narasi !== undefined ? { narasi: f.narasi } : {}),
        ...(f.bukti !== undefined ? { bukti: lines(f.bukti) } : {}),
      },
    ]),
  );
  const perilaku = Object.fromEntries(
    Object.entries(group(values, 'perilaku', true)).map(([kode, f]) => [
      kode,
      {
        ...f,
        ...(f.level !== undefined ? { level: kosong(f.level) ? null : f.level } : {}),
      },
    ]),
  );
  return PenilaianMandiriBody.safeParse(
    { version: angkaFormulir(values.version), baris, perilaku },
    INDONESIAN,
  );
}

export function parseAtasan(values: Flat) {
  return PenilaianAtasanBody.safeParse(
    {
      version: angkaFormulir(values.version),
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
    { version: angkaFormulir(values.version), nilai: group(values, 'nilai') },
    INDONESIAN,
  );
}

/** The first problem of a field, including those of its items (`baris.r1.bukti.2`). */
export function errorAt(errors: Record<string, string>, name: string): string | undefined {
  return errors[name] ?? Object.entries(errors).find(([path]) => path.startsWith(`${name}.`))?.[1];
}
