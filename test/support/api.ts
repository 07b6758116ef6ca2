import { randomBytes, randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createApp } from '../../functions/api/app.js';
import { SESSION_COOKIE } from '../../functions/api/http/session.js';
import type { Principal } from '../../shared/app/actor.js';
import { localAccounts } from '../../shared/auth/local-accounts.js';
import { csrfToken, encodeSession } from '../../shared/auth/session.js';
import { keys } from '../../shared/data/keys.js';
import { sessionItem, type StoredSession } from '../../shared/data/sessions.js';
import type { TestSystem } from './system.js';

export const SECRET = 'test-secret-0123456789';

export function testApp(s: TestSystem) {
  return withTestSessions(
    createApp({
      auth: localAccounts(() => s.deps),
      deps: () => s.deps,
      sessionSecret: SECRET,
      secureCookies: false,
    }),
    s,
  );
}

/** Sessions handed out by `sessionFor`, not yet in any table. */
const issued: StoredSession[] = [];

/**
 * Before each request it serves, the app stores the sessions `sessionFor` has handed out since
 * (in its own table, through the workflow's DynamoDB client, so that `countDynamoCalls` counts
 * only what the request itself does). The app then checks them exactly as it checks a session
 * its sign-in wrote. Every app of `testApp` does this; wrap an app built with `createApp`.
 */
export function withTestSessions<A extends ReturnType<typeof createApp>>(app: A, s: TestSystem): A {
  const stored = new Set<string>();
  const request = app.request;
  app.request = async (...args: Parameters<typeof request>) => {
    const pending = issued.filter((x) => !stored.has(x.sid));
    for (const x of pending) stored.add(x.sid);
    await Promise.all(
      pending.map((x) =>
        s.handlerDeps.ddb.send(new PutCommand({ TableName: s.deps.tableName, Item: sessionItem(x) })),
      ),
    );
    return request(...args);
  };
  return app;
}

/**
 * A session as the sign-in route would issue it (stored by the app before its next request),
 * plus its CSRF token. `expiresIn` (seconds, 8 hours as at sign-in, may be negative) sets the stored session's expiry:
 * an expired item that TTL has not deleted yet. `secret` signs the cookie with another key: a
 * forgery, refused before any read.
 */
export function sessionFor(p: Principal, options: { expiresIn?: number; secret?: string } = {}) {
  const sid = randomBytes(16).toString('base64url');
  issued.push({
    nip: p.nip,
    sid,
    dibuatPada: new Date().toISOString(),
    expiresAt: Math.floor(Date.now() / 1000) + (options.expiresIn ?? 8 * 3600),
  });
  const value = encodeSession(options.secret ?? SECRET, { nip: p.nip, sid });
  // Both names: apps under test serve plain http (kinerja_sesi) or HTTPS (__Host-kinerja_sesi).
  const cookie = `${SESSION_COOKIE}=${value}; __Host-${SESSION_COOKIE}=${value}`;
  return { cookie, csrf: csrfToken(SECRET, sid), sid };
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

/**
 * What `countDynamoCalls` records for the one read that checks a request's credential (the
 * session item or a bearer token's revocation item, with the employee profile).
 */
export const SESSION_CHECK = 'SessionCheck(BatchGetItemCommand)';

const CREDENTIAL_SK = [keys.sessionPrefix(), keys.tokenRevocation('', '').sk];

/** A BatchGet whose keys include a session or revocation item (the client sees it marshalled). */
function isSessionCheck(command: string, input: unknown): boolean {
  if (command !== 'BatchGetItemCommand' && command !== 'BatchGetCommand') return false;
  const requests = Object.values((input as { RequestItems?: object }).RequestItems ?? {}) as {
    Keys?: { sk?: unknown }[];
  }[];
  return requests.some((r) =>
    (r.Keys ?? []).some((k) => {
      const sk = typeof k.sk === 'string' ? k.sk : (k.sk as { S?: string } | undefined)?.S;
      return !!sk && CREDENTIAL_SK.some((prefix) => sk.startsWith(prefix));
    }),
  );
}

/** Counts DynamoDB commands sent through the system's client (SDK middleware). */
export function countDynamoCalls(s: TestSystem) {
  const calls: string[] = [];
  s.deps.ddb.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName);
      calls.push(isSessionCheck(name, args.input) ? SESSION_CHECK : name);
      return next(args);
    },
    { step: 'initialize', name: `count-${randomUUID()}` },
  );
  return calls;
}

/**
 * A request's own DynamoDB calls: the calls without its one credential check. Budgets count
 * what a route does; every signed-in request also pays exactly one session check, and more than
 * one fails here.
 */
export function withoutSessionCheck(used: string[]): string[] {
  const checks = used.filter((c) => c === SESSION_CHECK).length;
  if (checks > 1) throw new Error(`${checks} session checks in one request: ${used.join(', ')}`);
  return used.filter((c) => c !== SESSION_CHECK);
}
