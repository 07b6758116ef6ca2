import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.js';
import type { TransactItem } from './transact.js';

/** DynamoDB refused a single write because its condition did not hold. */
export const conditionFailed = (err: unknown): boolean =>
  (err as { name?: string }).name === 'ConditionalCheckFailedException';

/**
 * One Put on its own, outside a transaction (built like any transaction item). False when its
 * condition refused it, e.g. "only if not there yet": whether that matters is the caller's call.
 */
export async function putItem(deps: Deps, item: TransactItem): Promise<boolean> {
  if (!item.Put) throw new Error('putItem writes Put items only');
  try {
    await deps.ddb.send(new PutCommand(item.Put));
    return true;
  } catch (err) {
    if (conditionFailed(err)) return false;
    throw err;
  }
}

/**
 * The condition of a whole-item Put under optimistic locking: without an expected version the
 * item must be new, with one it must still hold the version that was read.
 */
export function versionCondition(expected: number | undefined) {
  return expected === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: '#v = :expected',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':expected': expected },
      };
}

/**
 * SET of the attributes given a value, REMOVE of those given `undefined`. Every name goes
 * through a placeholder (`#a0`, `:a0`, ...), so reserved words (status, nama, ...) need no care.
 */
export function updateExpression(attributes: Record<string, unknown>) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  Object.entries(attributes).forEach(([k, v], i) => {
    names[`#a${i}`] = k;
    if (v === undefined) removes.push(`#a${i}`);
    else {
      sets.push(`#a${i} = :a${i}`);
      values[`:a${i}`] = v;
    }
  });
  const clauses = [
    ...(sets.length ? [`SET ${sets.join(', ')}`] : []),
    ...(removes.length ? [`REMOVE ${removes.join(', ')}`] : []),
  ];
  return {
    UpdateExpression: clauses.join(' '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/**
 * An Update that holds only if the item still has the version that was read: `set` as in
 * updateExpression, and `remove` dropped as well.
 */
export function versionedUpdate(
  deps: Deps,
  key: { pk: string; sk: string },
  expected: number,
  set: Record<string, unknown>,
  remove: readonly string[] = [],
): TransactItem {
  const removed = Object.fromEntries(remove.map((k) => [k, undefined]));
  const update = updateExpression({ ...set, ...removed });
  return {
    Update: {
      TableName: deps.tableName,
      Key: key,
      UpdateExpression: update.UpdateExpression,
      ConditionExpression: '#v = :expected',
      ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#v': 'version' },
      ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':expected': expected },
    },
  };
}
