import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  signInAvailable,
  type SignInFailure,
  type SignInOutcome,
} from '../../../../shared/auth/authenticator.js';
import type { AppEnv } from '../../http/env.js';
import { startSession } from '../../http/session.js';
import { sendPage } from '../common/respond.js';
import { SignInPage, type SignInProps } from './sign-in.js';

/**
 * What every step of signing in shares: the form token of a visitor without a session, the
 * refusal messages, and the end of a successful sign-in.
 */

/**
 * Before sign-in there is no session to bind a CSRF token to, so the sign-in forms use a
 * double-submit token: a cross-site page can neither read this cookie nor set it.
 */
export const SIGNIN_COOKIE = 'kinerja_masuk';
/** Over HTTPS: __Host- (Secure, Path=/, this host only), so a sibling subdomain cannot plant it. */
const signInCookie = (c: Context<AppEnv>) =>
  c.var.config.secureCookies
    ? { name: `__Host-${SIGNIN_COOKIE}`, path: '/' }
    : { name: SIGNIN_COOKIE, path: '/masuk' };
const SIGNIN_TOKEN_SECONDS = 15 * 60;

export function issueFormToken(c: Context<AppEnv>): string {
  const token = randomBytes(32).toString('base64url');
  const cookie = signInCookie(c);
  setCookie(c, cookie.name, token, {
    httpOnly: true,
    secure: c.var.config.secureCookies,
    sameSite: 'Strict',
    path: cookie.path,
    maxAge: SIGNIN_TOKEN_SECONDS,
  });
  return token;
}

/** The posted token matches the cookie's. */
export function formTokenValid(c: Context<AppEnv>, field: string | undefined): boolean {
  const cookie = getCookie(c, signInCookie(c).name);
  if (!cookie || !field) return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(field);
  return a.length === b.length && timingSafeEqual(a, b);
}

type Shown = Omit<SignInProps, 'formToken' | 'cloud'>;

export function showSignIn(c: Context<AppEnv>, props: Shown, status: ContentfulStatusCode = 200) {
  // Only a deployment without any sign-in (no user pool) shows the notice instead of the form.
  const cloud = !signInAvailable(c.var.config.auth);
  return sendPage(c, SignInPage({ ...props, cloud, formToken: cloud ? '' : issueFormToken(c) }), status);
}

/** NIPs are often written grouped ("19850314 201001 1 002"): spaces are not part of them. */
export const normaliseNip = (nip: string) => nip.replace(/\s+/g, '');

/** "5 detik", "2 menit": how long to wait, as a person would say it. */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} detik` : `${Math.ceil(seconds / 60)} menit`;
}

/**
 * The reason matters to the person (and to support), except for wrong credentials. The steps
 * that continue (new password, the code, setting the code up) have their own pages; these are
 * what the sign-in page says when a sign-in stops.
 */
const REFUSAL: Record<SignInFailure, { message: string; status: ContentfulStatusCode }> = {
  INVALID_CREDENTIALS: { message: 'NIP atau kata sandi salah', status: 401 },
  // Cognito does not say how long its lock lasts, only that it is at most about 15 minutes.
  THROTTLED: {
    message: 'Terlalu banyak percobaan masuk yang gagal. Tunggu paling lama 15 menit, lalu coba lagi.',
    status: 429,
  },
  PASSWORD_RESET_REQUIRED: {
    message: 'Kata sandi Anda telah direset. Hubungi BKPSDM untuk kata sandi sementara yang baru.',
    status: 401,
  },
  NEW_PASSWORD_REQUIRED: {
    message: 'Sesi pembuatan kata sandi sudah berakhir. Silakan masuk lagi dengan kata sandi sementara.',
    status: 401,
  },
  WEAK_PASSWORD: { message: 'Kata sandi belum memenuhi kebijakan.', status: 422 },
  MFA_REQUIRED: { message: 'Waktu verifikasi sudah habis. Silakan masuk lagi.', status: 401 },
  MFA_SETUP_REQUIRED: { message: 'Waktu verifikasi sudah habis. Silakan masuk lagi.', status: 401 },
  WRONG_CODE: { message: 'Kode verifikasi salah. Silakan masuk lagi.', status: 401 },
  SESSION_EXPIRED: {
    message: 'Waktu verifikasi sudah habis atau kode salah terlalu sering. Silakan masuk lagi.',
    status: 401,
  },
  INACTIVE: { message: 'Akun Anda tidak aktif. Hubungi BKPSDM.', status: 403 },
  UNAVAILABLE: { message: 'Layanan masuk sedang tidak tersedia. Coba lagi beberapa saat lagi.', status: 503 },
};

/** The refusal's words and status; a throttle that knows its wait says it (and Retry-After). */
export function refusal(c: Context<AppEnv>, reason: SignInFailure, retryAfterSeconds?: number) {
  const { message, status } = REFUSAL[reason];
  if (reason !== 'THROTTLED' || retryAfterSeconds === undefined) return { message, status };
  c.header('Retry-After', String(retryAfterSeconds));
  return {
    message: `Terlalu banyak percobaan masuk yang gagal. Tunggu ${waitText(retryAfterSeconds)}, lalu coba lagi.`,
    status,
  };
}

/** A sign-in that ended: either the refusal on the sign-in page, or a session and the way on. */
export async function finish(c: Context<AppEnv>, outcome: SignInOutcome, lanjut: string, nip: string) {
  if (!outcome.ok) {
    const { message, status } = refusal(c, outcome.reason, outcome.retryAfterSeconds);
    return showSignIn(c, { lanjut, nip, error: message }, status);
  }
  deleteCookie(c, signInCookie(c).name, { path: signInCookie(c).path, secure: c.var.config.secureCookies });
  await startSession(c, outcome.principal);
  return c.redirect(lanjut, 303);
}
