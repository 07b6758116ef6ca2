import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  CognitoIdentityProviderClient,
  InvalidPasswordException,
  NotAuthorizedException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import { cognitoAuthenticator } from '../../shared/auth/cognito.js';
import { FAJAR, fakeDeps } from './fake-deps.js';
import { CLIENT_ID, POOL_ID } from './tokens.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const tokens = {
  AuthenticationResult: { AccessToken: 'a', IdToken: 'i', RefreshToken: 'r', ExpiresIn: 3600 },
};
const meta = { $metadata: {}, message: 'x' };

function authenticator() {
  const { deps } = fakeDeps();
  return { auth: cognitoAuthenticator({ userPoolId: POOL_ID, clientId: CLIENT_ID, deps: () => deps }), deps };
}
beforeEach(() => cognito.reset());

describe('first sign-in of an invited account (NEW_PASSWORD_REQUIRED)', () => {
  it('hands back the challenge session, then completes it with the new password', async () => {
    cognito
      .on(AdminInitiateAuthCommand)
      .resolves({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'sesi-tantangan' });
    cognito.on(AdminRespondToAuthChallengeCommand).resolves(tokens);
    const { auth } = authenticator();
    expect(await auth.attemptSignIn(FAJAR, 'Sementara#1')).toEqual({
      ok: false,
      reason: 'NEW_PASSWORD_REQUIRED',
      session: 'sesi-tantangan',
    });
    const done = await auth.completeNewPassword(FAJAR, 'sesi-tantangan', 'Baru#Sekali2026');
    expect(done).toMatchObject({ ok: true, principal: { nip: FAJAR } });
    expect(cognito.commandCalls(AdminRespondToAuthChallengeCommand)[0]!.args[0].input).toMatchObject({
      UserPoolId: POOL_ID,
      ClientId: CLIENT_ID,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: 'sesi-tantangan',
      ChallengeResponses: { USERNAME: FAJAR, NEW_PASSWORD: 'Baru#Sekali2026' },
    });
  });

  it('reports a weak password (keeping the session) and an expired challenge', async () => {
    const { auth } = authenticator();
    cognito.on(AdminRespondToAuthChallengeCommand).rejectsOnce(new InvalidPasswordException(meta));
    expect(await auth.completeNewPassword(FAJAR, 's', 'lemah')).toMatchObject({
      ok: false,
      reason: 'WEAK_PASSWORD',
      session: 's',
    });
    cognito.on(AdminRespondToAuthChallengeCommand).rejectsOnce(new NotAuthorizedException(meta));
    cognito.reset();
    cognito.on(AdminRespondToAuthChallengeCommand).rejects(new NotAuthorizedException(meta));
    expect(await auth.completeNewPassword(FAJAR, 's', 'Baru#Sekali2026')).toEqual({
      ok: false,
      reason: 'INVALID_CREDENTIALS',
    });
  });

  it('walks the web form through it: sign in, set a password, get a session', async () => {
    cognito
      .on(AdminInitiateAuthCommand)
      .resolves({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'sesi-tantangan' });
    cognito.on(AdminRespondToAuthChallengeCommand).resolves(tokens);
    const { auth, deps } = authenticator();
    const app = createApp({
      auth,
      deps: () => deps,
      sessionSecret: 'rahasia-uji-sandi-baru',
      secureCookies: true,
    });
    const form = async (path: string, cookie: string, data: Record<string, string>) =>
      app.request(path, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(data).toString(),
      });
    const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;

    const signIn = await app.request('/masuk');
    const first = await form('/masuk', cookieOf(signIn), {
      _csrf: tokenOf(await signIn.text()),
      nip: FAJAR,
      password: 'Sementara#1',
      lanjut: '/',
    });
    expect(first.status).toBe(200);
    const page = await first.text();
    expect(page).toContain('Buat kata sandi baru');
    expect(page).toContain('value="sesi-tantangan"');

    const cookie = cookieOf(first);
    const mismatch = await form('/masuk/sandi-baru', cookie, {
      _csrf: tokenOf(page),
      nip: FAJAR,
      session: 'sesi-tantangan',
      newPassword: 'Baru#Sekali2026',
      confirm: 'Lain#Sekali2026',
      lanjut: '/',
    });
    expect(mismatch.status).toBe(400);
    const mismatchPage = await mismatch.text();
    expect(mismatchPage).toContain('Ulangi kata sandi yang sama persis');

    const done = await form('/masuk/sandi-baru', cookieOf(mismatch), {
      _csrf: tokenOf(mismatchPage),
      nip: FAJAR,
      session: 'sesi-tantangan',
      newPassword: 'Baru#Sekali2026',
      confirm: 'Baru#Sekali2026',
      lanjut: '/',
    });
    expect(done.status).toBe(303);
    expect(
      done.headers
        .getSetCookie()
        .some((c) => c.startsWith('__Host-kinerja_sesi=') && /HttpOnly/i.test(c) && /Secure/i.test(c)),
    ).toBe(true);
  });
});
