import type { Aksi, Peran } from '../people/policy.js';
import type { Evaluation } from './evaluation.js';
import type { StatusRekan } from './penilaian-model.js';

/**
 * Status within the current stage. The API moves a stage between these; only the workflow
 * opens a stage (and the next one).
 */
export const STATUS = ['DRAFT', 'DIAJUKAN', 'DIKEMBALIKAN', 'SELESAI'] as const;
export type Status = (typeof STATUS)[number];
export const STATUS_LABEL: Record<Status, string> = {
  DRAFT: 'Draf',
  DIAJUKAN: 'Diajukan ke atasan',
  DIKEMBALIKAN: 'Dikembalikan untuk diperbaiki',
  SELESAI: 'Selesai',
};

/** A person of the evaluation whom an open stage waits on. */
export type Pelaksana = 'PEGAWAI' | 'ATASAN' | 'ATASAN_ATASAN';

/**
 * Who moves a stage on: a person of the evaluation (the atasan's part passes to a Plt/Plh in
 * force, see policy.ts), each peer on their own task, or nobody in person (SISTEM: a date,
 * BKPSDM opening the window, an automatic step).
 */
export type StageActor = Pelaksana | 'REKAN' | 'SISTEM';

/**
 * What a missed date means: most stages escalate and get a grace period; the wait for the
 * window simply ends; a silent employee has accepted the rating; a silent peer is skipped; an
 * unconfirmed development plan stands as recommended.
 */
export type OnDeadline = 'ESKALASI' | 'LANJUT' | 'DITERIMA_OTOMATIS' | 'DILEWATI';

type StatusTerbuka = Exclude<Status, 'SELESAI'>;

/** The stage's date on the cycle (Cycle.jadwal). */
interface StageDate<S extends string> {
  /** As BKPSDM reads it on the cycle form. */
  label: string;
  /** The default schedule: this many days after the period's first or last day (jadwalBaku). */
  default: { from: 'mulai' | 'selesai'; days: number };
  /** Dates this one must come after (checkCycleInput). */
  after: readonly S[];
  /** What happens when the date passes with the stage still open. */
  onDeadline: OnDeadline;
  /**
   * OPENING: the date opens the assessment window rather than closing a stage: it starts at
   * 00:00 WIB, gets no grace days when reached late, and BKPSDM may open the window earlier
   * (Cycle.penilaianDibukaPada). DEADLINE: a deadline, ending 23:59:59 WIB.
   */
  kind: 'DEADLINE' | 'OPENING';
}

/**
 * The stage's states in the EmployeeEvaluation machine. State names are stored codes (execution
 * histories, tests): never rename one. Three shapes:
 * - WAIT: the deadline step, the callback wait, the overdue handler, the still-open choice;
 * - WAIT_PER_REKAN: the same per approved peer, in a Map after the step that lists them;
 * - STEP: one automatic step of the evaluation-step Lambda (`step` is its step code).
 */
type StageStates =
  | {
      shape: 'WAIT';
      wait: string;
      deadline: string;
      overdue: string;
      stillOpen: string;
      comment: string;
      /** When `next` names two stages: the Parallel that runs them side by side. */
      nextTogether?: { state: string; comment: string };
    }
  | {
      shape: 'WAIT_PER_REKAN';
      list: string;
      listComment: string;
      each: string;
      wait: string;
      comment: string;
      overdue: string;
      overdueComment: string;
      stillOpen: string;
    }
  | {
      shape: 'STEP';
      step: string;
      state: string;
      comment: string;
      /** The choice after the step: hand over to a new execution when the step says so. */
      handOverChoice?: string;
      /** The machine's end after the step. */
      end?: string;
    };

/** Per status (of the evaluation; of the peer's own task for PENILAIAN_REKAN), per role. */
export type StageActions = Partial<Record<Status | StatusRekan, Partial<Record<Peran, readonly Aksi[]>>>>;

