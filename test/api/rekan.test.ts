import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEvaluation } from '../../shared/data/evaluations.js';
import type { Principal } from '../../shared/app/actor.js';
import { launchAndWait, registeredEvaluation, startTestSystem, type TestSystem } from '../support/system.js';
import { client, sessionFor, testApp, type Client } from '../support/api.js';

let s: TestSystem;
let app: ReturnType<typeof testApp>;
let pegawai: Principal;
let peg: Client;
let sup: Client;
const base = () => `/api/evaluations/${s.cycle.id}/${pegawai.nip}`;
const version = async () => (await getEvaluation(s.deps, s.cycle.id, pegawai.nip))!.version;
const nip = (key: string) => s.principal(key).nip;

beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DISKOMINFO', 'DINKES'] } });
  await launchAndWait(s);
  app = testApp(s);
  pegawai = s.principal('pranata1');
  peg = client(app, pegawai);
  sup = client(app, s.principal('kabidaptika'));
  await registeredEvaluation(s, pegawai.nip);
});
afterAll(() => s.stop());

describe('peer nomination (rekan penilai) during target setting', () => {
  it('refuses fewer than 3, the employee, the atasan, duplicates and other agencies, by position', async () => {
    const v = await version();
    const few = await peg.put(`${base()}/rekan`, { version: v, nips: [nip('pranata2'), nip('pranata3')] });
    expect(few.status).toBe(422);
    expect(few.json.issues).toEqual([{ path: 'nips', message: 'Pilih 3 sampai 5 rekan penilai' }]);
    const bad = await peg.put(`${base()}/rekan`, {
      version: v,
      nips: [pegawai.nip, nip('kabidaptika'), nip('pranata2'), nip('pranata2'), nip('bidan1')],
    });
    expect(bad.status).toBe(422);
    expect(bad.json.issues!.map((i) => i.path)).toEqual(['nips.0', 'nips.1', 'nips.3', 'nips.4']);
  });

  it('lets the employee propose, the atasan edit while deciding, and shows the list on the page', async () => {
    const proposed = await peg.put(`${base()}/rekan`, {
      version: await version(),
      nips: [nip('pranata2'), nip('pranata3'), nip('pppkaptika')],
    });
    expect(proposed.status).toBe(200);
    expect((proposed.json.evaluation as { rekan: { nip: string }[] }).rekan.map((r) => r.nip)).toEqual([
      nip('pranata2'),
      nip('pranata3'),
      nip('pppkaptika'),
    ]);
    // The atasan cannot change it before the SKP is submitted.
    expect(
      (
        await sup.put(`${base()}/rekan`, {
          version: await version(),
          nips: [nip('pranata2'), nip('pranata3'), nip('pranatahumas')],
        })
      ).status,
    ).toBe(409);
    await peg.post(`${base()}/targets`, {
      version: await version(),
      jenis: 'UTAMA',
      rhk: 'RHK',
      aspek: 'KUANTITAS',
      indikator: 'Indikator',
      target: 1,
      satuan: 'dokumen',
    });
    await peg.post(`${base()}/submit`, { version: await version() });
    const edited = await sup.put(`${base()}/rekan`, {
      version: await version(),
      nips: [nip('pranata2'), nip('pranata3'), nip('pranatahumas')],
    });
    expect(edited.status).toBe(200);
    expect(
      (
        await peg.put(`${base()}/rekan`, {
          version: await version(),
          nips: [nip('pranata2'), nip('pranata3'), nip('pppkaptika')],
        })
      ).status,
    ).toBe(409);
    // The atasan's final list stays with the atasan: the employee's page no longer shows it.
    const pageOf = async (who: typeof pegawai) =>
      (
        await app.request(`/evaluasi/${s.cycle.id}/${pegawai.nip}`, {
          headers: { cookie: sessionFor(who).cookie },
        })
      ).text();
    const atasanPage = await pageOf(s.principal('kabidaptika'));
    expect(atasanPage).toContain('Rekan penilai');
    expect(atasanPage).toContain('Yusuf Hidayat');
    expect(await pageOf(pegawai)).not.toContain('Yusuf Hidayat');
    expect(atasanPage).toContain('Atasan mengubah 3 rekan penilai');
  });
});
