import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPLOYEES } from '../../infra/local/seed-data.js';
import { assignPlt } from '../../shared/app/people/mutasi.js';
import { kirimPengingat } from '../../shared/app/evaluation/pengingat.js';
import * as skp from '../../shared/app/evaluation/skp.js';
import { tugasSaya } from '../../shared/app/evaluation/tugas.js';
import { getEvaluation, listByCycle } from '../../shared/data/evaluations.js';
import { tanggalWib } from '../../shared/domain/wib.js';
import { client, testApp } from '../support/api.js';
import { driveTo } from '../support/cycle.js';
import { eventually, launchAndWait, startTestSystem, type TestSystem } from '../support/system.js';

const SCOPE = ['DISKOMINFO', 'DINKES'];
let s: TestSystem;
const nip = (key: string) => s.principal(key).nip;
const tasks = (key: string) => tugasSaya(s.deps, s.principal(key));
const brief = async (key: string) =>
  (await tasks(key)).map((t) => `${t.peran} ${t.tahap} ${EMPLOYEES.find((e) => e.nip === t.nip)!.key}`);

beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: SCOPE } });
  await launchAndWait(s);
  await eventually(async () => {
    const list = await listByCycle(s.deps, s.cycle.id);
    const expected = EMPLOYEES.filter((e) => SCOPE.includes(e.opd)).length;
    return list.length === expected && list.every((e) => e.taskToken);
  }, 20_000);
  // pranata1 waits on the atasan's review and three peers; bidan1 objected.
  await driveTo(s, 'pranata1', 'PENILAIAN_ATASAN');
  await driveTo(s, 'bidan1', 'KEBERATAN', { keberatan: true });
  await eventually(async () => {
    const mine = await tasks('pranata3');
    return mine.some((t) => t.peran === 'REKAN');
  });
}, 120_000);
afterAll(() => s.stop());

describe('"tugas saya" on DynamoDB Local', () => {
  it('lists my own open stage with its deadline, and nothing that waits on someone else', async () => {
    const mine = await tasks('pranatahumas');
    const e = (await getEvaluation(s.deps, s.cycle.id, nip('pranatahumas')))!;
    expect(mine).toEqual([
      {
        peran: 'PEGAWAI',
        tahap: 'PENETAPAN_TARGET',
        status: 'DRAFT',
        cycleId: s.cycle.id,
        nip: nip('pranatahumas'),
        nama: e.nama,
        deadline: e.deadline,
        terlambat: false,
      },
    ]);
    // pranata1's review waits on the atasan and the peers, not on pranata1.
    expect(await brief('pranata1')).toEqual([]);
    // bidan1's objection waits on the atasan's atasan.
    expect(await brief('bidan1')).toEqual([]);
  });

  it('lists the peer reviews asked of me, earliest deadline first', async () => {
    expect(await brief('pranata3')).toEqual([
      'PEGAWAI PENETAPAN_TARGET pranata3',
      'REKAN PENILAIAN_REKAN pranata1',
    ]);
    const [own, rekan] = await tasks('pranata3');
    expect(rekan).toMatchObject({
      status: 'MENUNGGU',
      nama: EMPLOYEES.find((e) => e.key === 'pranata1')!.nama,
    });
    expect(new Date(own!.deadline!).getTime()).toBeLessThan(new Date(rekan!.deadline!).getTime());
  });

  it("lists my team's stages for the atasan, and the objections for the atasan's atasan", async () => {
    expect(await brief('kabidaptika')).toEqual([
      'PEGAWAI PENETAPAN_TARGET kabidaptika',
      'ATASAN PENILAIAN_ATASAN pranata1',
    ]);
    const kabid = await brief('kabidp2p');
    expect(kabid).toContain('ATASAN_ATASAN KEBERATAN bidan1');
    expect((await brief('kapkm')).some((t) => t.endsWith('bidan1'))).toBe(false);
  });

  it('moves the atasan’s tasks to the Plt/Plh while the assignment is in force', async () => {
    const p2 = s.principal('pranata2');
    const e = (await getEvaluation(s.deps, s.cycle.id, p2.nip))!;
    const added = await skp.addTargetRow(s.deps, p2, s.cycle.id, p2.nip, e.version, {
      jenis: 'UTAMA',
      rhk: 'Terintegrasinya layanan aplikasi perangkat daerah',
      aspek: 'KUANTITAS',
      indikator: 'Jumlah aplikasi terintegrasi',
      target: 4,
      satuan: 'aplikasi',
    });
    await skp.submitSkp(s.deps, p2, s.cycle.id, p2.nip, added.evaluation.version);
    expect(await brief('kabidaptika')).toContain('ATASAN PENETAPAN_TARGET pranata2');

    const today = tanggalWib(s.deps.now());
    await assignPlt(s.deps, s.principal('analissdm'), {
      jenis: 'PLH',
      nip: nip('sekdiskominfo'),
      menggantikanNip: nip('kabidaptika'),
      mulai: today,
      selesai: today,
      alasan: 'Kepala bidang dinas luar, surat tugas 090/12',
    });
    expect(await brief('kabidaptika')).toEqual(['PEGAWAI PENETAPAN_TARGET kabidaptika']);
    expect(await brief('sekdiskominfo')).toEqual(
      expect.arrayContaining(['ATASAN PENETAPAN_TARGET pranata2', 'ATASAN PENILAIAN_ATASAN pranata1']),
    );
  });

  it('serves GET /api/tasks and the /tugas and /notifikasi pages', async () => {
    const app = testApp(s);
    const rekan = client(app, s.principal('pranata3'));
    const api = await rekan.get('/api/tasks');
    expect(api.status).toBe(200);
    expect(api.json.items).toEqual([
      expect.objectContaining({ peran: 'PEGAWAI', tahapLabel: 'Penetapan target (SKP)' }),
      expect.objectContaining({
        peran: 'REKAN',
        tahap: 'PENILAIAN_REKAN',
        tahapLabel: 'Penilaian perilaku sebagai rekan kerja',
        nip: nip('pranata1'),
      }),
    ]);

    const page = await rekan.get('/tugas');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/penilaian-rekan/${s.cycle.id}/${nip('pranata1')}"`);
    expect(page.text).toContain(`href="/evaluasi/${s.cycle.id}/${nip('pranata3')}"`);
    expect(page.text).toMatch(/Tenggat: \d{1,2} \p{L}+ 20\d\d pukul \d{2}\.\d{2} WIB/u);
    expect(page.text).not.toContain('Terlambat');

    // A reminder two days before the peers' deadline shows up on the notifications page.
    const [, review] = await tasks('pranata3');
    await kirimPengingat(s.deps, new Date(new Date(review!.deadline!).getTime() - 2 * 86_400_000));
    const notices = await rekan.get('/notifikasi');
    expect(notices.status).toBe(200);
    expect(notices.text).toContain(
      `Pengingat: Tenggat 2 hari lagi: Penilaian perilaku sebagai rekan kerja - ${review!.nama}`,
    );
    expect(notices.text).toContain(`href="/penilaian-rekan/${s.cycle.id}/${nip('pranata1')}"`);
  });

  it('marks a task "terlambat" once its deadline has passed', async () => {
    const [own] = await tasks('pranata3');
    s.clock.advance(new Date(own!.deadline!).getTime() - Date.now() + 60_000);
    expect((await tasks('pranata3'))[0]).toMatchObject({ tahap: 'PENETAPAN_TARGET', terlambat: true });
    const page = await client(testApp(s), s.principal('pranata3')).get('/tugas');
    expect(page.text).toContain('<span class="badge">Terlambat</span>');
  });
});
