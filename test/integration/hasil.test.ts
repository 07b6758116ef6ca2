import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPLOYEES } from '../../infra/local/seed-data.js';
import type { Principal } from '../../shared/app/actor.js';
import { putuskan } from '../../shared/app/evaluation/keberatan.js';
import { kurvaOpd, tetapkanKurva } from '../../shared/app/organisation/kurva.js';
import { closeCycle } from '../../shared/app/evaluation/tutup-siklus.js';
import {
  berikanUmpanBalik,
  simpanUmpanBalik,
  tanggapiPenilaian,
} from '../../shared/app/evaluation/umpan-balik.js';
import { getCycle } from '../../shared/data/cycles.js';
import { getEvaluation, getRows, getWithHistory, listByCycle } from '../../shared/data/evaluations.js';
import { getCycleRecords } from '../../shared/data/kurva.js';
import { client, sessionFor, testApp } from '../support/api.js';
import { atStage, driveTo } from '../support/cycle.js';
import { eventually, launchAndWait, startTestSystem, type TestSystem } from '../support/system.js';

const SCOPE = ['DISKOMINFO', 'DINKES'];
let s: TestSystem;
let app: ReturnType<typeof testApp>;
let pegawai: Principal;
let atasan: Principal;
let atasanAtasan: Principal;
let admin: Principal;
let rowId: string;
const ev = (key: string) => `/api/evaluations/${s.cycle.id}/${s.principal(key).nip}`;
const current = async (p: Principal) => (await getEvaluation(s.deps, s.cycle.id, p.nip))!;
const trail = async (p: Principal) =>
  (await getWithHistory(s.deps, s.cycle.id, p.nip))!.history.map((h) => h.action);
const teks = {
  umum: 'Kinerja tahun ini konsisten, tetapi integrasi aplikasi tertinggal',
  saran: 'Susun jadwal integrasi per triwulan dan ikuti pelatihan manajemen proyek TI',
  baris: 'Integrasi SSO baru selesai untuk 3 dari 5 aplikasi',
  keberatan: 'Dua aplikasi tertunda karena server Pusat Data Nasional, bukan karena saya',
  putusan: 'Keterlambatan terbukti di luar kendali pegawai (surat Diskominfo Provinsi terlampir)',
};

beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: SCOPE } });
  await launchAndWait(s);
  await eventually(async () => {
    const list = await listByCycle(s.deps, s.cycle.id);
    const expected = EMPLOYEES.filter((e) => SCOPE.includes(e.opd)).length;
    return list.length === expected && list.every((e) => e.taskToken);
  }, 20_000);
  pegawai = s.principal('pranata1');
  atasan = s.principal('kabidaptika');
  atasanAtasan = s.principal('kadiskominfo');
  admin = s.principal('analissdm');
  // pranata1's rows fell below expectation (predikat BUTUH_PERBAIKAN); bidan1 is rated BAIK.
  await Promise.all([
    driveTo(s, 'pranata1', 'UMPAN_BALIK', { hasilKerja: 'DI_BAWAH_EKSPEKTASI' }),
    driveTo(s, 'bidan1', 'TANGGAPAN'),
  ]);
  rowId = (await getRows(s.deps, s.cycle.id, pegawai.nip))[0]!.id;
  app = testApp(s);
}, 180_000);
afterAll(() => s.stop());

