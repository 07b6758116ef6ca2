import { principalOf, type Principal } from '../app/actor.js';
import { getEmployee } from '../data/people.js';
import type { Deps } from '../runtime/deps.js';

/**
 * Who a NIP is in this system: the employee profile decides name, admin role and whether the
 * person may act at all (the identity provider only proves the NIP).
 */
export async function activePrincipal(deps: Deps, nip: string): Promise<Principal | null> {
  const emp = await getEmployee(deps, nip);
  if (!emp || !emp.aktif) return null;
  return principalOf(emp);
}

const TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;

/**
 * Bearer requests carry only the NIP, so each would cost an extra DynamoDB read for the
 * profile. A short per-container cache keeps API clients within the per-request call budget;
 * deactivation still takes effect within a minute.
 */
export function principalCache(deps: () => Deps, now: () => number = Date.now) {
  const entries = new Map<string, { principal: Principal | null; until: number }>();
  return async (nip: string): Promise<Principal | null> => {
    const hit = entries.get(nip);
    if (hit && hit.until > now()) return hit.principal;
    const principal = await activePrincipal(deps(), nip);
    // Whole-map reset instead of LRU bookkeeping: the city has a few thousand employees.
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(nip, { principal, until: now() + TTL_MS });
    return principal;
  };
}
