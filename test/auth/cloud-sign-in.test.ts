import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  AssociateSoftwareTokenCommand,
  CodeMismatchException,
  CognitoIdentityProviderClient,
  EnableSoftwareTokenMFAException,
  InvalidPasswordException,
  NotAuthorizedException,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import { cognitoAuthenticator } from '../../shared/auth/cognito.js';
import { listAccountLog } from '../../shared/data/accounts.js';
import { expectSafePage } from '../web/page-checks.js';
import { SECRET, sessionFor, withTestSessions } from '../support/api.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { browserLike, csrfOf, hiddenOf } from './browser-like.js';
import { CLIENT_ID, POOL_ID } from './tokens.js';

/**
 * The cloud sign-in through the web form: Cognito is faked (aws-sdk-client-mock), the table is
 * DynamoDB Local, the request arrives as from API Gateway (the user's address in the event).
 */
const cognito = mockClient(CognitoIdentityProviderClient);
const meta = { $metadata: {}, message: 'x' };
const tokens = (access = 'token-akses') => ({
  AuthenticationResult: { AccessToken: access, IdToken: 'i', RefreshToken: 'r', ExpiresIn: 3600 },
});
const FROM = '203.0.113.7';
const SESSION = '__Host-kinerja_sesi';

let s: TestSystem;
let app: ReturnType<typeof createApp>;
const nip = (key: string) => s.principal(key).nip;
const browser = () => browserLike(app, { lambdaSourceIp: FROM });

beforeAll(async () => {
  s = await startTestSystem();
  app = withTestSessions(
    createApp({
      auth: cognitoAuthenticator({ userPoolId: POOL_ID, clientId: CLIENT_ID, deps: () => s.deps }),
      deps: () => s.deps,
      sessionSecret: SECRET,
      secureCookies: true,
    }),
    s,
  );
});
afterAll(() => s.stop());
beforeEach(() => cognito.reset());

describe('cloud sign-in through the web form', () => {
  it("passes the user's address (not the function's) to Cognito's threat protection", async () => {
    cognito.on(AdminInitiateAuthCommand).resolves(tokens());
    const b = browser();
    expect((await b.signIn(nip('lalin1'), 'Benar#Sekali2026')).status).toBe(303);
    expect(cognito.commandCalls(AdminInitiateAuthCommand)[0]!.args[0].input.ContextData).toMatchObject({
      IpAddress: FROM,
      ServerPath: '/masuk',
    });
  });

  it('says "too many attempts" (429) when Cognito’s lockout answers, not "wrong password"', async () => {
    cognito
      .on(AdminInitiateAuthCommand)
      .rejects(new NotAuthorizedException({ ...meta, message: 'Password attempts exceeded' }));
    const res = await browser().signIn(nip('lalin1'), 'Benar#Sekali2026');
    expect(res.status).toBe(429);
    expect(res.html).toContain('Terlalu banyak percobaan masuk yang gagal. Tunggu paling lama 15 menit');
    expect(res.html).not.toContain('NIP atau kata sandi salah');
  });

  it('asks for the TOTP code (SOFTWARE_TOKEN_MFA) and answers Cognito with it, with the context', async () => {
    cognito
      .on(AdminInitiateAuthCommand)
      .resolves({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'sesi-mfa' });
    cognito
      .on(AdminRespondToAuthChallengeCommand)
      .rejectsOnce(new CodeMismatchException(meta))
      .resolves(tokens());
    const b = browser();
    const step = await b.signIn(nip('kabidpkap'), 'Benar#Sekali2026');
    expect(step.status).toBe(200);
    expect(step.html).toContain('action="/masuk/kode"');
    expect(hiddenOf(step.html, 'session')).toBe('sesi-mfa');
    expectSafePage(step.html, csrfOf(step.html));

    const wrong = await b.answerCode(step.html, '/masuk/kode', '123456');
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('Kode verifikasi salah.');
    expect(hiddenOf(wrong.html, 'session')).toBe('sesi-mfa');

    const done = await b.answerCode(wrong.html, '/masuk/kode', '654321');
    expect(done.status).toBe(303);
    expect(b.jar.has(SESSION)).toBe(true);
    const answer = cognito.commandCalls(AdminRespondToAuthChallengeCommand)[1]!.args[0].input;
    expect(answer).toMatchObject({
      UserPoolId: POOL_ID,
      ClientId: CLIENT_ID,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 'sesi-mfa',
      ChallengeResponses: { USERNAME: nip('kabidpkap'), SOFTWARE_TOKEN_MFA_CODE: '654321' },
      ContextData: expect.objectContaining({ IpAddress: FROM }),
    });
    // An admin who answered the code has TOTP: no setup step follows.
    expect(cognito.commandCalls(AssociateSoftwareTokenCommand)).toHaveLength(0);
  });

  it('leads a BKPSDM admin without TOTP to set it up before any session', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPABCD';
    cognito.on(AdminInitiateAuthCommand).resolves(tokens('token-akses-admin'));
    cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: secret });
    cognito
      .on(VerifySoftwareTokenCommand)
      .rejectsOnce(new EnableSoftwareTokenMFAException(meta))
      .resolves({ Status: 'SUCCESS' });
    cognito.on(AdminSetUserMFAPreferenceCommand).resolves({});
    const admin = nip('analissdm');
    const b = browser();
    const setup = await b.signIn(admin, 'Benar#Sekali2026');
    expect(setup.status).toBe(200);
    expect(setup.html).toContain('<h1>Atur verifikasi dua langkah</h1>');
    expect(setup.html).toContain(secret.slice(0, 4) + ' ' + secret.slice(4, 8));
    expect(setup.html).toMatch(/<img src="data:image\/svg\+xml;base64,/);
    expect(setup.html).not.toContain('token-akses-admin');
    expectSafePage(setup.html, csrfOf(setup.html));
    expect(b.jar.has(SESSION)).toBe(false);
    expect(cognito.commandCalls(AssociateSoftwareTokenCommand)[0]!.args[0].input).toEqual({
      AccessToken: 'token-akses-admin',
    });

    const wrong = await b.answerCode(setup.html, '/masuk/atur-verifikasi', '123456');
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('<h1>Atur verifikasi dua langkah</h1>');
    expect(wrong.html).toContain('Kode verifikasi salah.');
    expect(b.jar.has(SESSION)).toBe(false);

    const done = await b.answerCode(wrong.html, '/masuk/atur-verifikasi', '654321');
    expect(done.status).toBe(303);
    expect(b.jar.has(SESSION)).toBe(true);
    expect(cognito.commandCalls(VerifySoftwareTokenCommand)[1]!.args[0].input).toMatchObject({
      AccessToken: 'token-akses-admin',
      UserCode: '654321',
    });
    expect(cognito.commandCalls(AdminSetUserMFAPreferenceCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL_ID,
      Username: admin,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
    expect((await listAccountLog(s.deps, admin)).map((e) => e.action)).toEqual([
      'VERIFIKASI_DUA_LANGKAH_DIAKTIFKAN',
    ]);
    // The setup's challenge is used up.
    expect((await b.answerCode(wrong.html, '/masuk/atur-verifikasi', '654321')).status).not.toBe(303);
  });

  it('signs a pegawai in with the password alone (TOTP is optional for them)', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves(tokens());
    expect((await browser().signIn(nip('lalin2'), 'Benar#Sekali2026')).status).toBe(303);
    expect(cognito.commandCalls(AssociateSoftwareTokenCommand)).toHaveLength(0);
  });
});

