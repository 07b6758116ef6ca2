import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../infra/local/seed-data.js';
import { SESSION_COOKIE } from '../../functions/api/http/session.js';
import { encodeSession } from '../../shared/auth/session.js';
import { getCycle } from '../../shared/data/cycles.js';
import { keys } from '../../shared/data/keys.js';
import { createSession, revokeSessionsOf } from '../../shared/data/sessions.js';
import { countDynamoCalls, SECRET, SESSION_CHECK, sessionFor, testApp } from '../support/api.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Server-side sessions (docs/sessions.md): signed in through the real form on DynamoDB Local, so
 * every cookie here is one the app itself issued.
 */
let s: TestSystem;
let app: ReturnType<typeof testApp>;
let calls: string[];

beforeAll(async () => {
  s = await startTestSystem({ passwords: true, cycle: { scope: ['DISHUB'] } });
  app = testApp(s);
  calls = countDynamoCalls(s);
}, 90_000);
afterAll(() => s.stop());

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0];
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Signs in through the web form: the session cookie and the session's CSRF token. */
async function signIn(key: string) {
  const page = await app.request('/masuk');
  const res = await app.request('/masuk', {
    method: 'POST',
    headers: {
      cookie: cookieOf(page, 'kinerja_masuk')!,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      _csrf: csrfOf(await page.text()),
      nip: s.principal(key).nip,
      password: DEMO_PASSWORD,
      lanjut: '/',
    }).toString(),
  });
  expect(res.status, 'signed in').toBe(303);
  const cookie = cookieOf(res, SESSION_COOKIE)!;
  const home = await app.request('/', { headers: { cookie } });
  return { cookie, csrf: csrfOf(await home.text()) };
}

type Session = { cookie: string; csrf: string };
const getAs = (who: Session, path: string) => app.request(path, { headers: { cookie: who.cookie } });
const postJsonAs = (who: Session, path: string, body: object) =>
  app.request(path, {
    method: 'POST',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const postFormAs = (who: Session, path: string, data: Record<string, string>) =>
  app.request(path, {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: who.csrf, ...data }).toString(),
  });
const cycleForm = (id: string, periode: string, mulai: string, selesai: string) => ({
  nama: `Uji sesi ${id}`,
  id,
  tahun: '2031',
  periode,
  mulai,
  selesai,
  graceDays: '7',
  cakupan: 'OPD',
  'opd.DISHUB': 'ya',
});
const cycleBody = (periode: string, mulai: string, selesai: string) => ({
  nama: `Uji sesi ${periode}`,
  tahun: 2032,
  periode,
  mulai,
  selesai,
  scope: 'ALL',
});
const profileOf = async (nip: string) =>
  (
    await s.deps.ddb.send(
      new GetCommand({ TableName: s.deps.tableName, Key: keys.employee(nip), ConsistentRead: true }),
    )
  ).Item;
const stored = (nip: string, sid: string) =>
  s.deps.ddb
    .send(new GetCommand({ TableName: s.deps.tableName, Key: keys.session(nip, sid), ConsistentRead: true }))
    .then((out) => out.Item);

describe('signing out', () => {
  it('ends the session at once: the old cookie and its CSRF token no longer read or write, web or API', async () => {
    const admin = await signIn('analissdm');
    // Before: the cookie reads and writes on both sides.
    expect((await getAs(admin, '/api/me')).status).toBe(200);
    expect((await getAs(admin, '/')).status).toBe(200);
    expect(
      (await postJsonAs(admin, '/api/admin/cycles', cycleBody('TRIWULAN_I', '2032-01-01', '2032-03-31')))
        .status,
    ).toBe(201);
    const created = await postFormAs(
      admin,
      '/admin/siklus',
      cycleForm('2031-TW1', 'TRIWULAN_I', '2031-01-01', '2031-03-31'),
    );
    expect(created.status).toBe(303);

    const out = await postFormAs(admin, '/keluar', {});
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/masuk');

    // After: the same cookie and token, replayed.
    const me = await getAs(admin, '/api/me');
    expect(me.status).toBe(401);
    expect(await me.json()).toMatchObject({ error: 'TIDAK_TERAUTENTIKASI' });
    const page = await getAs(admin, '/');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/masuk/);
    expect(
      (await postJsonAs(admin, '/api/admin/cycles', cycleBody('TRIWULAN_II', '2032-04-01', '2032-06-30')))
        .status,
    ).toBe(401);
    const form = await postFormAs(
      admin,
      '/admin/siklus',
      cycleForm('2031-TW2', 'TRIWULAN_II', '2031-04-01', '2031-06-30'),
    );
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toMatch(/^\/masuk/);
    expect(await getCycle(s.deps, '2031-TW2')).toBeUndefined();
    expect(await getCycle(s.deps, '2032-TW2')).toBeUndefined();
  });

  it('through the JSON API too (POST /api/me/revoke with the cookie)', async () => {
    const p = await signIn('lalin1');
    const res = await postJsonAs(p, '/api/me/revoke', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ dicabut: 'SESI' });
    expect(res.headers.get('set-cookie')).toMatch(/kinerja_sesi=;/);
    expect((await getAs(p, '/api/me')).status).toBe(401);
  });
});

