import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/app/actor.js';
import { keys } from '../../shared/data/keys.js';
import { getWithHistory } from '../../shared/data/evaluations.js';
import * as skp from '../../shared/app/evaluation/skp.js';
import { launchAndWait, registeredEvaluation, startTestSystem, type TestSystem } from '../support/system.js';
import { sessionFor, testApp } from '../support/api.js';
import { areaCases } from './authz/index.js';
import type { Outcome, Persona, RouteCase } from './authz/types.js';

/**
 * Every route x every persona. Personas sit around one evaluation (bidan1 at UPTD Puskesmas
 * Serang Kota, Dinkes): owner, atasan, atasan's atasan, kepala OPD, a colleague, a supervisor
 * of another agency, BKPSDM admin, auditor, a deactivated user, and broken sessions.
 */
const PERSONAS: Persona[] = [
  'anon',
  'forged',
  'expired',
  'deactivated',
  'noCsrf',
  'owner',
  'atasan',
  'atasanAtasan',
  'kepalaOpd',
  'rekan',
  'otherSupervisor',
  'admin',
  'auditor',
];
const KEY: Partial<Record<Persona, string>> = {
  owner: 'bidan1',
  noCsrf: 'bidan1',
  forged: 'bidan1',
  expired: 'bidan1',
  atasan: 'kapkm',
  atasanAtasan: 'kabidp2p',
  kepalaOpd: 'kadinkes',
  rekan: 'perawat1',
  otherSupervisor: 'kabidlalin',
  admin: 'analissdm',
  auditor: 'perencana1',
  deactivated: 'vaksinator',
};
const SIGNED_IN: Persona[] = [
  'owner',
  'atasan',
  'atasanAtasan',
  'kepalaOpd',
  'rekan',
  'otherSupervisor',
  'admin',
  'auditor',
];

let s: TestSystem;
let app: ReturnType<typeof testApp>;
let ownerRowId: string;
const cycle = () => s.cycle.id;
const nip = () => s.principal('bidan1').nip;
const ev = () => `/api/evaluations/${cycle()}/${nip()}`;
const page = () => `/evaluasi/${cycle()}/${nip()}`;
const row = {
  jenis: 'UTAMA',
  rhk: 'Cakupan imunisasi',
  aspek: 'KUANTITAS',
  indikator: 'Persentase bayi diimunisasi',
  target: 95,
  satuan: 'persen',
};
// A stale version: an allowed persona passes authorization and is then refused with 409, so the
// matrix changes no data.
const STALE = 9999;
const json = (data: Record<string, unknown>) => () => ({ type: 'json' as const, data });
const form = (data: Record<string, unknown>) => (csrf: string) => ({
  type: 'form' as const,
  data: { _csrf: csrf, ...data },
});
const READERS: Persona[] = ['owner', 'atasan', 'atasanAtasan', 'kepalaOpd', 'admin', 'auditor'];

