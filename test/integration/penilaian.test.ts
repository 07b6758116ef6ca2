import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Principal } from '../../shared/app/actor.js';
import { getEvaluation, getRows, getWithHistory } from '../../shared/data/evaluations.js';
import { listPenilaianRekan } from '../../shared/data/penilaian-rekan.js';
import { KODE_BERAKHLAK } from '../../shared/domain/evaluation/berakhlak.js';
import type { TargetRow } from '../../shared/domain/evaluation/skp.js';
import { atStage, driveTo } from '../support/cycle.js';
import {
  client,
  countDynamoCalls,
  sessionFor,
  testApp,
  withoutSessionCheck,
  type Client,
} from '../support/api.js';
import { eventually, launchAndWait, startTestSystem, type TestSystem } from '../support/system.js';
import { controlTime } from '../support/time.js';
import { expectSafePage } from '../web/page-checks.js';
import type { TugasRekan } from '../../shared/app/evaluation/penilaian-rekan.js';
import type { PenilaianView } from '../../shared/app/evaluation/penilaian-view.js';
import type { PenilaianAtasan } from '../../shared/domain/evaluation/penilaian-model.js';

type Res = { json: unknown };
/** Response bodies typed as the services return them. */
const tugas = (r: Res) => r.json as TugasRekan;
const penilaianOf = (r: Res) => (r.json as { penilaian: PenilaianView }).penilaian;
const rekanOf = (r: Res) => penilaianOf(r).rekan!;

/**
 * The review stages through the API and the web form, on the real workflow: the employee's
 * self-assessment, three peers and the atasan side by side, and what each reader gets to see.
 */

const REKAN = ['pranata2', 'pranata3', 'pppkaptika'];
// Answered in this order; the employee must see them in text order instead.
const KOMENTAR: Record<string, string> = {
  pranata2: 'Zaman now: selalu sigap membantu pemohon',
  pranata3: 'Akurat dan teliti memeriksa data',
  pppkaptika: 'Menjadi teladan ketepatan waktu',
};

const mandiriLengkap = (rows: TargetRow[]) => ({
  baris: Object.fromEntries(
    rows.map((r) => [
      r.id,
      {
        realisasi: r.target * 1.2,
        narasi: 'Seluruh aplikasi layanan sudah terhubung SSO',
        bukti: ['https://serangkota.go.id/laporan-sso', 'BA uji coba no. 7/2027'],
      },
    ]),
  ),
  perilaku: Object.fromEntries(
    KODE_BERAKHLAK.map((k) => [k, { level: 'SESUAI_EKSPEKTASI', contoh: 'Melayani OPD lain dengan cepat' }]),
  ),
});
const nilaiRekan = (komentar: string) =>
  Object.fromEntries(KODE_BERAKHLAK.map((k) => [k, { level: 'DI_ATAS_EKSPEKTASI', komentar }]));

async function page(app: ReturnType<typeof testApp>, p: Principal, path: string) {
  const session = sessionFor(p);
  const res = await app.request(path, { headers: { cookie: session.cookie } });
  return { status: res.status, text: await res.text(), csrf: session.csrf };
}

async function postForm(
  app: ReturnType<typeof testApp>,
  p: Principal,
  path: string,
  data: Record<string, string>,
) {
  const session = sessionFor(p);
  const res = await app.request(path, {
    method: 'POST',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: session.csrf, ...data }).toString(),
  });
  return {
    status: res.status,
    location: res.headers.get('location') ?? '',
    text: await res.text(),
    csrf: session.csrf,
  };
}

