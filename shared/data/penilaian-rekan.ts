import type { Evaluation } from '../domain/evaluation/evaluation.js';
import type { PenilaianRekan } from '../domain/evaluation/penilaian-model.js';
import { konflik } from '../domain/errors.js';
import type { Deps } from '../runtime/deps.js';
import { rememberCycle } from './cycles.js';
import { fromItem } from './items.js';
import { indexKeys, keys } from './keys.js';
import { batchGetAll, getItem, queryIndex, queryPrefix } from './query.js';
import type { TransactItem } from './transact.js';
import { versionedUpdate } from './write.js';

/**
 * Peer reviews (penilaian rekan). Each sits in the evaluated employee's partition beside the
 * evaluation, and is indexed under the peer so that "my tasks" finds it. The evaluation's own
 * reads (getSheet, getWithHistory) skip these items: the employee never sees who reviewed.
 */
export function penilaianRekanItem(r: PenilaianRekan): Record<string, unknown> {
  return {
    ...keys.penilaianRekan(r.cycleId, r.nip, r.rekanNip),
    type: 'PENILAIAN_REKAN',
    ...indexKeys.penilaianRekan(r),
    ...r,
  };
}

/** Creates the review unless it exists (a resumed workflow asks again). */
export function penilaianRekanCreate(deps: Deps, r: PenilaianRekan): TransactItem {
  return {
    Put: {
      TableName: deps.tableName,
      Item: penilaianRekanItem(r),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** A versioned change of one review: refused (409) when someone else changed it first. */
export function penilaianRekanUpdate(
  deps: Deps,
  before: PenilaianRekan,
  patch: Partial<PenilaianRekan>,
  remove: (keyof PenilaianRekan)[] = [],
): { after: PenilaianRekan; item: TransactItem } {
  const after: PenilaianRekan = { ...before, ...patch, version: before.version + 1 };
  for (const k of remove) delete after[k];
  return {
    after,
    item: versionedUpdate(
      deps,
      keys.penilaianRekan(before.cycleId, before.nip, before.rekanNip),
      before.version,
      { ...patch, version: after.version },
      remove,
    ),
  };
}

export const stalePenilaianRekan = () =>
  konflik('Penilaian rekan ini sudah berubah sejak Anda membukanya. Muat ulang halaman lalu coba lagi.');

export async function getPenilaianRekan(
  deps: Deps,
  cycleId: string,
  nip: string,
  rekanNip: string,
): Promise<PenilaianRekan | undefined> {
  return getItem<PenilaianRekan>(deps, keys.penilaianRekan(cycleId, nip, rekanNip));
}

/** Every peer review of one evaluation (for the atasan, the predikat step and the aggregate). */
export async function listPenilaianRekan(
  deps: Deps,
  cycleId: string,
  nip: string,
): Promise<PenilaianRekan[]> {
  const items = await queryPrefix(deps, keys.employee(nip).pk, keys.rekanPrefix(cycleId));
  return items.map((i) => fromItem<PenilaianRekan>(i));
}

/** The reviews asked of one peer, newest cycle first. */
export async function listTugasRekan(deps: Deps, rekanNip: string): Promise<PenilaianRekan[]> {
  const items = await queryIndex(deps, 'byParent', `REKAN#${rekanNip}`, { newestFirst: true });
  return items.map((i) => fromItem<PenilaianRekan>(i));
}

/**
 * The evaluation, one peer's review of it and whether its cycle is open, in one BatchGet: what a
 * peer's action and page need (a closed cycle's review waits for nobody).
 */
export async function getEvaluasiDanRekan(
  deps: Deps,
  cycleId: string,
  nip: string,
  rekanNip: string,
): Promise<{ evaluation?: Evaluation; rekan?: PenilaianRekan; cycleOpen: boolean }> {
  const items = await batchGetAll(deps, [
    keys.evaluation(cycleId, nip),
    keys.penilaianRekan(cycleId, nip, rekanNip),
    keys.cycle(cycleId),
  ]);
  const out: { evaluation?: Evaluation; rekan?: PenilaianRekan; cycleOpen: boolean } = { cycleOpen: false };
  for (const item of items) {
    if (item.type === 'EVALUATION') out.evaluation = fromItem<Evaluation>(item);
    else if (item.type === 'PENILAIAN_REKAN') out.rekan = fromItem<PenilaianRekan>(item);
    else if (item.type === 'CYCLE') out.cycleOpen = item.status === 'DIBUKA';
  }
  rememberCycle(deps, cycleId, out.cycleOpen);
  return out;
}
