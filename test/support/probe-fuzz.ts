import fc from 'fast-check';
import type { Peran } from '../../shared/domain/people/policy.js';
import { client, testApp, type Client } from './api.js';
import { EVIL_PARAMS, fitsParam, outside, sweep, type Body } from './probe-evil.js';
import { inside, ref, type Operation, type Param } from './probe-openapi.js';
import { actorsAt, recordedStage, stageRouteOf } from './probe-routes.js';
import { idsFor, PERSONAS, personaKey, versions, type World } from './probe-world.js';

/**
 * The OpenAPI fuzz, apart from vitest so that `npm run bench:fuzz` runs it too: for one
 * operation, requests generated from its schema and outside it, aimed at the world's people and
 * evaluations, each checked as it comes back. Findings are collected (all of them, not only the
 * first), each with what replays it.
 */

export interface Case {
  /** Index into the world's staged evaluations: whose evaluation the request is about. */
  target: number;
  role: Peran;
  /** Which peer, when the role is REKAN. */
  peer: number;
  params: Record<string, string>;
  query: Record<string, string>;
  body?: { body: Body; what: string; refuse?: string };
}

export interface Finding {
  op: string;
  kind: 'server-error' | 'error-shape' | 'accepted-outside-rules';
  status: number;
  detail: string;
  request: string;
  replay: string;
}

export interface Stats {
  requests: number;
  byStatus: Record<string, number>;
}

const REF = /^@@(\w+):(\d+)$/;
type Ids = Awaited<ReturnType<typeof idsFor>> & { version: number[] };

/** An id this evaluation does not have (no rows yet): the property is left out, not invented. */
const NONE = Symbol('none');

function resolveValue(v: unknown, ids: Ids): unknown {
  if (typeof v === 'string') {
    const m = REF.exec(v);
    if (!m) return v;
    const list = ids[m[1] as keyof Ids] as (string | number)[] | undefined;
    if (!list?.length) return m[1] === 'version' ? 1 : NONE;
    return list[Number(m[2]) % list.length];
  }
  if (Array.isArray(v)) return v.map((x) => resolveValue(x, ids)).filter((x) => x !== NONE);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .map(([k, x]) => [resolveValue(k, ids), resolveValue(x, ids)])
        .filter(([k, x]) => k !== NONE && x !== NONE),
    );
  return v;
}

/** A path or query value: an id that does not exist is sent as one (the answer must be 404). */
const resolveParam = (v: string, ids: Ids) => {
  if (!v.startsWith('@@')) return v;
  const r = resolveValue(v, ids);
  return encodeURIComponent(r === NONE ? `${v.slice(2).replace(':', '-')}-tidak-ada` : String(r));
};

const resolveText = (text: string, ids: Ids) =>
  text.replace(/"(@@\w+:\d+)"/g, (_, r: string) => {
    const v = resolveValue(r, ids);
    return JSON.stringify(v === NONE ? `${r.slice(2).replace(':', '-')}-tidak-ada` : v);
  });

/** Path parameters: mostly the world's own ids, sometimes a stranger's, sometimes outside the pattern. */
function paramArb(p: Param): fc.Arbitrary<string> {
  const evil = fc.constantFrom(...EVIL_PARAMS.map((e) => e.value));
  const real: Record<string, fc.Arbitrary<string>> = {
    cycleId: fc.oneof(
      { weight: 8, arbitrary: fc.constant('@@cycle:0') },
      fc.constantFrom('2026', 'tidak-ada'),
    ),
    nip: fc.oneof(
      { weight: 8, arbitrary: fc.constant('@@target:0') },
      fc.nat(40).map((n) => ref('nip', n)),
    ),
    rowId: fc.nat(4).map((n) => ref('row', n)),
    itemId: fc.nat(6).map((n) => ref('item', n)),
    opd: fc.oneof(
      { weight: 4, arbitrary: fc.constant(ref('opd', 0)) },
      fc.nat(7).map((n) => ref('opd', n)),
    ),
    tahun: fc.constantFrom('2027', '2027', '2028', '2026'),
    version: fc.oneof(
      { weight: 5, arbitrary: fc.nat(1).map((n) => ref('version', n)) },
      fc.constantFrom('1', '7'),
    ),
  };
  const known = real[p.name] ?? inside(p.schema).map(String);
  return fc.oneof({ weight: 9, arbitrary: known }, { weight: 1, arbitrary: evil });
}