export interface StageDefinition<S extends string> {
  /** What people read: the stage on pages, "Tugas saya", notices and audit texts. */
  label: string;
  /** Who acts; one value for every open status, or per status. */
  pelaksana: StageActor | Partial<Record<StatusTerbuka, Pelaksana>>;
  /** The cycle date this stage waits for, if any. */
  jadwal?: StageDate<S>;
  /** The stage(s) that follow; two run side by side and join at their common next stage. */
  next: readonly S[];
  /**
   * Recorded on the evaluation (Evaluation.stage) and therefore a start state: a new
   * execution (restart, continue-as-new) resumes at the recorded stage.
   */
  start: boolean;
  /** The stage is passed by when this holds (its deadline step answers `skip`). */
  skipWhen?: (e: Pick<Evaluation, 'tanggapan'>) => boolean;
  /** What a person may do in it (actions.ts adds who holds the role and the evaluation's state). */
  aksi: StageActions;
  workflow: StageStates;
}

/** Keeps the literal types and checks every `next` and `after` names a declared stage. */
function defineStages<const T extends { [K in keyof T]: StageDefinition<Extract<keyof T, string>> }>(
  t: T,
): T {
  return t;
}

const PEGAWAI_MENYUSUN = {
  PEGAWAI: ['UBAH_SKP', 'AJUKAN_SKP', 'USULKAN_REKAN'],
  ATASAN: ['TETAPKAN_EKSPEKTASI'],
} as const;

/**
 * Every stage of an employee's evaluation, in the order the workflow walks them: the one place
 * a stage is declared. The workflow (workflows/employee-evaluation.ts), the cycle's schedule
 * (cycle.ts), who is waited on (tugas.ts), the available actions (actions.ts) and the stage
 * registration (shared/app/evaluation/stage-tasks.ts) read it. See docs/adding-a-stage.md.
 */
