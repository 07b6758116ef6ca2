import { tambahHari } from '../../domain/wib.js';
import type { Evaluation } from '../../domain/evaluation/evaluation.js';
import { DomainError } from '../../domain/errors.js';
import { type Cycle, stageDeadline } from '../../domain/evaluation/cycle.js';
import type { PenilaianRekan } from '../../domain/evaluation/penilaian-model.js';
import {
  PELAKSANA,
  ON_DEADLINE,
  STAGE_LABEL,
  type DeadlineStage,
  type DeclaredStage,
  opensAssessment,
  stageOrder,
} from '../../domain/evaluation/stages.js';
import { nipPelaksana, pelaksana as pelaksanaTahap } from '../../domain/evaluation/tugas.js';
import { auditPut } from '../../data/audit.js';
import { commitChange, getEvaluation } from '../../data/evaluations.js';
import { getCycle } from '../../data/cycles.js';
import { getEmployee } from '../../data/people.js';
import { type Notice, noticePut } from '../../data/notices.js';
import { kirimEmailNotifikasi } from '../notifikasi-email.js';
import { getPenilaianRekan, penilaianRekanUpdate, stalePenilaianRekan } from '../../data/penilaian-rekan.js';
import { isCycleClosed, transact } from '../../data/transact.js';
import type { Deps } from '../../runtime/deps.js';
import type { OverdueInput, RegisterTaskInput } from '../../schemas/workflow.js';
import { resumeAfterDecision } from '../workflow-client.js';
import { HANDOVER_DETIK, secondsToWait, sisaAnggaran } from './execution.js';

/** The workflow as it appears in the audit trail. */
export const SISTEM = { sistem: 'alur-kerja' };

/**
 * The evaluation's cycle was closed: its execution ends here, having changed nothing. A
 * permanent error (not in workflows/retry.ts), so Step Functions does not retry it; the close
 * stops the execution anyway (closeCycle), this only ends one that ran a step first.
 */
export const CYCLE_CLOSED_ERROR = 'SiklusDitutup';

export function cycleClosedStop(cycleId: string): Error {
  return Object.assign(
    new Error(`Siklus ${cycleId} sudah ditutup: alur evaluasi berhenti tanpa mengubah data`),
    {
      name: CYCLE_CLOSED_ERROR,
    },
  );
}

/**
 * System writes race with people's edits; they re-read and try again rather than fail. A
 * closed cycle is no race: it ends the step at once.
 */
export async function retryOnConflict<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (isCycleClosed(err)) throw cycleClosedStop(String((err as DomainError).details.cycleId));
      if (!(err instanceof DomainError && err.code === 'KONFLIK') || i >= attempts) throw err;
    }
  }
}

/** A missing evaluation is a permanent error: retrying will not create it. */
export function notFound(what: string): Error {
  return Object.assign(new Error(`${what} not found`), { name: 'EvaluationNotFound' });
}

export async function mustGet(deps: Deps, cycleId: string, nip: string): Promise<Evaluation> {
  const e = await getEvaluation(deps, cycleId, nip);
  if (!e) throw notFound(`Evaluation ${cycleId}/${nip}`);
  return e;
}

/**
 * The assessment window a stage waits for, if it is open: BKPSDM opened it early, or its date
 * has come. Then the stage has nothing to wait for; the answer is what its audit entry records.
 */
export function windowOpen(
  cycle: Cycle | undefined,
  stage: DeclaredStage,
  now: Date,
): { lebihAwal: true } | { deadline: string } | undefined {
  if (!cycle || !opensAssessment(stage)) return undefined;
  if (cycle.penilaianDibukaPada) return { lebihAwal: true };
  // A stage whose date opens the window is a stage with a date.
  const date = cycle.jadwal[stage as DeadlineStage];
  return now.getTime() >= new Date(date).getTime() ? { deadline: date } : undefined;
}

/** The stage's output when it was already done before this wait began (a resumed execution). */
function doneOutput(e: Evaluation) {
  return { sudahSelesai: true, keberatan: e.tanggapan?.jenis === 'KEBERATAN' };
}

/**
 * Stores the workflow's task token where the person's action will find it. A stage that is
 * already done (a resumed execution), or a window already open, is answered at once, so no stage
 * is ever done twice. An answer that comes after the wait timed out is refused (TaskTimedOut):
 * no failure, the overdue handler then finds the stage done and moves on.
 */
