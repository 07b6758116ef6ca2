import { DomainError, konflik, tidakDitemukan } from '../domain/errors.js';
import type { Cycle } from '../domain/evaluation/cycle.js';
import type { Deps } from '../runtime/deps.js';
import { alreadyClosed, cycleItem, getCycle, rememberCycle } from './cycles.js';
import { ALL_GATES, gateCloses, gateName, gatePuts } from './gates.js';
import { keys } from './keys.js';
import { cycleClosed, cycleLogPut, type CycleLogEntry } from './kurva.js';
import { queryPrefix } from './query.js';
import { transact, type FailureMessages, type TransactItem } from './transact.js';

/**
 * Every change of a cycle's status, each one transaction that writes its META and all its
 * gates (gates.ts), so the gates that evaluation writes check never disagree with what reads
 * see: created (DISIAPKAN), opened by its first launch (DIBUKA), closed (DITUTUP).
 */

const duplicate = (id: string) => () =>
  konflik(`Siklus dengan ID ${id} sudah ada. Pilih ID lain.`, { field: 'id' });

/** A new cycle with its gates; an existing ID is never overwritten. */
export async function createCycle(deps: Deps, c: Cycle): Promise<void> {
  await transact(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: cycleItem(c),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...gatePuts(deps, c.id, c.status),
    ],
    { 0: duplicate(c.id) },
  );
}

/** The seed's cycle: created with its gates unless its ID exists (then false, left as it is). */
export async function createCycleIfAbsent(deps: Deps, c: Cycle): Promise<boolean> {
  try {
    await createCycle(deps, c);
    return true;
  } catch (err) {
    if (err instanceof DomainError && err.details.field === 'id') return false;
    throw err;
  }
}

function statusIs(deps: Deps, id: string, status: Cycle['status']): TransactItem {
  return {
    ConditionCheck: {
      TableName: deps.tableName,
      Key: keys.cycle(id),
      ConditionExpression: '#s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': status },
    },
  };
}

/** Attempts when the status read is overtaken (another launch opening the cycle meanwhile). */
const ATTEMPTS = 3;
const overtaken = () => konflik('Status siklus berubah bersamaan; coba lagi.', { overtaken: true });
const isOvertaken = (err: unknown) => err instanceof DomainError && err.details.overtaken === true;

/**
 * The first launch opens a prepared cycle, META and gates together (DISIAPKAN -> DIBUKA: the
 * only place the status becomes DIBUKA); later launches find it open and write nothing. A
 * closed one stays closed.
 */
export async function openForLaunch(deps: Deps, id: string): Promise<Cycle> {
  for (let attempt = 1; ; attempt++) {
    const cycle = await getCycle(deps, id);
    if (!cycle) throw tidakDitemukan(`Siklus ${id} tidak ditemukan`);
    if (cycle.status === 'DITUTUP') throw alreadyClosed(cycle);
    if (cycle.status === 'DIBUKA') return cycle;
    try {
      await transact(
        deps,
        [
          {
            Update: {
              TableName: deps.tableName,
              Key: keys.cycle(id),
              UpdateExpression: 'SET #s = :open',
              ConditionExpression: '#s = :prepared',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':open': 'DIBUKA', ':prepared': 'DISIAPKAN' },
            },
          },
          ...gatePuts(deps, id, 'DIBUKA'),
        ],
        { 0: overtaken },
      );
      return { ...cycle, status: 'DIBUKA' };
    } catch (err) {
      if (!isOvertaken(err) || attempt >= ATTEMPTS) throw err;
    }
  }
}

/**
 * A cycle stored before gates existed (a developer's local data dir) gets its missing gates,
 * each with META's status and only while META still has it. The local runtime does this at
 * every start before anything resumes (resumeOpenEvaluations); until then the writes of such a
 * cycle are refused with a clear message (transact.ts, gateMissing): fail closed. Returns how
 * many gates were written.
 */
export async function completeGates(deps: Deps, id: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const [cycle, present] = await Promise.all([
      getCycle(deps, id),
      queryPrefix(deps, keys.cycle(id).pk, keys.cycleGatePrefix()),
    ]);
    if (!cycle) return 0;
    const have = new Set(present.map((i) => i.sk));
    const missing = ALL_GATES.filter((g) => !have.has(keys.cycleGate(id, g).sk));
    if (!missing.length) return 0;
    try {
      await transact(deps, [statusIs(deps, id, cycle.status), ...gatePuts(deps, id, cycle.status, missing)]);
      return missing.length;
    } catch (err) {
      // The status moved or another start completed them: read again.
      if (!(err instanceof DomainError && err.code === 'KONFLIK') || attempt >= ATTEMPTS) throw err;
    }
  }
}

const gateNotOpen = (id: string, gate: number) => () =>
  konflik(
    `Siklus ${id} tidak dapat ditutup: gerbang ${gateName(gate)} tidak terbuka atau tidak ada (data siklus tidak lengkap). Tidak ada yang diubah.`,
    { cycleId: id, gate },
  );

function cycleCloseUpdate(deps: Deps, cycleId: string): TransactItem {
  return {
    Update: {
      TableName: deps.tableName,
      Key: keys.cycle(cycleId),
      UpdateExpression: 'SET #s = :closed',
      ConditionExpression: '#s = :open',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':open': 'DIBUKA', ':closed': 'DITUTUP' },
    },
  };
}

/**
 * Closes the cycle: META and every gate from DIBUKA to DITUTUP, with the log entry, in one
 * transaction of CYCLE_GATES + 2 items (within DynamoDB's 100). Any of them not open (a second
 * close, a gate missing) and nothing changes.
 */
export async function writeCycleClose(deps: Deps, entry: CycleLogEntry): Promise<void> {
  const id = entry.cycleId;
  const failures: FailureMessages = { 0: cycleClosed(id) };
  ALL_GATES.forEach((g, i) => (failures[2 + i] = gateNotOpen(id, g)));
  await transact(
    deps,
    [cycleCloseUpdate(deps, id), cycleLogPut(deps, entry), ...gateCloses(deps, id)],
    failures,
  );
  rememberCycle(deps, id, false);
}
