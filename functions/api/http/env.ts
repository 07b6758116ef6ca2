import type { Principal } from '../../../shared/app/actor.js';
import type { Authenticator } from '../../../shared/auth/authenticator.js';
import type { SessionCookie } from '../../../shared/auth/session.js';
import type { Deps } from '../../../shared/runtime/deps.js';

export interface AppConfig {
  auth: Authenticator;
  deps: () => Deps;
  /** Signs session cookies and CSRF tokens. */
  sessionSecret: string;
  /** Secure cookies everywhere but plain-http localhost. */
  secureCookies: boolean;
  /** How long a web session lasts (its item's expiry and the cookie's Max-Age); 8 by default. */
  sessionHours?: number;
}

export type AppEnv = {
  Variables: {
    config: AppConfig;
    /** The cookie's session, once its item was found unexpired and its person active. */
    session: SessionCookie | null;
    /** True when the principal came from a bearer token (API clients), not the cookie. */
    bearer: boolean;
    principal: Principal;
    csrf: string;
  };
};