export const STAGE_REGISTRY = defineStages({
  PENETAPAN_TARGET: {
    label: 'Penetapan target (SKP)',
    pelaksana: { DRAFT: 'PEGAWAI', DIKEMBALIKAN: 'PEGAWAI', DIAJUKAN: 'ATASAN' },
    jadwal: {
      label: 'Penetapan target (SKP disetujui)',
      default: { from: 'mulai', days: 30 },
      after: [],
      onDeadline: 'ESKALASI',
      kind: 'DEADLINE',
    },
    next: ['MENUNGGU_PENILAIAN'],
    start: true,
    // The employee drafts and proposes peers; the atasan sets expectations, then decides and may
    // edit the peer list while deciding.
    aksi: {
      DRAFT: PEGAWAI_MENYUSUN,
      DIKEMBALIKAN: PEGAWAI_MENYUSUN,
      DIAJUKAN: { ATASAN: ['PUTUSKAN_SKP', 'USULKAN_REKAN', 'TETAPKAN_EKSPEKTASI'] },
    },
    workflow: {
      shape: 'WAIT',
      wait: 'PenetapanTarget',
      deadline: 'TenggatPenetapanTarget',
      overdue: 'CatatKeterlambatanTarget',
      stillOpen: 'TargetMasihTerbuka',
      comment: 'Pegawai menyusun SKP dan mengusulkan rekan penilai; atasan menyetujui atau mengembalikan',
    },
  },
  MENUNGGU_PENILAIAN: {
    label: 'Pelaksanaan (menunggu masa penilaian)',
    // Waits for a date (or BKPSDM opening the window early), not for a person.
    pelaksana: 'SISTEM',
    jadwal: {
      label: 'Masa penilaian dibuka',
      default: { from: 'selesai', days: 0 },
      after: ['PENETAPAN_TARGET'],
      onDeadline: 'LANJUT',
      kind: 'OPENING',
    },
    next: ['PENILAIAN_MANDIRI'],
    start: true,
    aksi: {},
    workflow: {
      shape: 'WAIT',
      wait: 'MenungguMasaPenilaian',
      deadline: 'JadwalMasaPenilaian',
      overdue: 'MasaPenilaianTiba',
      stillOpen: 'MasihMenungguMasaPenilaian',
      comment: 'Menunggu masa penilaian dibuka: terjadwal, atau lebih awal oleh BKPSDM',
    },
  },
  PENILAIAN_MANDIRI: {
    label: 'Penilaian mandiri',
    pelaksana: 'PEGAWAI',
    jadwal: {
      label: 'Penilaian mandiri',
      default: { from: 'selesai', days: 7 },
      after: ['MENUNGGU_PENILAIAN'],
      onDeadline: 'ESKALASI',
      kind: 'DEADLINE',
    },
    // The atasan's review and the peers' reviews run side by side.
    next: ['PENILAIAN_ATASAN', 'PENILAIAN_REKAN'],
    start: true,
    aksi: { DRAFT: { PEGAWAI: ['ISI_PENILAIAN_MANDIRI'] } },
    workflow: {
      shape: 'WAIT',
      wait: 'PenilaianMandiri',
      deadline: 'TenggatPenilaianMandiri',
      overdue: 'CatatKeterlambatanPenilaianMandiri',
      stillOpen: 'PenilaianMandiriMasihTerbuka',
      comment: 'Pegawai mengisi realisasi, bukti dukung, dan penilaian diri perilaku',
      nextTogether: {
        state: 'PenilaianAtasanDanRekan',
        comment: 'Penilaian atasan dan penilaian rekan berjalan berdampingan',
      },
    },
  },
  PENILAIAN_ATASAN: {
    label: 'Penilaian atasan dan rekan kerja',
    pelaksana: 'ATASAN',
    jadwal: {
      label: 'Penilaian atasan',
      default: { from: 'selesai', days: 21 },
      after: ['PENILAIAN_MANDIRI'],
      onDeadline: 'ESKALASI',
      kind: 'DEADLINE',
    },
    next: ['HITUNG_PREDIKAT'],
    start: true,
    aksi: { DRAFT: { ATASAN: ['NILAI_KINERJA'] } },
    workflow: {
      shape: 'WAIT',
      wait: 'PenilaianAtasan',
      deadline: 'TenggatPenilaianAtasan',
      overdue: 'CatatKeterlambatanPenilaianAtasan',
      stillOpen: 'PenilaianAtasanMasihTerbuka',
      comment: 'Atasan menilai hasil kerja dan perilaku kerja',
    },
  },
  /** Each peer's review: a task of its own beside the atasan's, never recorded as the evaluation's stage. */
  PENILAIAN_REKAN: {
    label: 'Penilaian perilaku sebagai rekan kerja',
    pelaksana: 'REKAN',
    jadwal: {
      label: 'Penilaian rekan kerja',
      default: { from: 'selesai', days: 21 },
      after: ['PENILAIAN_MANDIRI'],
      onDeadline: 'DILEWATI',
      kind: 'DEADLINE',
    },
    next: ['HITUNG_PREDIKAT'],
    start: false,
    aksi: { MENUNGGU: { REKAN: ['NILAI_SEBAGAI_REKAN'] } },
    workflow: {
      shape: 'WAIT_PER_REKAN',
      list: 'DaftarRekanPenilai',
      listComment: 'Rekan penilai yang disetujui atasan, dan tenggat penilaian rekan',
      each: 'SetiapRekanPenilai',
      wait: 'PenilaianRekan',
      comment: 'Rekan kerja menilai perilaku BerAKHLAK',
      overdue: 'RekanTidakMenjawab',
      overdueComment: 'Rekan yang melewati tenggat dilewati dan dicatat, bukan kegagalan',
      stillOpen: 'RekanMasihDitunggu',
    },
  },
  HITUNG_PREDIKAT: {
    label: 'Perhitungan predikat kinerja',
    pelaksana: 'SISTEM',
    next: ['UMPAN_BALIK'],
    start: false,
    aksi: {},
    workflow: {
      shape: 'STEP',
      step: 'HITUNG_PREDIKAT',
      state: 'HitungPredikat',
      comment: 'Predikat kinerja dari hasil kerja dan perilaku kerja (matriks PermenPAN-RB 6/2022)',
      handOverChoice: 'PenilaianLengkap',
    },
  },
  UMPAN_BALIK: {
    label: 'Umpan balik atasan',
    pelaksana: 'ATASAN',
    jadwal: {
      label: 'Umpan balik atasan',
      default: { from: 'selesai', days: 28 },
      after: ['PENILAIAN_ATASAN', 'PENILAIAN_REKAN'],
      onDeadline: 'ESKALASI',
      kind: 'DEADLINE',
    },
    next: ['TANGGAPAN'],
    start: true,
    aksi: { DRAFT: { ATASAN: ['BERI_UMPAN_BALIK'] } },
    workflow: {
      shape: 'WAIT',
      wait: 'UmpanBalik',
      deadline: 'TenggatUmpanBalik',
      overdue: 'CatatKeterlambatanUmpanBalik',
      stillOpen: 'UmpanBalikMasihTerbuka',
      comment: 'Atasan menulis umpan balik per hasil kerja dan saran perbaikan',
    },
  },
  TANGGAPAN: {
    label: 'Tanggapan pegawai',
    pelaksana: 'PEGAWAI',
    jadwal: {
      label: 'Tanggapan pegawai',
      default: { from: 'selesai', days: 35 },
      after: ['UMPAN_BALIK'],
      onDeadline: 'DITERIMA_OTOMATIS',
      kind: 'DEADLINE',
    },
    next: ['KEBERATAN'],
    start: true,
    aksi: { DRAFT: { PEGAWAI: ['TANGGAPI_PENILAIAN'] } },
    workflow: {
      shape: 'WAIT',
      wait: 'TanggapanPegawai',
      deadline: 'TenggatTanggapan',
      overdue: 'TanggapanDianggapDiterima',
      stillOpen: 'TanggapanMasihTerbuka',
      comment: 'Pegawai menerima umpan balik atau mengajukan keberatan; diam sampai tenggat = diterima',
    },
  },
  KEBERATAN: {
    label: 'Keberatan (diputus atasan dari atasan)',
    // One level up, never the Plt/Plh standing in for the atasan whose rating is contested.
    pelaksana: 'ATASAN_ATASAN',
    jadwal: {
      label: 'Putusan keberatan',
      default: { from: 'selesai', days: 49 },
      after: ['TANGGAPAN'],
      onDeadline: 'ESKALASI',
      kind: 'DEADLINE',
    },
    next: ['REKOMENDASI_PELATIHAN'],
    start: true,
    skipWhen: (e) => e.tanggapan?.jenis !== 'KEBERATAN',
    aksi: { DRAFT: { ATASAN_ATASAN: ['PUTUSKAN_KEBERATAN'] } },
    workflow: {
      shape: 'WAIT',
      wait: 'PutusanKeberatan',
      deadline: 'TenggatKeberatan',
      overdue: 'CatatKeterlambatanKeberatan',
      stillOpen: 'KeberatanMasihTerbuka',
      comment: 'Atasan dari atasan langsung mempertahankan atau merevisi penilaian',
    },
  },
  REKOMENDASI_PELATIHAN: {
    label: 'Rekomendasi pelatihan',
    pelaksana: 'SISTEM',
    next: ['RENCANA_PENGEMBANGAN'],
    start: false,
    aksi: {},
    workflow: {
      shape: 'STEP',
      step: 'REKOMENDASI_PELATIHAN',
      state: 'RekomendasiPelatihan',
      comment: 'Rekomendasi pelatihan dari kesenjangan penilaian dan saran atasan',
    },
  },
  RENCANA_PENGEMBANGAN: {
    label: 'Rencana pengembangan kompetensi',
    // Either may adjust the plan (actions.ts), but only the atasan's confirmation closes the
    // stage, so that is who it waits on.
    pelaksana: 'ATASAN',
    jadwal: {
      label: 'Rencana pengembangan',
      default: { from: 'selesai', days: 56 },
      after: ['KEBERATAN'],
      onDeadline: 'LANJUT',
      kind: 'DEADLINE',
    },
    next: ['SELESAI'],
    start: true,
    aksi: { DRAFT: { ATASAN: ['KONFIRMASI_RENCANA'] } },
    workflow: {
      shape: 'WAIT',
      wait: 'RencanaPengembangan',
      deadline: 'TenggatRencanaPengembangan',
      overdue: 'RencanaDitetapkanOtomatis',
      stillOpen: 'RencanaMasihTerbuka',
      comment: 'Pegawai dan atasan menyesuaikan rencana pengembangan; atasan mengonfirmasi',
    },
  },
  SELESAI: {
    label: 'Selesai',
    pelaksana: 'SISTEM',
    next: [],
    start: true,
    aksi: {},
    workflow: {
      shape: 'STEP',
      step: 'TUTUP',
      state: 'TutupEvaluasi',
      comment: 'Evaluasi selesai dan menjadi hanya-baca',
      end: 'EvaluasiSelesai',
    },
  },
});

