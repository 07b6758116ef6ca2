import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEvaluation } from '../../shared/data/evaluations.js';
import type { Principal } from '../../shared/app/actor.js';
import { nipOfKey } from '../../infra/local/seed-data.js';
import { BODY_LIMIT_BYTES } from '../../functions/api/app.js';
import { eventually, launchAndWait, startTestSystem, type TestSystem } from '../support/system.js';
import {
  client,
  countDynamoCalls,
  sessionFor,
  testApp,
  withoutSessionCheck,
  type Client,
} from '../support/api.js';
import { atStage } from '../support/cycle.js';

let s: TestSystem;
let app: ReturnType<typeof testApp>;
let pegawai: Principal;
let atasan: Principal;
let peg: Client;
let sup: Client;
let calls: string[];
const row = {
  jenis: 'UTAMA',
  rhk: 'Meningkatnya ketertiban lalu lintas di simpang utama',
  aspek: 'KUANTITAS',
  indikator: 'Jumlah simpang dengan rekayasa lalu lintas',
  target: 4,
  satuan: 'simpang',
};
const base = () => `/api/evaluations/${s.cycle.id}/${pegawai.nip}`;
const currentVersion = async () => (await getEvaluation(s.deps, s.cycle.id, pegawai.nip))!.version;

beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DISHUB'] } });
  await launchAndWait(s);
  app = testApp(s);
  pegawai = s.principal('lalin1');
  atasan = s.principal('kabidlalin');
  peg = client(app, pegawai);
  sup = client(app, atasan);
  await eventually(async () => (await getEvaluation(s.deps, s.cycle.id, pegawai.nip))?.taskToken);
  // The roster check is cached per container: warm it, as a signed-in user's first page does.
  await peg.get('/api/me');
  await sup.get('/api/me');
  calls = countDynamoCalls(s);
});
afterAll(() => s.stop());

/** Every request may use at most two DynamoDB calls besides its one session check, and never a Scan. */
async function budgeted<T>(fn: () => Promise<T>, max = 2): Promise<T> {
  const before = calls.length;
  const out = await fn();
  const used = withoutSessionCheck(calls.slice(before));
  expect(used, `DynamoDB calls: ${used.join(', ')}`).not.toContain('ScanCommand');
  expect(used.length, `DynamoDB calls: ${used.join(', ')}`).toBeLessThanOrEqual(max);
  return out;
}

describe('public routes', () => {
  it('serves /health, the OpenAPI 3.1 document and a readable reference', async () => {
    const anon = client(app);
    expect((await anon.get('/health')).json).toEqual({ status: 'ok' });
    const doc = (await anon.get('/openapi.json')).json as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/me',
        '/api/evaluations/{cycleId}/{nip}',
        '/api/evaluations/{cycleId}/{nip}/targets',
        '/api/inbox',
      ]),
    );
    const ref = await anon.get('/api-docs');
    expect(ref.status).toBe(200);
    expect(ref.text).toContain('/api/evaluations/{cycleId}/{nip}/approve');
    expect(ref.text).not.toMatch(/(src|href)="https?:/);
    expect(ref.headers.get('content-security-policy')).toContain("script-src 'none'");
  });

  it('documents every JSON API route it serves, and serves every route it documents', async () => {
    const doc = (await client(app).get('/openapi.json')).json as { paths: Record<string, object> };
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replaceAll(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => `${r.method} ${r.path}`),
    );
    expect(served.size).toBeGreaterThan(40);
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
  });
});

describe('authentication and CSRF', () => {
  it('answers 401 without, with a forged, and with an expired session', async () => {
    expect((await client(app).get('/api/me')).status).toBe(401);
    const forged = sessionFor(pegawai, { secret: 'someone-elses-secret' });
    expect((await client(app).get('/api/me', { cookie: forged.cookie })).status).toBe(401);
    const expired = sessionFor(pegawai, { expiresIn: -10 });
    const res = await client(app).get('/api/me', { cookie: expired.cookie });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      error: 'TIDAK_TERAUTENTIKASI',
      message: 'Silakan masuk terlebih dahulu',
      issues: [],
    });
  });
  it("refuses a mutation without the session's CSRF token", async () => {
    const other = sessionFor(pegawai);
    const res = await client(app, pegawai).post(
      `${base()}/submit`,
      { version: 1 },
      { 'x-csrf-token': other.csrf },
    );
    expect(res.status).toBe(403);
    expect(res.json.error).toBe('CSRF');
  });
  it('says who I am in one DynamoDB call', async () => {
    const me = await budgeted(() => peg.get('/api/me'), 1);
    expect(me.json).toMatchObject({
      nip: pegawai.nip,
      nama: pegawai.nama,
      opd: 'DISHUB',
      atasanNip: atasan.nip,
    });
  });
});

