import { accountLogPut } from '../data/accounts.js';
import {
  claimAttempt,
  clearFailures,
  type Failure,
  recordFailure,
  releaseClaim,
  type ThrottleCurve,
  type ThrottleScope,
} from '../data/sign-in-throttle.js';
import { putItem } from '../data/write.js';
import type { Deps } from '../runtime/deps.js';

/**
 * Local sign-in throttling, the whole rule in one table (docs/sign-in.md explains the numbers).
 * After `free` failures in a row each further one doubles the wait, from one second; from the
 * `lockAt`-th the wait is the lock, which always ends: a lock that needed an administrator
 * would let anyone lock a colleague out by typing their NIP. Failures are forgotten an hour
 * after the last wait ends. An address gets more room than a NIP: a whole office may share one.
 */
export const THROTTLE: Record<ThrottleScope, { free: number; lockAt: number; lockMinutes: number }> = {
  NIP: { free: 3, lockAt: 10, lockMinutes: 15 },
  ADDR: { free: 10, lockAt: 30, lockMinutes: 15 },
};
const FORGET_MS = 60 * 60_000;

/** The wait in ms after the n-th failure in a row. */
export function delayAfter(scope: ThrottleScope, failures: number): number {
  const { free, lockAt, lockMinutes } = THROTTLE[scope];
  const lockMs = lockMinutes * 60_000;
  if (failures <= free) return 0;
  if (failures >= lockAt) return lockMs;
  return Math.min(2 ** (failures - free - 1) * 1000, lockMs);
}

const curve = (scope: ThrottleScope): ThrottleCurve => ({
  free: THROTTLE[scope].free,
  delayAfter: (n) => delayAfter(scope, n),
  forgetMs: FORGET_MS,
});

/** Lock entries are kept as long as the API's access logs, then expire: one every 15 minutes adds up. */
const LOCK_ENTRY_DAYS = 365;

/** An attempt let through the throttle; the caller reports how it ended, once. */
export interface Attempt {
  /** The password or code was wrong: a failure for the NIP and the address; a lock it starts is recorded. */
  failed(accountExists: boolean): Promise<void>;
  /**
   * The password was right but a second factor follows: the address's claim is given back, the
   * NIP's counts as a failure until a code proves the person (knowing the password is not enough).
   */
  passwordAccepted(): Promise<void>;
  /** The person proved who they are: the address's claim is given back, the NIP's count starts again. */
  succeeded(): Promise<void>;
}

export type Gate = { ok: true; attempt: Attempt } | { ok: false; retryAfterSeconds: number };

/**
 * Claims one attempt for the address (when known) and then for the NIP. The address goes first:
 * when it is the one refused, the NIP's count is not touched, so spraying many NIPs from one
 * place does not lock their owners out. When the NIP refuses, the address's claim is given
 * back: no password was tried.
 */
export async function openGate(deps: Deps, nip: string, address?: string): Promise<Gate> {
  const claimed: { scope: ThrottleScope; value: string }[] = [];
  for (const [scope, value] of [
    ['ADDR', address],
    ['NIP', nip],
  ] as const) {
    if (!value) continue;
    const claim = await claimAttempt(deps, scope, value, curve(scope));
    if (!claim.ok) {
      for (const c of claimed) await releaseClaim(deps, c.scope, c.value);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(claim.retryAfterMs / 1000)) };
    }
    claimed.push({ scope, value });
  }
  // Every claim is settled exactly once: a second settling would count someone else's claim.
  const open = new Map(claimed.map((c) => [c.scope, c.value]));
  const settle = async (scope: ThrottleScope, how: (value: string) => Promise<unknown>) => {
    const value = open.get(scope);
    if (value === undefined) return;
    open.delete(scope);
    await how(value);
  };
  const fail = (scope: ThrottleScope, accountExists: boolean) =>
    settle(scope, async (value) => {
      const failure = await recordFailure(deps, scope, value, curve(scope));
      if (failure.delayMs >= THROTTLE[scope].lockMinutes * 60_000)
        await recordLock(deps, scope, value, failure, accountExists, address);
    });
  const giveBackAddress = () => settle('ADDR', (value) => releaseClaim(deps, 'ADDR', value));
  return {
    ok: true,
    attempt: {
      async failed(accountExists) {
        await fail('ADDR', accountExists);
        await fail('NIP', accountExists);
      },
      async passwordAccepted() {
        await giveBackAddress();
        await fail('NIP', true);
      },
      async succeeded() {
        await giveBackAddress();
        await settle('NIP', (value) => clearFailures(deps, 'NIP', value));
      },
    },
  };
}

/**
 * One entry per lock: in the account's own trail when the NIP has an account (support sees it
 * there), and always as a log line. An address has no person to file it under, and addresses
 * are personal data, so its locks go to the log only, beside API Gateway's access logs.
 */
async function recordLock(
  deps: Deps,
  scope: ThrottleScope,
  value: string,
  failure: Failure,
  accountExists: boolean,
  address: string | undefined,
) {
  const until = new Date(failure.at + failure.delayMs).toISOString();
  console.warn(
    JSON.stringify({
      event: 'SIGN_IN_LOCKED',
      scope,
      [scope === 'NIP' ? 'nip' : 'address']: value,
      until,
      failures: failure.failures,
    }),
  );
  if (scope !== 'NIP' || !accountExists) return;
  const at = new Date(failure.at);
  await putItem(
    deps,
    accountLogPut(deps, {
      nip: value,
      at: at.toISOString(),
      action: 'AKUN_DIKUNCI',
      detail: {
        sampai: until,
        gagalBerturutTurut: failure.failures,
        ...(address ? { alamat: address } : {}),
      },
      expiresAt: Math.floor(at.getTime() / 1000) + LOCK_ENTRY_DAYS * 86_400,
    }),
  );
}
