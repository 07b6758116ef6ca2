import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../infra/local/seed-data.js';
import { listAccountLog } from '../../shared/data/accounts.js';
import { expectSafePage } from '../web/page-checks.js';
import { testApp } from '../support/api.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { browserLike, csrfOf } from './browser-like.js';

let s: TestSystem;
let app: ReturnType<typeof testApp>;
const NEW = 'Baru#Sekali2027';

beforeAll(async () => {
  s = await startTestSystem({ passwords: true });
  app = testApp(s);
});
afterAll(() => s.stop());

describe('"Ganti kata sandi" (local accounts)', () => {
  it('replaces the password, ends every other session of the person, and keeps this browser signed in', async () => {
    const who = s.principal('perawat1').nip;
    const here = browserLike(app);
    const elsewhere = browserLike(app);
    expect((await here.signIn(who, DEMO_PASSWORD)).status).toBe(303);
    expect((await elsewhere.signIn(who, DEMO_PASSWORD)).status).toBe(303);
    const oldCookie = here.jar.get('kinerja_sesi');

    const page = await here.get('/akun/kata-sandi');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Ganti kata sandi</h1>');
    expectSafePage(page.html, csrfOf(page.html));
    const change = (fields: Record<string, string>) =>
      here.post('/akun/kata-sandi', { _csrf: csrfOf(page.html), ...fields });

    for (const [fields, status, text] of [
      [{ oldPassword: 'Bukan#Sandinya1', newPassword: NEW, confirm: NEW }, 422, 'Kata sandi saat ini salah.'],
      [
        { oldPassword: DEMO_PASSWORD, newPassword: 'Pendek#1', confirm: 'Pendek#1' },
        400,
        'Minimal 12 karakter',
      ],
      [
        { oldPassword: DEMO_PASSWORD, newPassword: NEW, confirm: `${NEW}x` },
        400,
        'Ulangi kata sandi yang sama persis',
      ],
      [{ oldPassword: '', newPassword: NEW, confirm: NEW }, 400, 'Kata sandi saat ini wajib diisi'],
    ] as const) {
      const refused = await change(fields);
      expect(refused.status, text).toBe(status);
      expect(refused.html).toContain(text);
      // Passwords are never written back into the page.
      expect(refused.html).not.toContain(NEW);
      expectSafePage(refused.html, csrfOf(page.html));
    }
    // Nothing changed so far: the other browser still works.
    expect((await elsewhere.get('/')).status).toBe(200);

    const done = await change({ oldPassword: DEMO_PASSWORD, newPassword: NEW, confirm: NEW });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/akun/kata-sandi?pesan=diganti');
    expect(here.jar.get('kinerja_sesi')).not.toBe(oldCookie);
    expect((await here.get(done.location)).html).toContain('Kata sandi berhasil diganti.');

    // The other browser, and this browser's previous cookie, are signed out at once.
    expect((await elsewhere.get('/')).location).toMatch(/^\/masuk/);
    const stale = browserLike(app);
    stale.jar.set('kinerja_sesi', oldCookie!);
    expect((await stale.get('/')).location).toMatch(/^\/masuk/);

    expect((await browserLike(app).signIn(who, DEMO_PASSWORD)).status).toBe(401);
    expect((await browserLike(app).signIn(who, NEW)).status).toBe(303);
    expect((await listAccountLog(s.deps, who)).map((e) => e.action)).toEqual(['KATA_SANDI_DIGANTI']);
  });

  it('is only for someone signed in', async () => {
    const res = await browserLike(app).get('/akun/kata-sandi');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/masuk?lanjut=%2Fakun%2Fkata-sandi');
  });
});
