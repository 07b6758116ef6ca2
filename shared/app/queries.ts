import { canView, type Evaluation } from '../domain/evaluation.js';
import { dilarang, tidakDitemukan } from '../domain/errors.js';
import {
  getRows,
  getWithHistory,
  listByAtasan,
  listByEmployee,
  type EvaluationWithHistory,
} from '../data/evaluations.js';
import type { TargetRow } from '../domain/skp.js';
import type { Deps } from '../runtime/deps.js';
import type { Principal } from './actor.js';

export type EvaluationView = Omit<Evaluation, 'taskToken'> & { awaitingWorkflow: boolean };

/** The task token lets its holder move the workflow on: it never leaves the server. */
export function toView(e: Evaluation): EvaluationView {
  const { taskToken, ...rest } = e;
  return { ...rest, ekspektasi: rest.ekspektasi ?? {}, awaitingWorkflow: !!taskToken };
}

export async function evaluationDetail(deps: Deps, p: Principal, cycleId: string, nip: string) {
  const found: EvaluationWithHistory | undefined = await getWithHistory(deps, cycleId, nip);
  if (!found) throw tidakDitemukan('Evaluasi tidak ditemukan');
  if (!canView(found.evaluation, p)) throw dilarang('Anda tidak berhak melihat evaluasi ini');
  return { evaluation: toView(found.evaluation), rows: found.rows, history: found.history };
}

/** The supervisor's rows that the employee's rows may cascade from. */
export async function atasanRows(
  deps: Deps,
  e: Pick<Evaluation, 'cycleId' | 'atasanNip'>,
): Promise<TargetRow[]> {
  return e.atasanNip ? getRows(deps, e.cycleId, e.atasanNip) : [];
}

export async function myEvaluations(deps: Deps, p: Principal) {
  return (await listByEmployee(deps, p.nip)).map(toView);
}

export async function inbox(deps: Deps, p: Principal) {
  return (await listByAtasan(deps, p.nip, 'DIAJUKAN')).map(toView);
}

export async function team(deps: Deps, p: Principal) {
  return (await listByAtasan(deps, p.nip)).map(toView);
}
