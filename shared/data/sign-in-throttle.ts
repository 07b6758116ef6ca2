import { setTimeout as sleep } from 'node:timers/promises';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.js';
import { keys } from './keys.js';
import { TABLE } from './table.js';
import { conditionFailed } from './write.js';

/** Whose failures are counted: one NIP, or one client address (whatever NIPs it tries). */
export type ThrottleScope = 'NIP' | 'ADDR';

/** How the counter grows; the rule itself (numbers, doubling) lives in shared/auth/sign-in-throttle.ts. */
export interface ThrottleCurve {
  /** Failures in a row that start no wait. */
  free: number;
  /** The wait, in ms, after the n-th failure in a row. */
  delayAfter: (failures: number) => number;
  /** Failures are forgotten this long after the wait of the last one ends. */
  forgetMs: number;
}

export interface ThrottleState {
  /** Failures in a row, as the rule counts them. */
  failures: number;
  /** Attempts let through whose password is being checked right now. */
  pending: number;
  /** Epoch ms; no attempt is let through before it. */
  blockedUntil: number;
}

export type Claim = { ok: true; at: number } | { ok: false; retryAfterMs: number };

/** A failure as counted: the n-th in a row, the wait it started, and when. */
export interface Failure {
  failures: number;
  delayMs: number;
  at: number;
}

/**
 * A claim this old can no longer be settled: the API's Lambda is stopped after 15 s
 * (infra/lambda.ts). Its attempt died between claim and answer, and is counted as failed.
 */
const STALE_MS = 60_000;
/**
 * How long an attempt waits for the checks ahead of it before it is told to try again: within
 * the Lambda's 15 s. A check takes a fraction of a second, so only a dead claim (or about a
 * hundred people queued one at a time behind an address's used-up free failures) reaches it.
 */
const MAX_WAIT_MS = 8_000;
const POLL_MS = 25;

const key = (scope: ThrottleScope, value: string) => keys.signInThrottle(scope, value);
const ttlOf = (ms: number) => Math.ceil(ms / 1000);
const names = { '#ttl': TABLE.ttlAttribute };

interface Stored extends ThrottleState {
  live: boolean;
  inPlay: number;
  lastClaimAt: number;
}

/**
 * The counter as it stands at `now`, read consistently (a claim a moment ago must be seen).
 * TTL deletes late, so an item past its expiry counts as no failures at all.
 */
async function read(deps: Deps, scope: ThrottleScope, value: string, now: number): Promise<Stored> {
  const out = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: key(scope, value), ConsistentRead: true }),
  );
  const item = out.Item;
  const live = !!item && Number(item[TABLE.ttlAttribute]) * 1000 > now;
  const n = (name: string) => (live ? Number(item[name] ?? 0) : 0);
  return {
    live,
    failures: n('failures'),
    pending: n('pending'),
    inPlay: n('inPlay'),
    blockedUntil: n('blockedUntil'),
    lastClaimAt: n('lastClaimAt'),
  };
}

/** An atomic counter update; false when its condition did not hold. */
async function update(deps: Deps, input: Omit<UpdateCommand['input'], 'TableName'>): Promise<boolean> {
  try {
    await deps.ddb.send(new UpdateCommand({ TableName: deps.tableName, ...input }));
    return true;
  } catch (err) {
    if (conditionFailed(err)) return false;
    throw err;
  }
}

/**
 * Claims one attempt BEFORE its password is checked, unless the counter says to wait.
 *
 * Atomic counters, never read-modify-write: `pending` counts the attempts being checked,
 * `failures` the settled failures and `inPlay` their sum (a condition cannot add). An attempt is
 * let through when no wait runs and either nothing else is being checked or, should everything
 * being checked fail, the rule would still let it through (`inPlay <= free`). So 20 parallel
 * guesses let exactly as many reach the password as the rule allows, and parallel right
 * passwords are never refused for being parallel: an attempt that cannot be decided yet waits
 * for the checks ahead of it (right ones give their claim back at once) instead of failing.
 */
export async function claimAttempt(
  deps: Deps,
  scope: ThrottleScope,
  value: string,
  curve: ThrottleCurve,
): Promise<Claim> {
  // On the app's clock, so a test decides when patience ends, never the machine's speed.
  const started = deps.now().getTime();
  for (;;) {
    const now = deps.now().getTime();
    if (now - started > MAX_WAIT_MS) return { ok: false, retryAfterMs: 1000 };
    const claimed = await update(deps, {
      Key: key(scope, value),
      UpdateExpression: 'ADD pending :one, inPlay :one SET lastClaimAt = :now, #ttl = :ttl',
      ConditionExpression: '#ttl > :nowSec AND blockedUntil <= :now AND (pending = :zero OR inPlay <= :free)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: {
        ':one': 1,
        ':zero': 0,
        ':now': now,
        ':nowSec': Math.floor(now / 1000),
        ':free': curve.free,
        ':ttl': ttlOf(now + curve.forgetMs),
      },
    });
    if (claimed) return { ok: true, at: now };
    const seen = await read(deps, scope, value, now);
    if (!seen.live) {
      if (await startCounter(deps, scope, value, curve, now)) return { ok: true, at: now };
      continue; // another attempt started it first: claim on its counter
    }
    if (seen.blockedUntil > now) return { ok: false, retryAfterMs: seen.blockedUntil - now };
    if (seen.pending === 0 || seen.inPlay <= curve.free) continue; // settled since: claim again
    // Undecided: should the checks ahead fail, this one would have to wait.
    if (seen.lastClaimAt + STALE_MS <= now) {
      await countStaleAsFailed(deps, scope, value, curve, seen, now);
      continue;
    }
    await sleep(POLL_MS + Math.random() * POLL_MS);
  }
}

