import fc from 'fast-check';
import { inside, ref, typesOf, type JsonSchema } from './probe-openapi.js';

/**
 * Outside the schema: the values the hardening issue (9) names, wrong types, missing and unknown
 * properties, broken bodies, and which of them the API must refuse wherever they land
 * ([input-rules.md](../../docs/input-rules.md)). probe-openapi.ts generates what is inside.
 */

/** One property in a body, with its schema; `*` marks a map key (a row id). */
export interface Leaf {
  path: string[];
  schema: JsonSchema;
  /** Required at its own level (so removing it must be refused). */
  required: boolean;
}

/** Every property of a body schema, depth first; map values sit under the first row's key. */
export function leavesOf(s: JsonSchema, prefix: string[] = []): Leaf[] {
  const out: Leaf[] = [];
  if (s.properties) {
    for (const [k, v] of Object.entries(s.properties)) {
      out.push({ path: [...prefix, k], schema: v, required: (s.required ?? []).includes(k) });
      out.push(...leavesOf(v, [...prefix, k]));
    }
  } else if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    const key = [...prefix, ref('row', 0)];
    out.push({ path: key, schema: s.additionalProperties, required: false });
    out.push(...leavesOf(s.additionalProperties, key));
  }
  return out;
}

/** A value outside the input rules, and whether the API must refuse it where it lands. */
export interface Evil {
  label: string;
  value: unknown;
  /** Why a request carrying it at this property may never be accepted (2xx), or undefined. */
  refusedAt: (s: JsonSchema) => string | undefined;
}

const isFreeText = (s: JsonSchema) => typesOf(s).includes('string') && !s.enum && !s.pattern;

/**
 * Opaque credentials, not text a person writes: a revocation answers 200 whatever the token
 * (RFC 7009 section 2.2), so nothing is "accepted" there.
 */
const OPAQUE = new Set(['refreshToken', 'token']);
const opaque = (l: Leaf) => OPAQUE.has(l.path[l.path.length - 1]!);
const numeric = (s: JsonSchema) => typesOf(s).some((t) => t === 'number' || t === 'integer');
/** The largest integer JavaScript and DynamoDB both hold exactly (issue 9: the ceiling of every number). */
const MAX_EXACT = Number.MAX_SAFE_INTEGER;

const wrongType = (value: unknown, label: string): Evil => ({
  label,
  value,
  refusedAt: (s) => {
    const t = typesOf(s);
    const fits =
      (value === null && t.includes('null')) ||
      (typeof value === 'string' &&
        t.includes('string') &&
        !s.pattern &&
        !s.enum &&
        value.length >= (s.minLength ?? 0)) ||
      (typeof value === 'number' &&
        (t.includes('number') || (t.includes('integer') && Number.isInteger(value)))) ||
      (typeof value === 'boolean' && t.includes('boolean')) ||
      (Array.isArray(value) && t.includes('array') && (s.minItems ?? 0) === 0) ||
      (value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        t.includes('object') &&
        !(s.required ?? []).length);
    return fits || !t.length ? undefined : `${label} where ${t.join('|')} is expected`;
  },
});

const badNumber = (value: number, label: string): Evil => ({
  label,
  value,
  refusedAt: (s) => {
    if (!numeric(s))
      return typesOf(s).length ? `a number where ${typesOf(s).join('|')} is expected` : undefined;
    if (Math.abs(value) > MAX_EXACT) return `${label}: above 2^53-1`;
    if (value !== 0 && Math.abs(value) < 1e-100) return `${label}: below any stated precision`;
    if (s.maximum !== undefined && value > s.maximum) return `${label}: above the maximum ${s.maximum}`;
    return undefined;
  },
});

const badText = (value: string, label: string, when: (s: JsonSchema) => boolean = () => true): Evil => ({
  label,
  value,
  refusedAt: (s) =>
    isFreeText(s) && when(s)
      ? label
      : typesOf(s).length && !isFreeText(s)
        ? `${label} in a non-text field`
        : undefined,
});

/** Numbers DynamoDB or JavaScript cannot hold as given, and strings or booleans posing as numbers. */
export const EVIL_NUMBERS: Evil[] = [
  badNumber(1e-300, '1e-300'),
  badNumber(5e-324, '5e-324'),
  badNumber(1e200, '1e200'),
  badNumber(1.7976931348623157e308, 'Number.MAX_VALUE'),
  badNumber(99999999999999999999, '99999999999999999999'),
  badNumber(2 ** 53, '2^53'),
  badNumber(-1e200, '-1e200'),
  wrongType('0x10', '"0x10"'),
  wrongType('16', '"16"'),
  wrongType(true, 'true'),
];

