import type { MiddlewareHandler } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { principalCache } from '../../../shared/auth/profiles.js';
import type { Deps } from '../../../shared/runtime/deps.js';
import type { AppEnv } from './env.js';
import { errorBody } from './errors.js';
import { sessionCookieName } from './session.js';

/**
 * A signed session proves who someone was when they signed in, not that they still work
 * here. Each request re-derives the principal from the roster (the same short per-container
 * cache the bearer path uses): a deactivated person is signed out, and roles (admin, kepala
 * OPD) follow the roster.
 */
export function activeCheck(deps: () => Deps): MiddlewareHandler<AppEnv> {
  const lookup = principalCache(deps);
  return async (c, next) => {
    const session = c.var.session;
    if (!session) return next();
    const principal = await lookup(session.nip);
    if (!principal) {
      // From here on the request is anonymous: public pages still work, the rest asks to sign in.
      deleteCookie(c, sessionCookieName(c.var.config), { path: '/', secure: c.var.config.secureCookies });
      c.set('session', null);
      if (c.req.path.startsWith('/api/')) {
        return c.json(errorBody('TIDAK_TERAUTENTIKASI', 'Akun Anda tidak aktif. Hubungi BKPSDM.'), 401);
      }
      return next();
    }
    c.set('principal', principal);
    return next();
  };
}
