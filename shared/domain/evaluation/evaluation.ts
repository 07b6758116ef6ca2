import { type Issue, konflik, validasi } from '../errors.js';
import { type KodeBerakhlak, KODE_BERAKHLAK, EKSPEKTASI_MAX } from './berakhlak.js';
import { LIMITS } from './skp.js';
import { MIN_REKAN } from './rekan.js';
import { assertBoleh, decide, type Subjek } from '../people/policy.js';
import { assertAction, assertMenunggu, stageRefusal } from './actions.js';
import type { Stage, Status } from './stages.js';
import type {
  HasilPenilaian,
  PenilaianAtasan,
  PenilaianMandiri,
  PutusanKeberatan,
  Tanggapan,
  UmpanBalik,
} from './penilaian-model.js';
import type { RencanaEvaluasi } from '../development/tersimpan.js';

// The stages and their statuses are declared in the stage registry; re-exported for the callers.
export { STAGES, STAGE_LABEL, STATUS, STATUS_LABEL, type Stage, type Status } from './stages.js';

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
  jumlahRekan?: { diminta: number; menjawab: number; dilewati: number };
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

/** For guards outside the registry's actions: the evaluation must be in this stage and status. */
export function assertStage(e: Evaluation, stage: Stage, statuses: readonly Status[], action: string): void {
  if (e.stage !== stage || !statuses.includes(e.status)) {
    throw konflik(stageRefusal(e, action), { stage: e.stage, status: e.status });
  }
}

/** Rows are editable by the employee only while drafting or after a return; frozen after approval. */
export function assertCanEditTargets(e: Evaluation, actor: Actor, now: Date): void {
  assertAction(e, actor, 'UBAH_SKP', now, 'mengubah target');
}

export function submit(e: Evaluation, actor: Actor, now: Date): Pick<Evaluation, 'status'> {
  assertBoleh(actor, 'AJUKAN_SKP', e, now);
  if (!e.atasanNip) throw konflik('Atasan langsung belum tercatat; hubungi pengelola kinerja (BKPSDM)');
  assertAction(e, actor, 'AJUKAN_SKP', now, 'mengajukan SKP');
  return { status: 'DIAJUKAN' };
}

/** Peers for the 360 input: 3 to 5 (rekan.ts), or none in an agency with fewer candidates. */
export { MIN_REKAN };

/**
 * `calonRekan` is how many colleagues could be nominated; asked only when the list is short,
 * because a very small agency cannot reach three.
 */
export function approve(
  e: Evaluation,
  actor: Actor,
  now: Date,
  calonRekan = Infinity,
): Pick<Evaluation, 'status'> {
  assertAction(e, actor, 'PUTUSKAN_SKP', now, 'menyetujui SKP');
  assertMenunggu(e, 'persetujuan');
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
  now: Date,
): Pick<Evaluation, 'status' | 'lastComment'> {
  assertAction(e, actor, 'PUTUSKAN_SKP', now, 'mengembalikan SKP');
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
  now: Date,
): Partial<Record<KodeBerakhlak, string>> {
  assertAction(e, actor, 'TETAPKAN_EKSPEKTASI', now, 'mengubah ekspektasi');
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

export function canView(e: Evaluation, actor: Subjek, now: Date): boolean {
  return decide(actor, 'LIHAT_EVALUASI', e, now).boleh;
}
