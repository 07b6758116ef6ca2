import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type Issue } from '../../../shared/domain/errors.js';
import { REFUSAL_TITLE } from '../web/common/error-page.js';
import { errorPage } from '../web/common/respond.js';
import type { AppEnv } from './env.js';

/** The one error shape of the JSON API. */
export interface ErrorBody {
  error: string;
  message: string;
  issues: Issue[];
  [extra: string]: unknown;
}

const STATUS: Record<DomainError['code'], ContentfulStatusCode> = {
  VALIDASI: 422,
  KONFLIK: 409,
  TIDAK_DITEMUKAN: 404,
  DILARANG: 403,
};

export function errorBody(
  error: string,
  message: string,
  issues: Issue[] = [],
  extra: Record<string, unknown> = {},
): ErrorBody {
  return { error, message, issues, ...extra };
}

export function domainErrorResponse(c: Context, err: DomainError) {
  return c.json(errorBody(err.code, err.message, err.issues, err.details), STATUS[err.code]);
}

export function statusOf(err: DomainError): ContentfulStatusCode {
  return STATUS[err.code];
}

/** zod issues as `{ path, message }` with dotted paths. */
export function zodIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
}

/** A failure nobody anticipated, for the operators: the person is told little. */
export function logUnexpected(err: Error, c: Context) {
  console.error(
    JSON.stringify({
      level: 'error',
      message: err.message,
      name: err.name,
      stack: err.stack,
      path: c.req.path,
    }),
  );
}

/** The JSON API and JSON clients get JSON; a browser on the web pages gets a page (as notFound). */
const wantsJson = (c: Context) =>
  c.req.path.startsWith('/api/') || !!c.req.header('accept')?.includes('application/json');

/** The same answers as onError's, as an Indonesian page: a web form never shows raw JSON. */
function errorAsPage(err: Error, c: Context<AppEnv>) {
  if (err instanceof DomainError) return errorPage(c, STATUS[err.code], REFUSAL_TITLE[err.code], err.message);
  if (err instanceof HTTPException)
    return err.status === 413
      ? errorPage(c, 413, 'Terlalu besar', 'Isian atau berkas yang dikirim terlalu besar.')
      : errorPage(
          c,
          err.status as ContentfulStatusCode,
          'Permintaan tidak valid',
          'Permintaan ini tidak dapat diproses.',
        );
  if (err instanceof SyntaxError)
    return errorPage(c, 400, 'Permintaan tidak valid', 'Isi permintaan tidak dapat dibaca.');
  logUnexpected(err, c);
  return errorPage(
    c,
    500,
    'Terjadi kesalahan',
    'Terjadi kesalahan pada server; perubahan Anda belum tersimpan. Kembali ke halaman sebelumnya lalu coba lagi.',
  );
}

/** Anything not anticipated: log it, say little. Bad input never reaches here. */
export function onError(err: Error, c: Context<AppEnv>) {
  if (!wantsJson(c)) return errorAsPage(err, c);
  if (err instanceof DomainError) return domainErrorResponse(c, err);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return c.json(
      errorBody(
        status === 413 ? 'TERLALU_BESAR' : 'PERMINTAAN_TIDAK_VALID',
        err.message || 'Permintaan tidak valid',
      ),
      status,
    );
  }
  if (err instanceof SyntaxError)
    return c.json(errorBody('PERMINTAAN_TIDAK_VALID', 'Isi permintaan bukan JSON yang valid'), 400);
  logUnexpected(err, c);
  return c.json(errorBody('KESALAHAN_SERVER', 'Terjadi kesalahan pada server. Coba lagi nanti.'), 500);
}
