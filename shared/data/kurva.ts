import type { Cycle } from '../domain/evaluation/cycle.js';
import type { KurvaOrganisasi } from '../domain/evaluation/penutupan-siklus.js';
import { konflik } from '../domain/errors.js';
import type { Deps } from '../runtime/deps.js';
import { fromItem } from './items.js';
import { keys } from './keys.js';
import { batchGetAll, queryBetween } from './query.js';
import type { FailureMessages, TransactItem } from './transact.js';
import { versionCondition } from './write.js';

/**
 * Cycle-level records beside the cycle's META item: each agency's organisational predikat
 * (KURVA#<opd>) and an append-only log of cycle changes (LOG#<time>#<id>). One Query on the
 * cycle's partition reads them all.
 */

export type CycleLogAction = 'KURVA_DITETAPKAN' | 'SIKLUS_DITUTUP';

export interface CycleLogEntry {
  cycleId: string;
  at: string;
  actor: { nip: string; nama: string };
  action: CycleLogAction;
  detail: Record<string, unknown>;
}

export function kurvaItem(k: KurvaOrganisasi): Record<string, unknown> {
  return { ...keys.kurva(k.cycleId, k.opd), type: 'KURVA', ...k };
}

/** Create (expected version 0) or replace the version that was read: a concurrent edit gets 409. */
export function kurvaPut(deps: Deps, k: KurvaOrganisasi, expectedVersion: number): TransactItem {
  return {
    Put: {
      TableName: deps.tableName,
      Item: kurvaItem(k),
      ...versionCondition(expectedVersion === 0 ? undefined : expectedVersion),
    },
  };
}

export function cycleLogPut(deps: Deps, entry: CycleLogEntry): TransactItem {
  return {
    Put: {
      TableName: deps.tableName,
      Item: {
        ...keys.cycleLog(entry.cycleId, entry.at, deps.newId().slice(0, 8)),
        type: 'CYCLE_LOG',
        ...entry,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * Writes to a cycle's records only until it is closed: a close in between makes them fail. On
 * META, not a gate: setting an agency's predikat is rare, and the close flips META too.
 */
export function cycleOpenCheck(deps: Deps, cycleId: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: deps.tableName,
      Key: keys.cycle(cycleId),
      ConditionExpression: 'attribute_exists(pk) AND #s <> :closed',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':closed': 'DITUTUP' },
    },
  };
}

export const cycleClosed = (cycleId: string) => () =>
  konflik(`Siklus ${cycleId} sudah ditutup atau sedang ditutup; muat ulang halaman`, { status: 'DITUTUP' });

export const staleKurva = () =>
  konflik(
    'Predikat organisasi ini sudah diubah orang lain sejak Anda membukanya. Muat ulang lalu coba lagi.',
  );

export const kurvaFailures = (cycleId: string): FailureMessages => ({
  0: cycleClosed(cycleId),
  1: staleKurva,
});

/**
 * The cycle with its agencies' predikat and its log, in one Query of the cycle's partition
 * (KURVA#… < LOG#… < META).
 */
export async function getCycleRecords(
  deps: Deps,
  cycleId: string,
): Promise<{ cycle?: Cycle; kurva: KurvaOrganisasi[]; log: CycleLogEntry[] }> {
  const items = await queryBetween(deps, keys.cycle(cycleId).pk, 'KURVA#', keys.cycle(cycleId).sk);
  const meta = items.find((i) => i.sk === keys.cycle(cycleId).sk);
  return {
    ...(meta ? { cycle: fromItem<Cycle>(meta) } : {}),
    kurva: items.filter((i) => i.type === 'KURVA').map((i) => fromItem<KurvaOrganisasi>(i)),
    log: items.filter((i) => i.type === 'CYCLE_LOG').map((i) => fromItem<CycleLogEntry>(i)),
  };
}

/** What setting an agency's predikat needs, in one BatchGet: the cycle, the current record, the OPD. */
export async function getKurvaContext(
  deps: Deps,
  cycleId: string,
  opd: string,
): Promise<{ cycle?: Cycle; kurva?: KurvaOrganisasi; opdAda: boolean }> {
  const wanted = [keys.cycle(cycleId), keys.kurva(cycleId, opd), keys.opd(opd)];
  const items = await batchGetAll(deps, wanted);
  const find = (k: { pk: string; sk: string }) => items.find((i) => i.pk === k.pk && i.sk === k.sk);
  const [cycle, kurva, org] = wanted.map(find);
  return {
    ...(cycle ? { cycle: fromItem<Cycle>(cycle) } : {}),
    ...(kurva ? { kurva: fromItem<KurvaOrganisasi>(kurva) } : {}),
    opdAda: !!org,
  };
}