/** Text no person types on purpose: control and bidi-override characters, lone surrogates, invisible-only. */
export const EVIL_TEXTS: Evil[] = [
  badText('Laporan\u0000bulanan', 'NUL'),
  badText('Laporan\u0007bulanan', 'a C0 control (BEL)'),
  badText('Laporan \ud800 bulanan', 'a lone high surrogate'),
  badText('\udc00Laporan bulanan', 'a lone low surrogate'),
  badText('\u202Etxt.exe laporan', 'U+202E (right-to-left override)'),
  badText('\u200B\u200B\u200B', 'only zero-width spaces', (s) => (s.minLength ?? 0) > 0),
  badText('x'.repeat(5000), '5,000 characters', (s) => (s.maxLength ?? Infinity) < 5000),
];

/** Wrong types and shapes anywhere. */
export const EVIL_SHAPES: Evil[] = [
  wrongType(null, 'null'),
  wrongType([], '[]'),
  wrongType({}, '{}'),
  wrongType(12, '12'),
  wrongType('', '""'),
];

export const ALL_EVIL = [...EVIL_NUMBERS, ...EVIL_TEXTS, ...EVIL_SHAPES];

/** The sweep's values in the suite (one of each kind of failure); `npm run bench:fuzz` sweeps them all. */
const QUICK = new Set([
  '1e-300',
  '1e200',
  '99999999999999999999',
  '"0x10"',
  'true',
  'NUL',
  'a lone high surrogate',
  'U+202E (right-to-left override)',
  'only zero-width spaces',
]);

/** Text that is valid but hostile: stored and shown, never executed. */
export const HOSTILE_TEXT = '"><script>alert(1)</script>';

/** A body to send: JSON (placeholders inside) or raw text with a content type. */
export type Body =
  { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType: string | null };

export interface Mutated {
  body: Body;
  /** What it changed, for the counterexample. */
  what: string;
  /** Why the API must refuse it, when it must. */
  refuse?: string;
}

function setAt(obj: unknown, path: string[], value: unknown, remove = false): unknown {
  if (!path.length) return value;
  const base = obj && typeof obj === 'object' && !Array.isArray(obj) ? { ...(obj as object) } : {};
  const [head, ...rest] = path as [string, ...string[]];
  const b = base as Record<string, unknown>;
  if (!rest.length) {
    if (remove) delete b[head];
    else b[head] = value;
  } else {
    b[head] = setAt(b[head], rest, value, remove);
  }
  return base;
}

/** Whether every object on the path exists in the body (so the value really lands there). */
const reaches = (obj: unknown, path: string[]) =>
  path.slice(0, -1).every((_, i) => {
    let o: unknown = obj;
    for (const k of path.slice(0, i + 1)) o = (o as Record<string, unknown> | undefined)?.[k];
    return o !== null && typeof o === 'object';
  });

/** Whether the version's schema refuses this JSON literal. */
function versionRefused(s: JsonSchema, literal: string): boolean {
  const t = typesOf(s);
  const v: unknown = JSON.parse(literal);
  if (v === null) return !t.includes('null');
  if (typeof v === 'string') return !t.includes('string');
  const n = v as number;
  return (
    !Number.isFinite(n) ||
    (t.includes('integer') && !t.includes('number') && !Number.isInteger(n)) ||
    (s.minimum !== undefined && n < s.minimum)
  );
}

/** A complete body inside the schema with one thing put outside it. */
export function outside(schema: JsonSchema): fc.Arbitrary<Mutated> {
  const leaves = leavesOf(schema).filter((l) => l.path[l.path.length - 1] !== 'version');
  const base = inside(schema, '', true);
  const put =
    leaves.length === 0
      ? []
      : [
          fc
            .record({ body: base, leaf: fc.constantFrom(...leaves), evil: fc.constantFrom(...ALL_EVIL) })
            .map(({ body, leaf, evil }): Mutated => {
              const lands = reaches(body, leaf.path);
              const refuse = lands && !opaque(leaf) ? evil.refusedAt(leaf.schema) : undefined;
              return {
                body: { kind: 'json', value: setAt(body, leaf.path, evil.value) },
                what: `${leaf.path.join('.')} = ${evil.label}`,
                ...(refuse ? { refuse: `${leaf.path.join('.')}: ${refuse}` } : {}),
              };
            }),
          fc.record({ body: base, leaf: fc.constantFrom(...leaves) }).map(({ body, leaf }): Mutated => {
            const lands = reaches(body, leaf.path);
            return {
              body: { kind: 'json', value: setAt(body, leaf.path, undefined, true) },
              what: `without ${leaf.path.join('.')}`,
              ...(leaf.required && lands ? { refuse: `required ${leaf.path.join('.')} missing` } : {}),
            };
          }),
        ];
  const required = schema.required ?? [];
  const strict = schema.additionalProperties === false;
  return fc.oneof(
    ...put,
    // The version is what every change is locked on: remove it, or give it as a string.
    ...(schema.properties?.version
      ? [
          fc
            .record({ body: base, v: fc.constantFrom('"3"', '3.5', '0', '-1', 'null', '1e400') })
            .map(({ body, v }): Mutated => ({
              body: {
                kind: 'raw',
                text: JSON.stringify(setAt(body, ['version'], 'VERSION')).replace('"VERSION"', v),
                contentType: 'application/json',
              },
              what: `version: ${v}`,
              ...(versionRefused(schema.properties!.version!, v) ? { refuse: `version given as ${v}` } : {}),
            })),
        ]
      : []),
    fc
      .record({
        body: base,
        key: fc.constantFrom('extra', 'admin', '__proto__', 'constructor', 'taskToken', 'stage'),
      })
      .map(({ body, key }): Mutated => {
        const text = `${JSON.stringify(body).slice(0, -1)}${Object.keys(body as object).length ? ',' : ''}"${key}":{"admin":true,"status":"SELESAI"}}`;
        return {
          body: { kind: 'raw', text, contentType: 'application/json' },
          what: `an extra property "${key}"`,
          ...(strict ? { refuse: `unknown property ${key}` } : {}),
        };
      }),
    fc
      .constantFrom('', '{', '{"version":', 'null', '[]', '1', '"x"', 'version=1', '\u0000', '{"a":1}{"b":2}')
      .map((text): Mutated => ({
        body: { kind: 'raw', text, contentType: 'application/json' },
        what: `body ${JSON.stringify(text)}`,
        ...(required.length || text !== '{"a":1}{"b":2}' ? { refuse: 'not a JSON object' } : {}),
      })),
    fc
      .record({
        body: base,
        contentType: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', null),
      })
      .map(({ body, contentType }): Mutated => ({
        body: { kind: 'raw', text: JSON.stringify(body), contentType },
        what: `content type ${contentType ?? '(none)'}`,
        ...(required.length ? { refuse: 'a JSON body without the JSON content type' } : {}),
      })),
    fc.constant<Mutated>({
      body: { kind: 'raw', text: `{"catatan":"${'x'.repeat(70 * 1024)}"}`, contentType: 'application/json' },
      what: 'a 70 KiB body',
      refuse: 'above the body limit',
    }),
  );
}