describe('umpan balik on DynamoDB Local through the real workflow', () => {
  it('keeps a draft open, refuses incomplete feedback, then completes the stage and opens the response', async () => {
    const e = await current(pegawai);
    expect(e).toMatchObject({
      stage: 'UMPAN_BALIK',
      status: 'DRAFT',
      hasil: { predikat: 'BUTUH_PERBAIKAN' },
    });
    const args = [s.deps, atasan, s.cycle.id, pegawai.nip] as const;
    const lengkap = { baris: { [rowId]: teks.baris }, umum: teks.umum, saran: teks.saran };

    await expect(
      berikanUmpanBalik(s.deps, pegawai, s.cycle.id, pegawai.nip, e.version, lengkap),
    ).rejects.toMatchObject({
      code: 'DILARANG',
    });
    const draft = await simpanUmpanBalik(...args, e.version, { baris: {}, umum: teks.umum, saran: '' });
    expect(draft).toMatchObject({ stage: 'UMPAN_BALIK', status: 'DRAFT', umpanBalik: { umum: teks.umum } });
    expect((await current(pegawai)).taskToken).toBeDefined();

    // The row rated below expectation needs its own feedback; nothing is written.
    await expect(berikanUmpanBalik(...args, draft.version, { ...lengkap, baris: {} })).rejects.toMatchObject({
      code: 'VALIDASI',
      issues: [{ path: `baris.${rowId}` }],
    });
    await expect(berikanUmpanBalik(...args, e.version, lengkap)).rejects.toMatchObject({
      code: 'KONFLIK',
      details: { currentVersion: draft.version },
    });
    expect((await current(pegawai)).version).toBe(draft.version);

    // The web form shows the refusal at the field and keeps what was typed.
    const { cookie, csrf } = sessionFor(atasan);
    const form = new URLSearchParams({
      _csrf: csrf,
      version: String(draft.version),
      aksi: 'berikan',
      umum: 'Ok',
    });
    const res = await app.request(`/evaluasi/${s.cycle.id}/${pegawai.nip}/umpan-balik`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Umpan balik umum wajib diisi, minimal 20 karakter');
    expect(html).toContain('Hasil kerja ini dinilai di bawah ekspektasi');

    const given = await berikanUmpanBalik(...args, draft.version, lengkap);
    expect(given).toMatchObject({
      status: 'SELESAI',
      umpanBalik: { baris: lengkap.baris, saran: teks.saran },
    });
    expect(given.umpanBalik?.diberikanPada).toBeDefined();
    expect(given.taskToken).toBeUndefined();
    const next = await atStage(s, pegawai.nip, 'TANGGAPAN');
    expect(next.status).toBe('DRAFT');
    const own = sessionFor(pegawai);
    const evaluationPage = await (
      await app.request(`/evaluasi/${s.cycle.id}/${pegawai.nip}`, { headers: { cookie: own.cookie } })
    ).text();
    expect(evaluationPage).toContain('Kirim tanggapan');
    expect(evaluationPage).toContain(teks.saran);
    expect(await trail(pegawai)).toEqual(
      expect.arrayContaining(['UMPAN_BALIK_DISIMPAN', 'UMPAN_BALIK_DIBERIKAN']),
    );

    // Giving it twice is a conflict naming where the evaluation now is.
    await expect(berikanUmpanBalik(...args, next.version, lengkap)).rejects.toMatchObject({
      code: 'KONFLIK',
      details: { stage: 'TANGGAPAN' },
    });
  });
});

describe('keberatan on DynamoDB Local through the real workflow', () => {
  it('takes an objection to the atasan of the atasan, who revises; the predikat is recomputed', async () => {
    let e = await current(pegawai);
    await expect(
      tanggapiPenilaian(s.deps, pegawai, s.cycle.id, pegawai.nip, e.version, {
        jenis: 'KEBERATAN',
        alasan: 'Tidak adil',
      }),
    ).rejects.toMatchObject({ code: 'VALIDASI', issues: [{ path: 'alasan' }] });
    const filed = await tanggapiPenilaian(s.deps, pegawai, s.cycle.id, pegawai.nip, e.version, {
      jenis: 'KEBERATAN',
      alasan: teks.keberatan,
    });
    expect(filed).toMatchObject({
      status: 'SELESAI',
      tanggapan: { jenis: 'KEBERATAN', alasan: teks.keberatan },
    });

    e = await atStage(s, pegawai.nip, 'KEBERATAN');
    const putusan = {
      keputusan: 'DIREVISI' as const,
      alasan: teks.putusan,
      hasilKerja: 'SESUAI_EKSPEKTASI' as const,
    };
    await expect(putuskan(s.deps, atasan, s.cycle.id, pegawai.nip, e.version, putusan)).rejects.toMatchObject(
      {
        code: 'DILARANG',
      },
    );
    const decided = await putuskan(s.deps, atasanAtasan, s.cycle.id, pegawai.nip, e.version, putusan);
    expect(decided.hasil).toMatchObject({
      hasilKerja: 'SESUAI_EKSPEKTASI',
      perilaku: 'SESUAI_EKSPEKTASI',
      predikat: 'BAIK',
      sumber: 'KEBERATAN',
    });
    expect(decided.putusanKeberatan).toMatchObject({
      keputusan: 'DIREVISI',
      oleh: atasanAtasan.nip,
      sebelum: { hasilKerja: 'DI_BAWAH_EKSPEKTASI', predikat: 'BUTUH_PERBAIKAN' },
      sesudah: { hasilKerja: 'SESUAI_EKSPEKTASI', predikat: 'BAIK' },
    });
    await atStage(s, pegawai.nip, 'RENCANA_PENGEMBANGAN');

    // Result and decision were written with their audit entry in one change.
    const h = (await getWithHistory(s.deps, s.cycle.id, pegawai.nip))!.history;
    const entry = h.find((x) => x.action === 'KEBERATAN_DIPUTUS')!;
    expect(entry.version).toBe(decided.version);
    expect(entry.detail).toMatchObject({ putusan: { sesudah: { predikat: 'BAIK' } } });
    expect(h.map((x) => x.action)).toContain('KEBERATAN_DIAJUKAN');
    await expect(
      putuskan(s.deps, atasanAtasan, s.cycle.id, pegawai.nip, decided.version, putusan),
    ).rejects.toMatchObject({
      code: 'KONFLIK',
    });
  });

  it('goes straight on to the development plan when the employee accepts (through the API)', async () => {
    const bidan = s.principal('bidan1');
    const api = client(app, bidan);
    const e = await current(bidan);
    const bad = await api.post(`${ev('bidan1')}/tanggapan`, { version: e.version, jenis: 'SETUJU' });
    expect(bad.status).toBe(400);
    expect(bad.json.issues?.[0]?.path).toBe('jenis');
    const ok = await api.post(`${ev('bidan1')}/tanggapan`, { version: e.version, jenis: 'DITERIMA' });
    expect(ok.status).toBe(200);
    expect(ok.json.evaluation).toMatchObject({ status: 'SELESAI', tanggapan: { jenis: 'DITERIMA' } });
    const next = await atStage(s, bidan.nip, 'RENCANA_PENGEMBANGAN');
    expect(next.putusanKeberatan).toBeUndefined();
    expect(await trail(bidan)).toContain('PENILAIAN_DITERIMA');
  });
});

describe('ringkasan', () => {
  it('gives readers one page with the outcome, and peers only as counts', async () => {
    const res = await client(app, pegawai).get(`${ev('pranata1')}/ringkasan`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      final: false,
      hasil: { predikat: 'BAIK', sumber: 'KEBERATAN' },
      putusanKeberatan: { keputusan: 'DIREVISI' },
      umpanBalik: { saran: teks.saran },
      rekan: { diminta: 3, menjawab: 3, dilewati: 0 },
      // The plan the workflow recommended for the next period (an annual 2027 cycle: 2028).
      rencana: { tahun: s.cycle.tahun + 1 },
    });
    expect((res.json.rencana as { items: unknown[] }).items.length).toBeGreaterThan(0);
    expect((res.json.hasilKerja as { umpanBalik?: string }[])[0]!.umpanBalik).toBe(teks.baris);
    for (const rekanKey of ['pranata2', 'pranata3', 'pppkaptika']) {
      expect(res.text).not.toContain(s.principal(rekanKey).nip);
      expect(res.text).not.toContain(s.principal(rekanKey).nama);
    }
    expect((await client(app, s.principal('pranata2')).get(`${ev('pranata1')}/ringkasan`)).status).toBe(403);

    const { cookie } = sessionFor(atasanAtasan);
    const page = await app.request(`/evaluasi/${s.cycle.id}/${pegawai.nip}/ringkasan`, {
      headers: { cookie },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Ringkasan evaluasi kinerja');
    expect(html).toContain(teks.saran);
  });
});

describe('kurva distribusi and closing the cycle', () => {
  const kepala = () => ({ ...atasanAtasan, kepalaOpd: 'DISKOMINFO' });
  const dasar = 'Nilai SAKIP 2027: A (hasil evaluasi Inspektorat)';

  it("lets the agency head set their agency's predikat (versioned, logged) and shows the distribution", async () => {
    const set = await tetapkanKurva(s.deps, kepala(), s.cycle.id, 'DISKOMINFO', 0, {
      predikat: 'ISTIMEWA',
      alasan: dasar,
    });
    expect(set).toMatchObject({ predikat: 'ISTIMEWA', version: 1, oleh: { nip: atasanAtasan.nip } });
    await expect(
      tetapkanKurva(s.deps, kepala(), s.cycle.id, 'DISKOMINFO', 0, { predikat: 'BAIK', alasan: dasar }),
    ).rejects.toMatchObject({ code: 'KONFLIK', details: { currentVersion: 1 } });
    await expect(
      tetapkanKurva(s.deps, kepala(), s.cycle.id, 'DINKES', 0, { predikat: 'BAIK', alasan: dasar }),
    ).rejects.toMatchObject({ code: 'DILARANG' });
    await expect(
      tetapkanKurva(s.deps, admin, s.cycle.id, 'DISDUKCAPIL', 0, { predikat: 'BAIK', alasan: dasar }),
    ).rejects.toMatchObject({ code: 'TIDAK_DITEMUKAN' });
    await tetapkanKurva(s.deps, admin, s.cycle.id, 'DINKES', 0, { predikat: 'BAIK', alasan: dasar });

    const view = await kurvaOpd(s.deps, kepala(), s.cycle.id, 'DISKOMINFO');
    const jumlah = EMPLOYEES.filter((x) => x.opd === 'DISKOMINFO').length;
    expect(view).toMatchObject({
      kurva: { predikat: 'ISTIMEWA' },
      pemeriksaan: { sesuai: true },
      distribusi: { total: 1, jumlah: { BAIK: 1 } },
      jumlahEvaluasi: jumlah,
      belumDinilai: jumlah - 1,
    });
    expect(view.riwayat).toHaveLength(1);
    await expect(kurvaOpd(s.deps, kepala(), s.cycle.id, 'DINKES')).rejects.toMatchObject({
      code: 'DILARANG',
    });

    // The head's page: change it through the form, then see it with the rules and the spread.
    const { cookie, csrf } = sessionFor(atasanAtasan);
    const href = `/opd/DISKOMINFO/kurva/${s.cycle.id}`;
    const body = new URLSearchParams({ _csrf: csrf, version: '1', predikat: 'BAIK', alasan: dasar });
    const post = await app.request(href, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    expect(post.status).toBe(303);
    const html = await (await app.request(post.headers.get('location')!, { headers: { cookie } })).text();
    expect(html).toContain('Predikat organisasi disimpan.');
    expect(html).toContain('Baik paling banyak 70%');
    expect(html).toContain('Sebaran predikat pegawai belum sesuai kurva distribusi');
    expect((await kurvaOpd(s.deps, kepala(), s.cycle.id, 'DISKOMINFO')).riwayat).toHaveLength(2);
  });

  it('refuses to close with the reasons per agency, closes with a recorded exception, and only once', async () => {
    const res = await client(app, admin).post(`/api/admin/cycles/${s.cycle.id}/close`, {});
    expect(res.status).toBe(409);
    const paths = (res.json.issues ?? []).map((i) => i.path);
    expect(paths).toContain('opd.DINKES');
    expect(paths).toContain(`evaluasi.${s.principal('pranata2').nip}`);
    expect(res.json.issues!.find((i) => i.path === 'opd.DINKES')!.message).toMatch(
      /BAIK 1 dari 1 pegawai \(100%\) melebihi batas 70%/,
    );
    expect((await getCycle(s.deps, s.cycle.id))!.status).toBe('DIBUKA');
    const { cookie } = sessionFor(admin);
    const pageHtml = await (
      await app.request(`/admin/siklus/${s.cycle.id}/kurva`, { headers: { cookie } })
    ).text();
    expect(pageHtml).toContain('Evaluasi tanpa predikat');
    expect(pageHtml).toMatch(/DINKES: BAIK 1 dari 1 pegawai/);

    await expect(closeCycle(s.deps, kepala(), s.cycle.id, 'x'.repeat(30))).rejects.toMatchObject({
      code: 'DILARANG',
    });
    await expect(closeCycle(s.deps, admin, s.cycle.id, 'Terlambat')).rejects.toMatchObject({
      code: 'VALIDASI',
    });
    const alasan = 'Uji coba: siklus percontohan ditutup sebelum semua OPD selesai menilai';
    const closed = await closeCycle(s.deps, admin, s.cycle.id, alasan);
    expect(closed).toMatchObject({ pengecualian: true, alasan, cycle: { status: 'DITUTUP' } });
    expect((await getCycle(s.deps, s.cycle.id))!.status).toBe('DITUTUP');
    const { log } = await getCycleRecords(s.deps, s.cycle.id);
    const entry = log.find((l) => l.action === 'SIKLUS_DITUTUP')!;
    expect(entry).toMatchObject({ actor: { nip: admin.nip }, detail: { pengecualian: true, alasan } });
    expect(entry.detail.jumlahBelumDinilai).toBe(closed.pemeriksaan.belumDinilai.length);

    await expect(closeCycle(s.deps, admin, s.cycle.id, alasan)).rejects.toMatchObject({ code: 'KONFLIK' });
    await expect(
      tetapkanKurva(s.deps, admin, s.cycle.id, 'DINKES', 1, { predikat: 'ISTIMEWA', alasan: dasar }),
    ).rejects.toMatchObject({ code: 'KONFLIK' });
  });
});
