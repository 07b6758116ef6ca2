import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEmployee } from '../../shared/data/people.js';
import { allRegistered, launchAndWait, startTestSystem, type TestSystem } from '../support/system.js';
import { sessionFor, testApp } from '../support/api.js';
import { csvOf, pnsNip, seededRows } from '../roster/fixtures.js';
import { ROSTER_UPLOAD_LIMIT_BYTES } from '../../functions/api/app.js';

let s: TestSystem;
let app: ReturnType<typeof testApp>;
beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DISKOMINFO'] } });
  await launchAndWait(s);
  // The transfer below moves an open evaluation: its workflow must not be registering meanwhile.
  await allRegistered(s);
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

  async function upload(
    path: string,
    content: string | Uint8Array,
    name: string,
    extra: Record<string, string> = {},
    key = 'kabidpkap',
  ) {
    const { cookie, csrf } = sessionFor(s.principal(key));
    const body = new FormData();
    body.set('_csrf', csrf);
    for (const [k, v] of Object.entries(extra)) body.set(k, v);
    body.set('berkas', new File([content], name));
    return app.request(path, { method: 'POST', headers: { cookie }, body });
  }

  it('offers the roster template as a real XLSX file', async () => {
    const { cookie } = sessionFor(s.principal('kabidpkap'));
    const res = await app.request('/admin/roster/templat', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
  });

  it('previews an upload with every error by row and column, and applies only the previewed file', async () => {
    const newcomer = { ...seededRows()[5]!, nip: pnsNip(7), nama: 'Budi Santoso, S.Kom.' };
    const bad = { ...seededRows()[6]!, nip: pnsNip(8), nama: 'Ani', atasan_nip: '111' };
    const csv = csvOf([...seededRows(), newcomer, bad]);
    const preview = await upload('/admin/roster/periksa', csv, 'roster.csv');
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('Pratinjau impor roster');
    expect(html).toMatch(/1 pegawai baru/);
    expect(html).toContain('atasan_nip');
    const sha256 = /name="sha256" value="([0-9a-f]+)"/.exec(html)![1]!;

    const other = await upload('/admin/roster/terapkan', csvOf(seededRows()), 'roster.csv', { sha256 });
    expect(other.status).toBe(409);
    const blocked = await upload('/admin/roster/terapkan', csv, 'roster.csv', { sha256 });
    expect(blocked.status).toBe(422);
    const applied = await upload('/admin/roster/terapkan', csv, 'roster.csv', { sha256, skipInvalid: 'ya' });
    expect(applied.status).toBe(200);
    expect(await applied.text()).toMatch(/1 pegawai baru/);
  });

  it('refuses a non-roster file, an oversized upload, and non-admins', async () => {
    const txt = await upload('/admin/roster/periksa', 'halo', 'catatan.txt');
    expect(txt.status).toBe(422);
    const big = await upload(
      '/admin/roster/periksa',
      new Uint8Array(ROSTER_UPLOAD_LIMIT_BYTES + 10),
      'roster.xlsx',
    );
    expect(big.status).toBe(413);
    const notAdmin = await upload('/admin/roster/periksa', csvOf(seededRows()), 'roster.csv', {}, 'pranata1');
    expect(notAdmin.status).toBe(403);
  });
});