export interface FuzzOptions {
  runs: number;
  /** Every evil value in the sweep, not one of each kind (the bench). */
  fullSweep?: boolean;
  seed: number;
  /** Log every request with its answer (FUZZ_VERBOSE=1). */
  verbose?: boolean;
  /** Replay one run (fast-check's path); the property then throws on its finding. */
  path?: string;
}

interface Sessions {
  clientOf: (key: string) => Client;
  /** A 401: the session ended (a fuzzed sign-out or revocation); the next request gets a new one. */
  ended: (key: string) => void;
  idsCache: Map<string, Ids>;
}

/** One app per world, one signed-in client per person, and the ids read since the last accepted change. */
const sessions = new WeakMap<World, Sessions>();
function sessionOf(w: World): Sessions {
  let found = sessions.get(w);
  if (!found) {
    const app = testApp(w.s);
    const clients = new Map<string, Client>();
    const clientOf = (key: string) => {
      if (!clients.has(key)) clients.set(key, client(app, w.principal(key)));
      return clients.get(key)!;
    };
    found = { clientOf, ended: (key) => clients.delete(key), idsCache: new Map() };
    sessions.set(w, found);
  }
  return found;
}

/** Where a request about this operation can reach the writes: aligned (evaluation, role) pairs. */
function alignedPairs(op: Operation, w: World): [number, Peran][] {
  const route = stageRouteOf(op.id);
  if (route) {
    return w.staged.flatMap((st, i) =>
      st.stage === recordedStage(route)
        ? actorsAt(route, st.status ?? 'DRAFT').map((role) => [i, role] as [number, Peran])
        : [],
    );
  }
  const all = w.staged.map((_, i) => i);
  if (op.path.startsWith('/api/admin')) return all.map((i) => [i, 'ADMIN_BKPSDM']);
  if (op.path.startsWith('/api/opd')) return all.map((i) => [i, 'KEPALA_OPD']);
  if (op.path.startsWith('/api/pengembangan/')) {
    const owner = w.staged.findIndex((st) => st.key === 'bidan1');
    return [[Math.max(owner, 0), 'PEGAWAI']];
  }
  return all.flatMap((i) => PERSONAS.map((role) => [i, role] as [number, Peran]));
}

function caseArb(op: Operation, w: World): fc.Arbitrary<Case> {
  const aligned = alignedPairs(op, w);
  const pair = fc.oneof(
    {
      weight: 7,
      arbitrary: aligned.length ? fc.constantFrom(...aligned) : fc.constant<[number, Peran]>([0, 'PEGAWAI']),
    },
    { weight: 3, arbitrary: fc.tuple(fc.nat(w.staged.length - 1), fc.constantFrom(...PERSONAS)) },
  );
  const params = fc.record(
    Object.fromEntries(op.params.filter((p) => p.in === 'path').map((p) => [p.name, paramArb(p)])),
  );
  const query = fc.record(
    Object.fromEntries(op.params.filter((p) => p.in === 'query').map((p) => [p.name, paramArb(p)])),
    { requiredKeys: op.params.filter((p) => p.in === 'query' && p.required).map((p) => p.name) },
  );
  const body = op.body
    ? fc.oneof(
        {
          weight: 3,
          arbitrary: inside(op.body).map((value) => ({
            body: { kind: 'json', value } as Body,
            what: 'inside the schema',
          })),
        },
        { weight: 5, arbitrary: outside(op.body) },
      )
    : fc.constant(undefined);
  return fc
    .record({ pair, peer: fc.nat(2), params, query, body })
    .map(({ pair: [target, role], peer, params: pp, query: q, body: b }) => ({
      target,
      role,
      peer,
      params: pp as Record<string, string>,
      query: q as Record<string, string>,
      ...(b ? { body: b } : {}),
    }));
}

