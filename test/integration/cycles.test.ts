import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCycle } from '../../shared/data/cycles.js';
import { getEvaluation, getWithHistory, listByCycle } from '../../shared/data/evaluations.js';
import { employeeItem } from '../../shared/data/people.js';
import { jadwalBaku } from '../../shared/domain/evaluation/cycle.js';
import type { Employee } from '../../shared/domain/people/employee.js';
import { atStage, driveTo } from '../support/cycle.js';
import { type Client, client, countDynamoCalls, sessionFor, testApp } from '../support/api.js';
import { eventually, launchAndWait, startTestSystem, type TestSystem } from '../support/system.js';
import { pnsNip } from '../roster/fixtures.js';

let s: TestSystem;
let admin: Client;

beforeAll(async () => {
  // The seeded 2027 cycle covers two agencies; the cycles created here choose their own scope.
  s = await startTestSystem({ cycle: { scope: ['DISKOMINFO', 'DINKES'] } });
  admin = client(testApp(s), s.principal('analissdm'));
});
afterAll(() => s.stop());

const base = {
  nama: 'Penilaian Kinerja Triwulan I 2028',
  tahun: 2028,
  periode: 'TRIWULAN_I',
  mulai: '2028-01-01',
  selesai: '2028-03-31',
};

/** The CycleLaunch execution a launch started, once it finished. */
async function finished(arn: string) {
  const execution = s.engine.executions.get(arn);
  expect(execution, arn).toBeDefined();
  await execution!.done;
  return execution!;
}

async function launch(cycleId: string) {
  const res = await admin.post(`/api/admin/cycles/${cycleId}/launch`);
  expect(res.status, res.text).toBe(202);
  const execution = await finished(String(res.json.arn));
  expect(execution.status, JSON.stringify(execution.error)).toBe('SUCCEEDED');
  const detail = await admin.get(`/api/admin/cycles/${cycleId}`);
  type Hasil = { employees: number; created: number; started: number; alreadyStarted: number };
  return detail.json as { status: string; peluncuran: { status: string; hasil: Hasil } };
}

const allRegistered = (cycleId: string, count: number) =>
  eventually(async () => {
    const list = await listByCycle(s.deps, cycleId);
    return list.length === count && list.every((e) => e.registeredAt && e.stage === 'PENETAPAN_TARGET')
      ? list
      : undefined;
  }, 20_000);

