import { KODE_BERAKHLAK } from '../../../../shared/domain/evaluation/berakhlak.js';
import {
  EkspektasiBody,
  RekanBody,
  ReturnBody,
  TargetRowInput,
  VersionBody,
} from '../../../../shared/schemas/api.js';
import type { FormFailure } from '../common/types.js';
import { INDONESIAN, angkaFormulir } from '../common/kit.js';

/** The SKP forms of the evaluation page; a failure is shown at the form that caused it. */
export type SkpForm =
  'tambah' | 'ubah' | 'hapus' | 'ajukan' | 'setujui' | 'kembalikan' | 'ekspektasi' | 'rekan';
export type SkpFailure = FormFailure<SkpForm>;

export const TARGET_FIELDS = [
  'jenis',
  'rhk',
  'intervensiRowId',
  'aspek',
  'indikator',
  'target',
  'satuan',
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** The schemas are strict: pick only their fields, so `_csrf` and button names never count as extra. */
export function parseTarget(values: Record<string, string>) {
  const picked: Record<string, string | number> = { version: angkaFormulir(values.version) };
  for (const f of TARGET_FIELDS) {
    const v = values[f];
    // "— tidak ada —" posts an empty value, which means "no cascade", not an invalid id.
    if (v !== undefined && !(f === 'intervensiRowId' && v === '')) picked[f] = v;
  }
  // Indonesian writes decimals with a comma ("2,5"): the number rule reads both.
  if (values.target !== undefined) picked.target = angkaFormulir(values.target);
  return TargetRowInput.safeParse(picked, INDONESIAN);
}

export const parseVersion = (values: Record<string, string>) =>
  VersionBody.safeParse({ version: angkaFormulir(values.version) }, INDONESIAN);

export const parseReturn = (values: Record<string, string>) =>
  ReturnBody.safeParse({ version: angkaFormulir(values.version), comment: values.comment ?? '' }, INDONESIAN);

export const ekspektasiField = (kode: string) => `ekspektasi.${kode}`;

/** Every value is posted, empty ones included: an emptied textarea clears that expectation. */
export function parseEkspektasi(values: Record<string, string>) {
  const ekspektasi = Object.fromEntries(KODE_BERAKHLAK.map((k) => [k, values[ekspektasiField(k)] ?? '']));
  return EkspektasiBody.safeParse({ version: angkaFormulir(values.version), ekspektasi }, INDONESIAN);
}

export const rekanField = (nip: string) => `rekan.${nip}`;

/** One checkbox per colleague, named by NIP: a checked box posts its field, an unchecked one nothing. */
export function parseRekan(values: Record<string, string>) {
  const nips = Object.keys(values)
    .filter((k) => k.startsWith('rekan.'))
    .map((k) => k.slice('rekan.'.length));
  return RekanBody.safeParse({ version: angkaFormulir(values.version), nips }, INDONESIAN);
}
