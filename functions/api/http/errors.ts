import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type Issue } from '../../../shared/domain/errors.js';

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

/** Anything not anticipated: log it, say little. Bad input never reaches here. */
export function onError(err: Error, c: Context) {
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
  console.error(
    JSON.stringify({
      level: 'error',
      message: err.message,
      name: err.name,
      stack: err.stack,
      path: c.req.path,
    }),
  );
  return c.json(errorBody('KESALAHAN_SERVER', 'Terjadi kesalahan pada server. Coba lagi nanti.'), 500);
}
