import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import type { Authenticator } from '../../shared/auth/authenticator.js';
import { evaluation, PEGAWAI } from './fixtures.js';
import { fakeDeps } from './fake-store.js';

/** The web form's side of server-side sessions, on the in-memory table (sessions included). */
const PASSWORD = 'benar-sekali';
const PAGE = `/evaluasi/2027/${PEGAWAI.nip}`;
const auth: Authenticator = {
  mode: 'local',
  signIn: async (nip, pw) => (pw === PASSWORD && nip === PEGAWAI.nip ? PEGAWAI : null),
};
const deps = fakeDeps(new Date('2027-01-15T00:00:00Z'), {
  evaluations: [{ ...evaluation(), taskToken: 't' }],
  rows: {},
  history: [],
  people: [PEGAWAI],
});
const app = createApp({
  auth,
  deps: () => deps,
  sessionSecret: 'uji-rahasia-sesi-keluar-yang-panjang',
  secureCookies: false,
});

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0];
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const post = (path: string, cookie: string, fields: Record<string, string>) =>
  app.request(path, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

describe('signing out of the web form', () => {
  it('stops the old cookie and its CSRF token at once', async () => {
    const form = await app.request('/masuk');
    const signedIn = await post('/masuk', cookieOf(form, 'kinerja_masuk')!, {
      _csrf: csrfOf(await form.text()),
      nip: PEGAWAI.nip,
      password: PASSWORD,
      lanjut: '/',
    });
    const cookie = cookieOf(signedIn, 'kinerja_sesi')!;
    const page = await app.request(PAGE, { headers: { cookie } });
    expect(page.status).toBe(200);
    const csrf = csrfOf(await page.text());

    expect((await post('/keluar', cookie, { _csrf: csrf })).status).toBe(303);

    const again = await app.request(PAGE, { headers: { cookie } });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`/masuk?lanjut=${encodeURIComponent(PAGE)}`);
    // A form post with the old token goes to sign-in too; the store, which refuses every
    // other write, was never asked.
    const replay = await post(`${PAGE}/ajukan`, cookie, { _csrf: csrf, version: '1' });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toMatch(/^\/masuk/);
  });
});
