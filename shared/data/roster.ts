/**
 * DynamoDB side of the roster import: reading the organisation and every employee (by OPD, on
 * gsi2: no Scan), and writing a plan. One person = their profile item (index keys included)
 * plus an append-only ROSTER log item, always in the same transaction, so nobody is
 * half-written; up to 50 people per TransactWriteItems (100 items, the service limit).
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { queryIndex } from './query.js';
import type { Employee } from '../domain/people/employee.js';
import type { PersonChange } from '../domain/people/roster/index.js';
import type { Deps } from '../runtime/deps.js';
import { fromItem } from './items.js';
import { indexKeys, keys } from './keys.js';
import { employeeItem } from './people.js';
import type { TransactItem } from './transact.js';
import { updateExpression } from './write.js';

export const MAX_TRANSACT_ITEMS = 100;
export const ITEMS_PER_PERSON = 2;
export const PEOPLE_PER_BATCH = MAX_TRANSACT_ITEMS / ITEMS_PER_PERSON;

export const rosterLogKey = (nip: string, importId: string) => ({
  pk: `EMP#${nip}`,
  sk: `ROSTER#${importId}`,
});

/** Every employee of the given OPDs, active or not (gsi2 `OPD#<kode>`, all sort keys). */
export async function loadEmployees(deps: Deps, opdCodes: string[]): Promise<Employee[]> {
  const pages = await Promise.all(opdCodes.map((opd) => queryIndex(deps, 'byGroup', `OPD#${opd}`)));
  return pages.flat().map((i) => fromItem<Employee>(i));
}

export interface RosterImportMeta {
  importId: string;
  at: string;
  actor: string;
  file: { name: string; sha256: string };
}

/**
 * BARU: Put on condition that the NIP is new. UBAH/NONAKTIF: Update of the changed fields and
 * the index keys only (fields the roster does not own, e.g. admin, stay), on condition that each
 * changed field still holds the value the dry run saw: a plan never overwrites a newer edit.
 */
function profileWrite(deps: Deps, c: PersonChange): TransactItem {
  if (c.kind === 'BARU')
    return {
      Put: {
        TableName: deps.tableName,
        Item: employeeItem(c.after),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  const index = indexKeys.employee(c.after);
  const update = updateExpression({
    ...Object.fromEntries(c.changes.map((ch) => [ch.field, ch.to])),
    ...index,
    // Without an atasan the employee leaves the atasan's index.
    ...(index.gsi1pk ? {} : { gsi1pk: undefined, gsi1sk: undefined }),
  });
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const conditions = ['attribute_exists(pk)'];
  c.changes.forEach((ch, i) => {
    names[`#o${i}`] = ch.field;
    if (ch.from === undefined) conditions.push(`attribute_not_exists(#o${i})`);
    else {
      values[`:o${i}`] = ch.from;
      conditions.push(`#o${i} = :o${i}`);
    }
  });
  return {
    Update: {
      TableName: deps.tableName,
      Key: keys.employee(c.nip),
      UpdateExpression: update.UpdateExpression,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: { ...update.ExpressionAttributeNames, ...names },
      ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ...values },
    },
  };
}

/** The person's import record: append-only (never overwritten), in their own item collection. */
function logPut(deps: Deps, c: PersonChange, meta: RosterImportMeta): TransactItem {
  return {
    Put: {
      TableName: deps.tableName,
      Item: {
        ...rosterLogKey(c.nip, meta.importId),
        type: 'ROSTER_LOG',
        importId: meta.importId,
        at: meta.at,
        actor: meta.actor,
        file: meta.file,
        action: c.kind,
        ...(c.row !== undefined ? { row: c.row } : {}),
        changes: c.changes,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export interface FailedBatch {
  batch: number;
  nips: string[];
  rows: number[];
  reason: string;
  /** The people whose condition failed, when DynamoDB says which. */
  people: { nip: string; message: string }[];
}

export interface BatchOutcome {
  written: number;
  failed?: FailedBatch;
}

const conflictMessage = (c: PersonChange) =>
  c.kind === 'BARU'
    ? `NIP ${c.nip} sudah terdaftar (ditambahkan setelah uji coba)`
    : `Data ${c.nip} berubah setelah uji coba; ulangi uji coba`;

/**
 * One transaction. A TransactionConflict (someone else writing the same item right now) is
 * retried; the ClientRequestToken makes the SDK's own retries of a timed-out call idempotent.
 */
export async function writeBatch(
  deps: Deps,
  batch: number,
  people: PersonChange[],
  meta: RosterImportMeta,
): Promise<BatchOutcome> {
  const items = people.flatMap((c) => [profileWrite(deps, c), logPut(deps, c, meta)]);
  const base = { batch, nips: people.map((p) => p.nip), rows: people.flatMap((p) => (p.row ? [p.row] : [])) };
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.ddb.send(
        new TransactWriteCommand({
          TransactItems: items,
          ClientRequestToken: `${meta.importId}-${batch}-${attempt}`,
        }),
      );
      return { written: items.length };
    } catch (err) {
      const e = err as { name?: string; message?: string; CancellationReasons?: { Code?: string }[] };
      const reasons = e.CancellationReasons ?? [];
      if (
        e.name === 'TransactionCanceledException' &&
        reasons.some((r) => r.Code === 'TransactionConflict') &&
        attempt < 4
      ) {
        await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        continue;
      }
      const failedPeople = reasons.flatMap((r, i) =>
        r.Code === 'ConditionalCheckFailed' && i % ITEMS_PER_PERSON === 0
          ? [
              {
                nip: people[i / ITEMS_PER_PERSON]!.nip,
                message: conflictMessage(people[i / ITEMS_PER_PERSON]!),
              },
            ]
          : [],
      );
      const reason = failedPeople.length
        ? `Batch dibatalkan: ${failedPeople.map((p) => p.message).join('; ')}`
        : `Batch gagal ditulis: ${e.name ?? 'Error'} ${e.message ?? ''}`.trim();
      return { written: 0, failed: { ...base, reason, people: failedPeople } };
    }
  }
}
