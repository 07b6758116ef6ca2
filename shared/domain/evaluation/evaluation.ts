import { type Issue, konflik, validasi } from '../errors.js';
import { type KodeBerakhlak, KODE_BERAKHLAK, EKSPEKTASI_MAX } from './berakhlak.js';
import { LIMITS } from './skp.js';
import { assertBoleh, decide, type Subjek } from '../people/policy.js';
import type {
  HasilPenilaian,
  PenilaianAtasan,
  PenilaianMandiri,
  PutusanKeberatan,
  Tanggapan,
  UmpanBalik,
} from './penilaian-model.js';
import type { RencanaEvaluasi } from '../development/tersimpan.js';

/** The stages the EmployeeEvaluation workflow walks through. */
export const STAGES = [
  'PENETAPAN_TARGET',
  'MENUNGGU_PENILAIAN',
  'PENILAIAN_MANDIRI',
  'PENILAIAN_ATASAN',
  'UMPAN_BALIK',
  'TANGGAPAN',
  'KEBERATAN',
  'RENCANA_PENGEMBANGAN',
  'SELESAI',
] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Status within the current stage. The API moves a stage between these; only the workflow
 * opens a stage (and the next one).
 */
export const STATUS = ['DRAFT', 'DIAJUKAN', 'DIKEMBALIKAN', 'SELESAI'] as const;
export type Status = (typeof STATUS)[number];

export const STAGE_LABEL: Record<Stage, string> = {
  PENETAPAN_TARGET: 'Penetapan target (SKP)',
  MENUNGGU_PENILAIAN: 'Pelaksanaan (menunggu masa penilaian)',
  PENILAIAN_MANDIRI: 'Penilaian mandiri',
  PENILAIAN_ATASAN: 'Penilaian atasan dan rekan kerja',
  UMPAN_BALIK: 'Umpan balik atasan',
  TANGGAPAN: 'Tanggapan pegawai',
  KEBERATAN: 'Keberatan (diputus atasan dari atasan)',
  RENCANA_PENGEMBANGAN: 'Rencana pengembangan kompetensi',
  SELESAI: 'Selesai',
};
export const STATUS_LABEL: Record<Status, string> = {
  DRAFT: 'Draf',
  DIAJUKAN: 'Diajukan ke atasan',
  DIKEMBALIKAN: 'Dikembalikan untuk diperbaiki',
  SELESAI: 'Selesai',
};