export async function registerStageTask(
  deps: Deps,
  input: RegisterTaskInput,
): Promise<{ registered: boolean }> {
  if (input.stage === 'PENILAIAN_REKAN') return registerRekanTask(deps, input);
  const stage = input.stage;
  return retryOnConflict(async () => {
    const e = await mustGet(deps, input.cycleId, input.nip);
    const behind = stageOrder(e.stage) > stageOrder(stage);
    if (behind || (e.stage === stage && e.status === 'SELESAI')) {
      await resumeAfterDecision(deps, input.taskToken, doneOutput(e));
      return { registered: false };
    }
    const resumed = e.stage === stage && !!e.registeredAt;
    const fresh = e.stage !== stage;
    // A stage for the atasan's atasan (the objection) goes to whoever holds that place now, not
    // at launch (reorganisations).
    const oneLevelUp = Object.values(PELAKSANA[stage]).includes('ATASAN_ATASAN');
    const atasanAtasanNip =
      oneLevelUp && fresh && e.atasanNip
        ? ((await getEmployee(deps, e.atasanNip))?.atasanNip ?? e.atasanAtasanNip)
        : e.atasanAtasanNip;
    // The window is open (before the deadline step, which then gave a wait of REGISTRATION_DETIK,
    // or since, BKPSDM opening it): record the opening and go on now.
    const cycle = opensAssessment(stage) ? await getCycle(deps, e.cycleId) : undefined;
    const when = windowOpen(cycle, stage, deps.now());
    if (when) {
      await commitChange(deps, {
        before: e,
        patch: { stage, status: 'SELESAI', registeredAt: deps.now().toISOString(), alurGagal: undefined },
        remove: ['taskToken'],
        audit: { actor: SISTEM, action: 'PENILAIAN_DIBUKA', detail: { stage, ...when, resumed } },
      });
      await resumeAfterDecision(deps, input.taskToken, { dibuka: true });
      return { registered: false };
    }
    await commitChange(deps, {
      before: e,
      patch: {
        stage,
        taskToken: input.taskToken,
        deadline: input.deadlineAt,
        registeredAt: deps.now().toISOString(),
        alurGagal: undefined,
        ...(atasanAtasanNip !== e.atasanAtasanNip ? { atasanAtasanNip } : {}),
        // A new stage starts as a draft with a clean record of lateness.
        ...(fresh
          ? { status: 'DRAFT', overdueCount: 0, lastOverdueAt: undefined, lastComment: undefined }
          : {}),
      } as Partial<Evaluation>,
      audit: {
        actor: SISTEM,
        action: 'TAHAP_DIBUKA',
        detail: { stage, deadline: input.deadlineAt, resumed },
      },
    });
    return { registered: true };
  });
}

async function registerRekanTask(deps: Deps, input: RegisterTaskInput): Promise<{ registered: boolean }> {
  return retryOnConflict(async () => {
    const r = await getPenilaianRekan(deps, input.cycleId, input.nip, input.rekanNip!);
    if (!r) throw notFound(`Peer review ${input.cycleId}/${input.nip}/${input.rekanNip}`);
    if (r.status !== 'MENUNGGU') {
      await resumeAfterDecision(deps, input.taskToken, { sudahSelesai: true });
      return { registered: false };
    }
    // Not an evaluation change: the trail records the peer's answer or the skip, not the asking.
    const { item } = penilaianRekanUpdate(deps, r, {
      taskToken: input.taskToken,
      deadline: input.deadlineAt,
    });
    await transact(deps, [item], { 0: stalePenilaianRekan });
    return { registered: true };
  });
}

export interface OverdueResult {
  stageOpen: boolean;
  seconds: number;
  at: string;
  /** The stage is still open but this execution's budget is spent: continue in a new one. */
  sambung: boolean;
}

const closed = (now: Date): OverdueResult => ({
  stageOpen: false,
  seconds: 1,
  at: now.toISOString(),
  sambung: false,
});

/**
 * Wait on until `at`, within what is left of the execution's budget; with too little left, hand
 * over to a new execution (inside the review's Parallel: end the branch; see HITUNG_PREDIKAT).
 */
function waitOn(deps: Deps, input: OverdueInput, at: string, now: Date): OverdueResult {
  const budget = sisaAnggaran(input.executionStart, now, deps.executionBudgetSeconds);
  if (budget < HANDOVER_DETIK) return { stageOpen: false, seconds: 1, at, sambung: true };
  return {
    stageOpen: true,
    seconds: secondsToWait(at, now, budget),
    at,
    sambung: false,
  };
}

/**
 * Time is up for a stage. What that means is the stage's rule (ON_DEADLINE): escalate to the
 * supervisor's supervisor and BKPSDM and give a grace period; or move on, recording why (the
 * window opened, the employee's silence counts as acknowledgement, the plan stands). A stage
 * that was in fact finished just ends the wait; a timer that fired early waits the rest.
 */
