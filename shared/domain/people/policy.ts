import { tanggalWib } from '../wib.js';
import { dilarang } from '../errors.js';

/**
 * Who may do what, decided in one place from data: the evaluation's people (owner, atasan,
 * atasan's atasan, OPD) and the subject's standing (BKPSDM admin, auditor, agency head).
 * Handlers and the domain ask `decide`; nothing else compares NIPs for access. Whether an
 * action is in season (stage, status, state) is the stage registry's part: see
 * evaluation/actions.ts, which builds on this. `now` is always the caller's clock (deps.now(),
 * the request's moment), never the wall clock: a Plt/Plh is in force on WIB calendar days.
 */
export const PERAN = [
  'PEGAWAI',
  'ATASAN',
  'ATASAN_ATASAN',
  'REKAN',
  'KEPALA_OPD',
  'ADMIN_BKPSDM',
  'AUDITOR',
] as const;
export type Peran = (typeof PERAN)[number];

export interface Subjek {
  nip: string;
  admin?: boolean;
  auditor?: boolean;
  /** OPD code the subject heads (jenis jabatan JPT), if any. */
  kepalaOpd?: string;
}

/** An acting supervisor (Plt/Plh) standing in for the atasan over a date range (inclusive, WIB dates). */
export interface PenggantiAtasan {
  nip: string;
  mulai: string;
  selesai: string;
}

/** The parts of an evaluation that access depends on. */
export interface SasaranEvaluasi {
  nip: string;
  opd: string;
  atasanNip?: string;
  atasanAtasanNip?: string;
  plt?: PenggantiAtasan;
  /** Approved peers: they may review, never read the evaluation. */
  rekan?: readonly { nip: string }[];
}

/** Dates are compared as WIB calendar days, the way assignments are signed. */
export function pltBerlaku(plt: PenggantiAtasan | undefined, now: Date): boolean {
  if (!plt) return false;
  const today = tanggalWib(now);
  return plt.mulai <= today && today <= plt.selesai;
}

/**
 * Who holds the atasan's part today: a Plt/Plh in force rather than the atasan, never both, so
 * that one decision is never taken twice; but a Plt/Plh never rates their own evaluation: for it,
 * the definitive atasan stays.
 */
export function atasanBerlaku(
  e: Pick<SasaranEvaluasi, 'nip' | 'atasanNip' | 'plt'>,
  now: Date,
): string | undefined {
  return pltBerlaku(e.plt, now) && e.plt!.nip !== e.nip ? e.plt!.nip : e.atasanNip;
}

export const AKSI = [
  'LIHAT_EVALUASI',
  'UBAH_SKP',
  'AJUKAN_SKP',
  'PUTUSKAN_SKP',
  'TETAPKAN_EKSPEKTASI',
  'USULKAN_REKAN',
  'ISI_PENILAIAN_MANDIRI',
  'NILAI_KINERJA',
  'NILAI_SEBAGAI_REKAN',
  'BERI_UMPAN_BALIK',
  'TANGGAPI_PENILAIAN',
  'PUTUSKAN_KEBERATAN',
  'UBAH_RENCANA',
  'KONFIRMASI_RENCANA',
] as const;
export type Aksi = (typeof AKSI)[number];

/**
 * The permission table itself: data, so it can be reviewed and tested row by row. It says who
 * may ever take an action on an evaluation; when (stage, status) is the stage registry's part.
 */
export const IZIN: Record<Aksi, readonly Peran[]> = {
  LIHAT_EVALUASI: ['PEGAWAI', 'ATASAN', 'ATASAN_ATASAN', 'KEPALA_OPD', 'ADMIN_BKPSDM', 'AUDITOR'],
  UBAH_SKP: ['PEGAWAI'],
  AJUKAN_SKP: ['PEGAWAI'],
  PUTUSKAN_SKP: ['ATASAN'],
  TETAPKAN_EKSPEKTASI: ['ATASAN'],
  // The employee proposes the peers; the atasan may edit the list while deciding on the SKP.
  USULKAN_REKAN: ['PEGAWAI', 'ATASAN'],
  ISI_PENILAIAN_MANDIRI: ['PEGAWAI'],
  NILAI_KINERJA: ['ATASAN'],
  NILAI_SEBAGAI_REKAN: ['REKAN'],
  BERI_UMPAN_BALIK: ['ATASAN'],
  TANGGAPI_PENILAIAN: ['PEGAWAI'],
  // An objection is decided one level up, never by the atasan whose rating is contested.
  PUTUSKAN_KEBERATAN: ['ATASAN_ATASAN'],
  // The plan belongs to both: either may adjust it; the atasan confirms it.
  UBAH_RENCANA: ['PEGAWAI', 'ATASAN'],
  KONFIRMASI_RENCANA: ['ATASAN'],
};

