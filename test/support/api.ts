import { randomUUID } from 'node:crypto';
import { createApp } from '../../functions/api/app.js';
import { SESSION_COOKIE } from '../../functions/api/http/session.js';
import type { Principal } from '../../shared/app/actor.js';
import { localAccounts } from '../../shared/auth/local-accounts.js';
import { csrfToken, encodeSession } from '../../shared/auth/session.js';
import type { TestSystem } from './system.js';

export const SECRET = 'test-secret-0123456789';

export function testApp(s: TestSystem) {
  return createApp({
    auth: localAccounts(() => s.deps),
    deps: () => s.deps,
    sessionSecret: SECRET,
    secureCookies: false,
  });
}

/** A signed session as the sign-in route would issue it, plus its CSRF token. */
export function sessionFor(p: Principal, options: { expiresIn?: number; secret?: string } = {}) {
  const sid = randomUUID();
  const value = encodeSession(options.secret ?? SECRET, {
    ...p,
    sid,
    exp: Math.floor(Date.now() / 1000) + (options.expiresIn ?? 3600),
  });
  // Both names: apps under test serve plain http (kinerja_sesi) or HTTPS (__Host-kinerja_sesi).
  const cookie = `${SESSION_COOKIE}=${value}; __Host-${SESSION_COOKIE}=${value}`;
  return { cookie, csrf: csrfToken(SECRET, sid) };
}

export type Client = ReturnType<typeof client>;

/** JSON requests as a signed-in user. */
export function client(app: ReturnType<typeof testApp>, p?: Principal) {
  const session = p ? sessionFor(p) : undefined;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.request(path, {
      method,
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return {
      status: res.status,
      json: json as Record<string, unknown> & { issues?: { path: string; message: string }[] },
      text,
      headers: res.headers,
    };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      call('POST', path, body, headers),
    put: (path: string, body?: unknown, headers?: Record<string, string>) => call('PUT', path, body, headers),
    del: (path: string, headers?: Record<string, string>) => call('DELETE', path, undefined, headers),
  };
}

/** Counts DynamoDB commands sent through the system's client (SDK middleware). */
export function countDynamoCalls(s: TestSystem) {
  const calls: string[] = [];
  s.deps.ddb.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: `count-${randomUUID()}` },
  );
  return calls;
}
