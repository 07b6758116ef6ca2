import type { Cycle } from '../domain/evaluation/cycle.js';
import type { Deps } from '../runtime/deps.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

/**
 * A cycle's gates: CYCLE_GATES copies of its status (`CYCLE#<id>` / `GATE#00`…`GATE#31`) beside
 * META. Every transaction that writes an evaluation's records checks that the gate of the NIP
 * it writes is DIBUKA (transact.ts). Why not META itself: in DynamoDB two concurrent
 * TransactWriteItems that include the same item conflict (TransactionConflict), a ConditionCheck
 * included, so checking META would queue every write of the city on one item. Every change of
 * the cycle's status writes META and all its gates in one transaction (cycle-status.ts), so they
 * never disagree; reads keep reading META.
 */
export const CYCLE_GATES = 32;

/** 0 … CYCLE_GATES - 1. */
export const ALL_GATES: readonly number[] = Array.from({ length: CYCLE_GATES }, (_, g) => g);

/**
 * The gate of a NIP: FNV-1a over its characters, then murmur3's finaliser. Stable across
 * processes and releases (no seed, no Node API), so one person's writes always meet the same
 * gate. The finaliser folds the high bits into the low 5 that a modulo of 32 keeps: in FNV-1a
 * alone those depend only on the low 5 bits of each character. Measured on 6,000 seeded-looking
 * NIPs: 158 to 222 per gate around a mean of 187.5 (test/data/cycle-gates.test.ts).
 */
export function gateOf(nip: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < nip.length; i++) h = Math.imul(h ^ nip.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) % CYCLE_GATES;
}

/** How a gate is named in messages: as its sort key. */
export const gateName = (gate: number) => keys.cycleGate('', gate).sk;

export function gateItem(cycleId: string, gate: number, status: Cycle['status']): Record<string, unknown> {
  return { ...keys.cycleGate(cycleId, gate), type: 'CYCLE_GATE', cycleId, gate, status };
}

/**
 * The cycle's gates written with `status`: all of them when a cycle is created or opened
 * (whatever a gate held, it takes META's new status), or only the `missing` ones, each only if
 * still absent, when an older cycle is completed.
 */
export function gatePuts(
  deps: Deps,
  cycleId: string,
  status: Cycle['status'],
  missing?: readonly number[],
): TransactItem[] {
  return (missing ?? ALL_GATES).map((g) => ({
    Put: {
      TableName: deps.tableName,
      Item: gateItem(cycleId, g, status),
      ...(missing ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
    },
  }));
}

/**
 * What an evaluation write carries: its gate is open. On failure the gate comes back with the
 * cancellation (ALL_OLD), so a closed gate is told from a missing one at no extra call.
 */
export function gateOpenCheck(deps: Deps, cycleId: string, gate: number): TransactItem {
  return {
    ConditionCheck: {
      TableName: deps.tableName,
      Key: keys.cycleGate(cycleId, gate),
      ConditionExpression: '#s = :open',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':open': 'DIBUKA' },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/** Closing: every gate flips from DIBUKA; a gate missing or not open cancels the whole close. */
export function gateCloses(deps: Deps, cycleId: string): TransactItem[] {
  return ALL_GATES.map((g) => ({
    Update: {
      TableName: deps.tableName,
      Key: keys.cycleGate(cycleId, g),
      UpdateExpression: 'SET #s = :closed',
      ConditionExpression: '#s = :open',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':open': 'DIBUKA', ':closed': 'DITUTUP' },
    },
  }));
}