describe('"Ganti kata sandi" in the cloud', () => {
  const NEW = 'Baru#Sekali2027';
  function signedIn(key: string) {
    const b = browser();
    const { cookie } = sessionFor(s.principal(key));
    b.jar.set(SESSION, /__Host-kinerja_sesi=([^;]+)/.exec(cookie)![1]!);
    return b;
  }

  it('checks the current password with Cognito, sets the new one, signs out every token and session', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's' });
    cognito.on(AdminSetUserPasswordCommand).resolves({});
    cognito.on(AdminUserGlobalSignOutCommand).resolves({});
    const who = nip('kabidlalin');
    const here = signedIn('kabidlalin');
    const elsewhere = signedIn('kabidlalin');
    const page = await here.get('/akun/kata-sandi');
    expect(page.status).toBe(200);
    const res = await here.post('/akun/kata-sandi', {
      _csrf: csrfOf(page.html),
      oldPassword: 'Lama#Sekali2026',
      newPassword: NEW,
      confirm: NEW,
    });
    expect(res.status).toBe(303);
    expect(cognito.commandCalls(AdminInitiateAuthCommand)[0]!.args[0].input).toMatchObject({
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: who, PASSWORD: 'Lama#Sekali2026' },
      ContextData: expect.objectContaining({ IpAddress: FROM }),
    });
    expect(cognito.commandCalls(AdminSetUserPasswordCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL_ID,
      Username: who,
      Password: NEW,
      Permanent: true,
    });
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL_ID,
      Username: who,
    });
    expect((await here.get('/')).status).toBe(200);
    expect((await elsewhere.get('/')).location).toMatch(/^\/masuk/);
  });

  it.each([
    ['a wrong current password', 'old', new NotAuthorizedException(meta), 422, 'Kata sandi saat ini salah.'],
    [
      'Cognito’s lockout',
      'old',
      new NotAuthorizedException({ ...meta, message: 'Password attempts exceeded' }),
      429,
      'paling lama 15 menit',
    ],
    [
      'a password the pool refuses',
      'new',
      new InvalidPasswordException(meta),
      422,
      'lima kata sandi terakhir',
    ],
  ] as const)('refuses %s and keeps the session', async (_case, step, error, status, text) => {
    if (step === 'old') cognito.on(AdminInitiateAuthCommand).rejects(error);
    else {
      cognito.on(AdminInitiateAuthCommand).resolves(tokens());
      cognito.on(AdminSetUserPasswordCommand).rejects(error);
    }
    const here = signedIn('lalin1');
    const page = await here.get('/akun/kata-sandi');
    const res = await here.post('/akun/kata-sandi', {
      _csrf: csrfOf(page.html),
      oldPassword: 'Lama#Sekali2026',
      newPassword: NEW,
      confirm: NEW,
    });
    expect(res.status).toBe(status);
    expect(res.html).toContain(text);
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)).toHaveLength(0);
    expect((await here.get('/')).status).toBe(200);
  });
});