/** The sweep's requests: every evil value in every matching property at once, aimed where it reaches a write. */
function sweepCases(op: Operation, w: World, full: boolean): Case[] {
  if (!op.body) return [];
  const [target, role] = alignedPairs(op, w)[0] ?? [0, 'PEGAWAI' as Peran];
  const params = Object.fromEntries(
    op.params
      .filter((p) => p.in === 'path')
      .map((p) => [
        p.name,
        {
          cycleId: '@@cycle:0',
          nip: '@@target:0',
          rowId: ref('row', 0),
          itemId: ref('item', 0),
          opd: ref('opd', 0),
          tahun: '2027',
        }[p.name] ?? '@@cycle:0',
      ]),
  );
  return sweep(op.body, full).map(({ value, what, refuse }) => ({
    target,
    role,
    peer: 0,
    params,
    query: {},
    body: {
      body: {
        kind: 'json',
        value:
          value && typeof value === 'object' && 'version' in (op.body?.properties ?? {})
            ? { ...value, version: ref('version', 0) }
            : value,
      },
      what: `sweep: ${what}`,
      ...(refuse ? { refuse } : {}),
    },
  }));
}

/** Whether a parameter is outside its schema (so the request must be refused). */
function paramRefusal(op: Operation, c: Case): string | undefined {
  for (const p of op.params) {
    const v = p.in === 'path' ? c.params[p.name] : c.query[p.name];
    if (v === undefined || v.startsWith('@@')) continue;
    if (!fitsParam(p.schema, v)) return `${p.in} ${p.name}=${v.slice(0, 40)} outside its schema`;
  }
  return undefined;
}

const describeCase = (op: Operation, w: World, c: Case, url: string, actor: string) =>
  `${op.method.toUpperCase()} ${url.slice(0, 200)} as ${c.role} (${actor}) about ${w.staged[c.target]?.key}` +
  (c.body ? `; body ${c.body.what}` : '');

