import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll, queryAll } from './query.js';
import type { Employee, Opd, UnitKerja } from '../domain/people/employee.js';
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
  const items = await batchGetAll(
    deps,
    [...new Set(nips)].map((n) => keys.employee(n)),
  );
  return new Map(items.map((item) => fromItem<Employee>(item)).map((e) => [e.nip, e]));
}

/** Active employees of one OPD (gsi2, sort key starts with the active flag). */
export async function listActiveByOpd(deps: Deps, opd: string): Promise<Employee[]> {
  const { name, partitionKey, sortKey } = TABLE.indexes.byGroup;
  const items = await queryAll(deps, {
    IndexName: name,
    KeyConditionExpression: `${partitionKey} = :pk AND begins_with(${sortKey}, :a)`,
    ExpressionAttributeValues: { ':pk': `OPD#${opd}`, ':a': 'AKTIF#' },
  });
  return items.map((i) => fromItem<Employee>(i));
}

/** The whole organisation chart: OPDs and their units (one small partition). */
export async function listOrg(deps: Deps): Promise<{ opd: Opd[]; units: UnitKerja[] }> {
  const items = await queryAll(deps, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': 'ORG', ':p': 'OPD#' },
  });
  return {
    opd: items.filter((i) => i.type === 'OPD').map((i) => fromItem<Opd>(i)),
    units: items.filter((i) => i.type === 'UNIT').map((i) => fromItem<UnitKerja>(i)),
  };
}

export async function listOpd(deps: Deps): Promise<Opd[]> {
  return (await listOrg(deps)).opd;
}
