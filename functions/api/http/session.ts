import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Principal } from '../../../shared/app/actor.js';
import type { SignInContext } from '../../../shared/auth/authenticator.js';
import { sessionPrincipal } from '../../../shared/auth/profiles.js';
import { checkCsrf, csrfToken, decodeSession, encodeSession } from '../../../shared/auth/session.js';
import { createSession, deleteSession } from '../../../shared/data/sessions.js';
import type { AppConfig, AppEnv } from './env.js';
import { errorBody } from './errors.js';

export const SESSION_COOKIE = 'kinerja_sesi';

/**
 * Over HTTPS the cookie carries the __Host- prefix: the browser then refuses it unless it was
 * set by this exact host with Secure and Path=/, so a sibling subdomain cannot plant a session.
 */
export const sessionCookieName = (config: { secureCookies: boolean }) =>
  config.secureCookies ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;

const clearSessionCookie = (c: Context<AppEnv>) =>
  deleteCookie(c, sessionCookieName(c.var.config), { path: '/', secure: c.var.config.secureCookies });

/** `Authorization: Bearer <token>` on a JSON API request, when the authenticator can check it. */
export function bearerToken(c: Context<AppEnv>, config: AppConfig): string | undefined {
  if (!config.auth.verifyBearer || !c.req.path.startsWith('/api/')) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return m?.[1];
}

/**
 * Establishes who is asking, in at most one DynamoDB read. API clients send a bearer token:
 * when one is present it alone decides (a bad token is 401 even next to a valid cookie).
 * Everyone else uses the session cookie: a forged one counts as none without any read; a
 * genuine one signs in only while its session item exists, is unexpired and its person is
 * active (shared/auth/profiles.ts sessionPrincipal).
 */
export function sessionMiddleware(config: AppConfig): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('config', config);
    c.set('session', null);
    c.set('bearer', false);
    const token = bearerToken(c, config);
    if (token) {
      const principal = await config.auth.verifyBearer!(token);
      if (principal) {
        c.set('principal', principal);
        c.set('bearer', true);
      }
      return next();
    }
    const cookie = decodeSession(config.sessionSecret, getCookie(c, sessionCookieName(config)));
    if (!cookie) return next();
    const verdict = await sessionPrincipal(config.deps(), cookie.nip, cookie.sid);
    if (verdict === 'ENDED' || verdict === 'INACTIVE') {
      // From here on the request is anonymous: public pages still work, the rest asks to sign in.
      clearSessionCookie(c);
      if (verdict === 'INACTIVE' && c.req.path.startsWith('/api/'))
        return c.json(errorBody('TIDAK_TERAUTENTIKASI', 'Akun Anda tidak aktif. Hubungi BKPSDM.'), 401);
      return next();
    }
    c.set('session', cookie);
    c.set('principal', verdict.principal);
    c.set('csrf', csrfToken(config.sessionSecret, cookie.sid));
    await next();
  };
}

/** Sign-in: one write, the session item, then the cookie that names it. */
export async function startSession(c: Context<AppEnv>, p: Principal): Promise<void> {
  const { config } = c.var;
  const hours = config.sessionHours ?? 8;
  const session = await createSession(config.deps(), p.nip, hours);
  setCookie(c, sessionCookieName(config), encodeSession(config.sessionSecret, session), {
    httpOnly: true,
    secure: config.secureCookies,
    sameSite: 'Lax',
    path: '/',
    maxAge: hours * 3600,
  });
}

/** Sign-out: the session item goes, so every copy of the cookie and its CSRF token stop at once. */
export async function endSession(c: Context<AppEnv>): Promise<void> {
  const session = c.var.session;
  if (session) await deleteSession(c.var.config.deps(), session.nip, session.sid);
  c.set('session', null);
  clearSessionCookie(c);
}

/**
 * JSON API: 401 without a session or valid bearer token; 403 on a cookie mutation without the
 * session's CSRF token. Bearer requests need no CSRF token: a browser never attaches the
 * Authorization header on its own, so a cross-site page cannot borrow it.
 */
export const requireApiSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.var.bearer) return next();
  const session = c.var.session;
  if (!session) {
    if (c.req.header('authorization') && c.var.config.auth.verifyBearer)
      c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
    return c.json(errorBody('TIDAK_TERAUTENTIKASI', 'Silakan masuk terlebih dahulu'), 401);
  }
  if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
    if (!checkCsrf(c.var.config.sessionSecret, session.sid, c.req.header('x-csrf-token'))) {
      return c.json(errorBody('CSRF', 'Token CSRF tidak ada atau tidak valid (header x-csrf-token)'), 403);
    }
  }
  await next();
};

/** Headers that help Cognito recognise a browser; never cookies or credentials. */
const CONTEXT_HEADERS = ['user-agent', 'accept-language', 'host', 'referer', 'x-forwarded-for'];

/**
 * The user's side of a sign-in for Cognito's threat protection: the address API Gateway saw
 * (from the Lambda event, which the client cannot forge) and a few browser headers. Undefined
 * outside Lambda (local mode has no use for it).
 */
export function signInContext(c: Context<AppEnv>): SignInContext | undefined {
  const env = c.env as { event?: { requestContext?: { http?: { sourceIp?: string } } } } | undefined;
  const ip = env?.event?.requestContext?.http?.sourceIp;
  if (!ip) return undefined;
  const headers: Record<string, string> = {};
  for (const name of CONTEXT_HEADERS) {
    const value = c.req.header(name);
    if (value) headers[name] = value;
  }
  return { ip, serverName: c.req.header('host') ?? '', serverPath: c.req.path, headers };
}
