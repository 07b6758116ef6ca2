import { batchGetAll, getItem, queryBetween, queryIndex, queryPrefix } from './query.js';
import type { Evaluation } from '../domain/evaluation/evaluation.js';
import type { TargetRow } from '../domain/evaluation/skp.js';
import { konflik } from '../domain/errors.js';
import type { Deps } from '../runtime/deps.js';
import { type AuditEntry, auditPut } from './audit.js';
import { fromItem } from './items.js';
import { indexKeys, keys } from './keys.js';
import { type TransactItem, type FailureMessages, transact } from './transact.js';
import { versionedUpdate } from './write.js';

export interface EvaluationSheet {
  evaluation: Evaluation;
  rows: TargetRow[];
}

export interface EvaluationWithHistory extends EvaluationSheet {
  history: AuditEntry[];
}

export function evaluationItem(e: Evaluation): Record<string, unknown> {
  return { ...keys.evaluation(e.cycleId, e.nip), type: 'EVALUATION', ...indexKeys.evaluation(e), ...e };
}

/** A new evaluation, written only if it does not exist yet (a launch may run twice). */
export function evaluationCreate(deps: Deps, e: Evaluation): TransactItem {
  return {
    Put: {
      TableName: deps.tableName,
      Item: evaluationItem(e),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

function split(items: Record<string, unknown>[]) {
  let evaluation: Evaluation | undefined;
  const rows: TargetRow[] = [];
  const history: AuditEntry[] = [];
  for (const item of items) {
    if (item.type === 'EVALUATION') evaluation = fromItem<Evaluation>(item);
    else if (item.type === 'TARGET_ROW') rows.push(fromItem<TargetRow & { urutan: number }>(item));
    else if (item.type === 'AUDIT') history.push(fromItem<AuditEntry>(item));
  }
  rows.sort((a, b) => ((a as { urutan?: number }).urutan ?? 0) - ((b as { urutan?: number }).urutan ?? 0));
  return { evaluation, rows, history };
}

/** One Query: the evaluation and its rows, without the (growing) audit trail. */
export async function getSheet(
  deps: Deps,
  cycleId: string,
  nip: string,
): Promise<EvaluationSheet | undefined> {
  const items = await queryBetween(
    deps,
    keys.employee(nip).pk,
    keys.evaluation(cycleId, nip).sk,
    `${keys.rowPrefix(cycleId)}\uffff`,
  );
  const { evaluation, rows } = split(items);
  return evaluation ? { evaluation, rows } : undefined;
}

/** One Query: evaluation, rows and history (the item collection of one evaluation). */
export async function getWithHistory(
  deps: Deps,
  cycleId: string,
  nip: string,
): Promise<EvaluationWithHistory | undefined> {
  const items = await queryPrefix(deps, keys.employee(nip).pk, keys.evaluationPrefix(cycleId));
  const { evaluation, rows, history } = split(items);
  return evaluation ? { evaluation, rows, history } : undefined;
}

export async function getEvaluation(
  deps: Deps,
  cycleId: string,
  nip: string,
): Promise<Evaluation | undefined> {
  return getItem<Evaluation>(deps, keys.evaluation(cycleId, nip));
}

/** Evaluation items of many people in one cycle, 100 keys per BatchGet. */
export async function getEvaluations(
  deps: Deps,
  cycleId: string,
  nips: string[],
): Promise<Map<string, Evaluation>> {
  const items = await batchGetAll(
    deps,
    nips.map((n) => keys.evaluation(cycleId, n)),
  );
  return new Map(items.map((item) => fromItem<Evaluation>(item)).map((e) => [e.nip, e]));
}

/** Rows of someone else's SKP (the supervisor's, for the cascade picker). */
export async function getRows(deps: Deps, cycleId: string, nip: string): Promise<TargetRow[]> {
  return split(await queryPrefix(deps, keys.employee(nip).pk, keys.rowPrefix(cycleId))).rows;
}

export async function listByEmployee(deps: Deps, nip: string): Promise<Evaluation[]> {
  const items = await queryIndex(deps, 'byParent', `EVALS#${nip}`, { newestFirst: true });
  return items.map((i) => fromItem<Evaluation>(i));
}

/** The atasan's team; with a status, only those waiting in that status (the inbox). */
export async function listByAtasan(deps: Deps, atasanNip: string, status?: string): Promise<Evaluation[]> {
  const items = await queryIndex(deps, 'byGroup', `ATASAN#${atasanNip}`, {
    ...(status ? { prefix: `${status}#` } : {}),
  });
  return items.map((i) => fromItem<Evaluation>(i));
}

/** Evaluations of a cycle, optionally only those in one stage (and status). */
export async function listByCycle(deps: Deps, cycleId: string, stagePrefix = ''): Promise<Evaluation[]> {
  const items = await queryIndex(deps, 'byCycle', `CYCLE#${cycleId}`, { prefix: stagePrefix });
  return items.map((i) => fromItem<Evaluation>(i));
}

export interface Change {
  before: Evaluation;
  patch: Partial<Evaluation>;
  /** Attributes to drop from the evaluation, e.g. a spent task token. */
  remove?: (keyof Evaluation)[];
  audit: Omit<AuditEntry, 'cycleId' | 'nip' | 'at' | 'version'>;
  /** Further items that must be written with this change, or not at all. */
  extra?: TransactItem[];
  extraFailures?: FailureMessages;
}

/** The transaction items of one evaluation change: the locked update and its audit entry. */
export function changeItems(
  deps: Deps,
  change: Change,
  at: string,
): { after: Evaluation; items: TransactItem[] } {
  const { before } = change;
  const after: Evaluation = { ...before, ...change.patch, version: before.version + 1, updatedAt: at };
  for (const k of change.remove ?? []) delete after[k];
  const set: Record<string, unknown> = {
    ...change.patch,
    ...indexKeys.evaluation(after),
    version: after.version,
    updatedAt: at,
  };
  if (!after.atasanNip) {
    set.gsi2pk = undefined;
    set.gsi2sk = undefined;
  }
  const update = versionedUpdate(
    deps,
    keys.evaluation(before.cycleId, before.nip),
    before.version,
    set,
    change.remove ?? [],
  );
  const audit = auditPut(deps, {
    ...change.audit,
    cycleId: before.cycleId,
    nip: before.nip,
    at,
    version: after.version,
  });
  return { after, items: [update, audit] };
}

export const staleEvaluation = (e: Evaluation) => () =>
  konflik('Data evaluasi sudah berubah sejak Anda membukanya. Muat ulang halaman lalu coba lagi.', {
    stage: e.stage,
  });

/**
 * Applies a change to an evaluation with optimistic locking, and its audit entry, in one
 * transaction (with the check that its cycle is open, which transact adds). Returns the
 * evaluation as written.
 */
export async function commitChange(deps: Deps, change: Change): Promise<Evaluation> {
  const at = deps.now().toISOString();
  const { after, items } = changeItems(deps, change, at);
  const failures: FailureMessages = { 0: staleEvaluation(change.before) };
  for (const [idx, f] of Object.entries(change.extraFailures ?? {})) failures[Number(idx) + 2] = f;
  await transact(deps, [...items, ...(change.extra ?? [])], failures);
  return after;
}
