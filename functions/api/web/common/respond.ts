import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { checkCsrf } from '../../../../shared/auth/session.js';
import type { AppEnv } from '../../http/env.js';
import { lanjutFor, signInUrl } from './lanjut.js';
import type { Viewer } from './types.js';
import { ErrorPage } from './error-page.js';

type Html = string | Promise<string>;

/** Pages carry personal data: never let a shared cache or the back-forward cache keep them. */
export function sendPage(c: Context<AppEnv>, page: Html, status: ContentfulStatusCode = 200) {
  c.header('Cache-Control', 'no-store');
  return c.html(page, status);
}

export const viewerOf = (c: Context<AppEnv>): Viewer => ({ user: c.var.principal, csrf: c.var.csrf });

export function errorPage(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  title: string,
  message: string,
  back?: { href: string; label: string },
) {
  return sendPage(
    c,
    ErrorPage({ title, message, viewer: c.var.session ? viewerOf(c) : undefined, back }),
    status,
  );
}

/** Pages behind sign-in: the visitor comes back to where they were going. */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.session) {
    const search = new URL(c.req.url).search;
    return c.redirect(signInUrl(lanjutFor(c.req.method, c.req.path, search)), 303);
  }
  await next();
};

/** BKPSDM's own pages: anyone else is refused before anything is looked up. */
export const bkpsdmOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.principal.admin)
    return errorPage(c, 403, 'Tidak berhak', 'Halaman ini hanya untuk pengelola kinerja BKPSDM.');
  await next();
};

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A urlencoded or multipart form as text fields; an upload or unreadable body is a 400 page. */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, string> | Response> {
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch {
    return errorPage(
      c,
      400,
      'Formulir tidak dapat dibaca',
      'Isi formulir tidak dapat dibaca. Muat ulang halaman lalu coba lagi.',
    );
  }
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== 'string')
      return errorPage(c, 400, 'Formulir tidak valid', 'Formulir ini hanya menerima isian teks.');
    // Field names become object keys in the form parsers (`baris.<id>.narasi`): a name that
    // could reach Object.prototype never gets that far.
    if (key.split('.').some((part) => UNSAFE_KEYS.has(part)))
      return errorPage(c, 400, 'Formulir tidak valid', 'Nama isian formulir tidak dikenal.');
    values[key] = value;
  }
  return values;
}

/**
 * Form POSTs of a signed-in user must carry the session's CSRF token: SameSite=Lax alone
 * does not stop a same-site subdomain or an old browser from posting on the user's behalf.
 */
export async function readSignedForm(c: Context<AppEnv>): Promise<Record<string, string> | Response> {
  const values = await readForm(c);
  if (values instanceof Response) return values;
  const session = c.var.session;
  if (!session || !checkCsrf(c.var.config.sessionSecret, session.sid, values._csrf)) {
    return errorPage(
      c,
      403,
      'Permintaan ditolak',
      'Formulir ini kedaluwarsa atau tidak dikirim dari halaman aplikasi ini. Muat ulang halaman lalu coba lagi.',
    );
  }
  delete values._csrf;
  return values;
}