describe('creating a cycle', () => {
  it('reports every broken rule at its field and writes nothing', async () => {
    const res = await admin.post('/api/admin/cycles', {
      ...base,
      id: 'uji-aturan',
      selesai: '2028-04-30',
      graceDays: 0,
      scope: ['DISKOMINFO', 'DINAS-FIKTIF'],
      jadwal: { PENETAPAN_TARGET: '2028-03-01', MENUNGGU_PENILAIAN: '2028-02-15' },
    });
    expect(res.status).toBe(422);
    const paths = Object.fromEntries((res.json.issues ?? []).map((i) => [i.path, i.message]));
    expect(paths).toMatchObject({
      selesai: expect.stringContaining('2028-01-01 s.d. 2028-03-31'),
      graceDays: expect.any(String),
      'scope.1': 'OPD DINAS-FIKTIF tidak terdaftar',
      'jadwal.MENUNGGU_PENILAIAN': expect.stringContaining('harus setelah penetapan target'),
    });
    expect(await getCycle(s.deps, 'uji-aturan')).toBeUndefined();
  });

  it('answers a malformed request with 400 naming each field', async () => {
    const res = await admin.post('/api/admin/cycles', {
      ...base,
      periode: 'BULANAN',
      mulai: '01/01/2028',
      scope: 'SEMUA',
    });
    expect(res.status).toBe(400);
    expect(res.json.issues!.map((i) => i.path).sort()).toEqual(['mulai', 'periode', 'scope']);
  });

  it('derives the ID, fills the default schedule, starts prepared, and refuses a duplicate', async () => {
    const res = await admin.post('/api/admin/cycles', { ...base, scope: 'ALL' });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({
      id: '2028-TW1',
      status: 'DISIAPKAN',
      graceDays: 7,
      jadwal: jadwalBaku('2028-01-01', '2028-03-31'),
      dibuat: { oleh: s.principal('analissdm').nip },
    });
    const again = await admin.post('/api/admin/cycles', { ...base, scope: 'ALL', nama: 'Lain' });
    expect(again.status).toBe(409);
    expect((await getCycle(s.deps, '2028-TW1'))!.nama).toBe(base.nama);
  });

  it('takes an edited date as the whole WIB day and keeps the order of stages', async () => {
    const res = await admin.post('/api/admin/cycles', {
      ...base,
      id: '2028-TW1-edit',
      scope: ['DISHUB'],
      jadwal: { PENETAPAN_TARGET: '2028-01-20', MENUNGGU_PENILAIAN: '2028-03-25' },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({
      scope: ['DISHUB'],
      jadwal: {
        PENETAPAN_TARGET: '2028-01-20T16:59:59.000Z',
        MENUNGGU_PENILAIAN: '2028-03-24T17:00:00.000Z',
      },
    });
  });
});

describe('launching through the CycleLaunch machine', () => {
  const id = 'uji-peluncuran';
  let diskominfo: number;

  it('creates one evaluation and one execution per active employee, and records the result', async () => {
    expect((await admin.post('/api/admin/cycles', { ...base, id, scope: ['DISKOMINFO'] })).status).toBe(201);
    const first = await launch(id);
    diskominfo = first.peluncuran.hasil.employees;
    expect(diskominfo).toBeGreaterThan(5);
    expect(first).toMatchObject({
      status: 'DIBUKA',
      peluncuran: {
        status: 'SELESAI',
        hasil: { employees: diskominfo, created: diskominfo, started: diskominfo, alreadyStarted: 0 },
      },
    });
    await allRegistered(id, diskominfo);
  });

  it('launched twice, starts nothing twice', async () => {
    const second = await launch(id);
    expect(second.peluncuran.hasil).toMatchObject({
      employees: diskominfo,
      created: 0,
      started: 0,
      alreadyStarted: diskominfo,
    });
    const evaluationMachine = s.deps.stateMachines.employeeEvaluation.replace(
      ':stateMachine:',
      ':execution:',
    );
    const executions = [...s.engine.executions.keys()].filter((arn) =>
      arn.startsWith(`${evaluationMachine}:${id}-`),
    );
    expect(executions).toHaveLength(diskominfo);
    const someone = (await listByCycle(s.deps, id))[0]!;
    const history = (await getWithHistory(s.deps, id, someone.nip))!.history;
    expect(history.filter((h) => h.action === 'EVALUASI_DIBUAT')).toHaveLength(1);
  });

  it('launches an employee added later when launched again', async () => {
    const baru: Employee = {
      nip: pnsNip(4242),
      nama: 'Rizky Pratama, S.Kom.',
      status: 'PNS',
      golongan: 'III/a',
      jabatan: 'Pranata Komputer Ahli Pertama',
      jenisJabatan: 'FUNGSIONAL',
      levelJabatan: 'AHLI_PERTAMA',
      opd: 'DISKOMINFO',
      unit: 'APTIKA',
      atasanNip: s.principal('kabidaptika').nip,
      aktif: true,
    };
    await s.deps.ddb.send(new PutCommand({ TableName: s.deps.tableName, Item: employeeItem(baru) }));
    const third = await launch(id);
    expect(third.peluncuran.hasil).toMatchObject({
      employees: diskominfo + 1,
      created: 1,
      started: 1,
      alreadyStarted: diskominfo,
    });
    await allRegistered(id, diskominfo + 1);
    expect(await getEvaluation(s.deps, id, baru.nip)).toMatchObject({
      atasanNip: baru.atasanNip,
      atasanNama: s.principal('kabidaptika').nama,
      opdNama: 'Dinas Komunikasi dan Informatika',
    });
  });
});

describe('two launches at the same time', () => {
  it('create each evaluation once and run one execution per employee', async () => {
    const id = 'uji-serentak';
    expect((await admin.post('/api/admin/cycles', { ...base, id, scope: ['DISHUB'] })).status).toBe(201);
    // Two CycleLaunch runs side by side; a run is named after its start time, so 1 ms apart.
    const first = launchAndWait(s, id);
    s.clock.advance(1);
    const [a, b] = await Promise.all([first, launchAndWait(s, id)]);
    const evaluations = await listByCycle(s.deps, id);
    expect(evaluations.length).toBeGreaterThan(1);
    expect(a.created + b.created).toBe(evaluations.length);
    const evaluationMachine = s.deps.stateMachines.employeeEvaluation.replace(
      ':stateMachine:',
      ':execution:',
    );
    expect(
      [...s.engine.executions.keys()].filter((arn) => arn.startsWith(`${evaluationMachine}:${id}-`)),
    ).toHaveLength(evaluations.length);
    for (const e of evaluations) {
      const history = (await getWithHistory(s.deps, id, e.nip))!.history;
      expect(history.filter((h) => h.action === 'EVALUASI_DIBUAT')).toHaveLength(1);
    }
  });
});

describe('opening the assessment window early', () => {
  it('refuses a cycle that was never launched', async () => {
    const res = await admin.post('/api/admin/cycles/2028-TW1/open-assessment');
    expect(res.status).toBe(409);
    expect(res.json.message).toMatch(/belum diluncurkan/);
  });

  it('moves every waiting evaluation on at once, under BKPSDM’s name, and keeps the first opening time', async () => {
    await launchAndWait(s);
    const waiting = await Promise.all(['pranata1', 'bidan1'].map((k) => driveTo(s, k, 'MENUNGGU_PENILAIAN')));
    expect(waiting.map((e) => e.stage)).toEqual(['MENUNGGU_PENILAIAN', 'MENUNGGU_PENILAIAN']);

    const res = await admin.post(`/api/admin/cycles/${s.cycle.id}/open-assessment`);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ dilanjutkan: 2 });
    const dibukaPada = String(res.json.dibukaPada);
    for (const key of ['pranata1', 'bidan1']) {
      const nip = s.principal(key).nip;
      await atStage(s, nip, 'PENILAIAN_MANDIRI');
      const opened = (await getWithHistory(s.deps, s.cycle.id, nip))!.history.filter(
        (h) => h.action === 'PENILAIAN_DIBUKA',
      );
      expect(opened).toHaveLength(1);
      expect(opened[0]).toMatchObject({
        actor: { nip: s.principal('analissdm').nip },
        detail: { dibukaPada },
      });
    }
    expect((await getCycle(s.deps, s.cycle.id))!.penilaianDibukaPada).toBe(dibukaPada);

    const again = await admin.post(`/api/admin/cycles/${s.cycle.id}/open-assessment`);
    expect(again.json).toMatchObject({ dibukaPada, dilanjutkan: 0 });
  });
});

