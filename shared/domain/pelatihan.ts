import { type KodeBerakhlak, BERAKHLAK, KODE_BERAKHLAK } from './berakhlak.js';
import { type Issue, konflik, validasi } from './errors.js';
import type { Level } from './predikat.js';
import type { JenisJabatan } from './ranks.js';

/** PP 11/2017 as amended by PP 17/2020, art. 203: at least 20 JP of development per PNS per year. */
export const HAK_JP_TAHUNAN = 20;
/**
 * How far a generated plan may go past what is still owed: one day of classical training
 * (about 8 JP of 45 minutes). Budgets are per JP, so a plan that doubles the entitlement
 * takes a seat from a colleague who has none.
 */
export const TOLERANSI_JP = 8;
export const MAKS_REKOMENDASI = 10;

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
const jpValid = (jp: unknown) => typeof jp === 'number' && Number.isInteger(jp) && jp > 0;
const PESAN_JP = 'JP harus berupa bilangan bulat lebih dari 0';

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

/** Words that show the supervisor's advice is about a value, from the behaviours in DOMAIN.md. */
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

const NAMA_NILAI = Object.fromEntries(BERAKHLAK.map((v) => [v.kode, v.nama])) as Record<
  KodeBerakhlak,
  string
>;

// ---------------------------------------------------------------------------------------------
// Recommendation
// ---------------------------------------------------------------------------------------------

/** The gaps an evaluation leaves behind: the input of the "training recommendation" stage. */
export interface Kesenjangan {
  perilaku: Partial<Record<KodeBerakhlak, Level>>;
  hasilKerja: readonly { id: string; rhk: string; indikator?: string; level: Level }[];
  saranAtasan?: string;
}

export interface ProfilPegawai {
  opd: string;
  jabatan: string;
  jenisJabatan: JenisJabatan;
}

export type JenisAlasan = 'PERILAKU_DI_BAWAH' | 'HASIL_KERJA_DI_BAWAH' | 'PERILAKU_SARAN' | 'SARAN_ATASAN';

export interface Alasan {
  jenis: JenisAlasan;
  teks: string;
  nilai?: KodeBerakhlak;
  rowId?: string;
}

/**
 * A value rated below expectations is the strongest signal (it alone makes the predikat
 * KURANG); a failed result row follows; advice on a value that was rated "sesuai" is a
 * nudge, as is advice that names the competency itself.
 */
export const BOBOT_ALASAN: Record<JenisAlasan, number> = {
  PERILAKU_DI_BAWAH: 4,
  HASIL_KERJA_DI_BAWAH: 3,
  PERILAKU_SARAN: 2,
  SARAN_ATASAN: 2,
};

export interface Rekomendasi {
  pelatihan: Pelatihan;
  alasan: Alasan[];
  /** For display and tie-breaking: highest reason weight × 100 + sum of weights. */
  skor: number;
}

export interface OpsiRekomendasi {
  maks?: number;
  /** Catalogue ids to leave out, e.g. already completed this year. */
  kecualikan?: readonly string[];
}

export function sesuaiSasaran(p: Pelatihan, pegawai: ProfilPegawai): boolean {
  const s = p.sasaran;
  if (s?.opd?.length && !s.opd.includes(pegawai.opd)) return false;
  if (s?.jenisJabatan?.length && !s.jenisJabatan.includes(pegawai.jenisJabatan)) return false;
  if (s?.jabatan?.length && !s.jabatan.some((k) => menyebut(pegawai.jabatan, k))) return false;
  return true;
}

