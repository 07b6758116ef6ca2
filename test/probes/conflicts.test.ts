import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executionName } from '../../shared/app/evaluation/execution.js';
import { cariKatalog } from '../../shared/app/development/pengembangan.js';
import { getEvaluation, getRows, getWithHistory, listByCycle } from '../../shared/data/evaluations.js';
import { getPenilaianRekan } from '../../shared/data/penilaian-rekan.js';
import { getRencana } from '../../shared/data/rencana.js';
import { queryPrefix } from '../../shared/data/query.js';
import { KODE_BERAKHLAK } from '../../shared/domain/evaluation/berakhlak.js';
import type { Stage } from '../../shared/domain/evaluation/stages.js';
import { client, testApp, type Client } from '../support/api.js';
import { answerRekan, atStage } from '../support/cycle.js';
import { STAGE_ROUTES, type StageRoute } from '../support/probe-routes.js';
import { eventually, startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Each route that changes a stage, fired CONFLICT_WIDTH (50) times at once with the same
 * version, the way a double-clicking user or a retrying client does: exactly one wins, every
 * other answer is a 4xx with a code (409 for a stale version), the record moves on by exactly
 * one version, and the trail has exactly one entry for the change. One evaluation (bidan1, whose
 * peers are perawat1, kadinkes and vaksinator) walks the whole workflow this way; the cycle's
 * launch, the opening of the assessment window, the agency's predikat and the close race too.
 */
const WIDTH = Number(process.env.CONFLICT_WIDTH ?? 50);
const EV = '/api/evaluations/{cycleId}/{nip}';

let s: TestSystem;
let app: ReturnType<typeof testApp>;
const as: Record<string, Client> = {};
const nip = () => s.principal('bidan1').nip;
const ev = () => `/api/evaluations/${s.cycle.id}/${nip()}`;
const route = (id: string): StageRoute => STAGE_ROUTES.find((r) => r.id === id)!;
/** What each race covered, checked against the list at the end. */
const raced = new Set<string>();

type Res = Awaited<ReturnType<Client['get']>>;

/** Fires `width` identical requests at once and returns the answers, sorted into winners and the rest. */
async function race(fire: () => Promise<Res>, width = WIDTH) {
  const all = await Promise.all(Array.from({ length: width }, fire));
  const winners = all.filter((r) => r.status < 300);
  const refused = all.filter((r) => r.status >= 300);
  expect(all.filter((r) => r.status >= 500).map((r) => `${r.status} ${r.text.slice(0, 200)}`)).toEqual([]);
  // Every refusal says why, with a code: a stale version is 409 KONFLIK.
  expect(
    refused.filter((r) => !(r.status >= 400 && typeof r.json?.error === 'string')).map((r) => r.status),
  ).toEqual([]);
  return { all, winners, refused };
}

/** The trail's entries of one action (reads aside), on the evaluation or the given partition. */
async function entries(action: string, where?: { pk: string; prefix: string }) {
  const items = where
    ? await queryPrefix(s.deps, where.pk, where.prefix)
    : ((await getWithHistory(s.deps, s.cycle.id, nip()))?.history ?? []);
  return (items as { action?: string }[]).filter((h) => h.action === action).length;
}

const versionOf = async () => (await getEvaluation(s.deps, s.cycle.id, nip()))!.version;

/**
 * One stage route under a 50-way race: exactly one 2xx, one version step on the record the
 * route locks, and exactly one trail entry of its action (none for a peer's draft).
 */
async function raceRoute(
  id: string,
  who: string,
  body: (version: number) => unknown,
  opts: { path?: string; version?: () => Promise<number>; after?: Stage } = {},
) {
  const r = route(id);
  const readVersion = opts.version ?? versionOf;
  const version = await readVersion();
  const audit = r.audit ? await entries(r.audit) : 0;
  const path = opts.path ?? `${ev()}${r.id.split(EV)[1] ?? ''}`;
  const method = r.id.split(' ')[0]!;
  const c = as[who]!;
  const fire = () =>
    method === 'DELETE'
      ? c.del(`${path}?version=${version}`)
      : method === 'PUT'
        ? c.put(path, body(version))
        : c.post(path, body(version));
  const { winners, refused } = await race(fire);
  expect(
    winners.map((w) => w.status),
    `${id}: one winner (refused: ${[...new Set(refused.map((x) => `${x.status} ${x.json?.error}`))].join(', ')})`,
  ).toHaveLength(1);
  // A stale version is 409; a check made before the version's may answer first: the row the
  // winner deleted is 404, the training the winner added 422. Never 401/403: the people are right.
  expect([
    ...new Set(
      refused.filter((x) => ![404, 409, 422].includes(x.status)).map((x) => `${x.status} ${x.text}`),
    ),
  ]).toEqual([]);
  if (!r.completes) expect(await readVersion()).toBe(version + 1);
  if (r.audit) expect(await entries(r.audit), `${id}: one ${r.audit}`).toBe(audit + 1);
  raced.add(id);
  if (opts.after) await atStage(s, nip(), opts.after, 60_000);
  return winners[0]!;
}

const row = (rhk: string) => ({
  jenis: 'UTAMA',
  rhk,
  aspek: 'KUANTITAS',
  indikator: 'Persentase bayi yang mendapat imunisasi dasar lengkap',
  target: 95,
  satuan: 'persen',
});
const teks = (t: string) => `${t} sepanjang periode penilaian ini.`;
const perilaku = <K extends string>(key: K, text: string) =>
  Object.fromEntries(KODE_BERAKHLAK.map((k) => [k, { level: 'SESUAI_EKSPEKTASI', [key]: teks(text) }]));

beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DINKES'] } });
  app = testApp(s);
  for (const key of ['bidan1', 'kapkm', 'kabidp2p', 'kadinkes', 'perawat1', 'analissdm'])
    as[key] = client(app, s.principal(key));
}, 120_000);
afterAll(() => s?.stop());

