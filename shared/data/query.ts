import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.js';

type Item = Record<string, unknown>;

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

/** Items by key, 100 keys per BatchGet, retrying what DynamoDB leaves unprocessed. */
export async function batchGetAll(deps: Deps, keys: Item[]): Promise<Item[]> {
  const items: Item[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let request: Record<string, { Keys: Item[] }> | undefined = {
      [deps.tableName]: { Keys: keys.slice(i, i + 100) },
    };
    while (request && Object.keys(request).length) {
      const out = await deps.ddb.send(new BatchGetCommand({ RequestItems: request }));
      items.push(...((out.Responses?.[deps.tableName] ?? []) as Item[]));
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return items;
}