const BASE_ROUTES: RouteCase[] = [
  { method: 'GET', route: '/health', path: () => '/health', allowed: 'public' },
  { method: 'GET', route: '/openapi.json', path: () => '/openapi.json', allowed: 'public' },
  { method: 'GET', route: '/api-docs', path: () => '/api-docs', allowed: 'public' },
  { method: 'GET', route: '/static/app.css', path: () => '/static/app.css', allowed: 'public' },
  { method: 'GET', route: '/masuk', path: () => '/masuk', allowed: 'public' },
  // Sign-in is public but needs its own double-submit CSRF cookie from GET /masuk: without it, 403.
  {
    method: 'POST',
    route: '/masuk',
    path: () => '/masuk',
    body: form({ nip: '1', password: 'x' }),
    allowed: 'public',
    always: 'forbidden',
  },
  // Local accounts have no first-sign-in challenge: the route answers 404 to everyone here.
  {
    method: 'POST',
    route: '/masuk/sandi-baru',
    path: () => '/masuk/sandi-baru',
    body: form({}),
    allowed: 'public',
  },
  { method: 'POST', route: '/keluar', path: () => '/keluar', body: form({}), allowed: 'any-signed-in' },
  { method: 'GET', route: '/api/me', path: () => '/api/me', allowed: 'any-signed-in' },
  // Signs the persona's own (fresh) session out; bearer revocation is test/api/bearer-revoke.test.ts.
  {
    method: 'POST',
    route: '/api/me/revoke',
    path: () => '/api/me/revoke',
    body: json({}),
    allowed: 'any-signed-in',
  },
  { method: 'GET', route: '/api/evaluations', path: () => '/api/evaluations', allowed: 'any-signed-in' },
  { method: 'GET', route: '/api/inbox', path: () => '/api/inbox', allowed: 'any-signed-in' },
  { method: 'GET', route: '/api/team', path: () => '/api/team', allowed: 'any-signed-in' },
  { method: 'GET', route: '/api/notices', path: () => '/api/notices', allowed: 'any-signed-in' },
  { method: 'GET', route: '/api/evaluations/:cycleId/:nip', path: ev, allowed: READERS },
  {
    method: 'POST',
    route: '/api/evaluations/:cycleId/:nip/targets',
    path: () => `${ev()}/targets`,
    body: json({ ...row, version: STALE }),
    allowed: ['owner'],
  },
  {
    method: 'PUT',
    route: '/api/evaluations/:cycleId/:nip/targets/:rowId',
    path: () => `${ev()}/targets/${ownerRowId}`,
    body: json({ ...row, version: STALE }),
    allowed: ['owner'],
  },
  {
    method: 'DELETE',
    route: '/api/evaluations/:cycleId/:nip/targets/:rowId',
    path: () => `${ev()}/targets/${ownerRowId}?version=${STALE}`,
    allowed: ['owner'],
  },
  {
    method: 'POST',
    route: '/api/evaluations/:cycleId/:nip/submit',
    path: () => `${ev()}/submit`,
    body: json({ version: STALE }),
    allowed: ['owner'],
  },
  {
    method: 'POST',
    route: '/api/evaluations/:cycleId/:nip/approve',
    path: () => `${ev()}/approve`,
    body: json({ version: STALE }),
    allowed: ['atasan'],
  },
  {
    method: 'POST',
    route: '/api/evaluations/:cycleId/:nip/return',
    path: () => `${ev()}/return`,
    body: json({ version: STALE, comment: 'Perbaiki indikator' }),
    allowed: ['atasan'],
  },
  {
    method: 'PUT',
    route: '/api/evaluations/:cycleId/:nip/ekspektasi',
    path: () => `${ev()}/ekspektasi`,
    body: json({ version: STALE, ekspektasi: {} }),
    allowed: ['atasan'],
  },
  // Owner (drafting) and atasan (deciding) may set the peers; with a stale version nothing changes.
  {
    method: 'PUT',
    route: '/api/evaluations/:cycleId/:nip/rekan',
    path: () => `${ev()}/rekan`,
    body: json({ version: STALE, nips: [] }),
    allowed: ['owner', 'atasan'],
  },
  {
    method: 'POST',
    route: '/evaluasi/:cycleId/:nip/rekan',
    path: () => `${page()}/rekan`,
    body: form({ version: STALE }),
    allowed: ['owner', 'atasan'],
  },
  // Admin-only; the admin's request is valid JSON but breaks a rule (422), so nothing changes.
  {
    method: 'POST',
    route: '/api/admin/employees/:nip/transfer',
    path: () => `/api/admin/employees/${nip()}/transfer`,
    body: () => ({ type: 'json', data: { atasanNip: nip(), alasan: 'Mutasi' } }),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/api/admin/plt',
    path: () => '/api/admin/plt',
    body: () => ({
      type: 'json',
      data: {
        jenis: 'PLT',
        nip: nip(),
        menggantikanNip: nip(),
        mulai: '2027-02-01',
        selesai: '2027-01-01',
        alasan: 'Sprint',
      },
    }),
    allowed: ['admin'],
  },
  { method: 'GET', route: '/admin', path: () => '/admin', allowed: ['admin'] },
  {
    method: 'POST',
    route: '/admin/mutasi',
    path: () => '/admin/mutasi',
    body: (csrf) => ({ type: 'form', data: { _csrf: csrf, nip: nip(), atasanNip: nip(), alasan: 'Mutasi' } }),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/admin/plt',
    path: () => '/admin/plt',
    body: (csrf) => ({
      type: 'form',
      data: {
        _csrf: csrf,
        jenis: 'PLT',
        nip: nip(),
        menggantikanNip: nip(),
        mulai: '2027-02-01',
        selesai: '2027-01-01',
        alasan: 'Sprint',
      },
    }),
    allowed: ['admin'],
  },
  { method: 'GET', route: '/admin/roster/templat', path: () => '/admin/roster/templat', allowed: ['admin'] },
  {
    method: 'POST',
    route: '/admin/roster/periksa',
    path: () => '/admin/roster/periksa',
    body: form({}),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/admin/roster/terapkan',
    path: () => '/admin/roster/terapkan',
    body: form({}),
    allowed: ['admin'],
  },
  {
    method: 'GET',
    route: '/api/opd/:opd/evaluations',
    path: () => `/api/opd/DINKES/evaluations?cycleId=${cycle()}`,
    allowed: ['kepalaOpd', 'admin', 'auditor'],
  },
  // /opd redirects each to their agency (kepala OPD) or the first one (BKPSDM, auditor).
  { method: 'GET', route: '/opd', path: () => '/opd', allowed: ['kepalaOpd', 'admin', 'auditor'] },
  {
    method: 'GET',
    route: '/opd/:opd',
    path: () => '/opd/DINKES',
    allowed: ['kepalaOpd', 'admin', 'auditor'],
  },
  { method: 'GET', route: '/', path: () => '/', allowed: 'any-signed-in' },
  { method: 'GET', route: '/kotak-masuk', path: () => '/kotak-masuk', allowed: 'any-signed-in' },
  { method: 'GET', route: '/evaluasi/:cycleId/:nip', path: page, allowed: READERS },
  {
    method: 'GET',
    route: '/evaluasi/:cycleId/:nip/target/:rowId/ubah',
    path: () => `${page()}/target/${ownerRowId}/ubah`,
    allowed: ['owner'],
  },
  {
    method: 'POST',
    route: '/evaluasi/:cycleId/:nip/target',
    path: () => `${page()}/target`,
    body: form({ ...row, version: STALE }),
    allowed: ['owner'],
  },
  {
    method: 'POST',
    route: '/evaluasi/:cycleId/:nip/target/:rowId',
    path: () => `${page()}/target/${ownerRowId}`,
    body: form({ ...row, version: STALE }),
    allowed: ['owner'],
  },
  {
    method: 'POST',
    route: '/evaluasi/:cycleId/:nip/target/:rowId/hapus',
    path: () => `${page()}/target/${ownerRowId}/hapus`,
    body: form({ version: STALE }),
    allowed: ['owner'],
  },
  {
    method: 'POST',
    route: '/evaluasi/:cycleId/:nip/ajukan',
    path: () => `${page()}/ajukan`,
    body: form({ version: STALE }),
    allowed: ['owner'],
  },
  {
    method: 'POST',
    route: '/evaluasi/:cycleId/:nip/setujui',
    path: () => `${page()}/setujui`,
    body: form({ version: STALE }),
    allowed: ['atasan'],
  },
  {
    method: 'POST',
    route: '/evaluasi/:cycleId/:nip/kembalikan',
    path: () => `${page()}/kembalikan`,
    body: form({ version: STALE, comment: 'Perbaiki indikator' }),
    allowed: ['atasan'],
  },
  {
    method: 'POST',
    route: '/evaluasi/:cycleId/:nip/ekspektasi',
    path: () => `${page()}/ekspektasi`,
    body: form({ version: STALE }),
    allowed: ['atasan'],
  },
];
const ROUTES: RouteCase[] = [
  ...BASE_ROUTES,
  ...areaCases({
    cycle,
    nip,
    nipOf: (p) => s.principal(KEY[p]!).nip,
    ev,
    page,
    STALE,
    READERS,
    json,
    form,
  }),
];