describe(`${WIDTH} identical requests at once: one winner, one trail entry`, () => {
  it('launches the cycle once per employee, however many launches race', async () => {
    const { winners } = await race(() => as.analissdm!.post(`/api/admin/cycles/${s.cycle.id}/launch`));
    // A launch is safe to repeat by design; what must hold is that nothing is created or started twice.
    expect(winners.length).toBeGreaterThan(0);
    const list = await eventually(async () => {
      const l = await listByCycle(s.deps, s.cycle.id);
      return l.length === 6 && l.every((e) => e.taskToken) ? l : undefined;
    }, 60_000);
    for (const e of list) {
      const h = (await getWithHistory(s.deps, s.cycle.id, e.nip))!.history;
      expect(
        h.filter((x) => x.action === 'EVALUASI_DIBUAT'),
        e.nip,
      ).toHaveLength(1);
      expect(
        h.filter((x) => x.action === 'TAHAP_DIBUKA'),
        e.nip,
      ).toHaveLength(1);
      const executions = [...s.engine.executions.keys()].filter((arn) =>
        arn.endsWith(`:${executionName(s.cycle.id, e.nip)}`),
      );
      expect(executions, e.nip).toHaveLength(1);
    }
  }, 180_000);

  it('target setting: rows, peers, expectations, submit, return and approve', async () => {
    await atStage(s, nip(), 'PENETAPAN_TARGET');
    const added = await raceRoute(`POST ${EV}/targets`, 'bidan1', (version) => ({
      version,
      ...row('Cakupan imunisasi dasar lengkap'),
    }));
    const rowId = (added.json.row as { id: string }).id;
    expect(await getRows(s.deps, s.cycle.id, nip())).toHaveLength(1);
    const second = await as.bidan1!.post(`${ev()}/targets`, {
      version: await versionOf(),
      ...row('Cakupan kunjungan neonatal'),
    });
    expect(second.status).toBe(201);
    const secondId = (second.json.row as { id: string }).id;
    await raceRoute(
      `PUT ${EV}/targets/{rowId}`,
      'bidan1',
      (version) => ({ version, ...row('Cakupan imunisasi dasar lengkap bayi') }),
      { path: `${ev()}/targets/${rowId}` },
    );
    await raceRoute(`DELETE ${EV}/targets/{rowId}`, 'bidan1', () => undefined, {
      path: `${ev()}/targets/${secondId}`,
    });
    expect(await getRows(s.deps, s.cycle.id, nip())).toHaveLength(1);
    const rekan = ['perawat1', 'kadinkes', 'vaksinator'].map((k) => s.principal(k).nip);
    await raceRoute(`PUT ${EV}/rekan`, 'bidan1', (version) => ({ version, nips: rekan }));
    await raceRoute(`PUT ${EV}/ekspektasi`, 'kapkm', (version) => ({
      version,
      ekspektasi: { BERORIENTASI_PELAYANAN: 'Melayani ibu dan bayi dengan ramah dan tepat waktu' },
    }));
    await raceRoute(`POST ${EV}/submit`, 'bidan1', (version) => ({ version }));
    await raceRoute(`POST ${EV}/return`, 'kapkm', (version) => ({
      version,
      comment: 'Lengkapi indikator dengan sumber datanya',
    }));
    expect((await as.bidan1!.post(`${ev()}/submit`, { version: await versionOf() })).status).toBe(200);
    await raceRoute(`POST ${EV}/approve`, 'kapkm', (version) => ({ version }), {
      after: 'MENUNGGU_PENILAIAN',
    });
  }, 180_000);

  it('opening the assessment window moves each waiting evaluation once', async () => {
    const before = await entries('PENILAIAN_DIBUKA');
    const { winners } = await race(() =>
      as.analissdm!.post(`/api/admin/cycles/${s.cycle.id}/open-assessment`),
    );
    // Opening again is allowed (it moves whoever arrived since); each evaluation moves once.
    expect(winners.length).toBeGreaterThan(0);
    expect(winners.reduce((n, w) => n + Number(w.json.dilanjutkan ?? 0), 0)).toBe(1);
    expect(await entries('PENILAIAN_DIBUKA')).toBe(before + 1);
    await atStage(s, nip(), 'PENILAIAN_MANDIRI', 60_000);
  }, 120_000);

  it('the self-assessment: draft and submission', async () => {
    const [r] = await getRows(s.deps, s.cycle.id, nip());
    const body = (version: number) => ({
      version,
      baris: {
        [r!.id]: {
          realisasi: 96,
          narasi: 'Tercapai sesuai rencana',
          bukti: ['https://serangkota.go.id/laporan'],
        },
      },
      perilaku: perilaku('contoh', 'Melayani sesuai standar'),
    });
    await raceRoute(`PUT ${EV}/penilaian-mandiri`, 'bidan1', body);
    await raceRoute(`POST ${EV}/penilaian-mandiri`, 'bidan1', body, { after: 'PENILAIAN_ATASAN' });
  }, 120_000);

  it("a peer's review: draft (no trail entry until submitted) and submission", async () => {
    const rekanNip = s.principal('perawat1').nip;
    const peerVersion = async () => {
      const r = await eventually(async () => {
        const x = await getPenilaianRekan(s.deps, s.cycle.id, nip(), rekanNip);
        return x?.taskToken || x?.status !== 'MENUNGGU' ? x : undefined;
      }, 60_000);
      return r!.version;
    };
    const body = (version: number) => ({
      version,
      nilai: perilaku('komentar', 'Contoh perilaku yang terlihat'),
    });
    const path = `/api/penilaian-rekan/${s.cycle.id}/${nip()}`;
    await raceRoute(`PUT /api/penilaian-rekan/{cycleId}/{nip}`, 'perawat1', body, {
      path,
      version: peerVersion,
    });
    await raceRoute(`POST /api/penilaian-rekan/{cycleId}/{nip}`, 'perawat1', body, {
      path,
      version: peerVersion,
    });
    for (const k of ['kadinkes', 'vaksinator']) await answerRekan(s, nip(), s.principal(k).nip);
  }, 120_000);

  it("the atasan's assessment, feedback, the objection and its decision", async () => {
    const rows = await getRows(s.deps, s.cycle.id, nip());
    const penilaian = (version: number) => ({
      version,
      baris: Object.fromEntries(
        rows.map((r) => [r.id, { level: 'SESUAI_EKSPEKTASI', catatan: 'Dinilai dari bukti dukung' }]),
      ),
      hasilKerja: { level: 'SESUAI_EKSPEKTASI', alasan: 'Sesuai capaian dan bukti dukung yang diperiksa' },
      perilaku: Object.fromEntries(KODE_BERAKHLAK.map((k) => [k, { level: 'SESUAI_EKSPEKTASI' }])),
      perilakuKerja: { level: 'SESUAI_EKSPEKTASI', alasan: 'Sesuai pengamatan atasan dan penilaian rekan' },
    });
    await raceRoute(`PUT ${EV}/penilaian-atasan`, 'kapkm', penilaian);
    await raceRoute(`POST ${EV}/penilaian-atasan`, 'kapkm', penilaian, { after: 'UMPAN_BALIK' });
    const umpanBalik = (version: number) => ({
      version,
      baris: Object.fromEntries(rows.map((r) => [r.id, 'Pertahankan capaian ini'])),
      umum: teks('Kinerja baik dan konsisten'),
      saran: teks('Tingkatkan kemampuan analisis data layanan'),
    });
    await raceRoute(`PUT ${EV}/umpan-balik`, 'kapkm', umpanBalik);
    await raceRoute(`POST ${EV}/umpan-balik`, 'kapkm', umpanBalik, { after: 'TANGGAPAN' });
    await raceRoute(
      `POST ${EV}/tanggapan`,
      'bidan1',
      (version) => ({
        version,
        jenis: 'KEBERATAN',
        alasan: 'Capaian imunisasi melebihi target tetapi dinilai hanya sesuai ekspektasi',
      }),
      { after: 'KEBERATAN' },
    );
    await raceRoute(
      `POST ${EV}/keberatan/putusan`,
      'kabidp2p',
      (version) => ({
        version,
        keputusan: 'DIPERTAHANKAN',
        alasan: 'Bukti dukung dan penilaian atasan telah diperiksa kembali',
      }),
      { after: 'RENCANA_PENGEMBANGAN' },
    );
  }, 240_000);

  it('the development plan: add, cancel, confirm; then a training completed', async () => {
    const tahun = (await getEvaluation(s.deps, s.cycle.id, nip()))!.rencanaPengembangan!.tahun;
    const plan = async () => (await getRencana(s.deps, nip(), tahun))!;
    const planVersion = async () => (await plan()).version;
    const { items, profil } = await plan();
    const inPlan = new Set(items.map((i) => i.pelatihanId));
    const pelatihanId = cariKatalog({ profil }).find((p) => !inPlan.has(p.id))!.id;
    await raceRoute(`POST ${EV}/rencana/items`, 'bidan1', (version) => ({ version, pelatihanId }), {
      version: planVersion,
    });
    const added = (await plan()).items.find((i) => i.pelatihanId === pelatihanId)!;
    await raceRoute(
      `POST ${EV}/rencana/items/{itemId}/cancel`,
      'kapkm',
      (version) => ({ version, catatan: 'Diganti pelatihan yang lebih sesuai' }),
      { path: `${ev()}/rencana/items/${added.id}/cancel`, version: planVersion },
    );
    await raceRoute(`POST ${EV}/rencana/confirm`, 'kapkm', (version) => ({ version }), {
      version: planVersion,
      after: 'SELESAI',
    });

    // The seeded 2027 plan (no evaluation proposed it): its trail sits beside it. A certificate
    // may not be dated after today, so the test's clock moves into 2027 (the workflow's timers
    // keep to wall time: nothing falls due).
    const toFeb2027 = new Date('2027-02-01T03:00:00Z').getTime() - s.clock.now().getTime();
    if (toFeb2027 > 0) s.clock.advance(toFeb2027);
    const own = (await getRencana(s.deps, nip(), 2027))!;
    const item = own.items.find((i) => i.status === 'DIRENCANAKAN')!;
    const log = { pk: `EMP#${nip()}`, prefix: 'RLOG#2027#' };
    const before = await entries('PELATIHAN_SELESAI', log);
    const { winners, refused } = await race(() =>
      as.bidan1!.post(`/api/pengembangan/2027/items/${item.id}/complete`, {
        version: own.version,
        sertifikat: {
          nomor: 'SERT/2027/0042',
          tanggal: '2027-01-15',
          penyelenggara: 'Dinas Kesehatan Kota Serang',
        },
      }),
    );
    expect(winners, [...new Set(refused.map((r) => r.text))].join('\n')).toHaveLength(1);
    expect((await getRencana(s.deps, nip(), 2027))!.version).toBe(own.version + 1);
    expect(await entries('PELATIHAN_SELESAI', log)).toBe(before + 1);
  }, 180_000);

  it("the agency's predikat, then closing the cycle", async () => {
    const log = { pk: `CYCLE#${s.cycle.id}`, prefix: 'LOG#' };
    const kurva = await race(() =>
      as.kadinkes!.put(`/api/opd/DINKES/kurva/${s.cycle.id}`, {
        version: 0,
        predikat: 'BAIK',
        alasan: 'Capaian kinerja organisasi sesuai target renstra',
      }),
    );
    expect(kurva.winners).toHaveLength(1);
    expect(await entries('KURVA_DITETAPKAN', log)).toBe(1);
    const close = await race(() =>
      as.analissdm!.post(`/api/admin/cycles/${s.cycle.id}/close`, {
        alasanPengecualian: 'Penutupan uji: evaluasi yang belum selesai dicatat sebagai pengecualian',
      }),
    );
    expect(close.winners).toHaveLength(1);
    expect(await entries('SIKLUS_DITUTUP', log)).toBe(1);
  }, 120_000);

  it('raced every route that changes a stage', () => {
    expect(STAGE_ROUTES.map((r) => r.id).filter((id) => !raced.has(id))).toEqual([]);
  });
});
