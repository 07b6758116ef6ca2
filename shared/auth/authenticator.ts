import type { Principal } from '../app/actor.js';

/**
 * Where a sign-in attempt came from. Cognito's threat protection scores risk by the user's
 * address and browser; without this it only sees the API function's own address.
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
 * layer only ever asks these questions.
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
}

export type SignInFailure =
  /** Wrong password, unknown or disabled user: deliberately indistinguishable. */
  | 'INVALID_CREDENTIALS'
  /** An administrator reset the password; the user must use "forgot password". */
  | 'PASSWORD_RESET_REQUIRED'
  /** First sign-in with the temporary password from the invitation. */
  | 'NEW_PASSWORD_REQUIRED'
  /** The new password breaks the pool's password policy. */
  | 'WEAK_PASSWORD'
  /** The user turned on TOTP; the web form cannot ask for the code yet. */
  | 'MFA_REQUIRED'
  /** The identity provider accepted the password but the employee profile is missing or inactive. */
  | 'INACTIVE'
  /** The identity provider throttled us or failed; the user should try again later. */
  | 'UNAVAILABLE';

export type SignInOutcome =
  | { ok: true; principal: Principal }
  | { ok: false; reason: SignInFailure; session?: string; message?: string };

/** A cloud deployment without a user pool accepts no one. */
export const denyAll: Authenticator = {
  mode: 'cloud',
  signIn: async () => null,
};

/** Whether a sign-in form makes sense at all (false for a cloud deployment without a pool). */
export const signInAvailable = (auth: Authenticator): boolean => auth !== denyAll;
