import type { Evaluation, Stage } from '../domain/evaluation.js';
import { DomainError } from '../domain/errors.js';
import { stageDeadline, secondsUntil } from '../domain/cycle.js';
import { commitChange, getEvaluation } from '../data/evaluations.js';
import { getCycle } from '../data/cycles.js';
import { getEmployee } from '../data/people.js';
import { noticePut } from '../data/notices.js';
import { STAGE_LABEL } from '../domain/evaluation.js';
import type { Deps } from '../runtime/deps.js';
import { sendTaskSuccess } from './workflow-client.js';

const SISTEM = { sistem: 'alur-kerja' };

/** System writes race with people's edits; they re-read and try again rather than fail. */
async function retryOnConflict<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'KONFLIK') || i >= attempts) throw err;
    }
  }
}

async function mustGet(deps: Deps, cycleId: string, nip: string): Promise<Evaluation> {
  const e = await getEvaluation(deps, cycleId, nip);
  // A missing evaluation is a permanent error: retrying will not create it.
  if (!e)
    throw Object.assign(new Error(`Evaluation ${cycleId}/${nip} not found`), { name: 'EvaluationNotFound' });
  return e;
}

export interface RegisterTaskInput {
  taskToken: string;
  cycleId: string;
  nip: string;
  stage: Stage;
  deadlineAt: string;
}

/** Stores the workflow's task token on the evaluation so that the person's action can resume it. */
export async function registerStageTask(
  deps: Deps,
  input: RegisterTaskInput,
): Promise<{ registered: boolean }> {
  return retryOnConflict(async () => {
    const e = await mustGet(deps, input.cycleId, input.nip);
    if (e.stage === input.stage && e.status === 'SELESAI') {
      // Done while no execution was waiting (e.g. approved during a restart): move straight on.
      await sendTaskSuccess(deps, input.taskToken, { sudahSelesai: true });
      return { registered: false };
    }
    const resumed = e.stage === input.stage && !!e.registeredAt;
    await commitChange(deps, {
      before: e,
      patch: {
        stage: input.stage,
        taskToken: input.taskToken,
        deadline: input.deadlineAt,
        registeredAt: deps.now().toISOString(),
      } as Partial<Evaluation>,
      audit: {
        actor: SISTEM,
        action: 'TAHAP_DIBUKA',
        detail: { stage: input.stage, deadline: input.deadlineAt, resumed },
      },
    });
    return { registered: true };
  });
}

export interface OverdueInput {
  cycleId: string;
  nip: string;
  stage: Stage;
}

export interface OverdueResult {
  stageOpen: boolean;
  seconds: number;
  at: string;
}

/**
 * A missed deadline: record it, tell the supervisor's supervisor and BKPSDM, and give the
 * stage a grace period. A stage that was in fact finished just ends the wait.
 */
export async function recordOverdue(deps: Deps, input: OverdueInput): Promise<OverdueResult> {
  return retryOnConflict(async () => {
    const e = await mustGet(deps, input.cycleId, input.nip);
    const now = deps.now();
    if (e.stage !== input.stage || e.status === 'SELESAI')
      return { stageOpen: false, seconds: 1, at: now.toISOString() };
    // A timer that fired early (e.g. clamped locally) is no missed deadline: wait the rest.
    if (e.deadline && now.getTime() < new Date(e.deadline).getTime()) {
      return { stageOpen: true, seconds: secondsUntil(e.deadline, now), at: e.deadline };
    }
    const cycle = await getCycle(deps, e.cycleId);
    const atasan = e.atasanNip ? await getEmployee(deps, e.atasanNip) : undefined;
    const at = now.toISOString();
    const overdueCount = (e.overdueCount ?? 0) + 1;
    const next = cycle
      ? stageDeadline(cycle, input.stage, overdueCount, at)
      : new Date(now.getTime() + 7 * 86_400_000).toISOString();
    const waitingOn =
      e.status === 'DIAJUKAN' ? `atasan langsung (${e.atasanNama ?? e.atasanNip})` : `pegawai (${e.nama})`;
    const subject = `Tenggat terlewati: ${STAGE_LABEL[input.stage]} - ${e.nama}`;
    const body = `Tahap ${STAGE_LABEL[input.stage]} untuk ${e.nama} (NIP ${e.nip}) melewati tenggat ${e.deadline ?? ''}. Menunggu tindakan ${waitingOn}. Keterlambatan ke-${overdueCount}; tenggat baru ${next}.`;
    const recipients = [
      'BKPSDM',
      ...(atasan?.atasanNip ? [atasan.atasanNip] : []),
      e.status === 'DIAJUKAN' ? e.atasanNip : e.nip,
    ].filter((r): r is string => !!r);
    await commitChange(deps, {
      before: e,
      patch: { overdueCount, lastOverdueAt: at, deadline: next } as Partial<Evaluation>,
      remove: ['taskToken'],
      audit: {
        actor: SISTEM,
        action: 'TAHAP_TERLAMBAT',
        detail: { stage: input.stage, overdueCount, escalatedTo: recipients, nextDeadline: next },
      },
      extra: [...new Set(recipients)].map((recipient) =>
        noticePut(deps, { recipient, at, kind: 'ESKALASI', subject, body, cycleId: e.cycleId, nip: e.nip }),
      ),
    });
    return { stageOpen: true, seconds: secondsUntil(next, now), at: next };
  });
}