/**
 * One request per evil value with every free-text (or number) property of a complete body set
 * to it at once: the sweep that finds a bad value wherever it lands, in a few requests per
 * operation. The version stays the one just read, so the change reaches the write.
 */
export function sweep(
  schema: JsonSchema,
  full = false,
): { value: unknown; what: string; refuse: string | undefined }[] {
  const leaves = leavesOf(schema).filter((l) => l.path[l.path.length - 1] !== 'version');
  const texts = leaves.filter((l) => isFreeText(l.schema) && !typesOf(l.schema).includes('object'));
  const numbers = leaves.filter((l) => numeric(l.schema));
  const base = fc.sample(inside(schema, '', true), { numRuns: 1, seed: 42 })[0];
  const out: { value: unknown; what: string; refuse: string | undefined }[] = [];
  const apply = (targets: Leaf[], evils: Evil[]) => {
    if (!targets.length) return;
    for (const evil of evils) {
      let body = base;
      const refusals: string[] = [];
      for (const l of targets) {
        body = setAt(body, l.path, evil.value);
        const r = opaque(l) ? undefined : evil.refusedAt(l.schema);
        if (r) refusals.push(`${l.path.join('.')}: ${r}`);
      }
      out.push({
        value: body,
        what: `${evil.label} in ${targets.map((l) => l.path.join('.')).join(', ')}`,
        refuse: refusals[0],
      });
    }
  };
  apply(numbers, full ? EVIL_NUMBERS : EVIL_NUMBERS.filter((e) => QUICK.has(e.label)));
  apply(texts, full ? EVIL_TEXTS : EVIL_TEXTS.filter((e) => QUICK.has(e.label)));
  // Last: hostile but valid text, which may be accepted (and so may move the stage on).
  apply(texts, [{ label: 'hostile HTML', value: HOSTILE_TEXT, refusedAt: () => undefined }]);
  return out;
}

/** Path and query values outside their patterns, or real-looking ids that do not exist. */
export const EVIL_PARAMS: { value: string; label: string }[] = [
  { value: '..%2F..%2Fadmin', label: 'an encoded ../' },
  { value: '%00', label: 'NUL' },
  { value: '%E2%80%AE2027', label: 'U+202E' },
  { value: '%ZZ', label: 'a broken percent escape' },
  { value: 'x'.repeat(300), label: '300 characters' },
  { value: '0x10', label: '"0x10"' },
  { value: '-1', label: '-1' },
  { value: '1e400', label: '1e400' },
  { value: '99999999999999999999', label: '99999999999999999999' },
  { value: '000000000000000000', label: 'eighteen zeros' },
];

/** Whether a path or query value fits its parameter's schema (else the API must refuse it). */
export function fitsParam(s: JsonSchema, raw: string): boolean {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return false;
  }
  if (s.enum) return s.enum.includes(value);
  if (s.pattern) return new RegExp(s.pattern).test(value);
  if (typesOf(s).includes('integer')) {
    if (!/^-?\d+$/.test(value)) return true; // coercion is the schema's business; not asserted here
    const n = Number(value);
    return (s.minimum === undefined || n >= s.minimum) && (s.maximum === undefined || n <= s.maximum);
  }
  return true;
}