export async function recordOverdue(deps: Deps, input: OverdueInput): Promise<OverdueResult> {
  if (input.stage === 'PENILAIAN_REKAN') return skipRekan(deps, input);
  return retryOnConflict(async () => {
    const e = await mustGet(deps, input.cycleId, input.nip);
    const now = deps.now();
    if (e.stage !== input.stage || e.status === 'SELESAI') return closed(now);
    const cycle = await getCycle(deps, e.cycleId);
    const early = opensAssessment(input.stage) && !!cycle?.penilaianDibukaPada;
    if (!early && e.deadline && now.getTime() < new Date(e.deadline).getTime()) {
      return waitOn(deps, input, e.deadline, now);
    }
    const rule = ON_DEADLINE[input.stage];
    if (rule === 'ESKALASI') return escalate(deps, e, cycle, input, now);
    const at = now.toISOString();
    await commitChange(deps, {
      before: e,
      patch:
        rule === 'DITERIMA_OTOMATIS'
          ? { status: 'SELESAI', tanggapan: { jenis: 'DITERIMA_OTOMATIS', pada: at } }
          : { status: 'SELESAI' },
      remove: ['taskToken'],
      audit: {
        actor: SISTEM,
        action:
          rule === 'DITERIMA_OTOMATIS'
            ? 'TANGGAPAN_DITERIMA_OTOMATIS'
            : opensAssessment(input.stage)
              ? 'PENILAIAN_DIBUKA'
              : 'TAHAP_DITUTUP_OTOMATIS',
        detail: { stage: input.stage, deadline: e.deadline, ...(early ? { lebihAwal: true } : {}) },
      },
    });
    return closed(now);
  });
}

async function escalate(
  deps: Deps,
  e: Evaluation,
  cycle: Cycle | undefined,
  input: OverdueInput,
  now: Date,
): Promise<OverdueResult> {
  const stage = input.stage;
  const atasan = e.atasanNip ? await getEmployee(deps, e.atasanNip) : undefined;
  const at = now.toISOString();
  const overdueCount = (e.overdueCount ?? 0) + 1;
  const next = cycle ? stageDeadline(cycle, stage, overdueCount, at) : tambahHari(now, 7);
  const pelaksana = pelaksanaTahap(e.stage, e.status);
  // The Plt/Plh in force is the one who is late, not the absent atasan.
  const waitingNip = nipPelaksana(e, now) ?? e.nip;
  const waitingOn =
    pelaksana === 'ATASAN'
      ? `atasan langsung (${e.atasanNama ?? e.atasanNip})`
      : pelaksana === 'ATASAN_ATASAN'
        ? `atasan dari atasan langsung (${e.atasanAtasanNip})`
        : `pegawai (${e.nama})`;
  const label = STAGE_LABEL[e.stage];
  const subject = `Tenggat terlewati: ${label} - ${e.nama}`;
  const body = `Tahap ${label} untuk ${e.nama} (NIP ${e.nip}) melewati tenggat ${e.deadline ?? ''}. Menunggu tindakan ${waitingOn}. Keterlambatan ke-${overdueCount}; tenggat baru ${next}.`;
  const recipients = [
    'BKPSDM',
    ...(atasan?.atasanNip ? [atasan.atasanNip] : []),
    ...(e.atasanAtasanNip ? [e.atasanAtasanNip] : []),
    ...(waitingNip ? [waitingNip] : []),
  ];
  const notices: Notice[] = [...new Set(recipients)].map((recipient) => ({
    recipient,
    at,
    kind: 'ESKALASI',
    subject,
    body,
    cycleId: e.cycleId,
    nip: e.nip,
  }));
  await commitChange(deps, {
    before: e,
    patch: { overdueCount, lastOverdueAt: at, deadline: next } as Partial<Evaluation>,
    remove: ['taskToken'],
    audit: {
      actor: SISTEM,
      action: 'TAHAP_TERLAMBAT',
      detail: { stage, overdueCount, escalatedTo: [...new Set(recipients)], nextDeadline: next },
    },
    extra: notices.map((n) => noticePut(deps, n)),
  });
  // The notices are the outbox; email (SES, when configured) follows the commit and never fails it.
  await kirimEmailNotifikasi(deps, notices);
  return waitOn(deps, input, next, now);
}

/** A peer who let the deadline pass is skipped: recorded, never a failure of the evaluation. */
async function skipRekan(deps: Deps, input: OverdueInput): Promise<OverdueResult> {
  return retryOnConflict(async () => {
    const now = deps.now();
    const r = await getPenilaianRekan(deps, input.cycleId, input.nip, input.rekanNip!);
    if (!r || r.status !== 'MENUNGGU') return closed(now);
    if (r.deadline && now.getTime() < new Date(r.deadline).getTime())
      return waitOn(deps, input, r.deadline, now);
    const e = await mustGet(deps, input.cycleId, input.nip);
    const { item } = penilaianRekanUpdate(deps, r, { status: 'DILEWATI' } as Partial<PenilaianRekan>, [
      'taskToken',
    ]);
    await transact(
      deps,
      [
        item,
        auditPut(deps, {
          cycleId: e.cycleId,
          nip: e.nip,
          at: now.toISOString(),
          actor: SISTEM,
          action: 'REKAN_DILEWATI',
          // Who it was stays with auditors: the employee's view of the trail hides peer identities.
          detail: { rekanNip: r.rekanNip, deadline: r.deadline, rahasiaRekan: true },
          version: e.version,
        }),
      ],
      { 0: stalePenilaianRekan },
    );
    return closed(now);
  });
}