/** Every declared stage, human or automatic. */
export type DeclaredStage = keyof typeof STAGE_REGISTRY;
type Def<T extends DeclaredStage> = (typeof STAGE_REGISTRY)[T];
type StagesWith<C> = { [K in DeclaredStage]: Def<K> extends C ? K : never }[DeclaredStage];

/** The stages recorded on an evaluation, which are the workflow's start states. */
export type Stage = StagesWith<{ start: true }>;
/** The stages with a date on the cycle. */
export type DeadlineStage = StagesWith<{ jadwal: object }>;
/** The stages the workflow waits in, one callback per evaluation (PENILAIAN_REKAN: one per peer). */
export type WaitStage = StagesWith<{ workflow: { shape: 'WAIT' } }>;
/** The automatic stages: one step of the evaluation-step Lambda. */
export type StepStage = StagesWith<{ workflow: { shape: 'STEP' } }>;

/** In the workflow's order: key order is declaration order. */
export const DECLARED_STAGES = Object.keys(STAGE_REGISTRY) as DeclaredStage[];
export const STAGES: readonly Stage[] = DECLARED_STAGES.filter((t): t is Stage => STAGE_REGISTRY[t].start);
export const DEADLINE_STAGES: readonly DeadlineStage[] = DECLARED_STAGES.filter(
  (t): t is DeadlineStage => 'jadwal' in STAGE_REGISTRY[t],
);