describe('progress', () => {
  it('counts per stage, status and agency from the cycle index alone', async () => {
    const calls = countDynamoCalls(s);
    const res = await admin.get(`/api/admin/cycles/${s.cycle.id}/progress`);
    expect(res.status).toBe(200);
    expect(calls).not.toContain('ScanCommand');
    expect(calls.filter((c) => c === 'QueryCommand').length).toBeLessThanOrEqual(2);

    const evaluations = await listByCycle(s.deps, s.cycle.id);
    const progres = res.json as {
      total: number;
      perTahap: Record<string, Record<string, number>>;
      perOpd: { opd: string; total: number; perTahap: Record<string, number> }[];
    };
    expect(progres.total).toBe(evaluations.length);
    expect(progres.perTahap.PENILAIAN_MANDIRI!.DRAFT).toBe(2);
    expect(progres.perTahap.PENETAPAN_TARGET!.DRAFT).toBe(evaluations.length - 2);
    const byOpd = (opd: string) => evaluations.filter((e) => e.opd === opd).length;
    expect(progres.perOpd).toEqual([
      {
        opd: 'DINKES',
        total: byOpd('DINKES'),
        perTahap: { PENETAPAN_TARGET: byOpd('DINKES') - 1, PENILAIAN_MANDIRI: 1 },
      },
      {
        opd: 'DISKOMINFO',
        total: byOpd('DISKOMINFO'),
        perTahap: { PENETAPAN_TARGET: byOpd('DISKOMINFO') - 1, PENILAIAN_MANDIRI: 1 },
      },
    ]);
  });
});

describe('web pages', () => {
  it('creates a cycle from the pre-filled form, shows errors at their fields, launches and shows progress', async () => {
    const app = testApp(s);
    const { cookie, csrf } = sessionFor(s.principal('analissdm'));
    const get = (path: string) => app.request(path, { headers: { cookie } });
    const post = (path: string, data: Record<string, string>) =>
      app.request(path, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, ...data }).toString(),
      });

    const form = await get('/admin/siklus?tahun=2029&periode=TRIWULAN_II');
    const html = await form.text();
    expect(form.status).toBe(200);
    for (const v of ['2029-TW2', '2029-04-01', '2029-06-30', 'Penilaian Kinerja Triwulan II 2029'])
      expect(html).toContain(`value="${v}"`);

    const values = {
      nama: 'Penilaian Kinerja Triwulan II 2029',
      id: '',
      tahun: '2029',
      periode: 'TRIWULAN_II',
      mulai: '2029-04-01',
      selesai: '2029-06-30',
      graceDays: '7',
      cakupan: 'OPD',
      'opd.DISHUB': 'ya',
      'jadwal.PENETAPAN_TARGET': '2029-05-01',
    };
    const bad = await post('/admin/siklus', { ...values, 'jadwal.MENUNGGU_PENILAIAN': '2029-04-15' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('href="#f-jadwal-MENUNGGU_PENILAIAN"');
    expect(badHtml).toContain('value="2029-04-15"');

    const created = await post('/admin/siklus', values);
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/admin/siklus/2029-TW2?pesan=dibuat');
    expect(await (await get('/admin/siklus/2029-TW2')).text()).toContain('Luncurkan siklus');

    const launched = await post('/admin/siklus/2029-TW2/luncurkan', {});
    expect(launched.status).toBe(303);
    const cycle = (await getCycle(s.deps, '2029-TW2'))!;
    await finished(cycle.peluncuran!.arn);
    const page = await (await get('/admin/siklus/2029-TW2')).text();
    const dishub = (await listByCycle(s.deps, '2029-TW2')).length;
    expect(dishub).toBeGreaterThan(0);
    expect(page).toContain(`${dishub} pegawai aktif: ${dishub} evaluasi baru`);
    expect(page).toMatch(/Dishub<\/a><\/th><td>\d+<\/td>/);
    expect(page).toContain('Buka masa penilaian sekarang');
  });
});