function expected(c: RouteCase, p: Persona): Outcome {
  if (c.always) return c.always;
  if (c.allowed === 'public') return 'ok';
  if (p === 'anon' || p === 'forged' || p === 'expired' || p === 'deactivated') return 'unauthenticated';
  const mutation = c.method !== 'GET';
  if (p === 'noCsrf') return mutation ? 'forbidden' : expected(c, 'owner');
  if (c.allowed === 'any-signed-in') return 'ok';
  return c.allowed.includes(p) ? 'ok' : 'forbidden';
}

async function call(c: RouteCase, p: Persona) {
  const principal: Principal | undefined = KEY[p] ? s.principal(KEY[p]!) : undefined;
  const session =
    p === 'anon' || !principal
      ? undefined
      : p === 'forged'
        ? sessionFor(principal, { secret: 'not-the-app-secret' })
        : p === 'expired'
          ? sessionFor(principal, { expiresIn: -60 })
          : sessionFor(principal);
  const csrf = p === 'noCsrf' ? '' : (session?.csrf ?? '');
  const headers: Record<string, string> = {
    accept: c.path().startsWith('/api') ? 'application/json' : 'text/html',
  };
  if (session) headers.cookie = session.cookie;
  if (p !== 'noCsrf' && session) headers['x-csrf-token'] = csrf;
  let body: string | undefined;
  const b = c.body?.(csrf);
  if (b?.type === 'json') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(b.data);
  } else if (b?.type === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(
      Object.entries(b.data).map(([k, v]): [string, string] => [k, String(v)]),
    ).toString();
  }
  const res = await app.request(c.path(), {
    method: c.method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  const location = res.headers.get('location') ?? '';
  // Signing out redirects to the sign-in page too; that is its success.
  const signedOut = c.route === '/keluar' && res.status === 303 && SIGNED_IN.includes(p);
  const outcome: Outcome = signedOut
    ? 'ok'
    : res.status === 401 || (res.status === 303 && location.startsWith('/masuk'))
      ? 'unauthenticated'
      : res.status === 403
        ? 'forbidden'
        : 'ok';
  return { status: res.status, outcome, text };
}

beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DINKES', 'DISHUB', 'BKPSDM', 'BAPPEDA'] } });
  await launchAndWait(s);
  const owner = s.principal('bidan1');
  const e = await registeredEvaluation(s, owner.nip);
  ownerRowId = (
    await skp.addTargetRow(s.deps, owner, s.cycle.id, owner.nip, e!.version, {
      ...row,
      jenis: 'UTAMA',
      aspek: 'KUANTITAS',
    })
  ).row.id;
  const setFlag = (key: string, expr: string, values: Record<string, unknown>) =>
    s.deps.ddb.send(
      new UpdateCommand({
        TableName: s.deps.tableName,
        Key: keys.employee(s.principal(key).nip),
        UpdateExpression: expr,
        ExpressionAttributeValues: values,
      }),
    );
  await setFlag('perencana1', 'SET auditor = :t', { ':t': true });
  await setFlag('vaksinator', 'SET aktif = :f', { ':f': false });
  app = testApp(s);
});
afterAll(() => s.stop());

