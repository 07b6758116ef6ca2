import {
  AdminInitiateAuthCommand,
  CognitoIdentityProviderClient,
  InternalErrorException,
  NotAuthorizedException,
  PasswordResetRequiredException,
  TooManyRequestsException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cognitoAuthenticator } from '../../shared/auth/cognito.js';
import { DEWI, fakeDeps, FAJAR, PENSIUN } from './fake-deps.js';
import { CLIENT_ID, POOL_ID } from './tokens.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const tokens = {
  AuthenticationResult: { AccessToken: 'a', IdToken: 'i', RefreshToken: 'r', ExpiresIn: 3600 },
};
const meta = { $metadata: {}, message: 'x' };

function authenticator() {
  const { deps } = fakeDeps();
  return cognitoAuthenticator({ userPoolId: POOL_ID, clientId: CLIENT_ID, deps: () => deps });
}

beforeEach(() => cognito.reset());
afterEach(() => vi.restoreAllMocks());

describe('Cognito sign-in (AdminInitiateAuth)', () => {
  it('signs in with ADMIN_USER_PASSWORD_AUTH and takes the principal from the employee profile', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves(tokens);
    const auth = authenticator();
    expect(auth.mode).toBe('cloud');
    expect(await auth.signIn(DEWI, 'Benar#Sekali2026')).toEqual({
      nip: DEWI,
      nama: 'Dewi Lestari, S.Kom.',
      admin: true,
    });
    expect(cognito.commandCalls(AdminInitiateAuthCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL_ID,
      ClientId: CLIENT_ID,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: DEWI, PASSWORD: 'Benar#Sekali2026' },
    });
  });

  it('forwards the user’s address and headers for threat protection when given', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves(tokens);
    await authenticator().signIn(FAJAR, 'Benar#Sekali2026', {
      ip: '203.0.113.7',
      serverName: 'kinerja.serangkota.go.id',
      serverPath: '/masuk',
      headers: { 'user-agent': 'Firefox' },
    });
    expect(cognito.commandCalls(AdminInitiateAuthCommand)[0]!.args[0].input.ContextData).toEqual({
      IpAddress: '203.0.113.7',
      ServerName: 'kinerja.serangkota.go.id',
      ServerPath: '/masuk',
      HttpHeaders: [{ headerName: 'user-agent', headerValue: 'Firefox' }],
    });
  });

  it.each([
    [
      'wrong password',
      new NotAuthorizedException({ ...meta, message: 'Incorrect username or password.' }),
      'INVALID_CREDENTIALS',
    ],
    [
      'disabled user',
      new NotAuthorizedException({ ...meta, message: 'User is disabled.' }),
      'INVALID_CREDENTIALS',
    ],
    ['unknown user', new UserNotFoundException(meta), 'INVALID_CREDENTIALS'],
    ['password reset by an admin', new PasswordResetRequiredException(meta), 'PASSWORD_RESET_REQUIRED'],
    ['throttling', new TooManyRequestsException(meta), 'UNAVAILABLE'],
    ['a Cognito fault', new InternalErrorException(meta), 'UNAVAILABLE'],
    ['a network error', Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }), 'UNAVAILABLE'],
  ])('%s: null, never a throw (%s → %s)', async (_case, error, reason) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    cognito.on(AdminInitiateAuthCommand).rejects(error);
    const auth = authenticator();
    expect(await auth.signIn(FAJAR, 'Salah#Sandi2026')).toBeNull();
    expect(await auth.attemptSignIn(FAJAR, 'Salah#Sandi2026')).toEqual({ ok: false, reason });
  });

  it.each([
    ['NEW_PASSWORD_REQUIRED', 'NEW_PASSWORD_REQUIRED'],
    ['SOFTWARE_TOKEN_MFA', 'MFA_REQUIRED'],
    ['MFA_SETUP', 'MFA_REQUIRED'],
    ['CUSTOM_CHALLENGE', 'UNAVAILABLE'],
  ] as const)('a %s challenge is no session (%s)', async (challenge, reason) => {
    cognito.on(AdminInitiateAuthCommand).resolves({ ChallengeName: challenge, Session: 's' });
    const auth = authenticator();
    expect(await auth.signIn(FAJAR, 'Sementara#2026')).toBeNull();
    // Only the new-password challenge can be continued by the web form, so only it keeps the session.
    expect(await auth.attemptSignIn(FAJAR, 'Sementara#2026')).toEqual({
      ok: false,
      reason,
      ...(reason === 'NEW_PASSWORD_REQUIRED' ? { session: 's' } : {}),
    });
  });

  it('refuses a correct password when the profile is inactive or missing', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves(tokens);
    const auth = authenticator();
    expect(await auth.attemptSignIn(PENSIUN, 'Benar#Sekali2026')).toEqual({ ok: false, reason: 'INACTIVE' });
    expect(await auth.signIn('197001011995031999', 'Benar#Sekali2026')).toBeNull();
  });

  it('rejects malformed input without calling Cognito', async () => {
    const auth = authenticator();
    for (const [nip, password] of [
      ['12345', 'x'],
      ['19900412201503100X', 'x'],
      [FAJAR, ''],
      [FAJAR, 'x'.repeat(257)],
    ]) {
      expect(await auth.signIn(nip!, password!)).toBeNull();
    }
    expect(cognito.calls()).toHaveLength(0);
  });
});