export interface Evaluation {
  cycleId: string;
  nip: string;
  nama: string;
  opd: string;
  unit: string;
  /** Names as they were at launch, for display; codes stay the keys. */
  opdNama?: string;
  unitNama?: string;
  jabatan: string;
  atasanNip?: string;
  atasanNama?: string;
  /** The atasan's own atasan when the cycle was launched: receives objections and escalations. */
  atasanAtasanNip?: string;
  /** A Plt/Plh standing in for the atasan, with the dates it is in force. */
  plt?: { nip: string; nama: string; mulai: string; selesai: string; jenis: 'PLT' | 'PLH' };
  stage: Stage;
  status: Status;
  /** Set while a workflow execution waits on this stage; cleared when it times out. */
  taskToken?: string;
  /** When a workflow execution last registered on this evaluation (launch and resume read it). */
  registeredAt?: string;
  deadline?: string;
  overdueCount: number;
  lastOverdueAt?: string;
  lastComment?: string;
  ekspektasi: Partial<Record<KodeBerakhlak, string>>;
  /** Proposed peers (rekan penilai); approved together with the SKP. */
  rekan?: { nip: string; nama: string }[];
  penilaianMandiri?: PenilaianMandiri;
  penilaianAtasan?: PenilaianAtasan;
  hasil?: HasilPenilaian;
  umpanBalik?: UmpanBalik;
  tanggapan?: Tanggapan;
  putusanKeberatan?: PutusanKeberatan;
  /** Peer reviews: how many were asked, answered and skipped (identities stay on the peer items). */
  rekanRingkas?: { diminta: number; menjawab: number; terlewat: number };
  /** The evaluation's copy of its development plan (frozen once confirmed; see shared/data/rencana.ts). */
  rencanaPengembangan?: RencanaEvaluasi;
  selesaiPada?: string;
  /** Set when the workflow failed for good; cleared when a resumed execution registers again. */
  alurGagal?: { error: string; cause: string; stage: Stage; pada: string };
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type Actor = Subjek & { nama: string };

export function assertVersion(e: Evaluation, expected: number): void {
  if (e.version !== expected) {
    throw konflik('Data evaluasi sudah berubah sejak Anda membukanya. Muat ulang halaman lalu coba lagi.', {
      currentVersion: e.version,
      stage: e.stage,
      status: e.status,
    });
  }
}

export function assertStage(e: Evaluation, stage: Stage, statuses: readonly Status[], action: string): void {
  if (e.stage !== stage || !statuses.includes(e.status)) {
    throw konflik(
      `Tidak dapat ${action}: evaluasi berada pada tahap "${STAGE_LABEL[e.stage]}" dengan status "${STATUS_LABEL[e.status]}"`,
      {
        stage: e.stage,
        status: e.status,
      },
    );
  }
}

/** Rows are editable by the employee only while drafting or after a return; frozen after approval. */
export function assertCanEditTargets(e: Evaluation, actor: Actor): void {
  assertBoleh(actor, 'UBAH_SKP', e);
  assertStage(e, 'PENETAPAN_TARGET', ['DRAFT', 'DIKEMBALIKAN'], 'mengubah target');
}

export function submit(e: Evaluation, actor: Actor): Pick<Evaluation, 'status'> {
  assertBoleh(actor, 'AJUKAN_SKP', e);
  if (!e.atasanNip) throw konflik('Atasan langsung belum tercatat; hubungi pengelola kinerja (BKPSDM)');
  assertStage(e, 'PENETAPAN_TARGET', ['DRAFT', 'DIKEMBALIKAN'], 'mengajukan SKP');
  return { status: 'DIAJUKAN' };
}

/** Peers for the 360 input: 3 to 5 (rekan.ts), or none in an agency with fewer candidates. */
export const MIN_REKAN = 3;

/**
 * `calonRekan` is how many colleagues could be nominated; asked only when the list is short,
 * because a very small agency cannot reach three.
 */
export function approve(e: Evaluation, actor: Actor, calonRekan = Infinity): Pick<Evaluation, 'status'> {
  assertBoleh(actor, 'PUTUSKAN_SKP', e);
  assertStage(e, 'PENETAPAN_TARGET', ['DIAJUKAN'], 'menyetujui SKP');
  if (!e.taskToken) {
    throw konflik(
      'Alur kerja evaluasi ini sedang tidak menunggu persetujuan (mungkin terlambat atau sedang dipulihkan). Coba lagi sebentar lagi.',
      {
        stage: e.stage,
        status: e.status,
      },
    );
  }
  // An agency too small for three peers goes without: regulation allows peer input, not requires it.
  const needed = calonRekan >= MIN_REKAN ? MIN_REKAN : 0;
  if ((e.rekan?.length ?? 0) < needed) {
    throw validasi('Rekan penilai belum lengkap', [
      {
        path: 'rekan',
        message: `Tetapkan minimal ${needed} rekan penilai (rekan kerja satu perangkat daerah) sebelum menyetujui SKP`,
      },
    ]);
  }
  return { status: 'SELESAI' };
}

export function returnToEmployee(
  e: Evaluation,
  actor: Actor,
  comment: string,
): Pick<Evaluation, 'status' | 'lastComment'> {
  assertBoleh(actor, 'PUTUSKAN_SKP', e);
  assertStage(e, 'PENETAPAN_TARGET', ['DIAJUKAN'], 'mengembalikan SKP');
  const text = comment.trim();
  if (text.length < 5) {
    throw validasi('Catatan pengembalian wajib diisi', [
      { path: 'comment', message: 'Tuliskan alasan pengembalian (minimal 5 karakter)' },
    ]);
  }
  if (text.length > LIMITS.comment) {
    throw validasi('Catatan terlalu panjang', [
      { path: 'comment', message: `Paling banyak ${LIMITS.comment} karakter` },
    ]);
  }
  return { status: 'DIKEMBALIKAN', lastComment: text };
}

/** The supervisor's "ekspektasi khusus pimpinan" per BerAKHLAK value, set before approval. */
export function setEkspektasi(
  e: Evaluation,
  actor: Actor,
  input: Partial<Record<string, string>>,
): Partial<Record<KodeBerakhlak, string>> {
  assertBoleh(actor, 'TETAPKAN_EKSPEKTASI', e);
  assertStage(e, 'PENETAPAN_TARGET', ['DRAFT', 'DIAJUKAN', 'DIKEMBALIKAN'], 'mengubah ekspektasi');
  const issues: Issue[] = [];
  const out: Partial<Record<KodeBerakhlak, string>> = {};
  for (const [k, v] of Object.entries(input)) {
    if (!(KODE_BERAKHLAK as readonly string[]).includes(k)) {
      issues.push({ path: `ekspektasi.${k}`, message: 'Bukan nilai BerAKHLAK' });
      continue;
    }
    const text = (v ?? '').trim();
    if (text.length > EKSPEKTASI_MAX)
      issues.push({ path: `ekspektasi.${k}`, message: `Paling banyak ${EKSPEKTASI_MAX} karakter` });
    if (text) out[k as KodeBerakhlak] = text;
  }
  if (issues.length) throw validasi('Ekspektasi khusus tidak valid', issues);
  return out;
}

export function canView(e: Evaluation, actor: Subjek): boolean {
  return decide(actor, 'LIHAT_EVALUASI', e).boleh;
}