describe('bad input never gets a 500', () => {
  it.each([
    ['a NIP that is not 18 digits', () => peg.get(`/api/evaluations/2027/12345`), 400, 'nip'],
    [
      'a cycle id with a slash-like character',
      () => peg.get(`/api/evaluations/20%2027/${pegawai.nip}`),
      400,
      'cycleId',
    ],
    ['malformed JSON', () => peg.post(`${base()}/targets`, '{"version": 1,'), 400, undefined],
    ['a JSON array body', () => peg.post(`${base()}/targets`, '[]'), 400, undefined],
    ['an empty body', () => peg.post(`${base()}/targets`, {}), 400, 'version'],
    ['target 0', () => peg.post(`${base()}/targets`, { ...row, version: 2, target: 0 }), 400, 'target'],
    [
      'a negative target',
      () => peg.post(`${base()}/targets`, { ...row, version: 2, target: -1 }),
      400,
      'target',
    ],
    [
      'a non-numeric target',
      () => peg.post(`${base()}/targets`, { ...row, version: 2, target: 'empat' }),
      400,
      'target',
    ],
    [
      'an unknown jenis',
      () => peg.post(`${base()}/targets`, { ...row, version: 2, jenis: 'POKOK' }),
      400,
      'jenis',
    ],
    [
      'an unknown aspek',
      () => peg.post(`${base()}/targets`, { ...row, version: 2, aspek: 'BIAYA' }),
      400,
      'aspek',
    ],
    ['a blank RHK', () => peg.post(`${base()}/targets`, { ...row, version: 2, rhk: '   ' }), 400, 'rhk'],
    [
      'an over-long RHK',
      () => peg.post(`${base()}/targets`, { ...row, version: 2, rhk: 'x'.repeat(501) }),
      400,
      'rhk',
    ],
    [
      'an unknown field',
      () => peg.post(`${base()}/targets`, { ...row, version: 2, bobot: 10 }),
      400,
      undefined,
    ],
    ['a fractional version', () => peg.post(`${base()}/submit`, { version: 1.5 }), 400, 'version'],
    [
      'a bad row id',
      () => peg.put(`${base()}/targets/${'x'.repeat(65)}`, { ...row, version: 2 }),
      400,
      'rowId',
    ],
    ['a delete without version', () => peg.del(`${base()}/targets/abc`), 400, 'version'],
    [
      'a return without comment',
      () => sup.post(`${base()}/return`, { version: 2, comment: '' }),
      400,
      'comment',
    ],
    [
      'ekspektasi for a value that is not BerAKHLAK',
      () => sup.put(`${base()}/ekspektasi`, { version: 2, ekspektasi: { JUJUR: 'x' } }),
      400,
      'ekspektasi',
    ],
  ])('%s: 400 naming the field', async (_name, run, status, field) => {
    const res = await run();
    expect(res.status).toBe(status);
    expect(res.json).toMatchObject({
      error: 'PERMINTAAN_TIDAK_VALID',
      message: expect.any(String),
      issues: expect.any(Array),
    });
    if (field) expect(res.json.issues!.map((i) => i.path)).toContain(field);
  });

  it('answers 413 to a body over the limit', async () => {
    const res = await peg.post(`${base()}/targets`, {
      ...row,
      version: 2,
      rhk: 'x'.repeat(BODY_LIMIT_BYTES),
    });
    expect(res.status).toBe(413);
    expect(res.json.error).toBe('TERLALU_BESAR');
  });

  it('answers 404 for an unknown evaluation and an unknown route', async () => {
    expect((await peg.get(`/api/evaluations/1999/${pegawai.nip}`)).status).toBe(404);
    expect((await peg.get('/api/tidak-ada')).json).toMatchObject({ error: 'TIDAK_DITEMUKAN' });
  });

  it("answers 403 to someone else's evaluation", async () => {
    const stranger = client(app, s.principal('pranata1'));
    expect((await stranger.get(base())).status).toBe(403);
    expect(
      (await stranger.post(`${base()}/targets`, { ...row, version: await currentVersion() })).status,
    ).toBe(403);
    expect((await peg.post(`${base()}/approve`, { version: await currentVersion() })).status).toBe(403);
  });

  it('answers 422 to submit without an UTAMA row, and 409 to approve a draft', async () => {
    const submit = await peg.post(`${base()}/submit`, { version: await currentVersion() });
    expect(submit.status).toBe(422);
    expect(submit.json.issues).toEqual([
      { path: 'rows', message: 'Minimal satu hasil kerja UTAMA harus diisi sebelum diajukan' },
    ]);
    const approve = await sup.post(`${base()}/approve`, { version: await currentVersion() });
    expect(approve.status).toBe(409);
    expect(approve.json).toMatchObject({ error: 'KONFLIK', stage: 'PENETAPAN_TARGET', status: 'DRAFT' });
  });
});

