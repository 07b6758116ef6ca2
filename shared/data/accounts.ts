import type { Deps } from '../runtime/deps.js';
import { keys } from './keys.js';
import { getItem } from './query.js';

/** Local sign-in only: a scrypt hash of the password. Cloud sign-in never reads this. */
export interface LocalAccount {
  nip: string;
  passwordHash: string;
}

export function accountItem(a: LocalAccount): Record<string, unknown> {
  return { ...keys.account(a.nip), type: 'ACCOUNT', ...a };
}

export async function getAccount(deps: Deps, nip: string): Promise<LocalAccount | undefined> {
  const item = await getItem<LocalAccount>(deps, keys.account(nip));
  return item ? { nip: String(item.nip), passwordHash: String(item.passwordHash) } : undefined;
}