/** Roles reached through the organisation, not through the person: their reads are audited. */
const DARI_JABATAN: readonly Peran[] = ['KEPALA_OPD', 'ADMIN_BKPSDM', 'AUDITOR'];

const PESAN: Record<Aksi, string> = {
  LIHAT_EVALUASI: 'Anda tidak berhak melihat evaluasi ini',
  UBAH_SKP: 'Hanya pegawai yang bersangkutan yang dapat mengubah SKP-nya',
  AJUKAN_SKP: 'Hanya pegawai yang bersangkutan yang dapat mengajukan SKP-nya',
  PUTUSKAN_SKP: 'Hanya atasan langsung yang dapat menyetujui atau mengembalikan SKP ini',
  TETAPKAN_EKSPEKTASI: 'Hanya atasan langsung yang dapat menetapkan ekspektasi khusus',
  USULKAN_REKAN:
    'Hanya pegawai yang bersangkutan atau atasan langsungnya yang dapat mengusulkan rekan penilai',
  ISI_PENILAIAN_MANDIRI: 'Hanya pegawai yang bersangkutan yang dapat mengisi penilaian mandirinya',
  NILAI_KINERJA: 'Hanya atasan langsung yang dapat menilai kinerja pegawai ini',
  NILAI_SEBAGAI_REKAN: 'Anda bukan rekan penilai yang disetujui untuk pegawai ini',
  BERI_UMPAN_BALIK: 'Hanya atasan langsung yang dapat memberi umpan balik',
  TANGGAPI_PENILAIAN: 'Hanya pegawai yang bersangkutan yang dapat menanggapi penilaiannya',
  PUTUSKAN_KEBERATAN: 'Hanya atasan dari atasan langsung yang dapat memutus keberatan ini',
  UBAH_RENCANA:
    'Hanya pegawai yang bersangkutan atau atasan langsungnya yang dapat mengubah rencana pengembangan',
  KONFIRMASI_RENCANA: 'Hanya atasan langsung yang dapat mengonfirmasi rencana pengembangan',
};

/** The subject's roles on this evaluation today (the atasan's: see atasanBerlaku). */
export function peranAtas(s: Subjek, e: SasaranEvaluasi, now: Date): Peran[] {
  const roles: Peran[] = [];
  if (e.nip === s.nip) roles.push('PEGAWAI');
  const atasan = atasanBerlaku(e, now);
  if (atasan && atasan === s.nip && s.nip !== e.nip) roles.push('ATASAN');
  if (e.atasanAtasanNip && e.atasanAtasanNip === s.nip) roles.push('ATASAN_ATASAN');
  if (e.rekan?.some((r) => r.nip === s.nip) && e.nip !== s.nip) roles.push('REKAN');
  if (s.kepalaOpd && s.kepalaOpd === e.opd) roles.push('KEPALA_OPD');
  if (s.admin) roles.push('ADMIN_BKPSDM');
  if (s.auditor) roles.push('AUDITOR');
  return roles;
}

export interface Keputusan {
  boleh: boolean;
  /** The role that grants it, the most personal one first. */
  sebagai?: Peran;
  /** A read through an organisational role of someone else's evaluation: write it down. */
  catatAkses: boolean;
  pesan: string;
}

export function decide(s: Subjek, aksi: Aksi, e: SasaranEvaluasi, now: Date): Keputusan {
  const sebagai = peranAtas(s, e, now).find((r) => IZIN[aksi].includes(r));
  return {
    boleh: !!sebagai,
    ...(sebagai ? { sebagai } : {}),
    catatAkses: !!sebagai && DARI_JABATAN.includes(sebagai),
    pesan: PESAN[aksi],
  };
}

export function assertBoleh(s: Subjek, aksi: Aksi, e: SasaranEvaluasi, now: Date): Keputusan {
  const k = decide(s, aksi, e, now);
  if (!k.boleh) throw dilarang(k.pesan);
  return k;
}

/** An agency's list of evaluations (stage and status, not their content): its head, BKPSDM, auditors. */
export function bolehLihatOpd(s: Subjek, opd: string): boolean {
  return !!s.admin || !!s.auditor || s.kepalaOpd === opd;
}
