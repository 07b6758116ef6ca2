import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import { CSS_VERSION } from '../../functions/api/web/common/styles.js';
import type { Authenticator } from '../../shared/auth/authenticator.js';
import type { Evaluation } from '../../shared/domain/evaluation/evaluation.js';
import { ATASAN, ATASAN_ROWS, HISTORY, PEGAWAI, ROWS, evaluation } from './fixtures.js';
import { fakeDeps } from './fake-store.js';
import { formWithAction } from './page-checks.js';

const NOW = new Date('2027-01-15T00:00:00Z');
const PASSWORD = 'benar-sekali';
const PAGE = `/evaluasi/2027/${PEGAWAI.nip}`;
// The view's extra `awaitingWorkflow` is recomputed from the token on load, so it may stay.
const stored: Evaluation = evaluation();
const EVALUATION: Evaluation = { ...stored, taskToken: 'rahasia-alur-kerja' };
/** A second subordinate whose SKP already waits for the atasan. */
const DEWI = '199207252019022001';
const SUBMITTED: Evaluation = {
  ...stored,
  nip: DEWI,
  nama: 'Dewi Lestari, S.Kom.',
  status: 'DIAJUKAN',
  taskToken: 'token-2',
};

const people = [PEGAWAI, ATASAN];
const auth: Authenticator = {
  mode: 'local',
  signIn: async (nip, pw) => (pw === PASSWORD ? (people.find((p) => p.nip === nip) ?? null) : null),
};
const deps = fakeDeps(NOW, {
  evaluations: [EVALUATION, SUBMITTED],
  rows: { [PEGAWAI.nip]: ROWS, [ATASAN.nip]: ATASAN_ROWS },
  history: HISTORY,
  people,
});
const app = createApp({
  auth,
  deps: () => deps,
  sessionSecret: 'uji-rahasia-sesi-yang-cukup-panjang',
  secureCookies: false,
});

const form = (fields: Record<string, string>) => ({
  'content-type': 'application/x-www-form-urlencoded',
  body: new URLSearchParams(fields).toString(),
});
const cookieValue = (res: Response, name: string) =>
  res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function post(path: string, fields: Record<string, string>, cookie = '') {
  const { body, ...headers } = form(fields);
  return app.request(path, { method: 'POST', body, headers: { ...headers, cookie } });
}

/** Signs in through the real form, returning the session cookie and the session's CSRF token. */
async function signIn(nip: string) {
  const page = await app.request('/masuk');
  const token = cookieValue(page, 'kinerja_masuk')!.split(';')[0]!;
  const res = await post(
    '/masuk',
    { _csrf: csrfOf(await page.text()), nip, password: PASSWORD, lanjut: '/' },
    token,
  );
  const cookie = cookieValue(res, 'kinerja_sesi')!.split(';')[0]!;
  const html = await (await app.request(PAGE, { headers: { cookie } })).text();
  return { cookie, csrf: csrfOf(html) };
}

