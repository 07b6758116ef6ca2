import { type KodeBerakhlak, BERAKHLAK } from '../evaluation/berakhlak.js';

// ---------------------------------------------------------------------------------------------
// Free-text matching (supervisor advice, RHK text, jabatan names)
// ---------------------------------------------------------------------------------------------

// Indonesian glues prefixes to the stem (melayani, berkolaborasi), so a plain word-start match
// would miss most real sentences; suffixes are covered by matching the start of the stem.
const AWALAN = [
  'meng',
  'mem',
  'men',
  'me',
  'peng',
  'pem',
  'pen',
  'pe',
  'ber',
  'be',
  'ter',
  'per',
  'di',
  'ke',
  'se',
];

const normal = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const bentukDasar = (w: string) => [
  w,
  ...AWALAN.filter((a) => w.startsWith(a) && w.length - a.length >= 3).map((a) => w.slice(a.length)),
];

/** Whether the text mentions the term: a word or phrase, first word possibly prefixed, any word suffixed. */
export function menyebut(teks: string, istilah: string): boolean {
  const kata = normal(teks).split(' ');
  const cari = normal(istilah).split(' ');
  if (!cari[0]) return false;
  return kata.some((_, i) =>
    cari.every((c, j) => {
      const w = kata[i + j];
      return w !== undefined && (j === 0 ? bentukDasar(w) : [w]).some((b) => b.startsWith(c));
    }),
  );
}

/** Words that show the supervisor's advice is about a value, from the behaviours in docs/regulation.md. */
export const KATA_NILAI: Record<KodeBerakhlak, readonly string[]> = {
  BERORIENTASI_PELAYANAN: ['layan', 'masyarakat', 'ramah', 'keluhan', 'komunikasi', 'solutif', 'responsif'],
  AKUNTABEL: ['akuntab', 'integritas', 'jujur', 'disiplin', 'tanggung jawab', 'cermat', 'teliti', 'korupsi'],
  KOMPETEN: ['kompeten', 'terampil', 'keahlian', 'pengetahuan', 'belajar', 'kualitas kerja'],
  HARMONIS: ['harmonis', 'hargai', 'hormat', 'toleran', 'konflik', 'menolong', 'suasana kerja', 'santun'],
  LOYAL: ['loyal', 'pancasila', 'kebangsaan', 'bela negara', 'rahasia', 'nama baik', 'netral'],
  ADAPTIF: ['adaptif', 'adaptasi', 'inovasi', 'inovatif', 'kreatif', 'ubah', 'proaktif', 'digital'],
  KOLABORATIF: [
    'kolabora',
    'kerja sama',
    'kerjasama',
    'koordinasi',
    'sinergi',
    'lintas opd',
    'lintas bidang',
  ],
};

/** Internal: display names of the values, used to word recommendation reasons. */
export const NAMA_NILAI = Object.fromEntries(BERAKHLAK.map((v) => [v.kode, v.nama])) as Record<
  KodeBerakhlak,
  string
>;