describe('review stages on the real workflow', () => {
  let s: TestSystem;
  let app: ReturnType<typeof testApp>;
  let pegawai: Principal;
  let atasan: Principal;
  let peg: Client;
  let sup: Client;
  let rows: TargetRow[];
  let calls: string[];
  const rekanPrincipal = (key: string) => s.principal(key);
  const ev = () => `/api/evaluations/${s.cycle.id}/${pegawai.nip}`;
  const web = () => `/evaluasi/${s.cycle.id}/${pegawai.nip}`;
  const rekanApi = () => `/api/penilaian-rekan/${s.cycle.id}/${pegawai.nip}`;
  const version = async () => (await getEvaluation(s.deps, s.cycle.id, pegawai.nip))!.version;
  const secrets = () => REKAN.flatMap((k) => [rekanPrincipal(k).nip, rekanPrincipal(k).nama]);
  /** Every DynamoDB call a request makes besides its one session check; the workflow is idle while drafts and reads run. */
  const budgeted = async <T>(fn: () => Promise<T>, max = 2) => {
    const before = calls.length;
    const out = await fn();
    const used = withoutSessionCheck(calls.slice(before));
    expect(used.length, used.join(', ')).toBeLessThanOrEqual(max);
    return out;
  };

  beforeAll(async () => {
    s = await startTestSystem({ cycle: { scope: ['DISKOMINFO'] } });
    await launchAndWait(s);
    app = testApp(s);
    pegawai = s.principal('pranata1');
    atasan = s.principal('kabidaptika');
    peg = client(app, pegawai);
    sup = client(app, atasan);
    await driveTo(s, 'pranata1', 'PENILAIAN_MANDIRI', { rekan: REKAN });
    rows = await getRows(s.deps, s.cycle.id, pegawai.nip);
    await peg.get('/api/me');
    await sup.get('/api/me');
    calls = countDynamoCalls(s);
  }, 90_000);
  afterAll(() => s.stop());

  it('is in the OpenAPI document', async () => {
    const doc = (await client(app).get('/openapi.json')).json as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(Object.keys(doc.paths[`/api/evaluations/{cycleId}/{nip}/penilaian-mandiri`]!).sort()).toEqual([
      'post',
      'put',
    ]);
    expect(Object.keys(doc.paths['/api/penilaian-rekan/{cycleId}/{nip}']!).sort()).toEqual([
      'get',
      'post',
      'put',
    ]);
    expect(doc.components.schemas.EvaluationDetail!.properties).toHaveProperty('penilaian');
  });

  it('keeps the self-assessment to the employee and to its stage', async () => {
    const v = await version();
    expect((await sup.put(`${ev()}/penilaian-mandiri`, { version: v })).status).toBe(403);
    const early = await sup.put(`${ev()}/penilaian-atasan`, { version: v });
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ stage: 'PENILAIAN_MANDIRI', status: 'DRAFT' });
    const shape = await peg.put(`${ev()}/penilaian-mandiri`, {
      version: v,
      baris: { [rows[0]!.id]: { realisasi: 'dua belas' } },
    });
    expect(shape.status).toBe(400);
    expect(shape.json.issues).toEqual([
      { path: `baris.${rows[0]!.id}.realisasi`, message: 'Realisasi harus berupa angka' },
    ]);
  });

  it('saves a draft the atasan does not see, and refuses an incomplete submission field by field', async () => {
    const id = rows[0]!.id;
    const noVersion = await peg.put(`${ev()}/penilaian-mandiri`, { baris: {} });
    expect(noVersion.status).toBe(400);
    expect(noVersion.json.issues!.map((i) => i.path)).toEqual(['version']);
    const v = await version();
    const saved = await budgeted(async () =>
      peg.put(`${ev()}/penilaian-mandiri`, {
        version: v,
        baris: { [id]: { narasi: 'Sebagian aplikasi sudah terhubung' } },
      }),
    );
    expect(saved.status).toBe(200);
    expect(saved.json.evaluation).toMatchObject({
      stage: 'PENILAIAN_MANDIRI',
      status: 'DRAFT',
      penilaianMandiri: { baris: { [id]: { narasi: 'Sebagian aplikasi sudah terhubung', bukti: [] } } },
    });
    const seenByAtasan = await budgeted(() => sup.get(ev()));
    expect(seenByAtasan.json.evaluation).not.toHaveProperty('penilaianMandiri');

    const incomplete = await peg.post(`${ev()}/penilaian-mandiri`, {
      version: await version(),
      baris: { [id]: { realisasi: 5, narasi: 'Terhubung', bukti: ['javascript:alert(1)'] } },
    });
    expect(incomplete.status).toBe(422);
    const paths = incomplete.json.issues!.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([`baris.${id}.narasi`, `baris.${id}.bukti.0`, 'perilaku.KOMPETEN.level']),
    );
    expect(incomplete.json.issues!.find((i) => i.path === `baris.${id}.bukti.0`)!.message).toMatch(
      /^Bukti ke-1: tautan/,
    );
  });

  it('shows the web form with each message at its field and keeps what was typed', async () => {
    const id = rows[0]!.id;
    const form = await page(app, pegawai, `${web()}/penilaian-mandiri`);
    expect(form.status).toBe(200);
    expectSafePage(form.text, form.csrf);
    expect(form.text).toContain(`name="baris.${id}.realisasi"`);
    expect(form.text).toContain('Sebagian aplikasi sudah terhubung');
    const refused = await postForm(app, pegawai, `${web()}/penilaian-mandiri`, {
      version: String(await version()),
      aksi: 'ajukan',
      [`baris.${id}.realisasi`]: '2,5',
      [`baris.${id}.narasi`]: 'Pendek',
      [`baris.${id}.bukti`]: 'ftp://arsip.serangkota.go.id/ba.pdf',
    });
    expect(refused.status).toBe(422);
    expectSafePage(refused.text, refused.csrf);
    expect(refused.text).toContain(`id="f-baris-${id}-narasi-galat"`);
    expect(refused.text).toContain('Narasi capaian minimal 10 karakter');
    expect(refused.text).toContain(`id="f-baris-${id}-bukti-galat"`);
    expect(refused.text).toContain('ftp://arsip.serangkota.go.id/ba.pdf');
    expect(refused.text).toContain('value="2,5"');
    const saved = await postForm(app, pegawai, `${web()}/penilaian-mandiri`, {
      version: String(await version()),
      aksi: 'simpan',
      [`baris.${id}.realisasi`]: '2,5',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`${web()}/penilaian-mandiri?pesan=disimpan`);
    expect(
      (await getEvaluation(s.deps, s.cycle.id, pegawai.nip))!.penilaianMandiri!.baris[id]!.realisasi,
    ).toBe(2.5);
  });

  it('completes the stage once submitted; a second submission is 409 with the stage', async () => {
    const done = await peg.post(`${ev()}/penilaian-mandiri`, {
      version: await version(),
      ...mandiriLengkap(rows),
    });
    expect(done.status).toBe(200);
    expect(done.json.evaluation).toMatchObject({ status: 'SELESAI', awaitingWorkflow: false });
    const again = await peg.post(`${ev()}/penilaian-mandiri`, {
      version: await version(),
      ...mandiriLengkap(rows),
    });
    expect(again.status).toBe(409);
    expect(again.json).toHaveProperty('stage');
    await atStage(s, pegawai.nip, 'PENILAIAN_ATASAN');
    const history = (await getWithHistory(s.deps, s.cycle.id, pegawai.nip))!.history.map((h) => h.action);
    expect(history).toEqual(
      expect.arrayContaining(['PENILAIAN_MANDIRI_DISIMPAN', 'PENILAIAN_MANDIRI_DIAJUKAN']),
    );
  }, 30_000);

  it('lets only the approved peers review, each once', async () => {
    await eventually(async () => {
      const list = await listPenilaianRekan(s.deps, s.cycle.id, pegawai.nip);
      return list.length === 3 && list.every((r) => r.taskToken);
    });
    const outsider = client(app, s.principal('pranatahumas'));
    expect((await outsider.get(rekanApi())).status).toBe(403);
    expect((await outsider.put(rekanApi(), { version: 1 })).status).toBe(403);
    expect((await peg.get(rekanApi())).status).toBe(403);
    expect(
      (await page(app, s.principal('pranatahumas'), `/penilaian-rekan/${s.cycle.id}/${pegawai.nip}`)).status,
    ).toBe(403);

    for (const key of REKAN) {
      const c = client(app, rekanPrincipal(key));
      // The roster check is cached per container: warm it, as a signed-in user's first page does.
      await c.get('/api/me');
      const tasks = await budgeted(() => c.get('/api/penilaian-rekan'));
      expect(tasks.json.items).toEqual([
        expect.objectContaining({
          dinilai: expect.objectContaining({ nip: pegawai.nip, nama: pegawai.nama }),
          penilaian: expect.objectContaining({ status: 'MENUNGGU', awaitingWorkflow: true }),
        }),
      ]);
      expect(JSON.stringify(tasks.json)).not.toContain('peer-token');
      const mine = await c.get(rekanApi());
      if (key === REKAN[0]) {
        const list = await page(app, rekanPrincipal(key), '/penilaian-rekan');
        expectSafePage(list.text, list.csrf);
        expect(list.text).toContain(pegawai.nama);
        const form = await page(app, rekanPrincipal(key), `/penilaian-rekan/${s.cycle.id}/${pegawai.nip}`);
        expectSafePage(form.text, form.csrf);
        expect(form.text).toContain('name="nilai.KOMPETEN.komentar"');
        const refused = await postForm(
          app,
          rekanPrincipal(key),
          `/penilaian-rekan/${s.cycle.id}/${pegawai.nip}`,
          {
            version: String(tugas(mine).penilaian.version),
            aksi: 'ajukan',
            'nilai.KOMPETEN.level': 'DI_ATAS_EKSPEKTASI',
            'nilai.KOMPETEN.komentar': 'Rajin belajar hal baru',
          },
        );
        expect(refused.status).toBe(422);
        expect(refused.text).toContain('id="f-nilai-ADAPTIF-level-galat"');
        expect(refused.text).toContain('Rajin belajar hal baru');
      }
      const draft = await budgeted(() =>
        c.put(rekanApi(), {
          version: tugas(mine).penilaian.version,
          nilai: { HARMONIS: { level: 'SESUAI_EKSPEKTASI' } },
        }),
      );
      expect(draft.status).toBe(200);
      const short = await c.post(rekanApi(), { version: tugas(draft).penilaian.version, nilai: {} });
      expect(short.status).toBe(422);
      const stale = await c.post(rekanApi(), { version: 1, nilai: nilaiRekan(KOMENTAR[key]!) });
      expect(stale.status).toBe(409);
      const done = await c.post(rekanApi(), {
        version: tugas(draft).penilaian.version,
        nilai: nilaiRekan(KOMENTAR[key]!),
      });
      expect(done.status).toBe(200);
      expect(tugas(done).penilaian).toMatchObject({ status: 'SELESAI', awaitingWorkflow: false });
      const twice = await c.post(rekanApi(), {
        version: tugas(done).penilaian.version,
        nilai: nilaiRekan('lagi'),
      });
      expect(twice.status).toBe(409);
      expect(twice.json).toMatchObject({ stage: 'PENILAIAN_ATASAN', statusRekan: 'SELESAI' });
    }
  }, 30_000);

  it('shows the atasan each peer by name, the employee only counts while the stage runs', async () => {
    const forAtasan = await budgeted(() => sup.get(ev()));
    const rekan = rekanOf(forAtasan);
    expect(rekan).toMatchObject({ tampil: 'PER_REKAN', diminta: 3, menjawab: 3 });
    expect(rekan.tampil === 'PER_REKAN' && rekan.ulasan.map((u) => u.rekanNama).sort()).toEqual(
      REKAN.map((k) => rekanPrincipal(k).nama).sort(),
    );
    expect(penilaianOf(forAtasan).saran?.hasilKerja?.level).toBe('DI_ATAS_EKSPEKTASI');
    const atasanPage = await page(app, atasan, `${web()}/penilaian-atasan`);
    for (const k of REKAN) expect(atasanPage.text).toContain(rekanPrincipal(k).nama);

    const forEmployee = await budgeted(() => peg.get(ev()));
    // While the stage runs, only how many were asked: a live count would show who just answered.
    expect(rekanOf(forEmployee)).toEqual({ tampil: 'RINGKASAN', berlangsung: true, diminta: 3 });
    for (const secret of secrets()) expect(forEmployee.text).not.toContain(secret);
  });

  it('needs a reason to depart from the suggested hasil kerja, then completes the review', async () => {
    const rated = {
      baris: Object.fromEntries(rows.map((r) => [r.id, { level: 'DI_ATAS_EKSPEKTASI' }])),
      perilaku: Object.fromEntries(KODE_BERAKHLAK.map((k) => [k, { level: 'SESUAI_EKSPEKTASI' }])),
      perilakuKerja: { level: 'SESUAI_EKSPEKTASI' },
    };
    const noReason = await sup.post(`${ev()}/penilaian-atasan`, {
      version: await version(),
      ...rated,
      hasilKerja: { level: 'SESUAI_EKSPEKTASI' },
    });
    expect(noReason.status).toBe(422);
    expect(noReason.json.issues).toEqual([
      { path: 'hasilKerja.alasan', message: expect.stringContaining('saran sistem "di atas ekspektasi"') },
    ]);
    const draft = await sup.put(`${ev()}/penilaian-atasan`, {
      version: await version(),
      ...rated,
      hasilKerja: { level: 'SESUAI_EKSPEKTASI', alasan: 'Belum semua OPD memakai SSO' },
    });
    expect(draft.status).toBe(200);
    // The atasan's draft is theirs until submitted.
    expect((await peg.get(ev())).json.evaluation).not.toHaveProperty('penilaianAtasan');
    const done = await sup.post(`${ev()}/penilaian-atasan`, {
      version: await version(),
      ...rated,
      hasilKerja: { level: 'SESUAI_EKSPEKTASI', alasan: 'Belum semua OPD memakai SSO' },
    });
    expect(done.status).toBe(200);
    expect((done.json.evaluation as { penilaianAtasan: PenilaianAtasan }).penilaianAtasan.hasilKerja).toEqual(
      {
        level: 'SESUAI_EKSPEKTASI',
        saran: 'DI_ATAS_EKSPEKTASI',
        alasan: 'Belum semua OPD memakai SSO',
      },
    );
    const e = await atStage(s, pegawai.nip, 'UMPAN_BALIK');
    expect(e.hasil).toMatchObject({
      hasilKerja: 'SESUAI_EKSPEKTASI',
      perilaku: 'SESUAI_EKSPEKTASI',
      predikat: 'BAIK',
    });
  }, 30_000);

  it('never shows the employee who the peers are, even with all three answers in', async () => {
    const detail = await peg.get(ev());
    expect(detail.status).toBe(200);
    const rekan = rekanOf(detail);
    expect(rekan).toMatchObject({ tampil: 'RINGKASAN', berlangsung: false, menjawab: 3 });
    expect(rekan.tampil === 'RINGKASAN' && !rekan.berlangsung && rekan.perNilai?.[0]).toEqual({
      kode: 'BERORIENTASI_PELAYANAN',
      jumlah: { DI_ATAS_EKSPEKTASI: 3, SESUAI_EKSPEKTASI: 0, DI_BAWAH_EKSPEKTASI: 0 },
      komentar: [KOMENTAR.pranata3, KOMENTAR.pppkaptika, KOMENTAR.pranata2],
    });
    const list = await peg.get('/api/evaluations');
    const employeePage = await page(app, pegawai, web());
    expect(employeePage.text).toContain(KOMENTAR.pppkaptika);
    // Peers' actions leave no entries in the employee's history (their times would tell who).
    expect(employeePage.text).not.toContain('Seorang rekan penilai mengajukan');
    const kepala = await client(app, s.principal('kadiskominfo')).get(ev());
    expect(kepala.status).toBe(200);
    for (const text of [detail.text, list.text, employeePage.text, kepala.text]) {
      for (const secret of secrets()) expect(text).not.toContain(secret);
    }
    // The atasan still sees them per peer; the trail keeps the peers for them and auditors.
    const atasanPage = await page(app, atasan, web());
    for (const k of REKAN) expect(atasanPage.text).toContain(rekanPrincipal(k).nama);
  });
});

