import type { Principal } from '../../../shared/app/actor.js';
import type { Authenticator } from '../../../shared/auth/authenticator.js';
import type { SessionData } from '../../../shared/auth/session.js';
import type { Deps } from '../../../shared/runtime/deps.js';

export interface AppConfig {
  auth: Authenticator;
  deps: () => Deps;
  /** Signs session cookies and CSRF tokens. */
  sessionSecret: string;
  /** Secure cookies everywhere but plain-http localhost. */
  secureCookies: boolean;
  sessionHours?: number;
}

export type AppEnv = {
  Variables: {
    config: AppConfig;
    session: SessionData | null;
    /** True when the principal came from a bearer token (API clients), not the cookie. */
    bearer: boolean;
    principal: Principal;
    csrf: string;
  };
};
