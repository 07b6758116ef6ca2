import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { chunks } from '../runtime/batches.js';
import type { Deps } from '../runtime/deps.js';
import { fromItem } from './items.js';
import { TABLE } from './table.js';

type Item = Record<string, unknown>;
type Key = { pk: string; sk: string };

/** One item by key, without the table's layout attributes; undefined when there is none. */
export async function getItem<T>(deps: Deps, key: Key): Promise<T | undefined> {
  const out = await deps.ddb.send(new GetCommand({ TableName: deps.tableName, Key: key }));
  return out.Item ? fromItem<T>(out.Item) : undefined;
}

/** Every page of a Query on the table (or one of its indexes). */
export async function queryAll(deps: Deps, input: Omit<QueryCommand['input'], 'TableName'>): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const out = await deps.ddb.send(
      new QueryCommand({ ...input, TableName: deps.tableName, ExclusiveStartKey }),
    );
    items.push(...((out.Items ?? []) as Item[]));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** The items of one partition whose sort key starts with `prefix`; all of them without one. */
export function queryPrefix(deps: Deps, pk: string, prefix = ''): Promise<Item[]> {
  // DynamoDB refuses an empty string as a key condition's value.
  return queryAll(
    deps,
    prefix
      ? {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
        }
      : { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } },
  );
}

/** The items of one partition with sort keys from `from` to `to`, both included. */
export function queryBetween(
  deps: Deps,
  pk: string,
  from: string,
  to: string,
  order: { newestFirst?: boolean } = {},
): Promise<Item[]> {
  return queryAll(deps, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
    ...(order.newestFirst ? { ScanIndexForward: false } : {}),
  });
}

export type IndexName = keyof typeof TABLE.indexes;

export interface IndexQuery {
  /** Only sort keys that start with this. */
  prefix?: string;
  /** Descending sort key order (newest cycle first). */
  newestFirst?: boolean;
  /** Sort keys from `from` to `to`, both included (instead of a prefix). */
  between?: [from: string, to: string];
}

function indexInput(index: IndexName, pk: string, q: IndexQuery) {
  const { name, partitionKey, sortKey } = TABLE.indexes[index];
  const range = q.between
    ? ` AND ${sortKey} BETWEEN :from AND :to`
    : q.prefix
      ? ` AND begins_with(${sortKey}, :prefix)`
      : '';
  return {
    IndexName: name,
    KeyConditionExpression: `${partitionKey} = :pk${range}`,
    ExpressionAttributeValues: {
      ':pk': pk,
      ...(q.between
        ? { ':from': q.between[0], ':to': q.between[1] }
        : q.prefix
          ? { ':prefix': q.prefix }
          : {}),
    },
    ...(q.newestFirst ? { ScanIndexForward: false } : {}),
  };
}

/** The items under one partition key of an index (see TABLE.indexes for what each groups). */
export function queryIndex(deps: Deps, index: IndexName, pk: string, q: IndexQuery = {}): Promise<Item[]> {
  return queryAll(deps, indexInput(index, pk, q));
}

/** Only the index's sort keys: enough to count or list, without reading whole items. */
export async function queryIndexSortKeys(
  deps: Deps,
  index: IndexName,
  pk: string,
  q: IndexQuery = {},
): Promise<string[]> {
  const { sortKey } = TABLE.indexes[index];
  const items = await queryAll(deps, { ...indexInput(index, pk, q), ProjectionExpression: sortKey });
  return items.map((i) => String(i[sortKey]));
}

/** Items by key, 100 keys per BatchGet, retrying what DynamoDB leaves unprocessed. */
export async function batchGetAll(deps: Deps, keys: Item[]): Promise<Item[]> {
  const items: Item[] = [];
  for (const run of chunks(keys, 100)) {
    let request: Record<string, { Keys: Item[] }> | undefined = { [deps.tableName]: { Keys: run } };
    while (request && Object.keys(request).length) {
      const out = await deps.ddb.send(new BatchGetCommand({ RequestItems: request }));
      items.push(...((out.Responses?.[deps.tableName] ?? []) as Item[]));
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return items;
}
