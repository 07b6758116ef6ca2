import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../http/env.js';
import { endSession, signInContext, startSession } from '../../http/session.js';
import {
  signInAvailable,
  type SignInFailure,
  type SignInOutcome,
} from '../../../../shared/auth/authenticator.js';
import { safeLanjut } from '../common/lanjut.js';
import { readForm, readSignedForm, sendPage } from '../common/respond.js';
import { NewPasswordPage } from './new-password.js';
import { SignInPage, type SignInProps } from './sign-in.js';

/**
 * Before sign-in there is no session to bind a CSRF token to, so the sign-in form uses a
 * double-submit token: a cross-site page can neither read this cookie nor set it.
 */
export const SIGNIN_COOKIE = 'kinerja_masuk';
/** Over HTTPS: __Host- (Secure, Path=/, this host only), so a sibling subdomain cannot plant it. */
const signInCookie = (c: Context<AppEnv>) =>
  c.var.config.secureCookies
    ? { name: `__Host-${SIGNIN_COOKIE}`, path: '/' }
    : { name: SIGNIN_COOKIE, path: '/masuk' };
const SIGNIN_TOKEN_SECONDS = 15 * 60;

function issueFormToken(c: Context<AppEnv>): string {
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

function sameToken(cookie: string | undefined, field: string | undefined): boolean {
  if (!cookie || !field) return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(field);
  return a.length === b.length && timingSafeEqual(a, b);
}

type Shown = Omit<SignInProps, 'formToken' | 'cloud'>;

function showSignIn(c: Context<AppEnv>, props: Shown, status: ContentfulStatusCode = 200) {
  // Only a deployment without any sign-in (no user pool) shows the notice instead of the form.
  const cloud = !signInAvailable(c.var.config.auth);
  return sendPage(c, SignInPage({ ...props, cloud, formToken: cloud ? '' : issueFormToken(c) }), status);
}

/** NIPs are often written grouped ("19850314 201001 1 002"): spaces are not part of them. */
const normaliseNip = (nip: string) => nip.replace(/\s+/g, '');

/** The reason matters to the person (and to support), except for wrong credentials. */
const REFUSAL: Record<SignInFailure, { message: string; status: ContentfulStatusCode }> = {
  INVALID_CREDENTIALS: { message: 'NIP atau kata sandi salah', status: 401 },
  PASSWORD_RESET_REQUIRED: {
    message: 'Kata sandi Anda telah direset. Hubungi BKPSDM untuk kata sandi sementara yang baru.',
    status: 401,
  },
  NEW_PASSWORD_REQUIRED: {
    message: 'Sesi pembuatan kata sandi sudah berakhir. Silakan masuk lagi dengan kata sandi sementara.',
    status: 401,
  },
  WEAK_PASSWORD: { message: 'Kata sandi belum memenuhi kebijakan.', status: 422 },
  MFA_REQUIRED: {
    message: 'Akun ini memakai verifikasi dua langkah, yang belum didukung formulir ini. Hubungi BKPSDM.',
    status: 401,
  },
  INACTIVE: { message: 'Akun Anda tidak aktif. Hubungi BKPSDM.', status: 403 },
  UNAVAILABLE: { message: 'Layanan masuk sedang tidak tersedia. Coba lagi beberapa saat lagi.', status: 503 },
};

async function attempt(c: Context<AppEnv>, nip: string, password: string): Promise<SignInOutcome> {
  const auth = c.var.config.auth;
  if (auth.attemptSignIn) return auth.attemptSignIn(nip, password, signInContext(c));
  const principal = await auth.signIn(nip, password, signInContext(c));
  return principal ? { ok: true, principal } : { ok: false, reason: 'INVALID_CREDENTIALS' };
}

function finish(c: Context<AppEnv>, outcome: SignInOutcome, lanjut: string, nip: string) {
  if (!outcome.ok) {
    const { message, status } = REFUSAL[outcome.reason];
    return showSignIn(c, { lanjut, nip, error: message }, status);
  }
  deleteCookie(c, signInCookie(c).name, { path: signInCookie(c).path, secure: c.var.config.secureCookies });
  startSession(c, outcome.principal);
  return c.redirect(lanjut, 303);
}

/** Signing in and out: public pages (signing out checks its own session). */
export function authPages() {
  const web = new Hono<AppEnv>();
  web.get('/masuk', (c) => {
    const lanjut = safeLanjut(c.req.query('lanjut'));
    if (c.var.session) return c.redirect(lanjut, 303);
    return showSignIn(c, { lanjut });
  });

  web.post('/masuk', async (c) => {
    const values = await readForm(c);
    if (values instanceof Response) return values;
    const lanjut = safeLanjut(values.lanjut);
    const nip = normaliseNip(values.nip ?? '');
    if (!signInAvailable(c.var.config.auth)) return showSignIn(c, { lanjut }, 503);
    if (!sameToken(getCookie(c, signInCookie(c).name), values._csrf)) {
      return showSignIn(
        c,
        { lanjut, nip, error: 'Formulir masuk sudah kedaluwarsa. Silakan coba lagi.' },
        403,
      );
    }
    const password = values.password ?? '';
    const fieldErrors: Record<string, string> = {};
    if (!nip) fieldErrors.nip = 'NIP wajib diisi';
    if (!password) fieldErrors.password = 'Kata sandi wajib diisi';
    if (Object.keys(fieldErrors).length)
      return showSignIn(c, { lanjut, nip, error: 'Lengkapi isian berikut.', fieldErrors }, 400);

    const outcome = await attempt(c, nip, password);
    if (!outcome.ok && outcome.reason === 'NEW_PASSWORD_REQUIRED' && outcome.session) {
      return sendPage(
        c,
        NewPasswordPage({ formToken: issueFormToken(c), lanjut, nip, session: outcome.session }),
      );
    }
    return finish(c, outcome, lanjut, nip);
  });

  web.post('/masuk/sandi-baru', async (c) => {
    const values = await readForm(c);
    if (values instanceof Response) return values;
    const lanjut = safeLanjut(values.lanjut);
    const nip = normaliseNip(values.nip ?? '');
    const session = values.session ?? '';
    const auth = c.var.config.auth;
    if (!auth.completeNewPassword) return showSignIn(c, { lanjut }, 404);
    if (!sameToken(getCookie(c, signInCookie(c).name), values._csrf)) {
      return showSignIn(c, { lanjut, nip, error: 'Formulir sudah kedaluwarsa. Silakan masuk lagi.' }, 403);
    }
    const again = (error: string, fieldErrors: Record<string, string>, status: ContentfulStatusCode) =>
      sendPage(
        c,
        NewPasswordPage({ formToken: issueFormToken(c), lanjut, nip, session, error, fieldErrors }),
        status,
      );
    const newPassword = values.newPassword ?? '';
    if (newPassword.length < 12)
      return again('Kata sandi baru terlalu pendek.', { newPassword: 'Minimal 12 karakter' }, 400);
    if (newPassword !== values.confirm)
      return again(
        'Kedua isian kata sandi tidak sama.',
        { confirm: 'Ulangi kata sandi yang sama persis' },
        400,
      );
    const outcome = await auth.completeNewPassword(nip, session, newPassword, signInContext(c));
    if (!outcome.ok && outcome.reason === 'WEAK_PASSWORD') {
      return again(
        'Kata sandi belum memenuhi kebijakan.',
        {
          newPassword:
            'Minimal 12 karakter dengan huruf besar, huruf kecil, angka, dan simbol; tidak boleh sama dengan kata sandi lama',
        },
        422,
      );
    }
    return finish(c, outcome, lanjut, nip);
  });

  web.post('/keluar', async (c) => {
    if (!c.var.session) return c.redirect('/masuk', 303);
    const values = await readSignedForm(c);
    if (values instanceof Response) return values;
    endSession(c);
    return c.redirect('/masuk', 303);
  });
  return web;
}
