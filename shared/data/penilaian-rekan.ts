import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Evaluation } from '../domain/evaluation/evaluation.js';
import type { PenilaianRekan } from '../domain/evaluation/penilaian-model.js';
import { konflik } from '../domain/errors.js';
import type { Deps } from '../runtime/deps.js';
import { fromItem } from './items.js';
import { indexKeys, keys } from './keys.js';
import { batchGetAll, queryAll } from './query.js';
import { TABLE } from './table.js';
import type { TransactItem } from './transact.js';

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
  const names: Record<string, string> = { '#v': 'version' };
  const values: Record<string, unknown> = { ':expected': before.version, ':next': after.version };
  const sets = ['#v = :next'];
  let i = 0;
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'version' || v === undefined) continue;
    names[`#a${i}`] = k;
    values[`:a${i}`] = v;
    sets.push(`#a${i} = :a${i}`);
    i++;
  }
  const removes = remove.map((k) => {
    names[`#a${i}`] = k;
    return `#a${i++}`;
  });
  return {
    after,
    item: {
      Update: {
        TableName: deps.tableName,
        Key: keys.penilaianRekan(before.cycleId, before.nip, before.rekanNip),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: '#v = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
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
  const out = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: keys.penilaianRekan(cycleId, nip, rekanNip) }),
  );
  return out.Item ? fromItem<PenilaianRekan>(out.Item) : undefined;
}

/** Every peer review of one evaluation (for the atasan, the predikat step and the aggregate). */
export async function listPenilaianRekan(
  deps: Deps,
  cycleId: string,
  nip: string,
): Promise<PenilaianRekan[]> {
  const items = await queryAll(deps, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.employee(nip).pk, ':prefix': keys.rekanPrefix(cycleId) },
  });
  return items.map((i) => fromItem<PenilaianRekan>(i));
}

/** The reviews asked of one peer, newest cycle first. */
export async function listTugasRekan(deps: Deps, rekanNip: string): Promise<PenilaianRekan[]> {
  const { name, partitionKey } = TABLE.indexes.byParent;
  const items = await queryAll(deps, {
    IndexName: name,
    KeyConditionExpression: `${partitionKey} = :pk`,
    ExpressionAttributeValues: { ':pk': `REKAN#${rekanNip}` },
    ScanIndexForward: false,
  });
  return items.map((i) => fromItem<PenilaianRekan>(i));
}

/** The evaluation and one peer's review of it in one BatchGet: what a peer's action needs. */
export async function getEvaluasiDanRekan(
  deps: Deps,
  cycleId: string,
  nip: string,
  rekanNip: string,
): Promise<{ evaluation?: Evaluation; rekan?: PenilaianRekan }> {
  const items = await batchGetAll(deps, [
    keys.evaluation(cycleId, nip),
    keys.penilaianRekan(cycleId, nip, rekanNip),
  ]);
  const out: { evaluation?: Evaluation; rekan?: PenilaianRekan } = {};
  for (const item of items) {
    if (item.type === 'EVALUATION') out.evaluation = fromItem<Evaluation>(item);
    else if (item.type === 'PENILAIAN_REKAN') out.rekan = fromItem<PenilaianRekan>(item);
  }
  return out;
}
