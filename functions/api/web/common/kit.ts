/**
 * The web routes' kit: URL parts, the not-found and refusal pages, flash messages, and the one
 * skeleton of a form POST. Every page answers in Indonesian and as HTML, never as JSON.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Principal } from '../../../../shared/app/actor.js';
import { DomainError, type Issue } from '../../../../shared/domain/errors.js';
import { bacaAngka } from '../../../../shared/domain/input.js';
import type { Deps } from '../../../../shared/runtime/deps.js';
import { EvaluationParams } from '../../../../shared/schemas/api.js';
import type { AppEnv } from '../../http/env.js';
import { logUnexpected, statusOf, zodIssues } from '../../http/errors.js';
import { REFUSAL_TITLE } from './error-page.js';
import { errorPage, readSignedForm, sendPage } from './respond.js';
import type { FormFailure } from './types.js';

type Ctx = Context<AppEnv>;
export type Values = Record<string, string>;
type Html = string | Promise<string>;

/** What a zod `safeParse` returns, without tying the kit to one schema. */
export type Parsed<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

/** URL parts are checked like the API's: a malformed one names nothing, which is a 404. */
export const paramsOf =
  <T>(schema: { safeParse: (v: unknown) => Parsed<T> }) =>
  (c: Ctx): T | undefined => {
    const parsed = schema.safeParse(c.req.param());
    return parsed.success ? parsed.data : undefined;
  };

/** The evaluation a page or form is about: `/evaluasi/:cycleId/:nip/...`. */
export const evaluationOf = paramsOf(EvaluationParams);

export const notFound = (c: Ctx, message = 'Halaman ini tidak ditemukan.') =>
  errorPage(c, 404, 'Tidak ditemukan', message);

export const refusalPage = (c: Ctx, err: DomainError) =>
  errorPage(c, statusOf(err), REFUSAL_TITLE[err.code], err.message);

/** Runs a page; a domain refusal (not found, not allowed) becomes its error page. */
export async function guarded(c: Ctx, render: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await render();
  } catch (err) {
    if (err instanceof DomainError) return refusalPage(c, err);
    throw err;
  }
}

/** A page drawn from what the services return, guarded as above. */
export const showPage = (c: Ctx, draw: () => Promise<Html>, status: ContentfulStatusCode = 200) =>
  guarded(c, async () => sendPage(c, await draw(), status));

/**
 * Flash messages travel in the redirect URL as a key (`?pesan=`), never as text, so nobody can
 * make the site display words of their choosing through a crafted link. Each page has its table.
 */
export type FlashTable = Readonly<Record<string, string>>;

export const flashText = (table: FlashTable, key: string | undefined): string | undefined =>
  key && Object.hasOwn(table, key) ? table[key] : undefined;

export const flashOf = (c: Ctx, table: FlashTable) => flashText(table, c.req.query('pesan'));

/** Form fields go through the JSON API's schemas, with zod's own messages in Indonesian. */
export const INDONESIAN = { error: z.locales.id().localeError };

/**
 * A number field arrives as text: read the way people write it ("12,5"), it goes on to the JSON
 * schema, whose rule answers for it; text that is no number goes on as text, refused by name.
 */
export const angkaFormulir = (v: string | undefined): number | string =>
  v === undefined ? '' : (bacaAngka(v) ?? v);

/** An empty or blank optional field means "not given", not "set to empty". */
export const filled = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);

const INVALID = 'Periksa kembali isian formulir.';
const STALE =
  'Data sudah berubah, muat ulang. Halaman ini kini menampilkan data terbaru; periksa lalu kirim ulang isian Anda.';
const UNEXPECTED =
  'Terjadi kesalahan pada server. Periksa halaman ini: bila perubahan Anda belum tampil, kirim ulang isian Anda.';

/** A refusal that names its field is shown at that field. */
const issuesOf = (err: DomainError): Issue[] =>
  typeof err.details.field === 'string' ? [{ path: err.details.field, message: err.message }] : err.issues;

export interface FormAction<T, D, R, F extends string> {
  /** The form's name, so the page shows a refusal at it. */
  form: F;
  /** The URL's parts; none (a malformed URL) is a 404 saying what could not be found. */
  target: (c: Ctx) => T | undefined;
  missing?: string;
  /** The row or item the form belongs to, when the page repeats the form per row. */
  rowId?: (t: T) => string | undefined;
  /** The posted text fields to the service's input; a failure names each field's problem. */
  parse: (values: Values) => Parsed<D>;
  run: (deps: Deps, p: Principal, t: T, data: D, values: Values) => Promise<R>;
  /** Where a success goes: a redirect, so that a reload does not post again. */
  done: (t: T, result: R, values: Values) => string;
  /** The page again, showing the failure at its form with what was typed. */
  again: (
    c: Ctx,
    t: T,
    status: ContentfulStatusCode,
    failure: FormFailure<F>,
  ) => Response | Promise<Response>;
  /** Where the person, not the answers, is refused (403, 404) there is no form for them: an error page. */
  refusalAsPage?: boolean;
  /** The summary's first line for input the schema refuses. */
  invalid?: string;
  /** The words for a stale version (someone changed the data since the page was opened). */
  stale?: string;
}

/**
 * Every form POST of a signed-in person: URL parts, CSRF, parse, run the service, then redirect;
 * or render the page again with the errors at their fields and what was typed.
 */
export function formAction<T, D, R, F extends string>(a: FormAction<T, D, R, F>) {
  return async (c: Ctx): Promise<Response> => {
    const t = a.target(c);
    if (t === undefined) return notFound(c, a.missing);
    const values = await readSignedForm(c);
    if (values instanceof Response) return values;
    const fail = (status: ContentfulStatusCode, message: string, issues: Issue[]) =>
      guarded(c, () => a.again(c, t, status, { form: a.form, rowId: a.rowId?.(t), message, issues, values }));
    const parsed = a.parse(values);
    if (!parsed.success) return fail(400, a.invalid ?? INVALID, zodIssues(parsed.error));
    let result: R;
    try {
      result = await a.run(c.var.config.deps(), c.var.principal, t, parsed.data, values);
    } catch (err) {
      if (!(err instanceof DomainError)) {
        // Whatever broke, the person keeps what they typed, on the page, never a JSON body.
        logUnexpected(err as Error, c);
        return fail(500, UNEXPECTED, []);
      }
      if (a.refusalAsPage && (err.code === 'DILARANG' || err.code === 'TIDAK_DITEMUKAN'))
        return refusalPage(c, err);
      const stale = err.code === 'KONFLIK' && 'currentVersion' in err.details;
      return fail(statusOf(err), stale ? (a.stale ?? STALE) : err.message, issuesOf(err));
    }
    return c.redirect(a.done(t, result, values), 303);
  };
}

/** A form that posts nothing but its CSRF token (a button). */
export const noFields = (): Parsed<Record<string, never>> => ({ success: true, data: {} });
