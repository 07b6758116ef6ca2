import { randomBytes } from 'node:crypto';
import { BatchGetCommand, DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Employee } from '../domain/people/employee.js';
import type { Deps } from '../runtime/deps.js';
import { fromItem } from './items.js';
import { keys } from './keys.js';
import { queryAll } from './query.js';
import { TABLE } from './table.js';

type Item = Record<string, unknown>;
type Key = { pk: string; sk: string };

/** A signed-in web session as the table holds it. */
export interface StoredSession {
  nip: string;
  sid: string;
  dibuatPada: string;
  /** Epoch seconds: the table's TTL attribute, and the expiry every read checks itself. */
  expiresAt: number;
}

const epochSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

export function sessionItem(s: StoredSession): Item {
  return { ...keys.session(s.nip, s.sid), type: 'SESSION', ...s };
}

/**
 * Writes a new session at sign-in. The id is 128 random bits (not `deps.newId`, which tests
 * make predictable): together with the cookie's HMAC it is what a session is. Sessions run on
 * the wall clock, as DynamoDB's TTL does, not on `deps.now` (the domain's clock for deadlines).
 */
export async function createSession(
  deps: Deps,
  nip: string,
  hours: number,
  now = new Date(),
): Promise<StoredSession> {
  const session: StoredSession = {
    nip,
    sid: randomBytes(16).toString('base64url'),
    dibuatPada: now.toISOString(),
    expiresAt: epochSeconds(now) + hours * 3600,
  };
  await deps.ddb.send(new PutCommand({ TableName: deps.tableName, Item: sessionItem(session) }));
  return session;
}

/** TTL deletes expired items up to days late: an item still there is not a session still valid. */
export const stillValid = (item: { expiresAt?: unknown } | undefined, now: Date): boolean =>
  typeof item?.expiresAt === 'number' && item.expiresAt > epochSeconds(now);

/**
 * The employee profile and one more item of the same person in one strongly consistent
 * BatchGet: what every signed-in request costs (the session check and the roster re-check
 * together). Consistent, so that a sign-out or a revocation a moment ago is already seen.
 */
export async function profileWith(
  deps: Deps,
  nip: string,
  other: Key,
): Promise<{ employee?: Employee; other?: Item }> {
  const profileKey = keys.employee(nip);
  let request: Record<string, { Keys: Item[]; ConsistentRead: boolean }> | undefined = {
    [deps.tableName]: { Keys: [profileKey, other], ConsistentRead: true },
  };
  const found: Item[] = [];
  // Unprocessed keys come back only under throttling; retrying them keeps the answer whole.
  while (request && Object.keys(request).length) {
    const out = await deps.ddb.send(new BatchGetCommand({ RequestItems: request }));
    found.push(...((out.Responses?.[deps.tableName] ?? []) as Item[]));
    request = out.UnprocessedKeys as typeof request;
  }
  const profile = found.find((i) => i.sk === profileKey.sk);
  const second = found.find((i) => i.sk === other.sk);
  return {
    ...(profile ? { employee: fromItem<Employee>(profile) } : {}),
    ...(second ? { other: second } : {}),
  };
}

/** The session (unless ended or expired) and the profile, in one read. */
export async function sessionWithProfile(
  deps: Deps,
  nip: string,
  sid: string,
  now = new Date(),
): Promise<{ session?: StoredSession; employee?: Employee }> {
  const { employee, other } = await profileWith(deps, nip, keys.session(nip, sid));
  return {
    ...(employee ? { employee } : {}),
    ...(other && stillValid(other, now)
      ? {
          session: {
            nip,
            sid,
            dibuatPada: String(other.dibuatPada),
            expiresAt: other.expiresAt as number,
          },
        }
      : {}),
  };
}

/** Sign-out: the session stops at once, whatever copies of its cookie exist. */
export async function deleteSession(deps: Deps, nip: string, sid: string): Promise<void> {
  await deps.ddb.send(new DeleteCommand({ TableName: deps.tableName, Key: keys.session(nip, sid) }));
}

/**
 * Ends every session of one person (a password change, an administrator's action): one Query
 * of their partition, then one Delete per session. Returns how many were ended.
 */
export async function revokeSessionsOf(deps: Deps, nip: string): Promise<number> {
  const found = await queryAll(deps, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.employee(nip).pk, ':prefix': keys.sessionPrefix() },
    ProjectionExpression: `${TABLE.partitionKey}, ${TABLE.sortKey}`,
  });
  await Promise.all(
    found.map((key) =>
      deps.ddb.send(new DeleteCommand({ TableName: deps.tableName, Key: { pk: key.pk, sk: key.sk } })),
    ),
  );
  return found.length;
}
