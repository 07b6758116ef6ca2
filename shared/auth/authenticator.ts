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
}

/** A cloud deployment without a user pool accepts no one. */
export const denyAll: Authenticator = {
  mode: 'cloud',
  signIn: async () => null,
};

/** Whether a sign-in form makes sense at all (false for a cloud deployment without a pool). */
export const signInAvailable = (auth: Authenticator): boolean => auth !== denyAll;
