import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Employee, Opd, UnitKerja } from '../domain/employee.js';
import type { Deps } from '../runtime/deps.js';
import { fromItem } from './items.js';
import { indexKeys, keys } from './keys.js';
import { TABLE } from './table.js';

export function employeeItem(e: Employee): Record<string, unknown> {
  return { ...keys.employee(e.nip), type: 'EMPLOYEE', ...indexKeys.employee(e), ...e };
}

export async function getEmployee(deps: Deps, nip: string): Promise<Employee | undefined> {
  const out = await deps.ddb.send(new GetCommand({ TableName: deps.tableName, Key: keys.employee(nip) }));
  return out.Item ? fromItem<Employee>(out.Item) : undefined;
}

export async function getEmployees(deps: Deps, nips: string[]): Promise<Map<string, Employee>> {
  const found = new Map<string, Employee>();
  const unique = [...new Set(nips)];
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [deps.tableName]: { Keys: unique.slice(i, i + 100).map((n) => keys.employee(n)) },
    };
    while (request && Object.keys(request).length) {
      const out = await deps.ddb.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of out.Responses?.[deps.tableName] ?? []) {
        const e = fromItem<Employee>(item);
        found.set(e.nip, e);
      }
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

/** Active employees of one OPD (gsi2, sort key starts with the active flag). */
export async function listActiveByOpd(deps: Deps, opd: string): Promise<Employee[]> {
  const { name, partitionKey, sortKey } = TABLE.indexes.byGroup;
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await deps.ddb.send(
      new QueryCommand({
        TableName: deps.tableName,
        IndexName: name,
        KeyConditionExpression: `${partitionKey} = :pk AND begins_with(${sortKey}, :a)`,
        ExpressionAttributeValues: { ':pk': `OPD#${opd}`, ':a': 'AKTIF#' },
        ExclusiveStartKey,
      }),
    );
    items.push(...((out.Items ?? []) as Record<string, unknown>[]));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.map((i) => fromItem<Employee>(i));
}

/** The whole organisation chart: OPDs and their units (one small partition). */
export async function listOrg(deps: Deps): Promise<{ opd: Opd[]; units: UnitKerja[] }> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await deps.ddb.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': 'ORG', ':p': 'OPD#' },
        ExclusiveStartKey,
      }),
    );
    items.push(...((out.Items ?? []) as Record<string, unknown>[]));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return {
    opd: items.filter((i) => i.type === 'OPD').map((i) => fromItem<Opd>(i)),
    units: items.filter((i) => i.type === 'UNIT').map((i) => fromItem<UnitKerja>(i)),
  };
}

export async function listOpd(deps: Deps): Promise<Opd[]> {
  return (await listOrg(deps)).opd;
}
