import type { Principal } from '../app/actor.js';

/**
 * Sign-in behind one interface: local accounts with passwords now, Cognito later. The HTTP
 * layer only ever asks these questions.
 */
export interface Authenticator {
  readonly mode: 'local' | 'cloud';
  /** Checks credentials; null when they are wrong (never says which part was wrong). */
  signIn(nip: string, password: string): Promise<Principal | null>;
}

/** Until Cognito sign-in exists the cloud deployment accepts no one. */
export const denyAll: Authenticator = {
  mode: 'cloud',
  signIn: async () => null,
};
