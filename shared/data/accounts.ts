import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.js';
import { keys } from './keys.js';
import { getItem, queryPrefix } from './query.js';
import { TABLE } from './table.js';
import type { TransactItem } from './transact.js';
import { conditionFailed } from './write.js';

/**
 * Local sign-in only: a scrypt hash of the password and, when the person turned it on, the TOTP
 * secret (base32) with the last time step a code was accepted for. Cloud sign-in never reads this.
 */
export interface LocalAccount {
  nip: string;
  passwordHash: string;
  totpSecret?: string;
  /** A code is accepted once: only for a later 30-second step than this one. */
  totpLastStep?: number;
}

export function accountItem(a: LocalAccount): Record<string, unknown> {
  return { ...keys.account(a.nip), type: 'ACCOUNT', ...a };
}

export async function getAccount(deps: Deps, nip: string): Promise<LocalAccount | undefined> {
  const item = await getItem<LocalAccount>(deps, keys.account(nip));
  if (!item) return undefined;
  return {
    nip: String(item.nip),
    passwordHash: String(item.passwordHash),
    ...(typeof item.totpSecret === 'string' ? { totpSecret: item.totpSecret } : {}),
    ...(typeof item.totpLastStep === 'number' ? { totpLastStep: item.totpLastStep } : {}),
  };
}

/** The new hash, only over the one that was verified: two changes at once cannot both win. */
export function passwordReplace(deps: Deps, nip: string, oldHash: string, newHash: string): TransactItem {
  return {
    Update: {
      TableName: deps.tableName,
      Key: keys.account(nip),
      UpdateExpression: 'SET passwordHash = :new',
      ConditionExpression: 'passwordHash = :old',
      ExpressionAttributeValues: { ':new': newHash, ':old': oldHash },
    },
  };
}

/** TOTP turned on, only on an existing account that has none yet (never overwrites a secret). */
export function totpEnable(deps: Deps, nip: string, secret: string, step: number): TransactItem {
  return {
    Update: {
      TableName: deps.tableName,
      Key: keys.account(nip),
      UpdateExpression: 'SET totpSecret = :secret, totpLastStep = :step',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(totpSecret)',
      ExpressionAttributeValues: { ':secret': secret, ':step': step },
    },
  };
}

/**
 * Marks a code's time step as used; false when it or a later one was used already, so a code
 * seen over someone's shoulder cannot be entered a second time.
 */
export async function useTotpStep(deps: Deps, nip: string, step: number): Promise<boolean> {
  try {
    await deps.ddb.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: keys.account(nip),
        UpdateExpression: 'SET totpLastStep = :step',
        ConditionExpression:
          'attribute_exists(totpSecret) AND (attribute_not_exists(totpLastStep) OR totpLastStep < :step)',
        ExpressionAttributeValues: { ':step': step },
      }),
    );
    return true;
  } catch (err) {
    if (conditionFailed(err)) return false;
    throw err;
  }
}

/** What happened to an account (not to an evaluation, so not in an evaluation's trail). */
export type AccountAction = 'AKUN_DIKUNCI' | 'KATA_SANDI_DIGANTI' | 'VERIFIKASI_DUA_LANGKAH_DIAKTIFKAN';

export interface AccountLogEntry {
  nip: string;
  at: string;
  action: AccountAction;
  detail: Record<string, unknown>;
  /** Epoch seconds: only lock entries expire (see docs/sign-in.md); changes are kept. */
  expiresAt?: number;
}

/** Append-only, in the person's partition: support answers "why can I not sign in" from one Query. */
export function accountLogPut(deps: Deps, entry: AccountLogEntry): TransactItem {
  const { expiresAt, ...rest } = entry;
  return {
    Put: {
      TableName: deps.tableName,
      Item: {
        ...keys.accountLog(entry.nip, entry.at, deps.newId().slice(0, 8)),
        type: 'ACCOUNT_LOG',
        ...rest,
        ...(expiresAt ? { [TABLE.ttlAttribute]: expiresAt } : {}),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The account's trail, oldest first. */
export async function listAccountLog(deps: Deps, nip: string): Promise<AccountLogEntry[]> {
  const items = await queryPrefix(deps, keys.employee(nip).pk, keys.accountLogPrefix());
  return items.map((i) => ({
    nip: String(i.nip),
    at: String(i.at),
    action: i.action as AccountAction,
    detail: (i.detail ?? {}) as Record<string, unknown>,
  }));
}
