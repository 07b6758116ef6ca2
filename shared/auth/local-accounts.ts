import type { Principal } from '../app/actor.js';
import { accountLogPut, getAccount, passwordReplace, totpEnable, useTotpStep } from '../data/accounts.js';
import { getEmployee } from '../data/people.js';
import {
  consumeChallenge,
  createChallenge,
  getChallenge,
  recordWrongCode,
} from '../data/sign-in-challenges.js';
import { transact } from '../data/transact.js';
import { konflik } from '../domain/errors.js';
import type { Deps } from '../runtime/deps.js';
import type { Authenticator, PasswordChangeOutcome, SignInContext, SignInOutcome } from './authenticator.js';
import { MAX_PASSWORD, MIN_PASSWORD } from './password-policy.js';
import { principalOfProfile } from './profiles.js';
import { hashPassword, verifyPassword } from './session.js';
import { type Attempt, openGate } from './sign-in-throttle.js';
import { newTotpSecret, TOTP_CODE, TOTP_SECRET, totpStep, totpUri } from './totp.js';

/** A hash to compare against when the NIP is unknown, so timing does not reveal which NIPs exist. */
const DUMMY = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const NIP = /^\d{18}$/;

const refused = (reason: 'INVALID_CREDENTIALS' | 'SESSION_EXPIRED'): SignInOutcome => ({ ok: false, reason });
const throttled = (retryAfterSeconds: number) =>
  ({ ok: false, reason: 'THROTTLED', retryAfterSeconds }) as const;

/**
 * Local mode: accounts in the table (scrypt hashes, optional TOTP), throttled per NIP and per
 * address (shared/auth/sign-in-throttle.ts). The order is the point: throttle, password,
 * second factor, and only then whether the person is still active, so that a guessed NIP
 * learns nothing before the whole proof.
 */
export function localAccounts(deps: () => Deps): Authenticator {
  /** Whole proof given: the NIP's failures are forgiven, then the profile decides. */
  async function finish(d: Deps, nip: string, attempt: Attempt): Promise<SignInOutcome> {
    await attempt.succeeded();
    const principal = principalOfProfile(await getEmployee(d, nip));
    return principal ? { ok: true, principal } : { ok: false, reason: 'INACTIVE' };
  }

  async function attemptSignIn(
    nip: string,
    password: string,
    context?: SignInContext,
  ): Promise<SignInOutcome> {
    if (!NIP.test(nip) || !password || password.length > MAX_PASSWORD) return refused('INVALID_CREDENTIALS');
    const d = deps();
    const gate = await openGate(d, nip, context?.ip);
    if (!gate.ok) return throttled(gate.retryAfterSeconds);
    const account = await getAccount(d, nip);
    const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY);
    if (!account || !ok) {
      await gate.attempt.failed(!!account);
      return refused('INVALID_CREDENTIALS');
    }
    if (!account.totpSecret) return finish(d, nip, gate.attempt);
    // The NIP's claim stands until the code is right: knowing the password alone earns no reset.
    await gate.attempt.passwordAccepted();
    const challenge = await createChallenge(d, { nip, kind: 'TOTP' });
    return { ok: false, reason: 'MFA_REQUIRED', session: challenge.id };
  }

  async function respondToTotp(nip: string, session: string, code: string): Promise<SignInOutcome> {
    const d = deps();
    if (!NIP.test(nip) || !(await getChallenge(d, session, nip, 'TOTP'))) return refused('SESSION_EXPIRED');
    // A typo is not a guess: it costs neither the throttle nor the challenge.
    if (!TOTP_CODE.test(code)) return { ok: false, reason: 'WRONG_CODE', session };
    // Codes are throttled by NIP like passwords; the address was counted at the password step.
    const gate = await openGate(d, nip);
    if (!gate.ok) return throttled(gate.retryAfterSeconds);
    const account = await getAccount(d, nip);
    const step = account?.totpSecret ? totpStep(account.totpSecret, code, d.now()) : null;
    if (step === null || !(await useTotpStep(d, nip, step))) {
      await gate.attempt.failed(true);
      return (await recordWrongCode(d, session))
        ? { ok: false, reason: 'WRONG_CODE', session }
        : refused('SESSION_EXPIRED');
    }
    if (!(await consumeChallenge(d, session))) return refused('SESSION_EXPIRED');
    return finish(d, nip, gate.attempt);
  }

  async function changePassword(
    nip: string,
    oldPassword: string,
    newPassword: string,
  ): Promise<PasswordChangeOutcome> {
    if (newPassword.length < MIN_PASSWORD || newPassword.length > MAX_PASSWORD)
      return { ok: false, reason: 'WEAK_PASSWORD' };
    if (!NIP.test(nip) || !oldPassword || oldPassword.length > MAX_PASSWORD)
      return { ok: false, reason: 'INVALID_CREDENTIALS' };
    const d = deps();
    // A stolen session must not become a way to guess the password: the same NIP throttle.
    const gate = await openGate(d, nip);
    if (!gate.ok) return { ok: false, reason: 'THROTTLED', retryAfterSeconds: gate.retryAfterSeconds };
    const account = await getAccount(d, nip);
    if (!account || !(await verifyPassword(oldPassword, account.passwordHash))) {
      await gate.attempt.failed(!!account);
      return { ok: false, reason: 'INVALID_CREDENTIALS' };
    }
    await transact(
      d,
      [
        passwordReplace(d, nip, account.passwordHash, await hashPassword(newPassword)),
        accountLogPut(d, { nip, at: d.now().toISOString(), action: 'KATA_SANDI_DIGANTI', detail: {} }),
      ],
      {
        0: () =>
          konflik('Kata sandi baru saja diganti dari tempat lain. Masuk lagi dengan kata sandi terbaru.'),
      },
    );
    await gate.attempt.succeeded();
    return { ok: true };
  }

  return {
    mode: 'local',
    attemptSignIn,
    respondToTotp,
    changePassword,
    async signIn(nip, password, context): Promise<Principal | null> {
      const outcome = await attemptSignIn(nip, password, context);
      return outcome.ok ? outcome.principal : null;
    },
    totp: {
      enabled: async (nip) => !!(await getAccount(deps(), nip))?.totpSecret,
      newSecret: (nip) => {
        const secret = newTotpSecret();
        return { secret, uri: totpUri(secret, nip) };
      },
      async enable(nip, secret, code) {
        const d = deps();
        const step = TOTP_SECRET.test(secret) ? totpStep(secret, code, d.now()) : null;
        if (step === null) return false;
        await transact(
          d,
          [
            totpEnable(d, nip, secret, step),
            accountLogPut(d, {
              nip,
              at: d.now().toISOString(),
              action: 'VERIFIKASI_DUA_LANGKAH_DIAKTIFKAN',
              detail: {},
            }),
          ],
          { 0: () => konflik('Verifikasi dua langkah sudah aktif, atau akun lokal ini tidak ada.') },
        );
        return true;
      },
    },
  };
}
