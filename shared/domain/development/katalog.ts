import { type KodeBerakhlak, KODE_BERAKHLAK } from '../evaluation/berakhlak.js';
import type { Issue } from '../errors.js';
import type { JenisJabatan } from '../people/ranks.js';

// ---------------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------------

export const JENIS_KOMPETENSI = ['TEKNIS', 'MANAJERIAL', 'SOSIAL_KULTURAL'] as const;
export type JenisKompetensi = (typeof JENIS_KOMPETENSI)[number];

/** The forms named in PP 17/2020; the sub-form decides which half of the pair it belongs to. */
export const SUB_BENTUK = {
  KLASIKAL: [
    'PELATIHAN_KEPEMIMPINAN',
    'PELATIHAN_MANAJERIAL',
    'PELATIHAN_TEKNIS',
    'PELATIHAN_FUNGSIONAL',
    'PELATIHAN_SOSIAL_KULTURAL',
    'BIMTEK',
    'WORKSHOP',
    'SEMINAR',
    'KURSUS',
  ],
  NONKLASIKAL: [
    'COACHING',
    'MENTORING',
    'E_LEARNING',
    'PEMBELAJARAN_JARAK_JAUH',
    'BIMBINGAN_DI_TEMPAT_KERJA',
  ],
} as const;
export type JenisBentuk = keyof typeof SUB_BENTUK;
export const JENIS_BENTUK = Object.keys(SUB_BENTUK) as JenisBentuk[];
export type Bentuk =
  | { jenis: 'KLASIKAL'; sub: (typeof SUB_BENTUK.KLASIKAL)[number] }
  | { jenis: 'NONKLASIKAL'; sub: (typeof SUB_BENTUK.NONKLASIKAL)[number] };

/** Who an entry is meant for. Dimensions combine with AND, values inside one dimension with OR. */
export interface Sasaran {
  /** OPD codes (DINKES, DISHUB, ...): the training is about that agency's own business. */
  opd?: readonly string[];
  jenisJabatan?: readonly JenisJabatan[];
  /** Words of the jabatan name ("bidan", "perawat"), matched like free text. */
  jabatan?: readonly string[];
}

export interface Pelatihan {
  id: string;
  judul: string;
  jenisKompetensi: JenisKompetensi;
  bentuk: Bentuk;
  /** Jam pelajaran (45 minutes each); the unit the annual entitlement is counted in. */
  jp: number;
  penyelenggara: string;
  /** BerAKHLAK values the entry develops. */
  nilai: readonly KodeBerakhlak[];
  /** Named competencies, short enough to be found in an RHK or in the supervisor's advice. */
  kompetensi: readonly string[];
  /** Extra word stems for matching free text that the competency names do not cover. */
  kataKunci?: readonly string[];
  sasaran?: Sasaran;
  daring: boolean;
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Internal: shared with the plan checks, not part of the public API. */
export const jpValid = (jp: unknown) => typeof jp === 'number' && Number.isInteger(jp) && jp > 0;
export const PESAN_JP = 'JP harus berupa bilangan bulat lebih dari 0';

/** Integrity of one catalogue entry; the catalogue is data edited by BKPSDM, so it is checked like input. */
export function checkPelatihan(p: Pelatihan): Issue[] {
  const issues: Issue[] = [];
  if (!ID.test(p.id)) issues.push({ path: 'id', message: 'ID hanya huruf kecil, angka, dan tanda hubung' });
  if (!p.judul.trim()) issues.push({ path: 'judul', message: 'Judul pelatihan wajib diisi' });
  if (!p.penyelenggara.trim()) issues.push({ path: 'penyelenggara', message: 'Penyelenggara wajib diisi' });
  if (!JENIS_KOMPETENSI.includes(p.jenisKompetensi))
    issues.push({
      path: 'jenisKompetensi',
      message: 'Jenis kompetensi harus teknis, manajerial, atau sosial kultural',
    });
  const subs: readonly string[] | undefined = SUB_BENTUK[p.bentuk.jenis];
  if (!subs?.includes(p.bentuk.sub))
    issues.push({ path: 'bentuk', message: 'Bentuk pengembangan tidak sesuai dengan klasikal/nonklasikal' });
  if (!jpValid(p.jp)) issues.push({ path: 'jp', message: PESAN_JP });
  p.nilai.forEach((k, i) => {
    if (!KODE_BERAKHLAK.includes(k)) issues.push({ path: `nilai.${i}`, message: 'Bukan nilai BerAKHLAK' });
  });
  if (!p.nilai.length && !p.kompetensi.length)
    issues.push({
      path: 'kompetensi',
      message: 'Sebutkan nilai BerAKHLAK atau kompetensi yang dikembangkan',
    });
  return issues;
}

export function checkKatalog(katalog: readonly Pelatihan[]): Issue[] {
  const seen = new Set<string>();
  return katalog.flatMap((p, i) => {
    const issues = checkPelatihan(p).map((x) => ({ ...x, path: `${i}.${x.path}` }));
    if (seen.has(p.id)) issues.push({ path: `${i}.id`, message: `ID "${p.id}" dipakai lebih dari sekali` });
    seen.add(p.id);
    return issues;
  });
}
