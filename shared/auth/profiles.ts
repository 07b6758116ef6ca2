import { principalOf, type Principal } from '../app/actor.js';
import { getEmployee } from '../data/people.js';
import { sessionWithProfile } from '../data/sessions.js';
import { profileUnlessRevoked } from '../data/token-revocations.js';
import type { Employee } from '../domain/people/employee.js';
import type { Deps } from '../runtime/deps.js';

/**
 * Who a NIP is in this system: the employee profile decides name, admin role and whether the
 * person may act at all (the identity provider only proves the NIP).
 */
export const principalOfProfile = (emp: Employee | undefined): Principal | null =>
  emp && emp.aktif ? principalOf(emp) : null;

/** Sign-in: the profile read on its own. Requests read it together with their credential. */
export async function activePrincipal(deps: Deps, nip: string): Promise<Principal | null> {
  return principalOfProfile(await getEmployee(deps, nip));
}

/** Why a signed cookie does not sign anyone in: its session ended (or expired), or its person left. */
export type SessionVerdict = { principal: Principal } | 'ENDED' | 'INACTIVE';

/**
 * A signed cookie proves who signed in, not that the session still runs (sign-out, a password
 * change and expiry end it) nor that the person still works here. One consistent BatchGet
 * answers both, so a sign-out or a deactivation takes effect on the very next request, and
 * roles (admin, kepala OPD) follow the roster without signing in again.
 */
export async function sessionPrincipal(deps: Deps, nip: string, sid: string): Promise<SessionVerdict> {
  const { session, employee } = await sessionWithProfile(deps, nip, sid);
  if (!session) return 'ENDED';
  const principal = principalOfProfile(employee);
  return principal ? { principal } : 'INACTIVE';
}

/** A bearer token's person, unless its refresh token was revoked: the same one read. */
export async function tokenPrincipal(deps: Deps, nip: string, originJti: string): Promise<Principal | null> {
  const { employee, revoked } = await profileUnlessRevoked(deps, nip, originJti);
  return revoked ? null : principalOfProfile(employee);
}
