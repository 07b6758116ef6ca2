import type { Principal } from '../app/actor.js';
import { getAccount } from '../data/accounts.js';
import { getEmployee } from '../data/people.js';
import type { Deps } from '../runtime/deps.js';
import type { Authenticator } from './authenticator.js';
import { verifyPassword } from './session.js';

/** A hash to compare against when the NIP is unknown, so timing does not reveal which NIPs exist. */
const DUMMY = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function localAccounts(deps: () => Deps): Authenticator {
  return {
    mode: 'local',
    async signIn(nip: string, password: string): Promise<Principal | null> {
      if (!/^\d{18}$/.test(nip) || password.length > 200) return null;
      const account = await getAccount(deps(), nip);
      const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY);
      if (!account || !ok) return null;
      const emp = await getEmployee(deps(), nip);
      if (!emp || !emp.aktif) return null;
      return { nip: emp.nip, nama: emp.nama, admin: !!emp.admin };
    },
  };
}
