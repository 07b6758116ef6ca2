import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Cycle, KelompokPeluncuran, LaunchCounts, Peluncuran } from '../domain/evaluation/cycle.js';
import type { Employee } from '../domain/people/employee.js';
import { konflik, tidakDitemukan } from '../domain/errors.js';
import type { Deps } from '../runtime/deps.js';
import { fromItem } from './items.js';
import { indexKeys, keys } from './keys.js';
import { batchGetAll, getItem, queryIndex, queryIndexSortKeys } from './query.js';
import { conditionFailed } from './write.js';

export function cycleItem(c: Cycle): Record<string, unknown> {
  return { ...keys.cycle(c.id), type: 'CYCLE', ...indexKeys.cycle(c), ...c };
}

export function getCycle(deps: Deps, id: string): Promise<Cycle | undefined> {
  return getItem<Cycle>(deps, keys.cycle(id));
}

/**
 * What this container last knew of each cycle's status: closed for good (DITUTUP never reopens),
 * open until OPEN_KNOWN_MS have passed since it was seen. Only reads use it, to offer actions or
 * not; no write relies on it (each checks the cycle in its own transaction, transact.ts). So a
 * read in another container may offer an action for up to a minute after a close (as a
 * deactivation takes effect within a minute); the action is then refused with 409.
 */
const known = new Map<string, { open: boolean; at: number }>();
const OPEN_KNOWN_MS = 60_000;
const knownKey = (deps: Deps, id: string) => `${deps.tableName}#${id}`;

/** A cycle's status as just seen: read, or proven by a transaction that checked it. */
export function rememberCycle(deps: Deps, id: string, open: boolean): void {
  known.set(knownKey(deps, id), { open, at: performance.now() });
}

function knownOpen(deps: Deps, id: string): boolean | undefined {
  const k = known.get(knownKey(deps, id));
  if (!k) return undefined;
  return !k.open || performance.now() - k.at < OPEN_KNOWN_MS ? k.open : undefined;
}

/**
 * Which of these cycles are open (DIBUKA): a read that offers actions on a cycle's evaluations
 * asks, because a closed cycle's evaluations take none. What this container knows is used
 * (rememberCycle); the rest is one BatchGet. `fresh` reads them all: for a caller that decides
 * which evaluations to write (a transfer), rather than what to offer.
 */
export async function openCycles(
  deps: Deps,
  ids: Iterable<string>,
  options: { fresh?: boolean } = {},
): Promise<Set<string>> {
  const wanted = [...new Set(ids)];
  const unknown = wanted.filter((id) => options.fresh || knownOpen(deps, id) === undefined);
  if (unknown.length) {
    const items = await batchGetAll(
      deps,
      unknown.map((id) => keys.cycle(id)),
    );
    const open = new Set(
      items
        .map((i) => fromItem<Cycle>(i))
        .filter((c) => c.status === 'DIBUKA')
        .map((c) => c.id),
    );
    for (const id of unknown) rememberCycle(deps, id, open.has(id));
  }
  return new Set(wanted.filter((id) => knownOpen(deps, id)));
}

/** Newest first. */
export async function listCycles(deps: Deps): Promise<Cycle[]> {
  const items = await queryIndex(deps, 'byParent', 'CYCLES', { newestFirst: true });
  return items.map((i) => fromItem<Cycle>(i));
}

/**
 * The changes of a cycle's META that leave its status alone (the launch records, the assessment
 * window), each conditioned on where it may come from. Those that change the status (create,
 * open, close) write its gates too: cycle-status.ts.
 */
