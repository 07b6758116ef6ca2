import { randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.js';
import { keys } from './keys.js';
import { TABLE } from './table.js';
import { conditionFailed } from './write.js';

/**
 * A sign-in half done: the password was right, the second factor is still to come. The browser
 * holds only the random id; what the step needs (for the cloud, the access token that sets TOTP
 * up) stays here and never reaches the page.
 */
export interface SignInChallenge {
  id: string;
  nip: string;
  /** TOTP: enter the code of an app set up before. TOTP_SETUP: set the app up, then a first code. */
  kind: 'TOTP' | 'TOTP_SETUP';
  /** Wrong codes so far; the challenge ends at MAX_WRONG_CODES. */
  wrongCodes: number;
  /** TOTP_SETUP: the secret to show again after a wrong code. */
  secret?: string;
  /** TOTP_SETUP in the cloud: the user's access token (no MFA yet) or Cognito's MFA_SETUP session. */
  accessToken?: string;
  cognitoSession?: string;
}

/** Five wrong codes end the challenge: the person signs in again (which the throttle counts). */
export const MAX_WRONG_CODES = 5;

/** Long enough to install an authenticator app; the id is useless after it. */
const LIFETIME_SECONDS = 10 * 60;

export async function createChallenge(
  deps: Deps,
  c: Omit<SignInChallenge, 'id' | 'wrongCodes'>,
): Promise<SignInChallenge> {
  // Random, not deps.newId (which tests make predictable): the id is what the browser proves with.
  const challenge: SignInChallenge = { ...c, id: randomBytes(32).toString('base64url'), wrongCodes: 0 };
  await deps.ddb.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: {
        ...keys.signInChallenge(challenge.id),
        type: 'SIGNIN_CHALLENGE',
        ...challenge,
        [TABLE.ttlAttribute]: Math.floor(deps.now().getTime() / 1000) + LIFETIME_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return challenge;
}

const ID = /^[\w-]{43}$/;

/** The challenge of this NIP and kind, unless expired (checked here: TTL deletes late). */
export async function getChallenge(
  deps: Deps,
  id: string,
  nip: string,
  kind: SignInChallenge['kind'],
): Promise<SignInChallenge | undefined> {
  if (!ID.test(id)) return undefined;
  const out = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: keys.signInChallenge(id), ConsistentRead: true }),
  );
  const item = out.Item;
  if (!item || item.nip !== nip || item.kind !== kind) return undefined;
  if (Number(item[TABLE.ttlAttribute]) * 1000 <= deps.now().getTime()) return undefined;
  return {
    id,
    nip,
    kind,
    wrongCodes: Number(item.wrongCodes ?? 0),
    ...(typeof item.secret === 'string' ? { secret: item.secret } : {}),
    ...(typeof item.accessToken === 'string' ? { accessToken: item.accessToken } : {}),
    ...(typeof item.cognitoSession === 'string' ? { cognitoSession: item.cognitoSession } : {}),
  };
}

/** Counts a wrong code; false when that was the last one allowed (the challenge is gone then). */
export async function recordWrongCode(deps: Deps, id: string): Promise<boolean> {
  try {
    await deps.ddb.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: keys.signInChallenge(id),
        UpdateExpression: 'ADD wrongCodes :one',
        ConditionExpression: 'attribute_exists(pk) AND wrongCodes < :last',
        ExpressionAttributeValues: { ':one': 1, ':last': MAX_WRONG_CODES - 1 },
      }),
    );
    return true;
  } catch (err) {
    if (!conditionFailed(err)) throw err;
    await deps.ddb.send(new DeleteCommand({ TableName: deps.tableName, Key: keys.signInChallenge(id) }));
    return false;
  }
}

/** Ends the challenge; false when it was already used (two tabs posting the same code). */
export async function consumeChallenge(deps: Deps, id: string): Promise<boolean> {
  try {
    await deps.ddb.send(
      new DeleteCommand({
        TableName: deps.tableName,
        Key: keys.signInChallenge(id),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
    return true;
  } catch (err) {
    if (conditionFailed(err)) return false;
    throw err;
  }
}