/** Runs the fuzz for one operation; returns its findings and counts. */
export async function fuzzOperation(
  op: Operation,
  w: World,
  o: FuzzOptions,
  stats: Stats,
): Promise<Finding[]> {
  const { clientOf, ended, idsCache } = sessionOf(w);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const route = stageRouteOf(op.id);
  const versionKind = op.path.includes('/kurva/')
    ? 'kurva'
    : op.path.startsWith('/api/pengembangan/')
      ? 'rencana'
      : (route?.version ?? 'evaluation');
  let run = -1;

  const property = fc.asyncProperty(caseArb(op, w), async (c) => {
    run++;
    const staged = w.staged[c.target] ?? w.staged[0]!;
    const actorKey = personaKey(c.role, staged.key, c.peer);
    const targetNip = w.principal(staged.key).nip;
    const actorNip = w.principal(actorKey).nip;
    const tahun = Number(c.params.tahun) || undefined;
    const opd = c.params.opd?.startsWith('@@') ? undefined : c.params.opd;
    // Ids and versions change only when a change is accepted: read once until then.
    const cacheKey = `${staged.key}|${actorKey}|${versionKind}|${tahun}|${c.params.opd}`;
    let ids = idsCache.get(cacheKey);
    if (!ids) {
      const [base, version] = await Promise.all([
        idsFor(w.s, w.cycleId, staged.key, actorKey),
        versions(w.s, w.cycleId, targetNip, actorNip, versionKind, {
          ...(op.path.startsWith('/api/pengembangan/') && tahun ? { tahun } : {}),
          opd: opd ?? '',
        }),
      ]);
      ids = { ...base, version, cycle: [w.cycleId], target: [targetNip] } as Ids;
      if (versionKind === 'kurva') {
        // An OPD outside its pattern (a broken escape among them) has no kurva: version 0.
        const raw = resolveParam(c.params.opd ?? '', ids);
        const realOpd = /^[A-Z0-9-]+$/.test(raw) ? raw : '';
        ids.version = await versions(w.s, w.cycleId, targetNip, actorNip, 'kurva', { opd: realOpd });
      }
      idsCache.set(cacheKey, ids);
    }
    let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => resolveParam(c.params[name] ?? '', ids));
    const q = Object.entries(c.query).map(([k, v]) => `${k}=${resolveParam(v, ids)}`);
    if (q.length) url += `?${q.join('&')}`;
    let payload: string | undefined;
    let headers: Record<string, string> = {};
    let bodyIsJson = true;
    if (c.body && op.method !== 'get' && op.method !== 'delete') {
      const b = c.body.body;
      if (b.kind === 'json') payload = JSON.stringify(resolveValue(b.value, ids));
      else {
        payload = resolveText(b.text, ids);
        headers = { 'content-type': b.contentType ?? '' };
        try {
          const parsed: unknown = JSON.parse(payload);
          bodyIsJson =
            !!parsed &&
            typeof parsed === 'object' &&
            !Array.isArray(parsed) &&
            b.contentType === 'application/json';
        } catch {
          bodyIsJson = false;
        }
      }
    }
    const cl = clientOf(actorKey);
    const res =
      op.method === 'get'
        ? await cl.get(url)
        : op.method === 'delete'
          ? await cl.del(url)
          : await (op.method === 'post' ? cl.post : cl.put)(url, payload ?? '', headers);
    if (op.method !== 'get' && res.status < 300) idsCache.clear();
    if (res.status === 401) ended(actorKey);
    stats.requests++;
    stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1;

    const request = describeCase(op, w, c, url, actorKey);
    if (o.verbose) console.log(`${res.status} ${request} -> ${res.text.slice(0, 160)}`);
    const replay = `FUZZ_OP='${op.id}' FUZZ_SEED=${o.seed} FUZZ_PATH=${run}`;
    const found: Omit<Finding, 'op' | 'request' | 'replay'>[] = [];
    const shape = errorShape(res.status, res.json, bodyIsJson);
    if (res.status >= 500)
      found.push({ kind: 'server-error', status: res.status, detail: res.text.slice(0, 300) });
    else if (shape)
      found.push({ kind: 'error-shape', status: res.status, detail: `${shape}: ${res.text.slice(0, 200)}` });
    const refuse = c.body?.refuse ?? paramRefusal(op, c);
    if (refuse && res.status < 300)
      found.push({ kind: 'accepted-outside-rules', status: res.status, detail: refuse });
    for (const f of found) {
      const key = `${f.kind} ${f.status} ${f.detail.slice(0, 60)} ${c.body?.what.replace(/\d+/g, '#') ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({ op: op.id, request, replay, ...f });
    }
    // When replaying one run, fail there so that fast-check reports it.
    if (o.path !== undefined && found.length)
      throw new Error(found.map((f) => `${f.status}: ${f.detail}`).join('\n'));
  });

  // Also when replaying: a run's path counts the sweep's requests.
  const examples = sweepCases(op, w, !!o.fullSweep).map((c) => [c] as [Case]);
  await fc.assert(property, {
    // The sweep runs first (fast-check counts examples among the runs), then `runs` random ones.
    numRuns: o.runs + examples.length,
    seed: o.seed,
    examples,
    ...(o.path !== undefined ? { path: o.path, endOnFailure: true } : {}),
  });
  return findings;
}

/** What is wrong with a 4xx answer's body, if anything (the API's one error shape, see errors.ts). */
export function errorShape(status: number, json: unknown, bodyIsJson: boolean): string | undefined {
  if (status < 400 || status >= 500) return undefined;
  const j = json as { error?: unknown; message?: unknown; issues?: unknown } | undefined;
  if (!j || typeof j !== 'object') return 'not a JSON error body';
  if (typeof j.error !== 'string' || !j.error) return 'no error code';
  if (typeof j.message !== 'string' || !j.message) return 'no message';
  if (!Array.isArray(j.issues)) return 'no issues list';
  // A rule or schema failure on a well-formed body names the field(s) it refuses.
  const validation = status === 422 || (status === 400 && bodyIsJson && j.error === 'PERMINTAAN_TIDAK_VALID');
  if (validation) {
    if (!j.issues.length) return 'a validation error that names no field';
    for (const i of j.issues as { path?: unknown; message?: unknown }[])
      if (typeof i.path !== 'string' || !i.path || typeof i.message !== 'string' || !i.message)
        return 'an issue without path or message';
  }
  return undefined;
}

/**
 * The walk: reads first, then the stage routes in the registry's order (drafts before the
 * changes that complete a stage, so that the stage is still open for them), then the other
 * changes, then BKPSDM's administration with closing the cycle last.
 */
export function walkOrder(ops: Operation[]): Operation[] {
  const rank = (op: Operation) => {
    if (op.method === 'get') return 0;
    const r = stageRouteOf(op.id);
    if (r) return r.completes ? 2 : 1;
    if (op.id.endsWith('/close')) return 6;
    if (op.path.startsWith('/api/admin/employees') || op.path.startsWith('/api/admin/plt')) return 5;
    if (op.path.startsWith('/api/admin')) return 4;
    return 3;
  };
  return [...ops].sort((a, b) => rank(a) - rank(b));
}
