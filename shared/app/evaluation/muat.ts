import type { Evaluation } from '../../domain/evaluation/evaluation.js';
import { tidakDitemukan } from '../../domain/errors.js';
import { type EvaluationSheet, getEvaluation, getSheet } from '../../data/evaluations.js';
import type { Deps } from '../../runtime/deps.js';

/** Reads for a person's action: what is missing is a 404 they can read, not a crash. */

export async function sheetFor(deps: Deps, cycleId: string, nip: string): Promise<EvaluationSheet> {
  const sheet = await getSheet(deps, cycleId, nip);
  if (!sheet) throw tidakDitemukan('Evaluasi tidak ditemukan');
  return sheet;
}

export async function evaluationFor(deps: Deps, cycleId: string, nip: string): Promise<Evaluation> {
  const e = await getEvaluation(deps, cycleId, nip);
  if (!e) throw tidakDitemukan('Evaluasi tidak ditemukan');
  return e;
}