/** The first claim on a counter that is absent or forgotten (TTL deletes late). */
async function startCounter(
  deps: Deps,
  scope: ThrottleScope,
  value: string,
  curve: ThrottleCurve,
  now: number,
) {
  try {
    await deps.ddb.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: {
          ...key(scope, value),
          type: 'SIGNIN_THROTTLE',
          failures: 0,
          pending: 1,
          inPlay: 1,
          blockedUntil: 0,
          lastClaimAt: now,
          [TABLE.ttlAttribute]: ttlOf(now + curve.forgetMs),
        },
        ConditionExpression: 'attribute_not_exists(pk) OR #ttl <= :nowSec',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':nowSec': Math.floor(now / 1000) },
      }),
    );
    return true;
  } catch (err) {
    if (!conditionFailed(err)) throw err;
    return false;
  }
}

/**
 * Claims nobody settled within STALE_MS died with their request: they count as failed (as the
 * rule would have it had they been wrong), so they hold nobody up. Only when nothing moved since
 * they were seen; otherwise the caller looks again.
 */
async function countStaleAsFailed(
  deps: Deps,
  scope: ThrottleScope,
  value: string,
  curve: ThrottleCurve,
  seen: Stored,
  now: number,
) {
  const failures = seen.failures + seen.pending;
  const blockedUntil = Math.max(seen.blockedUntil, now + curve.delayAfter(failures));
  await update(deps, {
    Key: key(scope, value),
    UpdateExpression: 'SET failures = :failures, pending = :zero, blockedUntil = :until, #ttl = :ttl',
    ConditionExpression: 'lastClaimAt = :last AND pending = :pending AND failures = :seenFailures',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: {
      ':failures': failures,
      ':zero': 0,
      ':until': blockedUntil,
      ':ttl': ttlOf(blockedUntil + curve.forgetMs),
      ':last': seen.lastClaimAt,
      ':pending': seen.pending,
      ':seenFailures': seen.failures,
    },
  });
}

/**
 * A claimed attempt failed: one more failure in a row, and the wait it starts. Until the wait
 * is written the claim still counts as pending (it is briefly counted twice in `inPlay`), so no
 * attempt slips in between the count and its wait.
 */
export async function recordFailure(
  deps: Deps,
  scope: ThrottleScope,
  value: string,
  curve: ThrottleCurve,
): Promise<Failure> {
  const at = deps.now().getTime();
  const out = await deps.ddb.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: key(scope, value),
      // if_not_exists keeps the item complete should it have gone meanwhile (deleted by hand).
      UpdateExpression:
        'ADD failures :one, inPlay :one SET #ttl = if_not_exists(#ttl, :ttl), ' +
        'pending = if_not_exists(pending, :zero), blockedUntil = if_not_exists(blockedUntil, :zero)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':one': 1, ':zero': 0, ':ttl': ttlOf(at + curve.forgetMs) },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  const failures = Number(out.Attributes?.failures ?? 1);
  const delayMs = curve.delayAfter(failures);
  if (delayMs > 0) {
    // Only ever lengthens the wait: a failure settled later may have started a longer one.
    await update(deps, {
      Key: key(scope, value),
      UpdateExpression: 'SET blockedUntil = :until, #ttl = :ttl',
      ConditionExpression: 'blockedUntil < :until',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':until': at + delayMs, ':ttl': ttlOf(at + delayMs + curve.forgetMs) },
    });
  }
  await releaseClaim(deps, scope, value);
  return { failures, delayMs, at };
}

/**
 * A claimed attempt is no failure (the password was right, or it was refused before its
 * password was tried): its claim is given back, the failures stay. An office keeps its count
 * when one person there signs in.
 */
export async function releaseClaim(deps: Deps, scope: ThrottleScope, value: string): Promise<void> {
  await update(deps, {
    Key: key(scope, value),
    UpdateExpression: 'ADD pending :minus, inPlay :minus',
    // Counted as failed already when it went stale: nothing left to give back.
    ConditionExpression: 'pending > :zero',
    ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
  });
}

/**
 * The person proved who they are with this claim: their count starts again. Claims of other
 * attempts still being checked stay counted (a guesser's parallel tries are settled by them).
 */
export async function clearFailures(deps: Deps, scope: ThrottleScope, value: string): Promise<void> {
  const values = { ':zero': 0, ':one': 1 };
  const released = await update(deps, {
    Key: key(scope, value),
    // SET reads the item as it was: both get the old pending minus this claim.
    UpdateExpression:
      'SET failures = :zero, blockedUntil = :zero, pending = pending - :one, inPlay = pending - :one',
    ConditionExpression: 'pending > :zero',
    ExpressionAttributeValues: values,
  });
  if (released) return;
  await update(deps, {
    Key: key(scope, value),
    UpdateExpression: 'SET failures = :zero, blockedUntil = :zero, inPlay = pending',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':zero': 0 },
  });
}

/** The counter as it stands now (support, tests). */
export async function throttleState(deps: Deps, scope: ThrottleScope, value: string): Promise<ThrottleState> {
  const { failures, pending, blockedUntil } = await read(deps, scope, value, deps.now().getTime());
  return { failures, pending, blockedUntil };
}
