import type { Principal } from '../app/actor.js';

/**
 * Where a sign-in attempt came from. Cognito's threat protection scores risk by the user's
 * address and browser; without this it only sees the API function's own address. Local
 * sign-in throttles by the address too.
 */
export interface SignInContext {
  ip: string;
  /** The host the user typed (e.g. kinerja.serangkota.go.id). */
  serverName: string;
  serverPath: string;
  headers: Record<string, string>;
}

/**
 * Sign-in behind one interface: local accounts with passwords, Cognito in the cloud. The HTTP
 * layer only ever asks these questions. Every step after the password (new password, second
 * factor) continues with the `session` the previous step handed back.
 */
export interface Authenticator {
  readonly mode: 'local' | 'cloud';
  /** Checks credentials; null when they are wrong (never says which part was wrong). */
  signIn(nip: string, password: string, context?: SignInContext): Promise<Principal | null>;
  /**
   * API clients: the principal behind an `Authorization: Bearer` token, or null when the token
   * is invalid, expired or its user is inactive. Absent when the mode has no tokens (local).
   */
  verifyBearer?(token: string): Promise<Principal | null>;
  /**
   * API clients sign out: the identity provider revokes the refresh token, and the access
   * tokens issued from it (this one included) are refused from then on. Where verifyBearer is.
   */
  revokeBearer?(accessToken: string, refreshToken: string): Promise<BearerRevocation>;
  /**
   * Sign-in with the reason for a refusal, and the continuation of a first sign-in: accounts
   * invited by the roster import start with a temporary password that must be replaced.
   */
  attemptSignIn?(nip: string, password: string, context?: SignInContext): Promise<SignInOutcome>;
  completeNewPassword?(
    nip: string,
    session: string,
    newPassword: string,
    context?: SignInContext,
  ): Promise<SignInOutcome>;
  /** The second step of an account with TOTP (after MFA_REQUIRED): the code from the app. */
  respondToTotp?(nip: string, session: string, code: string, context?: SignInContext): Promise<SignInOutcome>;
  /** An account that must set TOTP up first (after MFA_SETUP_REQUIRED): its first code. */
  completeTotpSetup?(
    nip: string,
    session: string,
    code: string,
    context?: SignInContext,
  ): Promise<SignInOutcome>;
  /** A signed-in person replaces their password, proving the current one. */
  changePassword?(
    nip: string,
    oldPassword: string,
    newPassword: string,
    context?: SignInContext,
  ): Promise<PasswordChangeOutcome>;
  /**
   * A signed-in person turns TOTP on from the "Verifikasi dua langkah" page. Only where the
   * app can do it for a signed-in person (local accounts); in the cloud it happens at sign-in.
   */
  totp?: TotpEnrolment;
}

export interface TotpEnrolment {
  enabled(nip: string): Promise<boolean>;
  /** A fresh secret to show (nothing is stored until a first code confirms it). */
  newSecret(nip: string): { secret: string; uri: string };
  /** Stores the secret when the code matches it; false for a wrong code. */
  enable(nip: string, secret: string, code: string): Promise<boolean>;
}

/** REFRESH_TOKEN_INVALID: not a refresh token of this app client (nothing was revoked). */
export type BearerRevocation = 'REVOKED' | 'REFRESH_TOKEN_INVALID' | 'UNAVAILABLE';

export type SignInFailure =
  /** Wrong password, unknown or disabled user: deliberately indistinguishable. */
  | 'INVALID_CREDENTIALS'
  /** Too many failed attempts for this NIP or from this address: wait (`retryAfterSeconds`). */
  | 'THROTTLED'
  /** An administrator reset the password; the user must use "forgot password". */
  | 'PASSWORD_RESET_REQUIRED'
  /** First sign-in with the temporary password from the invitation. */
  | 'NEW_PASSWORD_REQUIRED'
  /** The new password breaks the pool's password policy. */
  | 'WEAK_PASSWORD'
  /** The password was right and the account has TOTP: ask for the code (`session` continues). */
  | 'MFA_REQUIRED'
  /** The password was right and the account must set TOTP up first (`session`, `secret`). */
  | 'MFA_SETUP_REQUIRED'
  /** The code did not match; the same step may be tried again with the same `session`. */
  | 'WRONG_CODE'
  /** The step's session ran out or was used up: sign in again from the start. */
  | 'SESSION_EXPIRED'
  /**
   * Everything was right but the employee profile is missing or inactive. Only ever said after
   * the whole proof (password, and code when there is one): NIPs can be guessed.
   */
  | 'INACTIVE'
  /** The identity provider throttled us or failed; the user should try again later. */
  | 'UNAVAILABLE';

export type SignInOutcome =
  | { ok: true; principal: Principal }
  | {
      ok: false;
      reason: SignInFailure;
      session?: string;
      message?: string;
      /** MFA_SETUP_REQUIRED (and a wrong first code): the base32 secret to put in the app. */
      secret?: string;
      /** THROTTLED: how long to wait; absent when the identity provider does not say. */
      retryAfterSeconds?: number;
    };

export type PasswordChangeOutcome =
  | { ok: true }
  | {
      ok: false;
      reason: Extract<SignInFailure, 'INVALID_CREDENTIALS' | 'THROTTLED' | 'WEAK_PASSWORD' | 'UNAVAILABLE'>;
      message?: string;
      retryAfterSeconds?: number;
    };

/** A cloud deployment without a user pool accepts no one. */
export const denyAll: Authenticator = {
  mode: 'cloud',
  signIn: async () => null,
};

/** Whether a sign-in form makes sense at all (false for a cloud deployment without a pool). */
export const signInAvailable = (auth: Authenticator): boolean => auth !== denyAll;
