import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { DomainError, konflik } from '../domain/errors.js';
import { SIKLUS_DITUTUP } from '../domain/evaluation/actions.js';
import type { Deps } from '../runtime/deps.js';
import { rememberCycle } from './cycles.js';
import { gateName, gateOf, gateOpenCheck } from './gates.js';
import { keys } from './keys.js';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** What to say when the condition of item i failed; items without one get the generic conflict. */
export type FailureMessages = Record<number, () => DomainError>;

/** DynamoDB's limit on the items of one TransactWriteItems. */
export const MAX_TRANSACTION_ITEMS = 100;

/** A change met a closed cycle: the same words as the pages and the guards (actions.ts). */
export const cycleClosedError = (cycleId: string) =>
  konflik(SIKLUS_DITUTUP, { cycleId, cycleStatus: 'DITUTUP' });

/** A refusal because the evaluation's cycle is closed: permanent, unlike a stale version. */
export const isCycleClosed = (err: unknown): boolean =>
  err instanceof DomainError && err.details.cycleStatus === 'DITUTUP';

/**
 * The records of one evaluation that a closed cycle freezes: the evaluation itself (META), its
 * target rows (ROW#) and its peers' reviews (REKAN#), all in the evaluated employee's partition
 * (`EMP#<nip>`). Its audit entries (LOG#) are not among them: the trail is append-only, and a
 * development plan that outlived its evaluation logs its later changes there.
 */
const FROZEN = /^EVAL#(.+)#(?:META$|ROW#|REKAN#)/;
const EMPLOYEE = /^EMP#(.+)$/;

function writtenKey(item: TransactItem): { pk?: unknown; sk?: unknown } | undefined {
  if (item.Put) return item.Put.Item as { pk?: unknown; sk?: unknown };
  return item.Update?.Key ?? item.Delete?.Key;
}

/** One gate of one cycle that a transaction must find open. */
interface GateToCheck {
  cycleId: string;
  gate: number;
}

/**
 * The gates this transaction's evaluation records need: one per cycle and gate, however many
 * of its evaluations share it (a launch batch writes 34 evaluations and meets about a dozen).
 */
function gatesWritten(items: TransactItem[]): GateToCheck[] {
  const gates = new Map<string, GateToCheck>();
  for (const item of items) {
    const { pk, sk } = writtenKey(item) ?? {};
    const m = typeof sk === 'string' ? FROZEN.exec(sk) : null;
    if (!m) continue;
    const nip = typeof pk === 'string' ? EMPLOYEE.exec(pk)?.[1] : undefined;
    if (!nip) throw new Error(`An evaluation record outside an employee's partition: ${String(pk)} ${sk}`);
    const cycleId = m[1]!;
    const gate = gateOf(nip);
    gates.set(`${cycleId}#${gate}`, { cycleId, gate });
  }
  return [...gates.values()];
}

const sameKey = (item: TransactItem, key: { pk: string; sk: string }) => {
  const k = item.ConditionCheck?.Key ?? item.Update?.Key ?? item.Delete?.Key ?? item.Put?.Item;
  return k?.pk === key.pk && k?.sk === key.sk;
};

/**
 * The one place that makes "closed means closed" hold: every transaction that writes a record
 * of an evaluation gets a check that its cycle is open, so no writer (a person's change, a
 * workflow step, a launch, a transfer) can forget it. The check goes to the gate of the
 * evaluation's NIP, not to the cycle's META (gates.ts says why). Appended after the caller's
 * items, so their failure messages keep their indexes. A transaction that already names the
 * gate keeps its own condition on it: one item, one action.
 */
function withCycleChecks(deps: Deps, items: TransactItem[]) {
  const checks = gatesWritten(items)
    .filter((c) => !items.some((i) => sameKey(i, keys.cycleGate(c.cycleId, c.gate))))
    .map((c) => ({ ...c, item: gateOpenCheck(deps, c.cycleId, c.gate) }));
  if (items.length + checks.length > MAX_TRANSACTION_ITEMS) {
    throw new Error(
      `Transaction of ${items.length} items plus ${checks.length} cycle gate check(s) exceeds ${MAX_TRANSACTION_ITEMS}`,
    );
  }
  return { all: [...items, ...checks.map((c) => c.item)], checks };
}

/**
 * A gate that is not there (a cycle stored before gates existed, not yet completed): fail
 * closed, write nothing, and say so rather than call the cycle closed. Not `isCycleClosed`: a
 * workflow step retries and then fails visibly instead of ending as if BKPSDM had closed it.
 */
export const gateMissing = (cycleId: string, gate: number) =>
  konflik(
    `Data siklus ${cycleId} belum lengkap (gerbang ${gateName(gate)} tidak ada), jadi perubahan ditolak dan tidak ada yang disimpan. Hubungi pengelola sistem.`,
    { cycleId, gate, gerbangTidakAda: true },
  );

/** The status a failed gate check found, from the cancellation's ALL_OLD copy of the gate. */
function statusFound(reason: { Item?: Record<string, unknown> } | undefined): string | undefined {
  const status = reason?.Item?.status as { S?: string } | string | undefined;
  return typeof status === 'string' ? status : status?.S;
}

/**
 * A conflict with a concurrent transaction wrote nothing: trying again this often is safe. Still
 * needed with gates: writers whose NIPs share a gate (1 in 32 pairs) can still meet, a launch
 * transaction names a dozen gates, and opening or closing a cycle names all of them, so at a
 * deadline the close itself is the likeliest to meet a write in flight.
 */
const CONFLICT_ATTEMPTS = 3;
const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 25 * 2 ** attempt));

/**
 * Writes all items or none. A failed condition becomes a 409/422 the user can act on,
 * not a 500. A closed cycle is said first: whatever else failed, that is why nothing can change.
 * A cancellation only for a concurrent transaction (one that named an item of this one, a gate
 * included) is tried again a few times before it becomes a 409.
 */
export async function transact(
  deps: Deps,
  items: TransactItem[],
  failures: FailureMessages = {},
): Promise<void> {
  const { all, checks } = withCycleChecks(deps, items);
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.ddb.send(new TransactWriteCommand({ TransactItems: all }));
      // Proven open just now: reads in this container need not ask for a while.
      for (const id of new Set(checks.map((c) => c.cycleId))) rememberCycle(deps, id, true);
      return;
    } catch (err) {
      const e = err as { name?: string; CancellationReasons?: { Code?: string }[] };
      if (e.name !== 'TransactionCanceledException') throw err;
      const reasons = e.CancellationReasons ?? [];
      const failedCheck = checks.findIndex(
        (_, i) => reasons[items.length + i]?.Code === 'ConditionalCheckFailed',
      );
      if (failedCheck >= 0) {
        const { cycleId, gate } = checks[failedCheck]!;
        const found = statusFound(reasons[items.length + failedCheck] as { Item?: Record<string, unknown> });
        if (found === undefined) throw gateMissing(cycleId, gate);
        // Closed for good; a cycle not yet launched (DISIAPKAN) is refused too but may open.
        if (found === 'DITUTUP') rememberCycle(deps, cycleId, false);
        throw cycleClosedError(cycleId);
      }
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failed >= 0) {
        const message = failures[failed];
        throw message ? message() : konflik('Data sudah diubah oleh proses lain. Muat ulang lalu coba lagi.');
      }
      if (reasons.some((r) => r.Code === 'TransactionConflict')) {
        if (attempt < CONFLICT_ATTEMPTS) {
          await pause(attempt);
          continue;
        }
        throw konflik('Data sedang diubah bersamaan oleh proses lain. Coba lagi.');
      }
      throw err;
    }
  }
}
