import fc from 'fast-check';

/**
 * The app's own OpenAPI document as the probes read it: its operations, and request bodies
 * generated from each operation's schema (inside it; probe-evil.ts puts them outside). Ids the
 * document cannot know (a real NIP, a row of this evaluation, the
 * version just read) are written as placeholders, `@@kind:n`, which the fuzz resolves against
 * the seeded system at the moment it sends the request: a counterexample stays readable, and a
 * replay picks the same kinds of ids in a fresh system.
 */

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  default?: unknown;
}

export interface Param {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** `POST /api/evaluations/{cycleId}/{nip}/targets`, as the tests name it. */
  id: string;
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  params: Param[];
  body?: JsonSchema;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; required?: boolean; schema: JsonSchema }[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Every operation of the document, each schema with its `$ref`s resolved. */
export function operationsOf(doc: unknown): Operation[] {
  const d = doc as OpenApiDoc;
  const deref = (s: JsonSchema, seen = new Set<string>()): JsonSchema => {
    if (s.$ref) {
      const name = s.$ref.replace('#/components/schemas/', '');
      if (seen.has(name)) return {};
      const target = d.components?.schemas?.[name];
      if (!target) throw new Error(`OpenAPI: unresolved ${s.$ref}`);
      return deref(target, new Set([...seen, name]));
    }
    const out: JsonSchema = { ...s };
    if (s.properties)
      out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, deref(v, seen)]));
    if (s.additionalProperties && typeof s.additionalProperties === 'object')
      out.additionalProperties = deref(s.additionalProperties, seen);
    if (s.items) out.items = deref(s.items, seen);
    if (s.anyOf) out.anyOf = s.anyOf.map((x) => deref(x, seen));
    if (s.oneOf) out.oneOf = s.oneOf.map((x) => deref(x, seen));
    return out;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(d.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const body = op.requestBody?.content['application/json']?.schema;
      ops.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method as Operation['method'],
        path,
        params: (op.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in as Param['in'],
          required: !!p.required,
          schema: deref(p.schema),
        })),
        ...(body ? { body: deref(body) } : {}),
      });
    }
  }
  return ops;
}

export const typesOf = (s: JsonSchema): string[] =>
  s.type ? (Array.isArray(s.type) ? s.type : [s.type]) : s.enum ? ['string'] : [];

/** A placeholder the fuzz replaces with a real id (see the module comment). */
export const ref = (kind: string, n = 0) => `@@${kind}:${n}`;
const refArb = (kind: string) => fc.nat({ max: 7 }).map((n) => ref(kind, n));

/**
 * Where a property's meaning is known, the value comes from the system rather than from the
 * schema: a version just read, a NIP that exists, a row of the evaluation. Keyed by property
 * name; `baris` maps are keyed by row ids.
 */
const BY_NAME: Record<string, () => fc.Arbitrary<unknown>> = {
  version: () => fc.oneof({ weight: 5, arbitrary: refArb('version') }, fc.integer({ min: 1, max: 60 })),
  nip: () => refArb('nip'),
  atasanNip: () => refArb('nip'),
  menggantikanNip: () => refArb('nip'),
  nips: () => fc.array(refArb('colleague'), { minLength: 3, maxLength: 5 }),
  intervensiRowId: () => refArb('atasanRow'),
  pelatihanId: () => refArb('pelatihan'),
  opd: () => refArb('opd'),
  unit: () => refArb('unit'),
  mulai: () => refArb('date'),
  selesai: () => refArb('date'),
  tanggal: () => refArb('date'),
  tahun: () => fc.constantFrom(2026, 2027, 2028),
};

const TEXT = fc.oneof(
  fc.lorem({ maxCount: 12, mode: 'words' }),
  fc.constantFrom(
    'Tercapai sesuai rencana dan dilaporkan setiap bulan',
    'Meningkatnya layanan publik berbasis aplikasi terintegrasi',
    'Pertahankan capaian ini dan bimbing rekan yang baru',
  ),
  fc.string({ maxLength: 40 }),
);

/** Values inside the schema (with real ids where the property is known). */
export function inside(s: JsonSchema, name = '', complete = false): fc.Arbitrary<unknown> {
  const known = BY_NAME[name];
  if (known && !s.properties) return known();
  if (s.anyOf ?? s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf)!.map((x) => inside(x, name, complete)));
  if (s.enum) return fc.constantFrom(...s.enum);
  const types = typesOf(s);
  if (types.length > 1) return fc.oneof(...types.map((t) => inside({ ...s, type: t }, name, complete)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: Math.max(s.minimum ?? -1000, -1e6), max: Math.min(s.maximum ?? 1e6, 1e6) });
    case 'number': {
      const min = s.exclusiveMinimum ?? s.minimum ?? 0;
      const max = Math.min(s.maximum ?? 1e6, 1e6);
      return fc.oneof(
        fc.integer({ min: Math.ceil(min) + (s.exclusiveMinimum !== undefined ? 1 : 0), max }),
        fc
          .double({ min, max, noNaN: true, noDefaultInfinity: true })
          .filter((x) => x !== s.exclusiveMinimum)
          .map((x) => Math.round(x * 100) / 100 || max),
      );
    }
    case 'string': {
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
      const minLength = s.minLength ?? 0;
      const maxLength = Math.min(s.maxLength ?? 200, 200);
      return TEXT.map((t) => t.padEnd(minLength, ' ok').slice(0, maxLength));
    }
    case 'array':
      return fc.array(inside(s.items ?? {}, name.replace(/s$/, ''), complete), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 4, 4),
      });
    case 'object': {
      if (s.properties) {
        const props = Object.fromEntries(
          Object.entries(s.properties).map(([k, v]) => [k, inside(v, k, complete)]),
        );
        return fc.record(props, { requiredKeys: complete ? Object.keys(props) : (s.required ?? []) });
      }
      if (s.additionalProperties && typeof s.additionalProperties === 'object') {
        // A map: in this API always keyed by the evaluation's row ids.
        const value = inside(s.additionalProperties, '', complete);
        return fc
          .uniqueArray(fc.nat({ max: 3 }), { minLength: complete ? 1 : 0, maxLength: 3 })
          .chain((ns) =>
            fc
              .tuple(...ns.map(() => value))
              .map((vs) => Object.fromEntries(ns.map((n, i) => [ref('row', n), vs[i]]))),
          );
      }
      return fc.constant({});
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}
