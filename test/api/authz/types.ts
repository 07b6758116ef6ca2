/** Shared by the route x persona matrix (authorization.test.ts) and the per-area case files here. */
export type Persona =
  | 'anon'
  | 'forged'
  | 'expired'
  | 'deactivated'
  | 'noCsrf'
  | 'owner'
  | 'atasan'
  | 'atasanAtasan'
  | 'kepalaOpd'
  | 'rekan'
  | 'otherSupervisor'
  | 'admin'
  | 'auditor';

export type Outcome = 'ok' | 'unauthenticated' | 'forbidden';

export interface RouteCase {
  method: string;
  /** Hono's path pattern, to match the app's route list. */
  route: string;
  path: () => string;
  body?: (csrf: string) => { type: 'json' | 'form'; data: Record<string, unknown> };
  /** Personas (besides the broken ones) allowed through; everyone else signed in gets 403. */
  allowed: Persona[] | 'public' | 'any-signed-in';
  always?: Outcome;
}

/**
 * What a case file gets to build its rows: paths of the one evaluation the matrix is about
 * (bidan1's), body builders, and a stale version so that allowed personas end in 409 and the
 * matrix changes no data.
 */
export interface AuthzContext {
  cycle: () => string;
  nip: () => string;
  /** NIP of a persona, e.g. to address a peer review as the `rekan` persona. */
  nipOf: (p: Persona) => string;
  /** `/api/evaluations/:cycle/:nip` */
  ev: () => string;
  /** `/evaluasi/:cycle/:nip` */
  page: () => string;
  STALE: number;
  READERS: Persona[];
  json: (data: Record<string, unknown>) => () => { type: 'json'; data: Record<string, unknown> };
  form: (data: Record<string, unknown>) => (csrf: string) => { type: 'form'; data: Record<string, unknown> };
}
