import type { TargetRow } from '../domain/evaluation/skp.js';
import { validasi, konflik } from '../domain/errors.js';
import type { Deps } from '../runtime/deps.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';
import { updateExpression } from './write.js';

export function rowPut(
  deps: Deps,
  cycleId: string,
  nip: string,
  row: TargetRow,
  urutan: number,
  isNew: boolean,
): TransactItem {
  return {
    Put: {
      TableName: deps.tableName,
      Item: { ...keys.targetRow(cycleId, nip, row.id), type: 'TARGET_ROW', cycleId, nip, urutan, ...row },
      ConditionExpression: isNew ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)',
    },
  };
}

/**
 * Changes a row's own fields only: `linkCount` belongs to subordinates' transactions and must
 * never be written back from a stale read.
 */
export function rowUpdate(deps: Deps, cycleId: string, nip: string, row: TargetRow): TransactItem {
  const { id: _id, linkCount: _links, intervensi, ...fields } = row;
  return {
    Update: {
      TableName: deps.tableName,
      Key: keys.targetRow(cycleId, nip, row.id),
      // A row without a cascade link drops the one it had.
      ...updateExpression({ ...fields, intervensi: intervensi || undefined }),
      ConditionExpression: 'attribute_exists(pk)',
    },
  };
}

/** Drops a row's cascade link (its target's counter is decremented in the same transaction). */
export function unlinkRow(deps: Deps, cycleId: string, nip: string, rowId: string): TransactItem {
  return {
    Update: {
      TableName: deps.tableName,
      Key: keys.targetRow(cycleId, nip, rowId),
      UpdateExpression: 'REMOVE intervensi',
      ConditionExpression: 'attribute_exists(pk)',
    },
  };
}

/** A row that subordinates link to is kept, so that no cascade points at nothing. */
export function rowDelete(deps: Deps, cycleId: string, nip: string, rowId: string): TransactItem {
  return {
    Delete: {
      TableName: deps.tableName,
      Key: keys.targetRow(cycleId, nip, rowId),
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(linkCount) OR linkCount = :zero)',
      ExpressionAttributeValues: { ':zero': 0 },
    },
  };
}

/** Counts the links to a supervisor's row; the condition is also the proof that the row exists. */
export function linkCountAdd(
  deps: Deps,
  cycleId: string,
  atasanNip: string,
  rowId: string,
  delta: 1 | -1,
): TransactItem {
  return {
    Update: {
      TableName: deps.tableName,
      Key: keys.targetRow(cycleId, atasanNip, rowId),
      UpdateExpression: 'ADD linkCount :d',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':d': delta },
    },
  };
}

export const rowFailures = {
  linkGone: () =>
    validasi('RHK atasan yang dipilih sudah tidak ada', [
      { path: 'intervensiRowId', message: 'RHK atasan tersebut telah dihapus; pilih RHK lain' },
    ]),
  stillLinked: () => konflik('RHK ini sedang diintervensi oleh RHK bawahan sehingga tidak dapat dihapus'),
  rowGone: () => konflik('Baris hasil kerja ini sudah tidak ada. Muat ulang halaman.'),
};