/** Position in the workflow's order: a stage "behind" another comes earlier. */
export const stageOrder = (t: DeclaredStage): number => DECLARED_STAGES.indexOf(t);

const tableOf = <K extends DeclaredStage, V>(keys: readonly K[], f: (k: K) => V) =>
  Object.fromEntries(keys.map((k) => [k, f(k)])) as Record<K, V>;

export const STAGE_LABEL: Record<Stage, string> = tableOf(STAGES, (s) => STAGE_REGISTRY[s].label);

/** The cycle date of a stage that has one (a date comes only after dates: see the registry test). */
export const jadwalOf = (t: DeadlineStage) => STAGE_REGISTRY[t].jadwal as StageDate<DeadlineStage>;
export const ON_DEADLINE: Record<DeadlineStage, OnDeadline> = tableOf(
  DEADLINE_STAGES,
  (t) => jadwalOf(t).onDeadline,
);
/** Labels of the scheduled dates, as BKPSDM reads them on the form. */
export const JADWAL_LABEL: Record<DeadlineStage, string> = tableOf(DEADLINE_STAGES, (t) => jadwalOf(t).label);

/** Whether the stage's date opens the assessment window (see StageDate.kind). */
export function opensAssessment(t: DeclaredStage): boolean {
  const def: StageDefinition<DeclaredStage> = STAGE_REGISTRY[t];
  return def.jadwal?.kind === 'OPENING';
}

/** Whether this evaluation passes the stage by (the objection, when none was filed). */
export function skipped(t: DeclaredStage, e: Pick<Evaluation, 'tanggapan'>): boolean {
  const def: StageDefinition<DeclaredStage> = STAGE_REGISTRY[t];
  return def.skipWhen?.(e) ?? false;
}

/** Who acts in each recorded stage, per open status (a stage nobody acts in in person: none). */
export const PELAKSANA: Record<Stage, Partial<Record<StatusTerbuka, Pelaksana>>> = tableOf(STAGES, (s) => {
  const p = STAGE_REGISTRY[s].pelaksana;
  if (typeof p !== 'string') return p;
  if (p === 'SISTEM') return {};
  return { DRAFT: p, DIAJUKAN: p, DIKEMBALIKAN: p };
});

/** The workflow's state names a stage declares: the synthesized machine must contain each. */
export function stateNames(t: DeclaredStage): string[] {
  const a: StageStates = STAGE_REGISTRY[t].workflow;
  switch (a.shape) {
    case 'WAIT':
      return [a.deadline, a.wait, a.overdue, a.stillOpen, ...(a.nextTogether ? [a.nextTogether.state] : [])];
    case 'WAIT_PER_REKAN':
      return [a.list, a.each, a.wait, a.overdue, a.stillOpen];
    case 'STEP':
      return [a.state, ...(a.handOverChoice ? [a.handOverChoice] : []), ...(a.end ? [a.end] : [])];
  }
}