describe('sign-in', () => {
  it('sets a strict, short-lived double-submit cookie matching the hidden field', async () => {
    const res = await app.request('/masuk?lanjut=/kotak-masuk');
    expect(res.status).toBe(200);
    const cookie = cookieValue(res, 'kinerja_masuk')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/masuk/);
    const html = await res.text();
    expect(cookie.split(';')[0]).toBe(`kinerja_masuk=${csrfOf(html)}`);
    expect(html).toContain('name="lanjut" value="/kotak-masuk"');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a sign-in posted without the cookie (cross-site)', async () => {
    const res = await post('/masuk', { _csrf: 'apa saja', nip: PEGAWAI.nip, password: PASSWORD });
    expect(res.status).toBe(403);
    expect(cookieValue(res, 'kinerja_sesi')).toBeUndefined();
  });

  it('answers 401 with the NIP kept on a wrong password', async () => {
    const page = await app.request('/masuk');
    const res = await post(
      '/masuk',
      { _csrf: csrfOf(await page.text()), nip: PEGAWAI.nip, password: 'salah' },
      cookieValue(page, 'kinerja_masuk')!.split(';')[0],
    );
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('NIP atau kata sandi salah');
    expect(html).toContain(`value="${PEGAWAI.nip}"`);
  });

  it.each([
    ['/kotak-masuk', '/kotak-masuk'],
    ['//evil.example/x', '/'],
    ['http://evil.example', '/'],
  ])('redirects to lanjut=%s as %s', async (lanjut, expected) => {
    const page = await app.request('/masuk');
    const token = cookieValue(page, 'kinerja_masuk')!.split(';')[0];
    const res = await post(
      '/masuk',
      {
        _csrf: csrfOf(await page.text()),
        nip: PEGAWAI.nip.replace(/(\d{8})(\d{6})/, '$1 $2 '),
        password: PASSWORD,
        lanjut,
      },
      token,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(expected);
    expect(cookieValue(res, 'kinerja_sesi')).toMatch(/HttpOnly/);
  });

  it('signs out only with the session CSRF token', async () => {
    const { cookie, csrf } = await signIn(PEGAWAI.nip);
    expect((await post('/keluar', { _csrf: 'palsu' }, cookie)).status).toBe(403);
    const res = await post('/keluar', { _csrf: csrf }, cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/masuk');
    expect(cookieValue(res, 'kinerja_sesi')).toMatch(/Max-Age=0/);
  });
});

describe('pages behind sign-in', () => {
  it('redirect to sign-in with the way back', async () => {
    const res = await app.request(`${PAGE}?pesan=diubah`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/masuk?lanjut=${encodeURIComponent(`${PAGE}?pesan=diubah`)}`);
    const postRes = await post(`${PAGE}/ajukan`, { version: '7' });
    expect(postRes.headers.get('location')).toBe(`/masuk?lanjut=${encodeURIComponent(PAGE)}`);
    expect((await app.request('/')).headers.get('location')).toBe('/masuk');
  });

  it('render the evaluation with a known flash message only', async () => {
    const { cookie, csrf } = await signIn(PEGAWAI.nip);
    const ok = await app.request(`${PAGE}?pesan=diajukan`, { headers: { cookie } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'none'");
    const html = await ok.text();
    expect(html).toContain('SKP diajukan ke atasan.');
    expect(html).toContain('Meningkatnya layanan aplikasi pemerintahan');
    expect(html).not.toContain('rahasia-alur-kerja');
    expect(formWithAction(html, `${PAGE}/target`)).toContain(`value="${csrf}"`);
    const crafted = await (
      await app.request(`${PAGE}?pesan=${encodeURIComponent('Hubungi 0812')}`, { headers: { cookie } })
    ).text();
    expect(crafted).not.toContain('Hubungi 0812');
  });

  it('answer 404 for malformed ids and unknown evaluations', async () => {
    const { cookie } = await signIn(PEGAWAI.nip);
    expect((await app.request('/evaluasi/2027/123', { headers: { cookie } })).status).toBe(404);
    expect((await app.request(`/evaluasi/2099/${PEGAWAI.nip}`, { headers: { cookie } })).status).toBe(404);
    expect((await app.request(`${PAGE}/target/tidak-ada/ubah`, { headers: { cookie } })).status).toBe(404);
  });

  it('open the edit form prefilled for the owner, and refuse it to the atasan', async () => {
    const owner = await signIn(PEGAWAI.nip);
    const res = await app.request(`${PAGE}/target/row-1/ubah`, { headers: { cookie: owner.cookie } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('value="Tersusunnya aplikasi antrean puskesmas"');
    const atasan = await signIn(ATASAN.nip);
    expect(
      (await app.request(`${PAGE}/target/row-1/ubah`, { headers: { cookie: atasan.cookie } })).status,
    ).toBe(403);
  });
});

describe('evaluation forms', () => {
  let owner: { cookie: string; csrf: string };
  beforeAll(async () => {
    owner = await signIn(PEGAWAI.nip);
  });
  const row = {
    version: '7',
    jenis: 'UTAMA',
    rhk: 'RHK baru',
    intervensiRowId: '',
    aspek: 'KUANTITAS',
    indikator: 'Jumlah',
    target: '3',
    satuan: 'dokumen',
  };

  it('refuse a post without the session CSRF token', async () => {
    const res = await post(`${PAGE}/target`, { ...row, _csrf: 'palsu' }, owner.cookie);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Permintaan ditolak');
  });

  it('re-render a malformed form with 400, the error at the field and the typed values', async () => {
    const res = await post(
      `${PAGE}/target`,
      { ...row, _csrf: owner.csrf, target: '0', rhk: 'Tetap <ada>' },
      owner.cookie,
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('id="f-target-galat">Target harus lebih dari 0');
    expect(html).toContain('value="Tetap &lt;ada&gt;"');
  });

  it('say "data sudah berubah, muat ulang" with 409 on a stale version', async () => {
    const res = await post(`${PAGE}/target`, { ...row, _csrf: owner.csrf, version: '6' }, owner.cookie);
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Data sudah berubah, muat ulang');
    expect(html).toContain('value="RHK baru"');
  });

  it('refuse the atasan editing the SKP with 403, and the owner approving it', async () => {
    const atasan = await signIn(ATASAN.nip);
    expect((await post(`${PAGE}/target`, { ...row, _csrf: atasan.csrf }, atasan.cookie)).status).toBe(403);
    const res = await post(`${PAGE}/setujui`, { version: '7', _csrf: owner.csrf }, owner.cookie);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Hanya atasan langsung');
  });

  it('re-render the edit page when an update is refused', async () => {
    const res = await post(`${PAGE}/target/row-1`, { ...row, _csrf: owner.csrf, satuan: '' }, owner.cookie);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<h1>Ubah hasil kerja</h1>');
    expect(html).toContain('id="f-satuan-galat"');
  });

  it('check the return comment before anything else', async () => {
    const atasan = await signIn(ATASAN.nip);
    const res = await post(
      `/evaluasi/2027/${DEWI}/kembalikan`,
      { version: '7', comment: 'ok', _csrf: atasan.csrf },
      atasan.cookie,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(
      /id="f-comment-galat">Tuliskan alasan pengembalian[^<]*<\/p><textarea id="f-comment"[^>]*>ok<\/textarea>/,
    );
  });
});

describe('home and inbox', () => {
  it('show my evaluations, and the inbox count to an atasan', async () => {
    const atasan = await signIn(ATASAN.nip);
    const home = await app.request('/', { headers: { cookie: atasan.cookie } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('1 SKP menunggu persetujuan Anda');
    const inbox = await (await app.request('/kotak-masuk', { headers: { cookie: atasan.cookie } })).text();
    expect(inbox).toContain('Menunggu persetujuan Anda (1)');
    expect(inbox).toContain('Tim saya (2)');
    expect(inbox).toContain(`href="/evaluasi/2027/${DEWI}"`);
  });
});

describe('static and neighbours', () => {
  it('serves the stylesheet as CSS, cached for good only under its version', async () => {
    const res = await app.request(`/static/app.css?v=${CSS_VERSION}`);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect((await app.request('/static/app.css')).headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('leaves the JSON API and health check alone', async () => {
    expect((await app.request('/health')).status).toBe(200);
    expect((await app.request('/api/evaluations')).status).toBe(401);
    expect((await app.request('/tidak-ada')).status).toBe(404);
  });
});
