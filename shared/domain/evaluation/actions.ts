import { type DomainError, dilarang, konflik } from '../errors.js';
import {
  AKSI,
  type Aksi,
  IZIN,
  type Keputusan,
  type Peran,
  type SasaranEvaluasi,
  type Subjek,
  decide,
  peranAtas,
} from '../people/policy.js';
import type { Evaluation } from './evaluation.js';
import type { PenilaianRekan } from './penilaian-model.js';
import { STAGE_LABEL, STAGE_REGISTRY, STATUS_LABEL, type StageActions } from './stages.js';

/**
 * "What may this person do on this evaluation now", decided in one place: the API's guards
 * (assertAction) and the pages (availableActions) ask the same question, so a page never offers
 * what the API refuses. Three sources, checked in this order:
 * 1. the permission table (IZIN) and the roles this person holds on the evaluation today
 *    (peranAtas: a Plt/Plh in force holds the atasan's part): refused with 403;
 * 2. the stage registry: the actions of the current stage and status, per role (stages.ts);
 *    actions not tied to a stage (reading, the development plan) are always in season;
 * 3. the evaluation's own state where a rule needs it (an objection to decide, a plan to change).
 *
 * Not here: whether the workflow is waiting (holds the stage's task token). Drafts are saved
 * without it; only the step that completes a stage needs it (assertMenunggu), a passing
 * condition the forms announce rather than hide.
 */

/** What the decision reads: the people (policy.ts), the stage and status, and the state rules need. */
export type EvaluationState = SasaranEvaluasi &
  Pick<Evaluation, 'stage' | 'status'> &
  Partial<Pick<Evaluation, 'tanggapan' | 'hasil' | 'penilaianAtasan' | 'rencanaPengembangan'>> & {
    /** The evaluation's cycle is closed (a read says so; a write is refused by its transaction). */
    cycleClosed?: boolean;
  };

export interface ActionContext {
  /** The subject's own peer review of this evaluation (PENILAIAN_REKAN is a task per peer). */
  penilaianRekan?: Pick<PenilaianRekan, 'status'> | undefined;
}

/** Reading, and the plan, which belongs to both for as long as it exists, whatever the stage. */
const ANY_STAGE: readonly Aksi[] = ['LIHAT_EVALUASI', 'UBAH_RENCANA'];

interface Condition {
  /** DILARANG: not this person (403). KONFLIK: not in this state (409). */
  code: 'DILARANG' | 'KONFLIK';
  holds: (e: EvaluationState, s: Subjek) => boolean;
  message: string;
}

/** Said wherever a plan is asked for before the recommendation made one. */
export const RENCANA_BELUM_DISUSUN =
  'Rencana pengembangan belum disusun: rekomendasi pelatihan dibuat setelah umpan balik dan tanggapan atas penilaian selesai';

const HAS_RENCANA: Condition = {
  code: 'KONFLIK',
  holds: (e) => !!e.rencanaPengembangan,
  message: RENCANA_BELUM_DISUSUN,
};

/** Rules on the evaluation's state, beyond its stage and status. */
const CONDITIONS: Partial<Record<Aksi, readonly Condition[]>> = {
  PUTUSKAN_KEBERATAN: [
    // A Plt who rated and is also the atasan's atasan would judge their own rating.
    {
      code: 'DILARANG',
      holds: (e, s) => e.penilaianAtasan?.oleh !== s.nip,
      message:
        'Anda yang memberi penilaian ini; keberatan atasnya diputus oleh pejabat lain (hubungi BKPSDM)',
    },
    {
      code: 'KONFLIK',
      holds: (e) => !!e.hasil && e.tanggapan?.jenis === 'KEBERATAN',
      message: 'Evaluasi ini tidak memiliki keberatan yang menunggu putusan',
    },
  ],
  UBAH_RENCANA: [HAS_RENCANA],
  KONFIRMASI_RENCANA: [HAS_RENCANA],
};

/** The roles, among those IZIN grants for `aksi`, for which the registry offers it now. */
function inSeason(e: EvaluationState, aksi: Aksi, roles: readonly Peran[], context: ActionContext): boolean {
  if (ANY_STAGE.includes(aksi)) return true;
  const here: StageActions = STAGE_REGISTRY[e.stage].aksi;
  const rekan: StageActions = STAGE_REGISTRY.PENILAIAN_REKAN.aksi;
  const cells = [here[e.status], ...(context.penilaianRekan ? [rekan[context.penilaianRekan.status]] : [])];
  return cells.some((cell) => roles.some((r) => cell?.[r]?.includes(aksi)));
}

