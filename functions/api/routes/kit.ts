import { OpenAPIHono, createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { Principal } from '../../../shared/app/actor.js';
import { toView } from '../../../shared/app/evaluation/queries.js';
import type { Evaluation } from '../../../shared/domain/evaluation/evaluation.js';
import type { Deps } from '../../../shared/runtime/deps.js';
import { ErrorSchema, EvaluationParams, EvaluationSchema, VersionBody } from '../../../shared/schemas/api.js';
import type { AppEnv } from '../http/env.js';
import { validationHook } from '../http/validation.js';

// The parts every route of the JSON API shares, and the shapes most of its routes have.

export type Ctx = { var: AppEnv['Variables'] };
export const depsOf = (c: Ctx) => c.var.config.deps();

/** A feature's sub-app: a schema failure answers 400 naming each field, as everywhere. */
export const featureApp = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const ERRORS = Object.fromEntries(
  [
    [400, 'Input tidak valid'],
    [401, 'Belum masuk'],
    [403, 'Tidak berhak atau token CSRF salah'],
    [404, 'Tidak ditemukan'],
    [409, 'Konflik: versi usang atau tahap tidak sesuai'],
    [413, 'Isi permintaan terlalu besar'],
    [422, 'Melanggar aturan'],
  ].map(([code, description]) => [
    code,
    { description: String(description), content: { 'application/json': { schema: ErrorSchema } } },
  ]),
);
const SECURITY: Record<string, string[]>[] = [{ sessionCookie: [] }, { bearerAuth: [] }];

/**
 * A route of the API as the OpenAPI document shows it: every route needs a session (cookie or
 * bearer; the API app checks it once for all) and may answer with the same errors.
 */
export const apiRoute = <R extends RouteConfig>(r: R) =>
  createRoute({ ...r, security: SECURITY, responses: { ...r.responses, ...ERRORS } });

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
export const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

export const MutationResult = z.object({ evaluation: EvaluationSchema }).openapi('MutationResult');

/** Where every route about one evaluation starts. */
export const EV = '/evaluations/{cycleId}/{nip}';

export type Versioned = z.ZodObject<{ version: typeof VersionBody.shape.version }>;

/** A change to one evaluation (or to the caller's part in it) that carries the version read. */
export interface VersionedAction<B extends Versioned, T> {
  method: 'post' | 'put';
  /** With `{cycleId}` and `{nip}`. */
  path: string;
  summary: string;
  /** The body; just `{ version }` when the action takes nothing else. */
  input?: B;
  /** What a 200 means. */
  done: string;
  run: (
    deps: Deps,
    p: Principal,
    cycleId: string,
    nip: string,
    version: number,
    input: Omit<z.output<B>, 'version'>,
  ) => Promise<T>;
  /** The 200 body's schema. */
  result: z.ZodType;
  /** The 200 body: what the caller may see of the outcome. */
  shown: (c: Ctx, out: T) => object;
}

/** Path params, a body with the version read, the service, and 200 with what it changed. */
export function versionedAction<B extends Versioned, T>(app: OpenAPIHono<AppEnv>, a: VersionedAction<B, T>) {
  const route = apiRoute({
    method: a.method,
    path: a.path,
    summary: a.summary,
    request: { params: EvaluationParams, ...body(a.input ?? VersionBody) },
    responses: { 200: json(a.result, a.done) },
  });
  app.openapi(route, async (c) => {
    const { cycleId, nip } = c.req.valid('param');
    const { version, ...input } = c.req.valid('json') as z.output<B>;
    const out = await a.run(depsOf(c), c.var.principal, cycleId, nip, version, input);
    return c.json(a.shown(c, out), 200);
  });
}

export type EvaluationActionSpec<B extends Versioned> = Omit<
  VersionedAction<B, Evaluation>,
  'result' | 'shown'
> &
  Partial<Pick<VersionedAction<B, Evaluation>, 'result' | 'shown'>>;

/**
 * The evaluation action route, `path` after `/evaluations/{cycleId}/{nip}/`: most changes to an
 * evaluation are one of these. By default the 200 body is the evaluation with its task token
 * left out.
 */
export const evaluationAction = <B extends Versioned>(app: OpenAPIHono<AppEnv>, a: EvaluationActionSpec<B>) =>
  versionedAction(app, {
    result: MutationResult,
    shown: (_c, e) => ({ evaluation: toView(e) }),
    ...a,
    path: `${EV}/${a.path}`,
  });

/** A list of what concerns the caller, `{ items }`: mine, my team's, my tasks. */
export function listRoute<T extends z.ZodType>(
  app: OpenAPIHono<AppEnv>,
  r: { path: string; summary: string; item: T; done: string },
  read: (deps: Deps, p: Principal) => Promise<z.input<T>[]>,
) {
  app.openapi(
    apiRoute({
      method: 'get',
      path: r.path,
      summary: r.summary,
      responses: { 200: json(z.object({ items: z.array(r.item) }), r.done) },
    }),
    async (c) => c.json({ items: await read(depsOf(c), c.var.principal) }, 200),
  );
}

/** One evaluation (or the caller's part in it) read as `result`; `path` has `{cycleId}/{nip}`. */
export function evaluationRead(
  app: OpenAPIHono<AppEnv>,
  r: { path: string; summary: string; result: z.ZodType; done: string },
  read: (deps: Deps, p: Principal, cycleId: string, nip: string) => Promise<object>,
) {
  app.openapi(
    apiRoute({
      method: 'get',
      path: r.path,
      summary: r.summary,
      request: { params: EvaluationParams },
      responses: { 200: json(r.result, r.done) },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      return c.json(await read(depsOf(c), c.var.principal, cycleId, nip), 200);
    },
  );
}
