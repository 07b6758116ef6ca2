import type { MiddlewareHandler } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { principalOf, type Principal } from '../../../shared/app/actor.js';
import { getEmployee } from '../../../shared/data/people.js';
import type { AppEnv } from './env.js';
import { errorBody } from './errors.js';
import { sessionCookieName } from './session.js';

export interface ActiveCheckOptions {
  /** How long a roster answer is trusted; bounds how late a deactivation takes effect. */
  ttlMs: number;
}

/**
 * A signed session proves who someone was when they signed in, not that they still work
 * here. Each request re-derives the principal from the roster (cached briefly per container):
 * a deactivated person is signed out, and roles (admin, kepala OPD) follow the roster.
 */
export function activeCheck(options: ActiveCheckOptions): MiddlewareHandler<AppEnv> {
  const cache = new Map<string, { principal: Principal | null; until: number }>();
  return async (c, next) => {
    const session = c.var.session;
    if (!session) return next();
    const key = `${c.var.config.deps().tableName}/${session.nip}`;
    const now = Date.now();
    let hit = cache.get(key);
    if (!hit || hit.until <= now) {
      const emp = await getEmployee(c.var.config.deps(), session.nip);
      hit = { principal: emp?.aktif ? principalOf(emp) : null, until: now + options.ttlMs };
      cache.set(key, hit);
    }
    if (!hit.principal) {
      // From here on the request is anonymous: public pages still work, the rest asks to sign in.
      deleteCookie(c, sessionCookieName(c.var.config), { path: '/', secure: c.var.config.secureCookies });
      c.set('session', null);
      if (c.req.path.startsWith('/api/')) {
        return c.json(errorBody('TIDAK_TERAUTENTIKASI', 'Akun Anda tidak aktif. Hubungi BKPSDM.'), 401);
      }
      return next();
    }
    c.set('principal', hit.principal);
    return next();
  };
}
