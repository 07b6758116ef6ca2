import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Cycle } from '../domain/cycle.js';
import type { Deps } from '../runtime/deps.js';
import { fromItem } from './items.js';
import { indexKeys, keys } from './keys.js';
import { TABLE } from './table.js';

export function cycleItem(c: Cycle): Record<string, unknown> {
  return { ...keys.cycle(c.id), type: 'CYCLE', ...indexKeys.cycle(c), ...c };
}

export async function getCycle(deps: Deps, id: string): Promise<Cycle | undefined> {
  const out = await deps.ddb.send(new GetCommand({ TableName: deps.tableName, Key: keys.cycle(id) }));
  return out.Item ? fromItem<Cycle>(out.Item) : undefined;
}

export async function listCycles(deps: Deps): Promise<Cycle[]> {
  const { name, partitionKey } = TABLE.indexes.byParent;
  const out = await deps.ddb.send(
    new QueryCommand({
      TableName: deps.tableName,
      IndexName: name,
      KeyConditionExpression: `${partitionKey} = :pk`,
      ExpressionAttributeValues: { ':pk': 'CYCLES' },
      ScanIndexForward: false,
    }),
  );
  return (out.Items ?? []).map((i) => fromItem<Cycle>(i));
}