describe('authorization: every route x every persona', () => {
  it('covers every route the app serves (a new route needs a row here)', () => {
    const served = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    const covered = new Set(ROUTES.map((r) => `${r.method} ${r.route}`));
    expect([...served].filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !served.has(r))).toEqual([]);
  });

  const cases = ROUTES.flatMap((c) => PERSONAS.map((p) => [`${c.method} ${c.route}`, p, c] as const));
  it(`decides ${cases.length} route x persona cases as the table says`, async () => {
    const wrong: string[] = [];
    for (const [name, p, c] of cases) {
      const got = await call(c, p);
      const want = expected(c, p);
      if (got.outcome !== want) wrong.push(`${name} as ${p}: expected ${want}, got ${got.status}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('changed no data while doing so', async () => {
    const e = (await getWithHistory(s.deps, s.cycle.id, nip()))!;
    expect(e.rows).toHaveLength(1);
    expect(e.evaluation.status).toBe('DRAFT');
    expect(e.history.map((h) => h.action).filter((a) => a !== 'EVALUASI_DIBACA')).toEqual([
      'EVALUASI_DIBUAT',
      'TAHAP_DIBUKA',
      'TARGET_DITAMBAH',
    ]);
  });

  it("writes reads by BKPSDM, auditors and agency heads to the audit trail, not the people's own", async () => {
    const history = (await getWithHistory(s.deps, s.cycle.id, nip()))!.history.filter(
      (h) => h.action === 'EVALUASI_DIBACA',
    );
    const readers = new Set(history.map((h) => ('nip' in h.actor ? h.actor.nip : '')));
    expect(readers).toEqual(
      new Set(['admin', 'auditor', 'kepalaOpd'].map((p) => s.principal(KEY[p as Persona]!).nip)),
    );
    expect(new Set(history.map((h) => h.detail.sebagai))).toEqual(
      new Set(['ADMIN_BKPSDM', 'AUDITOR', 'KEPALA_OPD']),
    );
    // Each of them opened it several times in the matrix: the trail keeps the first read a day.
    expect(history).toHaveLength(3);
  });

  it("does not let one person reach another's row through their own evaluation (IDOR)", async () => {
    const rekan = s.principal('perawat1');
    const rekanEval = await registeredEvaluation(s, rekan.nip);
    const { cookie, csrf } = sessionFor(rekan);
    const res = await app.request(`/api/evaluations/${s.cycle.id}/${rekan.nip}/targets/${ownerRowId}`, {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ ...row, version: rekanEval!.version }),
    });
    expect(res.status).toBe(404);
    expect((await getWithHistory(s.deps, s.cycle.id, nip()))!.rows[0]!.rhk).toBe(row.rhk);
  });

  it('signs out a deactivated person with a clear message', async () => {
    const { cookie } = sessionFor(s.principal('vaksinator'));
    const res = await app.request('/api/me', { headers: { cookie } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'Akun Anda tidak aktif. Hubungi BKPSDM.' });
    expect(res.headers.get('set-cookie')).toMatch(/kinerja_sesi=;/);
  });
});