describe('target setting through the API', () => {
  it('drafts, submits, is returned, resubmits and is approved, within 2 DynamoDB calls a request', async () => {
    let v = await currentVersion();
    const added = await budgeted(() => peg.post(`${base()}/targets`, { ...row, version: v }));
    expect(added.status).toBe(201);
    const rowId = (added.json.row as { id: string }).id;
    v = (added.json.evaluation as { version: number }).version;

    const stale = await peg.post(`${base()}/targets`, { ...row, version: v - 1 });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ error: 'KONFLIK', currentVersion: v });

    const submitted = await budgeted(() => peg.post(`${base()}/submit`, { version: v }));
    expect(submitted.json.evaluation).toMatchObject({ status: 'DIAJUKAN', awaitingWorkflow: true });
    expect(JSON.stringify(submitted.json)).not.toContain('taskToken');

    const inbox = await budgeted(() => sup.get('/api/inbox'));
    expect((inbox.json.items as { nip: string }[]).map((i) => i.nip)).toEqual([pegawai.nip]);

    const edit = await peg.put(`${base()}/targets/${rowId}`, { ...row, version: v + 1 });
    expect(edit.status).toBe(409);

    const returned = await budgeted(() =>
      sup.post(`${base()}/return`, { version: v + 1, comment: 'Tambahkan target waktu penyelesaian' }),
    );
    expect(returned.json.evaluation).toMatchObject({
      status: 'DIKEMBALIKAN',
      lastComment: 'Tambahkan target waktu penyelesaian',
    });
    v = (returned.json.evaluation as { version: number }).version;

    const waktu = await budgeted(() =>
      peg.post(`${base()}/targets`, {
        ...row,
        version: v,
        aspek: 'WAKTU',
        indikator: 'Bulan penyelesaian',
        target: 10,
        satuan: 'bulan',
      }),
    );
    v = (waktu.json.evaluation as { version: number }).version;
    const updated = await budgeted(() =>
      peg.put(`${base()}/targets/${rowId}`, { ...row, version: v, target: 6 }),
    );
    v = (updated.json.evaluation as { version: number }).version;
    const extra = await peg.post(`${base()}/targets`, { ...row, version: v, jenis: 'TAMBAHAN' });
    v = (extra.json.evaluation as { version: number }).version;
    const deleted = await budgeted(() =>
      peg.del(`${base()}/targets/${(extra.json.row as { id: string }).id}?version=${v}`),
    );
    v = (deleted.json.evaluation as { version: number }).version;
    const ekspektasi = await budgeted(() =>
      sup.put(`${base()}/ekspektasi`, {
        version: v,
        ekspektasi: { AKUNTABEL: 'Laporan kegiatan lengkap setiap bulan' },
      }),
    );
    v = (ekspektasi.json.evaluation as { version: number }).version;
    const resubmitted = await peg.post(`${base()}/submit`, { version: v });
    v = (resubmitted.json.evaluation as { version: number }).version;

    // Dishub has only 2 possible peers for lalin1 (not the atasan, not the atasan's atasan), so
    // the SKP is approved without; counting them is the one extra Query of this request.
    const approved = await budgeted(() => sup.post(`${base()}/approve`, { version: v }), 3);
    expect(approved.status).toBe(200);
    expect(approved.json.evaluation).toMatchObject({ status: 'SELESAI', awaitingWorkflow: false });

    // Approval moves the workflow on: wait until it waits for the assessment window.
    await atStage(s, pegawai.nip, 'MENUNGGU_PENILAIAN');
    const detail = await budgeted(() => peg.get(base()), 1);
    const body = detail.json as {
      evaluation: { status: string; ekspektasi: object };
      rows: { target: number; aspek: string }[];
      history: { action: string }[];
    };
    expect(body.evaluation.ekspektasi).toEqual({ AKUNTABEL: 'Laporan kegiatan lengkap setiap bulan' });
    expect(body.rows.map((r) => [r.aspek, r.target])).toEqual([
      ['KUANTITAS', 6],
      ['WAKTU', 10],
    ]);
    expect(body.history.map((h) => h.action)).toEqual([
      'EVALUASI_DIBUAT',
      'TAHAP_DIBUKA',
      'TARGET_DITAMBAH',
      'SKP_DIAJUKAN',
      'SKP_DIKEMBALIKAN',
      'TARGET_DITAMBAH',
      'TARGET_DIUBAH',
      'TARGET_DITAMBAH',
      'TARGET_DIHAPUS',
      'EKSPEKTASI_DITETAPKAN',
      'SKP_DIAJUKAN',
      'SKP_DISETUJUI',
      'TAHAP_DIBUKA',
    ]);
    const frozen = await peg.post(`${base()}/targets`, {
      ...row,
      version: body.evaluation ? await currentVersion() : 0,
    });
    expect(frozen.status).toBe(409);
    const again = await sup.post(`${base()}/approve`, { version: await currentVersion() });
    expect(again.status).toBe(409);

    const mine = await budgeted(() => peg.get('/api/evaluations'), 1);
    expect(mine.json.items).toEqual([
      expect.objectContaining({ nip: pegawai.nip, stage: 'MENUNGGU_PENILAIAN', status: 'DRAFT' }),
    ]);
    const team = await budgeted(() => sup.get('/api/team'), 1);
    expect((team.json.items as unknown[]).length).toBe(3);
    expect(nipOfKey('lalin2')).toBeTruthy();
  });
});
