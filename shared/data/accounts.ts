import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.js';
import { keys } from './keys.js';

/** Local sign-in only: a scrypt hash of the password. Cloud sign-in never reads this. */
export interface LocalAccount {
  nip: string;
  passwordHash: string;
}

export function accountItem(a: LocalAccount): Record<string, unknown> {
  return { ...keys.account(a.nip), type: 'ACCOUNT', ...a };
}

export async function getAccount(deps: Deps, nip: string): Promise<LocalAccount | undefined> {
  const out = await deps.ddb.send(new GetCommand({ TableName: deps.tableName, Key: keys.account(nip) }));
  return out.Item ? { nip: String(out.Item.nip), passwordHash: String(out.Item.passwordHash) } : undefined;
}
