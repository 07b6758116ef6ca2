import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../http/env.js';
import { endSession, signInContext, startSession } from '../http/session.js';
import { signInAvailable } from '../../../shared/auth/authenticator.js';
import { safeLanjut } from './lanjut.js';
import { readForm, readSignedForm, sendPage } from './respond.js';
import { SignInPage, type SignInProps } from './views/sign-in.js';

/**
 * Before sign-in there is no session to bind a CSRF token to, so the sign-in form uses a
 * double-submit token: a cross-site page can neither read this cookie nor set it.
 */
export const SIGNIN_COOKIE = 'kinerja_masuk';
const SIGNIN_TOKEN_SECONDS = 15 * 60;

function issueFormToken(c: Context<AppEnv>): string {
  const token = randomBytes(32).toString('base64url');
  setCookie(c, SIGNIN_COOKIE, token, {
    httpOnly: true,
    secure: c.var.config.secureCookies,
    sameSite: 'Strict',
    path: '/masuk',
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

export function authRoutes(web: Hono<AppEnv>) {
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
    if (!sameToken(getCookie(c, SIGNIN_COOKIE), values._csrf)) {
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

    const principal = await c.var.config.auth.signIn(nip, password, signInContext(c));
    if (!principal) return showSignIn(c, { lanjut, nip, error: 'NIP atau kata sandi salah' }, 401);
    deleteCookie(c, SIGNIN_COOKIE, { path: '/masuk', secure: c.var.config.secureCookies });
    startSession(c, principal);
    return c.redirect(lanjut, 303);
  });

  web.post('/keluar', async (c) => {
    if (!c.var.session) return c.redirect('/masuk', 303);
    const values = await readSignedForm(c);
    if (values instanceof Response) return values;
    endSession(c);
    return c.redirect('/masuk', 303);
  });
}
