import {
  AdminInitiateAuthCommand,
  AssociateSoftwareTokenCommand,
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
    expect(await auth.signIn(FAJAR, 'Benar#Sekali2026')).toEqual({
      nip: FAJAR,
      nama: 'Fajar Ramadhan, S.Kom.',
      admin: false,
    });
    expect(cognito.commandCalls(AdminInitiateAuthCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL_ID,
      ClientId: CLIENT_ID,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: FAJAR, PASSWORD: 'Benar#Sekali2026' },
    });
  });

  it('gives a BKPSDM admin without TOTP no session: the answer is to set TOTP up first', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves(tokens);
    cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: 'RAHASIABARUUNTUKDEWI234567ABCDEF' });
    const auth = authenticator();
    expect(await auth.signIn(DEWI, 'Benar#Sekali2026')).toBeNull();
    const outcome = await auth.attemptSignIn(DEWI, 'Benar#Sekali2026');
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'MFA_SETUP_REQUIRED',
      secret: 'RAHASIABARUUNTUKDEWI234567ABCDEF',
    });
    // The page gets a challenge id of its own, never the access token that sets TOTP up.
    expect(!outcome.ok && outcome.session).toMatch(/^[\w-]{43}$/);
    expect(cognito.commandCalls(AssociateSoftwareTokenCommand)[0]!.args[0].input).toEqual({
      AccessToken: 'a',
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
    [
      'Cognito’s own lockout',
      new NotAuthorizedException({ ...meta, message: 'Password attempts exceeded' }),
      'THROTTLED',
    ],
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
  ] as const)('a %s challenge is no session yet: the form continues it (%s)', async (challenge, reason) => {
    cognito.on(AdminInitiateAuthCommand).resolves({ ChallengeName: challenge, Session: 's' });
    const auth = authenticator();
    expect(await auth.signIn(FAJAR, 'Sementara#2026')).toBeNull();
    expect(await auth.attemptSignIn(FAJAR, 'Sementara#2026')).toEqual({ ok: false, reason, session: 's' });
  });

  it('an MFA_SETUP challenge (a pool whose MFA is required) sets TOTP up with its session', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves({ ChallengeName: 'MFA_SETUP', Session: 's' });
    cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: 'RAHASIA', Session: 's2' });
    expect(await authenticator().attemptSignIn(FAJAR, 'Benar#Sekali2026')).toMatchObject({
      ok: false,
      reason: 'MFA_SETUP_REQUIRED',
      secret: 'RAHASIA',
    });
    expect(cognito.commandCalls(AssociateSoftwareTokenCommand)[0]!.args[0].input).toEqual({ Session: 's' });
  });

  it('a challenge the client is not configured for is no session (UNAVAILABLE)', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves({ ChallengeName: 'CUSTOM_CHALLENGE', Session: 's' });
    const auth = authenticator();
    expect(await auth.signIn(FAJAR, 'Sementara#2026')).toBeNull();
    expect(await auth.attemptSignIn(FAJAR, 'Sementara#2026')).toEqual({ ok: false, reason: 'UNAVAILABLE' });
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
