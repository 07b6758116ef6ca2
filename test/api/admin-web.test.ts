import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchCycle } from '../../shared/app/cycle-launch.js';
import { getEmployee } from '../../shared/data/people.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { sessionFor, testApp } from '../support/api.js';

let s: TestSystem;
let app: ReturnType<typeof testApp>;
beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DISKOMINFO'] } });
  await launchCycle(s.deps, s.cycle.id);
  app = testApp(s);
});
afterAll(() => s.stop());

async function postForm(path: string, key: string, data: Record<string, string>) {
  const { cookie, csrf } = sessionFor(s.principal(key));
  return app.request(path, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, ...data }).toString(),
  });
}

describe('BKPSDM admin page (DynamoDB Local)', () => {
  it('shows the mutasi and Plt/Plh forms to admins only, linked from the menu', async () => {
    const admin = sessionFor(s.principal('kabidpkap'));
    const page = await (await app.request('/admin', { headers: { cookie: admin.cookie } })).text();
    expect(page).toContain('<html lang="id">');
    expect(page).toContain('action="/admin/mutasi"');
    expect(page).toContain('action="/admin/plt"');
    expect(page).toContain('Dinas Komunikasi dan Informatika');
    const home = await (await app.request('/', { headers: { cookie: admin.cookie } })).text();
    expect(home).toContain('href="/admin"');
    const other = sessionFor(s.principal('pranata1'));
    expect((await app.request('/admin', { headers: { cookie: other.cookie } })).status).toBe(403);
    expect(await (await app.request('/', { headers: { cookie: other.cookie } })).text()).not.toContain(
      'href="/admin"',
    );
  });

  it('records a transfer from the form and shows errors next to the fields', async () => {
    const nip = s.principal('pranatahumas').nip;
    const bad = await postForm('/admin/mutasi', 'kabidpkap', {
      nip,
      atasanNip: nip,
      alasan: 'SK mutasi 800/12',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Pegawai tidak dapat menjadi atasannya sendiri');
    expect(html).toContain('value="SK mutasi 800/12"');
    const ok = await postForm('/admin/mutasi', 'kabidpkap', {
      nip,
      unit: 'APTIKA',
      atasanNip: s.principal('kabidaptika').nip,
      alasan: 'SK mutasi 800/12',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/admin?pesan=mutasi');
    expect(await getEmployee(s.deps, nip)).toMatchObject({
      unit: 'APTIKA',
      atasanNip: s.principal('kabidaptika').nip,
    });
  });

  it('refuses a Plt whose end is before its start, with the field named', async () => {
    const res = await postForm('/admin/plt', 'kabidpkap', {
      jenis: 'PLT',
      nip: s.principal('sekdiskominfo').nip,
      menggantikanNip: s.principal('kabidaptika').nip,
      mulai: '2027-02-01',
      selesai: '2027-01-01',
      alasan: 'Surat perintah 12/2027',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Tanggal selesai harus sama dengan atau setelah tanggal mulai');
  });
});