describe('fewer than three peer answers', () => {
  let s: TestSystem;
  /** Far enough that it never passes by itself during the test: the test moves time past it. */
  const DEADLINE_MS = 600_000;

  beforeAll(async () => {
    s = await startTestSystem({
      cycle: {
        scope: ['DISKOMINFO'],
        jadwal: { PENILAIAN_REKAN: new Date(Date.now() + DEADLINE_MS).toISOString() },
      },
    });
    await launchAndWait(s);
  }, 60_000);
  afterAll(() => {
    vi.useRealTimers();
    s.stop();
  });

  it('gives the employee nothing but the count, and refuses the late peer with 409', async () => {
    const app = testApp(s);
    const pegawai = s.principal('pranata1');
    const rekanApi = `/api/penilaian-rekan/${s.cycle.id}/${pegawai.nip}`;
    const time = controlTime(s);
    await driveTo(s, 'pranata1', 'PENILAIAN_ATASAN', { rekan: REKAN });
    await eventually(async () => {
      const list = await listPenilaianRekan(s.deps, s.cycle.id, pegawai.nip);
      return list.length === 3 && list.every((r) => r.taskToken);
    });
    for (const key of REKAN.slice(0, 2)) {
      const c = client(app, s.principal(key));
      const mine = await c.get(rekanApi);
      expect(
        (
          await c.post(rekanApi, {
            version: tugas(mine).penilaian.version,
            nilai: nilaiRekan(KOMENTAR[key]!),
          })
        ).status,
      ).toBe(200);
    }
    // Two peers answered in time; then the deadline passes for the third.
    time.pass(DEADLINE_MS);
    const late = s.principal(REKAN[2]!);
    await eventually(
      async () =>
        (await listPenilaianRekan(s.deps, s.cycle.id, pegawai.nip)).find((r) => r.rekanNip === late.nip)
          ?.status === 'DILEWATI',
    );
    const lateClient = client(app, late);
    const refused = await lateClient.post(rekanApi, { version: 9, nilai: nilaiRekan('Terlambat') });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ statusRekan: 'DILEWATI' });

    await driveTo(s, 'pranata1', 'UMPAN_BALIK', { rekan: REKAN });
    const detail = await client(app, pegawai).get(`/api/evaluations/${s.cycle.id}/${pegawai.nip}`);
    expect(rekanOf(detail)).toEqual({
      tampil: 'RINGKASAN',
      berlangsung: false,
      diminta: 3,
      menjawab: 2,
      dilewati: 1,
    });
    const text = (await page(app, pegawai, `/evaluasi/${s.cycle.id}/${pegawai.nip}`)).text;
    expect(text).toContain('Kurang dari 3 rekan menjawab');
    for (const key of REKAN.slice(0, 2)) expect(text).not.toContain(KOMENTAR[key]);
  }, 90_000);
});
