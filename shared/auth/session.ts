import { createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;
const SCRYPT = { N: 16384, r: 8, p: 1 };

/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}

/**
 * What the session cookie says: whose session and which one. It proves nothing by itself: the
 * session item (shared/data/sessions.ts) must still exist and be unexpired.
 */
export interface SessionCookie {
  nip: string;
  /** Session id: names the session item and binds the CSRF token to this session. */
  sid: string;
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const sign = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('base64url');

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A cookie is `payload.signature`. The signature is checked before anything is looked up, so a
 * forged or edited cookie costs no DynamoDB read.
 */
export function encodeSession(secret: string, s: SessionCookie): string {
  const payload = b64(JSON.stringify({ nip: s.nip, sid: s.sid }));
  return `${payload}.${sign(secret, payload)}`;
}

export function decodeSession(secret: string, value: string | undefined): SessionCookie | null {
  if (!value) return null;
  const [payload, signature] = value.split('.');
  if (!payload || !signature || !safeEqual(signature, sign(secret, payload))) return null;
  try {
    const s = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Partial<SessionCookie>;
    if (typeof s.nip !== 'string' || !/^\d{18}$/.test(s.nip)) return null;
    if (typeof s.sid !== 'string' || !/^[\w-]{16,64}$/.test(s.sid)) return null;
    return { nip: s.nip, sid: s.sid };
  } catch {
    return null;
  }
}

export function csrfToken(secret: string, sid: string): string {
  return sign(secret, `csrf:${sid}`);
}

export function checkCsrf(secret: string, sid: string, token: string | undefined): boolean {
  return !!token && safeEqual(token, csrfToken(secret, sid));
}
