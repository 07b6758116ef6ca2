import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Principal } from '../../../shared/app/actor.js';
import { checkCsrf, csrfToken, decodeSession, encodeSession } from '../../../shared/auth/session.js';
import type { AppConfig, AppEnv } from './env.js';
import { errorBody } from './errors.js';

export const SESSION_COOKIE = 'kinerja_sesi';

/** Reads the signed session cookie; an invalid, forged or expired one counts as none. */
export function sessionMiddleware(config: AppConfig): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('config', config);
    const session =
      config.auth.mode === 'cloud'
        ? null
        : decodeSession(config.sessionSecret, getCookie(c, SESSION_COOKIE), new Date());
    c.set('session', session);
    if (session) {
      c.set('principal', { nip: session.nip, nama: session.nama, admin: session.admin });
      c.set('csrf', csrfToken(config.sessionSecret, session.sid));
    }
    await next();
  };
}

export function startSession(c: Context<AppEnv>, p: Principal): void {
  const { config } = c.var;
  const hours = config.sessionHours ?? 8;
  const value = encodeSession(config.sessionSecret, {
    ...p,
    sid: randomUUID(),
    exp: Math.floor(Date.now() / 1000) + hours * 3600,
  });
  setCookie(c, SESSION_COOKIE, value, {
    httpOnly: true,
    secure: config.secureCookies,
    sameSite: 'Lax',
    path: '/',
    maxAge: hours * 3600,
  });
}

export function endSession(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.var.config.secureCookies });
}

/** JSON API: 401 without a session; 403 on a mutation without the session's CSRF token. */
export const requireApiSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const session = c.var.session;
  if (!session) return c.json(errorBody('TIDAK_TERAUTENTIKASI', 'Silakan masuk terlebih dahulu'), 401);
  if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
    if (!checkCsrf(c.var.config.sessionSecret, session.sid, c.req.header('x-csrf-token'))) {
      return c.json(errorBody('CSRF', 'Token CSRF tidak ada atau tidak valid (header x-csrf-token)'), 403);
    }
  }
  await next();
};
