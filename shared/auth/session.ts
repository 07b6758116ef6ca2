import { createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Principal } from '../app/actor.js';

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

export interface SessionData extends Principal {
  /** Session id: binds the CSRF token to this session. */
  sid: string;
  exp: number;
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const sign = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('base64url');

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A session is `payload.signature`; nothing in it is trusted unless the signature matches. */
export function encodeSession(secret: string, s: SessionData): string {
  const payload = b64(JSON.stringify(s));
  return `${payload}.${sign(secret, payload)}`;
}

export function decodeSession(secret: string, value: string | undefined, now: Date): SessionData | null {
  if (!value) return null;
  const [payload, signature] = value.split('.');
  if (!payload || !signature || !safeEqual(signature, sign(secret, payload))) return null;
  try {
    const s = JSON.parse(Buffer.from(payload, 'base64url').toString()) as SessionData;
    if (typeof s.exp !== 'number' || s.exp * 1000 < now.getTime() || !/^\d{18}$/.test(s.nip)) return null;
    return s;
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