async function updateCycle(
  deps: Deps,
  id: string,
  update: Pick<UpdateCommand['input'], 'UpdateExpression' | 'ConditionExpression'> & {
    names?: Record<string, string>;
    values?: Record<string, unknown>;
  },
  onConflict: (current: Cycle) => Error,
): Promise<Cycle> {
  try {
    const out = await deps.ddb.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: keys.cycle(id),
        UpdateExpression: update.UpdateExpression,
        ConditionExpression: `attribute_exists(pk) AND (${update.ConditionExpression ?? 'true'})`,
        ...(update.names ? { ExpressionAttributeNames: update.names } : {}),
        ...(update.values ? { ExpressionAttributeValues: update.values } : {}),
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem<Cycle>(out.Attributes!);
  } catch (err) {
    if (!conditionFailed(err)) throw err;
    // Rare: read why, to say it precisely.
    const current = await getCycle(deps, id);
    if (!current) throw tidakDitemukan(`Siklus ${id} tidak ditemukan`);
    throw onConflict(current);
  }
}

export const alreadyClosed = (c: Pick<Cycle, 'id' | 'status'>) =>
  konflik(`Siklus ${c.id} sudah ditutup`, { status: c.status });

export function recordLaunch(deps: Deps, id: string, peluncuran: Peluncuran): Promise<Cycle> {
  return updateCycle(
    deps,
    id,
    {
      UpdateExpression: 'SET peluncuran = :p',
      ConditionExpression: '#s <> :closed',
      names: { '#s': 'status' },
      values: { ':p': peluncuran, ':closed': 'DITUTUP' },
    },
    alreadyClosed,
  );
}

/**
 * The counts of a finished launch, kept on the cycle beyond the execution history's retention.
 * Only for the launch the cycle still names: a slower, older run never overwrites a newer one.
 */
export async function recordLaunchResult(
  deps: Deps,
  id: string,
  eksekusi: string,
  hasil: LaunchCounts & { selesai: string },
): Promise<boolean> {
  try {
    await updateCycle(
      deps,
      id,
      {
        UpdateExpression: 'SET peluncuran.hasil = :h',
        ConditionExpression: 'peluncuran.eksekusi = :e',
        values: { ':h': hasil, ':e': eksekusi },
      },
      () => konflik('Peluncuran lain tercatat'),
    );
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'KONFLIK') return false;
    throw err;
  }
}

/** Keeps the first opening time: opening again only moves on whoever arrived since. */
export function markPenilaianDibuka(deps: Deps, id: string, at: string): Promise<Cycle> {
  return updateCycle(
    deps,
    id,
    {
      UpdateExpression: 'SET penilaianDibukaPada = if_not_exists(penilaianDibukaPada, :at)',
      ConditionExpression: '#s = :open',
      names: { '#s': 'status' },
      values: { ':at': at, ':open': 'DIBUKA' },
    },
    (c) =>
      konflik(
        c.status === 'DISIAPKAN'
          ? 'Siklus belum diluncurkan: luncurkan dahulu'
          : `Siklus ${c.id} sudah ditutup`,
        { status: c.status },
      ),
  );
}

/** The launch's plan reads only the sort keys of an OPD's active employees (gsi2). */
export async function activeNips(deps: Deps, opd: string): Promise<string[]> {
  const sortKeys = await queryIndexSortKeys(deps, 'byGroup', `OPD#${opd}`, { prefix: 'AKTIF#' });
  return sortKeys.map((k) => k.slice('AKTIF#'.length));
}

/** One launch batch: the OPD's active employees within the batch's NIP range (gsi2). */
export async function activeInRange(deps: Deps, k: KelompokPeluncuran): Promise<Employee[]> {
  const items = await queryIndex(deps, 'byGroup', `OPD#${k.opd}`, {
    // BETWEEN includes the upper bound; `sebelum` belongs to the next batch.
    between: [`AKTIF#${k.dari ?? ''}`, `AKTIF#${k.sebelum ?? '\uffff'}`],
  });
  return items.map((i) => fromItem<Employee>(i)).filter((e) => e.nip !== k.sebelum);
}

/**
 * Where each evaluation of a cycle stands, from gsi3 sort keys alone
 * (`<stage>#<status>#<opd>#<nip>`): the progress view never loads evaluation items.
 */
export function cycleStandings(deps: Deps, cycleId: string): Promise<string[]> {
  return queryIndexSortKeys(deps, 'byCycle', `CYCLE#${cycleId}`);
}