describe('revokeSessionsOf (a password change)', () => {
  it("ends every session of one person with one Query and a Delete each, and no one else's", async () => {
    const [first, second, other] = [
      await signIn('lalin2'),
      await signIn('lalin2'),
      await signIn('kabidlalin'),
    ];
    for (const who of [first, second, other]) expect((await getAs(who, '/api/me')).status).toBe(200);

    const before = calls.length;
    expect(await revokeSessionsOf(s.deps, s.principal('lalin2').nip)).toBe(2);
    expect(calls.slice(before)).toEqual(['QueryCommand', 'DeleteItemCommand', 'DeleteItemCommand']);

    expect((await getAs(first, '/api/me')).status).toBe(401);
    expect((await postJsonAs(second, '/api/me/revoke', {})).status).toBe(401);
    expect((await getAs(other, '/api/me')).status).toBe(200);
    expect(await revokeSessionsOf(s.deps, s.principal('lalin2').nip)).toBe(0);
  });
});

describe('the session item decides', () => {
  it('refuses a session whose expiry has passed while TTL has not deleted its item yet', async () => {
    const p = s.principal('lalin1');
    // Written two hours ago for one hour: expired an hour ago, still in the table.
    const old = await createSession(s.deps, p.nip, 1, new Date(Date.now() - 2 * 3600_000));
    const cookie = `${SESSION_COOKIE}=${encodeSession(SECRET, old)}`;
    const res = await app.request('/api/me', { headers: { cookie } });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toMatch(/kinerja_sesi=;/);
    expect(await stored(p.nip, old.sid)).toMatchObject({ expiresAt: old.expiresAt });
    // The same item with a future expiry signs in: it was the expiry that refused it.
    const fresh = await createSession(s.deps, p.nip, 1);
    const ok = await app.request('/api/me', {
      headers: { cookie: `${SESSION_COOKIE}=${encodeSession(SECRET, fresh)}` },
    });
    expect(ok.status).toBe(200);
  });

  it('keeps the expiry in the TTL attribute, the cookie carries only the NIP and the session id', async () => {
    const p = s.principal('lalin1');
    const session = await createSession(s.deps, p.nip, 8);
    const item = (await stored(p.nip, session.sid))!;
    expect(item.expiresAt).toBe(Math.floor(Date.parse(session.dibuatPada) / 1000) + 8 * 3600);
    const [payload] = encodeSession(SECRET, session).split('.');
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toEqual({
      nip: p.nip,
      sid: session.sid,
    });
  });

  it('costs no DynamoDB read for a forged or edited cookie', async () => {
    const real = sessionFor(s.principal('lalin1'));
    await app.request('/health', { headers: { cookie: real.cookie } }); // stores the session
    const forged = sessionFor(s.principal('lalin1'), { secret: 'someone-elses-secret' });
    const value = real.cookie.split(';')[0]!.split('=')[1]!;
    const [, signature] = value.split('.');
    const edited = `${Buffer.from(JSON.stringify({ nip: s.principal('kabidlalin').nip, sid: real.sid })).toString('base64url')}.${signature}`;
    await app.request('/health'); // stores the forged one's item too, outside the count below
    for (const cookie of [forged.cookie, `${SESSION_COOKIE}=${edited}`]) {
      const before = calls.length;
      const res = await app.request('/api/me', { headers: { cookie } });
      expect(res.status).toBe(401);
      expect(calls.slice(before)).toEqual([]);
    }
  });

  it('checks the session and the roster together in one read per request', async () => {
    const who = sessionFor(s.principal('kabidlalin'));
    await app.request('/health', { headers: { cookie: who.cookie } });
    let before = calls.length;
    expect((await app.request('/health', { headers: { cookie: who.cookie } })).status).toBe(200);
    expect(calls.slice(before)).toEqual([SESSION_CHECK]);
    before = calls.length;
    expect((await app.request('/api/me', { headers: { cookie: who.cookie } })).status).toBe(200);
    expect(calls.slice(before)).toEqual([SESSION_CHECK, 'GetItemCommand']);
  });
});

describe('the roster re-check', () => {
  it('signs a deactivated person out on their very next request, web and API', async () => {
    const p = await signIn('pranata3');
    expect((await getAs(p, '/api/me')).status).toBe(200);
    expect((await getAs(p, '/')).status).toBe(200);
    await s.deps.ddb.send(
      new UpdateCommand({
        TableName: s.deps.tableName,
        Key: keys.employee(s.principal('pranata3').nip),
        UpdateExpression: 'SET aktif = :f',
        ExpressionAttributeValues: { ':f': false },
      }),
    );
    const api = await getAs(p, '/api/me');
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ message: 'Akun Anda tidak aktif. Hubungi BKPSDM.' });
    const web = await getAs(p, '/');
    expect(web.status).toBe(303);
    expect(web.headers.get('location')).toMatch(/^\/masuk/);
    expect((await profileOf(s.principal('pranata3').nip))?.aktif).toBe(false);
  });
});
