import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import type { Principal } from '../../shared/app/actor.js';
import { cognitoAuthenticator } from '../../shared/auth/cognito.js';
import { client, SECRET, sessionFor, withTestSessions } from '../support/api.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { accessToken, CLIENT_ID, localJwks, POOL_ID, signingKey } from './tokens.js';

let s: TestSystem;
let app: ReturnType<typeof createApp>;
let pegawai: Principal;
const key = signingKey();
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The app as the Lambda builds it in the cloud, with the pool's keys served locally. */
beforeAll(async () => {
  s = await startTestSystem();
  pegawai = s.principal('lalin1');
  // withTestSessions: the sessions of sessionFor are stored before each request, as sign-in would.
  app = withTestSessions(
    createApp({
      auth: cognitoAuthenticator({
        userPoolId: POOL_ID,
        clientId: CLIENT_ID,
        jwksCache: localJwks(key).jwksCache,
        deps: () => s.deps,
      }),
      deps: () => s.deps,
      sessionSecret: SECRET,
      secureCookies: true,
    }),
    s,
  );
});
afterAll(() => s.stop());

describe('cloud mode: bearer tokens and cookie sessions', () => {
  it('lets a valid access token reach /api/me as the NIP in its username claim', async () => {
    const res = await client(app).get('/api/me', bearer(accessToken(key, pegawai.nip)));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ nip: pegawai.nip, nama: pegawai.nama, opd: 'DISHUB' });
  });

  it.each([
    ['forged (another key)', () => accessToken(signingKey(key.kid), pegawai.nip)],
    ['expired', () => accessToken(key, pegawai.nip, { exp: Math.floor(Date.now() / 1000) - 60 })],
    ['for another app client', () => accessToken(key, pegawai.nip, { client_id: 'other' })],
    ['of a NIP with no employee profile', () => accessToken(key, '197001011995031999')],
  ])('answers 401 to a token that is %s, even next to a valid cookie', async (_case, token) => {
    const res = await client(app).get('/api/me', {
      ...bearer(token()),
      cookie: sessionFor(pegawai).cookie,
    });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('TIDAK_TERAUTENTIKASI');
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('needs no CSRF token on a bearer mutation; a cookie mutation still does', async () => {
    const path = `/api/evaluations/1999/${pegawai.nip}/submit`;
    const viaBearer = await client(app).post(path, { version: 1 }, bearer(accessToken(key, pegawai.nip)));
    expect(viaBearer.status).toBe(404); // past authentication: there is no 1999 cycle
    const viaCookie = await client(app).post(path, { version: 1 }, { cookie: sessionFor(pegawai).cookie });
    expect(viaCookie.status).toBe(403);
    expect(viaCookie.json.error).toBe('CSRF');
  });

  it('keeps signed cookie sessions working in the cloud', async () => {
    const res = await client(app, pegawai).get('/api/me');
    expect(res.status).toBe(200);
    expect(res.json.nip).toBe(pegawai.nip);
  });

  it('ignores bearer tokens outside /api/ (the web form uses the cookie only)', async () => {
    const res = await app.request('/', { headers: bearer(accessToken(key, pegawai.nip)) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/masuk/);
  });
});
