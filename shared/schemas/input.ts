import { z } from '@hono/zod-openapi';
import {
  type AturanAngka,
  type AturanTeks,
  bacaAngka,
  bacaTeks,
  periksaAngka,
  rapikanTeks,
} from '../domain/input.js';

/**
 * The input rules of shared/domain/input.ts as zod schemas: every field of every body, query and
 * path parameter is declared with one of these, so the rule, its message and the OpenAPI
 * document's limits come from one place. A failure is an issue at the field's path.
 */

/** The limits as the OpenAPI document shows them (`type` is left to zod, which knows `null`). */
const batasAngka = (a: AturanAngka) => ({
  ...(a.desimal === 0 ? { multipleOf: 1 } : {}),
  ...(a.lebihDari ? { exclusiveMinimum: a.min } : { minimum: a.min }),
  maximum: a.max,
  ...(a.desimal > 0 ? { description: `Paling banyak ${a.desimal} angka di belakang koma` } : {}),
});

/** A JSON number under its rule. Strict: "12", "0x10" and true are refused, never converted. */
export const angka = (a: AturanAngka) =>
  z
    .number(`${a.label} harus berupa angka`)
    .check((ctx) => {
      const message = periksaAngka(a, ctx.value);
      if (message) ctx.issues.push({ code: 'custom', message, input: ctx.value });
    })
    // DynamoDB has no negative zero: store the 0 that will be read back.
    .overwrite((v) => (Object.is(v, -0) ? 0 : v))
    .openapi(batasAngka(a));

/**
 * A number written as text (a path or query parameter): "12" or "12,5", never "1e3" or "0x10",
 * then the same rule as in JSON.
 */
export const angkaTeks = (a: AturanAngka) =>
  z
    .string(`${a.label} harus berupa angka`)
    .transform((s, ctx) => {
      const n = bacaAngka(s);
      if (n !== undefined) return n;
      ctx.addIssue({ code: 'custom', message: `${a.label} harus berupa angka` });
      return z.NEVER;
    })
    .pipe(angka(a));

/**
 * A person's text under its rule, stored as NFC without surrounding whitespace or invisible
 * characters; control, bidi-override and broken characters are refused, never silently removed.
 */
export const teks = (a: AturanTeks) =>
  z
    .string(`${a.label} harus berupa teks`)
    .check((ctx) => {
      const r = bacaTeks(a, ctx.value);
      if (!r.ok) ctx.issues.push({ code: 'custom', message: r.message, input: ctx.value });
    })
    .overwrite(rapikanTeks)
    .openapi({ maxLength: a.max, ...(a.wajib ? { minLength: a.min ?? 1 } : {}) });
