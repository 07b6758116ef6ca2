import { batchGetAll, getItem, queryIndex, queryPrefix } from './query.js';
import type { Employee, Opd, UnitKerja } from '../domain/people/employee.js';
import type { Deps } from '../runtime/deps.js';
import { fromItem } from './items.js';
import { indexKeys, keys } from './keys.js';
import type { TransactItem } from './transact.js';

export function employeeItem(e: Employee): Record<string, unknown> {
  return { ...keys.employee(e.nip), type: 'EMPLOYEE', ...indexKeys.employee(e), ...e };
}

/**
 * The profile replaced by `after`, only if it still has the OPD, unit, atasan and active flag
 * read in `before`: a roster import or another transfer in between is not overwritten.
 */
export function employeeReplace(
  deps: Deps,
  before: Employee,
  after: Employee & { diubahPada: string; diubahOleh: string },
): TransactItem {
  const atasan = before.atasanNip ? '#atasan = :atasan' : 'attribute_not_exists(#atasan)';
  return {
    Put: {
      TableName: deps.tableName,
      Item: employeeItem(after),
      ConditionExpression: `attribute_exists(pk) AND #opd = :opd AND #unit = :unit AND ${atasan} AND #aktif = :aktif`,
      ExpressionAttributeNames: { '#opd': 'opd', '#unit': 'unit', '#atasan': 'atasanNip', '#aktif': 'aktif' },
      ExpressionAttributeValues: {
        ':opd': before.opd,
        ':unit': before.unit,
        ':aktif': before.aktif,
        ...(before.atasanNip ? { ':atasan': before.atasanNip } : {}),
      },
    },
  };
}

export function getEmployee(deps: Deps, nip: string): Promise<Employee | undefined> {
  return getItem<Employee>(deps, keys.employee(nip));
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
  const items = await queryIndex(deps, 'byGroup', `OPD#${opd}`, { prefix: 'AKTIF#' });
  return items.map((i) => fromItem<Employee>(i));
}

/** The whole organisation chart: OPDs and their units (one small partition). */
export async function listOrg(deps: Deps): Promise<{ opd: Opd[]; units: UnitKerja[] }> {
  const items = await queryPrefix(deps, keys.org().pk, 'OPD#');
  return {
    opd: items.filter((i) => i.type === 'OPD').map((i) => fromItem<Opd>(i)),
    units: items.filter((i) => i.type === 'UNIT').map((i) => fromItem<UnitKerja>(i)),
  };
}

export async function listOpd(deps: Deps): Promise<Opd[]> {
  return (await listOrg(deps)).opd;
}