type Verdict = { keputusan: Keputusan } | { code: 'DILARANG' | 'KONFLIK'; message?: string };

/** Said wherever a closed cycle's evaluation is asked to change (the data layer says the same). */
export const SIKLUS_DITUTUP = 'Siklus sudah ditutup; data tidak dapat diubah';

/**
 * A closed cycle's evaluation is read-only. What outlives it is the development plan once its
 * stage is done: its later changes (trainings added, cancelled, completed in the plan's year) no
 * longer touch the evaluation, only the plan and the trail.
 */
function openAfterClose(e: EvaluationState, aksi: Aksi): boolean {
  if (aksi === 'LIHAT_EVALUASI') return true;
  const planDone = e.stage === 'SELESAI' || (e.stage === 'RENCANA_PENGEMBANGAN' && e.status === 'SELESAI');
  return aksi === 'UBAH_RENCANA' && planDone;
}

function check(e: EvaluationState, s: Subjek, aksi: Aksi, now: Date, context: ActionContext): Verdict {
  const keputusan = decide(s, aksi, e, now);
  if (!keputusan.boleh) return { code: 'DILARANG', message: keputusan.pesan };
  if (e.cycleClosed && !openAfterClose(e, aksi)) return { code: 'KONFLIK', message: SIKLUS_DITUTUP };
  const conditions = CONDITIONS[aksi] ?? [];
  const notThisPerson = conditions.find((x) => x.code === 'DILARANG' && !x.holds(e, s));
  if (notThisPerson) return { code: 'DILARANG', message: notThisPerson.message };
  const roles = peranAtas(s, e, now).filter((r) => IZIN[aksi].includes(r));
  if (!inSeason(e, aksi, roles, context)) return { code: 'KONFLIK' };
  const notYet = conditions.find((x) => x.code === 'KONFLIK' && !x.holds(e, s));
  if (notYet) return { code: 'KONFLIK', message: notYet.message };
  return { keputusan };
}

/** Every action this person may take on this evaluation now. */
export function availableActions(
  e: EvaluationState,
  s: Subjek,
  now: Date,
  context: ActionContext = {},
): ReadonlySet<Aksi> {
  return new Set(AKSI.filter((aksi) => 'keputusan' in check(e, s, aksi, now, context)));
}

export function allowed(
  e: EvaluationState,
  s: Subjek,
  aksi: Aksi,
  now: Date,
  context: ActionContext = {},
): boolean {
  return 'keputusan' in check(e, s, aksi, now, context);
}

/** The stage and status, as a refusal names them. */
export function stageRefusal(e: Pick<Evaluation, 'stage' | 'status'>, verb: string): string {
  return `Tidak dapat ${verb}: evaluasi berada pada tahap "${STAGE_LABEL[e.stage]}" dengan status "${STATUS_LABEL[e.status]}"`;
}

/**
 * The guard: refuses with 403 when this person may never do it here, with 409 when not in this
 * stage, status or state (`verb` says what was attempted, e.g. "mengajukan SKP").
 */
export function assertAction(
  e: EvaluationState,
  s: Subjek,
  aksi: Aksi,
  now: Date,
  verb: string,
  context: ActionContext = {},
): Keputusan {
  const verdict = check(e, s, aksi, now, context);
  if ('keputusan' in verdict) return verdict.keputusan;
  throw refusal(e, verdict, verb);
}

function refusal(
  e: EvaluationState,
  h: Exclude<Verdict, { keputusan: Keputusan }>,
  verb: string,
): DomainError {
  if (h.code === 'DILARANG') return dilarang(h.message!);
  return konflik(h.message ?? stageRefusal(e, verb), { stage: e.stage, status: e.status });
}

/**
 * The step that completes a stage hands the workflow its answer: without the task token (the
 * deadline just passed, or the execution is being resumed) it would be lost.
 */
export function assertMenunggu(e: Pick<Evaluation, 'stage' | 'status' | 'taskToken'>, apa: string): void {
  if (!e.taskToken) {
    throw konflik(
      `Alur kerja evaluasi ini sedang tidak menunggu ${apa} (mungkin terlambat atau sedang dipulihkan). Coba lagi sebentar lagi.`,
      { stage: e.stage, status: e.status },
    );
  }
}