const kutip = (s: string, max = 80) => {
  const t = s.trim().replace(/\s+/g, ' ');
  return `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;
};

function alasanUntuk(p: Pelatihan, gaps: Kesenjangan): Alasan[] {
  const saran = gaps.saranAtasan?.trim() ?? '';
  const istilah = [...p.kompetensi, ...(p.kataKunci ?? [])];
  const alasan: Alasan[] = [];
  for (const nilai of p.nilai) {
    const level = gaps.perilaku[nilai];
    if (level === 'DI_BAWAH_EKSPEKTASI') {
      alasan.push({
        jenis: 'PERILAKU_DI_BAWAH',
        nilai,
        teks: `Perilaku kerja ${NAMA_NILAI[nilai]} dinilai di bawah ekspektasi`,
      });
    } else if (level === 'SESUAI_EKSPEKTASI' && KATA_NILAI[nilai].some((k) => menyebut(saran, k))) {
      alasan.push({
        jenis: 'PERILAKU_SARAN',
        nilai,
        teks: `Perilaku kerja ${NAMA_NILAI[nilai]} sudah sesuai ekspektasi, tetapi atasan menyarankan perbaikan: ${kutip(saran)}`,
      });
    }
  }
  for (const row of gaps.hasilKerja) {
    if (row.level !== 'DI_BAWAH_EKSPEKTASI') continue;
    const teks = `${row.rhk} ${row.indikator ?? ''}`;
    const cocok = istilah.filter((k) => menyebut(teks, k));
    if (cocok.length) {
      alasan.push({
        jenis: 'HASIL_KERJA_DI_BAWAH',
        rowId: row.id,
        teks: `Hasil kerja ${kutip(row.rhk)} di bawah ekspektasi (terkait ${cocok.join(', ')})`,
      });
    }
  }
  const disebut = istilah.filter((k) => menyebut(saran, k));
  if (disebut.length) {
    alasan.push({
      jenis: 'SARAN_ATASAN',
      teks: `Saran atasan menyebut ${disebut.join(', ')}: ${kutip(saran)}`,
    });
  }
  return alasan.sort((a, b) => BOBOT_ALASAN[b.jenis] - BOBOT_ALASAN[a.jenis]);
}

/**
 * Catalogue entries that address the evaluation's gaps, strongest reason first. Entries meant
 * for another OPD or jabatan are left out: an agency's technical training is paid from its own
 * budget and seats are not open to others.
 */
export function rekomendasi(
  gaps: Kesenjangan,
  katalog: readonly Pelatihan[],
  pegawai: ProfilPegawai,
  opsi: OpsiRekomendasi = {},
): Rekomendasi[] {
  const maks = opsi.maks ?? MAKS_REKOMENDASI;
  if (!Number.isInteger(maks) || maks < 1) {
    throw validasi('Opsi rekomendasi tidak valid', [
      { path: 'maks', message: 'Jumlah rekomendasi harus bilangan bulat lebih dari 0' },
    ]);
  }
  const kecuali = new Set(opsi.kecualikan ?? []);
  const seen = new Set<string>();
  const hasil: (Rekomendasi & { khusus: boolean; urut: number })[] = [];
  katalog.forEach((p, urut) => {
    if (seen.has(p.id) || kecuali.has(p.id) || !sesuaiSasaran(p, pegawai)) return;
    seen.add(p.id);
    const alasan = alasanUntuk(p, gaps);
    if (!alasan.length) return;
    const bobot = alasan.map((a) => BOBOT_ALASAN[a.jenis]);
    const skor = Math.max(...bobot) * 100 + bobot.reduce((a, b) => a + b, 0);
    // Among equals, training written for the employee's own agency or jabatan is the better fit.
    const khusus = Boolean(p.sasaran?.opd?.length || p.sasaran?.jabatan?.length);
    hasil.push({ pelatihan: p, alasan, skor, khusus, urut });
  });
  return hasil
    .sort((a, b) => b.skor - a.skor || Number(b.khusus) - Number(a.khusus) || a.urut - b.urut)
    .slice(0, maks)
    .map(({ pelatihan, alasan, skor }) => ({ pelatihan, alasan, skor }));
}

// ---------------------------------------------------------------------------------------------
// Development plan and tracking
// ---------------------------------------------------------------------------------------------

export const STATUS_RENCANA = ['DIRENCANAKAN', 'SELESAI', 'BATAL'] as const;
export type StatusRencana = (typeof STATUS_RENCANA)[number];

/** The certificate is the evidence that counts toward the 20 JP. */
export interface Sertifikat {
  nomor: string;
  /** YYYY-MM-DD */
  tanggal: string;
  penyelenggara: string;
}

export interface ItemRencana {
  id: string;
  pelatihanId: string;
  judul: string;
  jp: number;
  bentuk: JenisBentuk;
  tahun: number;
  status: StatusRencana;
  sertifikat?: Sertifikat;
  alasan?: string[];
  catatanBatal?: string;
}

export interface RencanaPengembangan {
  tahun: number;
  jpSudah: number;
  /** JP still owed against the entitlement when the plan was made. */
  kebutuhan: number;
  jpDirencanakan: number;
  terpenuhi: boolean;
  items: ItemRencana[];
}

const tahunValid = (t: unknown) => typeof t === 'number' && Number.isInteger(t) && t >= 2000 && t <= 2100;

const itemDari = (r: Rekomendasi, tahun: number): ItemRencana => ({
  id: `${tahun}-${r.pelatihan.id}`,
  pelatihanId: r.pelatihan.id,
  judul: r.pelatihan.judul,
  jp: r.pelatihan.jp,
  bentuk: r.pelatihan.bentuk.jenis,
  tahun,
  status: 'DIRENCANAKAN',
  alasan: r.alasan.map((a) => a.teks),
});

/** A gap one reason points at, so that a plan can tell which gaps it already addresses. */
const celah = (a: Alasan) => a.nilai ?? a.rowId ?? a.jenis;

/**
 * Plan rule: add entries one at a time, each the best-ranked recommendation that
 * - keeps the total within the need (20 JP minus what is already done) plus TOLERANSI_JP:
 *   entries that would overshoot (a full PKP/PKA runs to hundreds of JP) are skipped in favour
 *   of shorter ones, never squeezed in;
 * - addresses a gap no chosen entry addresses yet, if any such entry fits: three courses on the
 *   same value leave the other gaps untouched;
 * - is of the form (klasikal/nonklasikal) the plan lacks, if any such entry fits, so coaching or
 *   e-learning complements a classroom course.
 * It stops as soon as the need is met. If nothing fits, the plan stays short and says so
 * (terpenuhi: false) for BKPSDM to complete by hand.
 */
export function rencanaPengembangan(
  rekomendasi: readonly Rekomendasi[],
  opsi: { tahun: number; jpSudah: number },
): RencanaPengembangan {
  const issues: Issue[] = [];
  if (!tahunValid(opsi.tahun)) issues.push({ path: 'tahun', message: 'Tahun tidak valid' });
  if (!Number.isInteger(opsi.jpSudah) || opsi.jpSudah < 0)
    issues.push({ path: 'jpSudah', message: 'JP yang sudah ditempuh harus bilangan bulat 0 atau lebih' });
  if (issues.length) throw validasi('Rencana pengembangan tidak dapat disusun', issues);

  const kebutuhan = Math.max(0, HAK_JP_TAHUNAN - opsi.jpSudah);
  const batas = kebutuhan + TOLERANSI_JP;
  const calon = rekomendasi.filter(
    (r, i) =>
      jpValid(r.pelatihan.jp) && rekomendasi.findIndex((x) => x.pelatihan.id === r.pelatihan.id) === i,
  );
  const dipilih: Rekomendasi[] = [];
  let total = 0;
  while (total < kebutuhan) {
    const muat = calon.filter((r) => !dipilih.includes(r) && total + r.pelatihan.jp <= batas);
    const tertangani = new Set(dipilih.flatMap((r) => r.alasan.map(celah)));
    const baru = muat.filter((r) => r.alasan.some((a) => !tertangani.has(celah(a))));
    const pool = baru.length ? baru : muat;
    const bentukAda = new Set(dipilih.map((r) => r.pelatihan.bentuk.jenis));
    const pelengkap =
      bentukAda.size === 1 ? pool.find((r) => !bentukAda.has(r.pelatihan.bentuk.jenis)) : undefined;
    const next = pelengkap ?? pool[0];
    if (!next) break;
    dipilih.push(next);
    total += next.pelatihan.jp;
  }
  return {
    tahun: opsi.tahun,
    jpSudah: opsi.jpSudah,
    kebutuhan,
    jpDirencanakan: total,
    terpenuhi: total >= kebutuhan,
    items: dipilih.map((r) => itemDari(r, opsi.tahun)),
  };
}

const TANGGAL = /^(\d{4})-(\d{2})-(\d{2})$/;

function tanggalValid(s: string): boolean {
  const m = TANGGAL.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export function checkSertifikat(s: Sertifikat | undefined, tahun: number, prefix = 'sertifikat'): Issue[] {
  if (!s) return [{ path: prefix, message: 'Sertifikat wajib dilampirkan untuk menandai pelatihan selesai' }];
  const issues: Issue[] = [];
  if (!s.nomor?.trim()) issues.push({ path: `${prefix}.nomor`, message: 'Nomor sertifikat wajib diisi' });
  if (!s.penyelenggara?.trim())
    issues.push({ path: `${prefix}.penyelenggara`, message: 'Penyelenggara pada sertifikat wajib diisi' });
  if (!tanggalValid(s.tanggal ?? '')) {
    issues.push({ path: `${prefix}.tanggal`, message: 'Tanggal sertifikat harus berformat TTTT-BB-HH' });
  } else if (Number(s.tanggal.slice(0, 4)) !== tahun) {
    issues.push({
      path: `${prefix}.tanggal`,
      message: `Tanggal selesai harus dalam tahun ${tahun}; sertifikat tahun lain tidak dihitung untuk tahun ini`,
    });
  }
  return issues;
}

export function checkItemRencana(item: ItemRencana, prefix = ''): Issue[] {
  const issues: Issue[] = [];
  if (!jpValid(item.jp)) issues.push({ path: `${prefix}jp`, message: PESAN_JP });
  if (!tahunValid(item.tahun)) issues.push({ path: `${prefix}tahun`, message: 'Tahun tidak valid' });
  if (!STATUS_RENCANA.includes(item.status))
    issues.push({ path: `${prefix}status`, message: 'Status harus direncanakan, selesai, atau batal' });
  if (item.status === 'SELESAI')
    issues.push(...checkSertifikat(item.sertifikat, item.tahun, `${prefix}sertifikat`));
  return issues;
}

/**
 * A cancelled item does not block planning the same training again, so duplicates are
 * counted among the items still alive only.
 */
export function checkRencana(items: readonly ItemRencana[]): Issue[] {
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    const issues = checkItemRencana(item, `items.${i}.`);
    if (item.status === 'BATAL') return issues;
    const key = `${item.tahun}/${item.pelatihanId}`;
    if (seen.has(key)) {
      issues.push({
        path: `items.${i}.pelatihanId`,
        message: `"${item.judul}" sudah ada dalam rencana tahun ${item.tahun}`,
      });
    }
    seen.add(key);
    return issues;
  });
}

export function assertRencana(items: readonly ItemRencana[]): void {
  const issues = checkRencana(items);
  if (issues.length) throw validasi('Rencana pengembangan kompetensi tidak valid', issues);
}

/** Adds a catalogue entry to a plan by hand, with the same checks as a generated plan. */
export function tambahKeRencana(items: readonly ItemRencana[], p: Pelatihan, tahun: number): ItemRencana[] {
  const baru: ItemRencana = {
    id: `${tahun}-${p.id}`,
    pelatihanId: p.id,
    judul: p.judul,
    jp: p.jp,
    bentuk: p.bentuk.jenis,
    tahun,
    status: 'DIRENCANAKAN',
  };
  const hasil = [...items, baru];
  assertRencana(hasil);
  return hasil;
}

export function tandaiSelesai(item: ItemRencana, sertifikat: Sertifikat | undefined): ItemRencana {
  if (item.status !== 'DIRENCANAKAN') {
    throw konflik(`Hanya pelatihan berstatus direncanakan yang dapat ditandai selesai`, {
      status: item.status,
    });
  }
  const issues = checkSertifikat(sertifikat, item.tahun);
  if (issues.length) throw validasi('Pelatihan belum dapat ditandai selesai', issues);
  return { ...item, status: 'SELESAI', sertifikat };
}

export function batalkan(item: ItemRencana, catatan?: string): ItemRencana {
  if (item.status === 'SELESAI') {
    throw konflik('Pelatihan yang sudah selesai bersertifikat tidak dapat dibatalkan', {
      status: item.status,
    });
  }
  return { ...item, status: 'BATAL', ...(catatan?.trim() ? { catatanBatal: catatan.trim() } : {}) };
}

export interface RingkasanJp {
  direncanakan: number;
  selesai: number;
  hak: typeof HAK_JP_TAHUNAN;
  kurang: number;
}

/**
 * Only certified JP count toward the entitlement; planned JP are shown beside them so the
 * gap between intention and evidence stays visible. Cancelled items count nowhere.
 */
export function ringkasanJp(items: readonly ItemRencana[], tahun: number): RingkasanJp {
  const jumlah = (status: StatusRencana) =>
    items.filter((i) => i.tahun === tahun && i.status === status).reduce((a, i) => a + i.jp, 0);
  const selesai = jumlah('SELESAI');
  return {
    direncanakan: jumlah('DIRENCANAKAN'),
    selesai,
    hak: HAK_JP_TAHUNAN,
    kurang: Math.max(0, HAK_JP_TAHUNAN - selesai),
  };
}
