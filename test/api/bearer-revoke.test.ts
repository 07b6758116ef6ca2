import {
  CognitoIdentityProviderClient,
  InternalErrorException,
  RevokeTokenCommand,
  UnauthorizedException,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import { ACCESS_TOKEN_SECONDS } from '../../shared/auth/bearer.js';
import { cognitoAuthenticator } from '../../shared/auth/cognito.js';
import { keys } from '../../shared/data/keys.js';
import { accessToken, CLIENT_ID, localJwks, POOL_ID, signingKey } from '../auth/tokens.js';
import { client, countDynamoCalls, SECRET, SESSION_CHECK } from '../support/api.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Cloud mode on DynamoDB Local: access tokens signed by a local key (JWKS served locally), and
 * Cognito's RevokeToken answered by aws-sdk-client-mock. The revocation item is real.
 */
const cognito = mockClient(CognitoIdentityProviderClient);
const key = signingKey();
const meta = { $metadata: {}, message: 'x' };
let s: TestSystem;
let app: ReturnType<typeof createApp>;
let calls: string[];
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const nip = () => s.principal('lalin1').nip;

beforeAll(async () => {
  s = await startTestSystem();
  app = createApp({
    auth: cognitoAuthenticator({
      userPoolId: POOL_ID,
      clientId: CLIENT_ID,
      jwksCache: localJwks(key).jwksCache,
      deps: () => s.deps,
      client: new CognitoIdentityProviderClient({ region: 'ap-southeast-3' }),
    }),
    deps: () => s.deps,
    sessionSecret: SECRET,
    secureCookies: true,
  });
  calls = countDynamoCalls(s);
}, 90_000);
afterAll(() => s.stop());
beforeEach(() => cognito.reset());

const revocation = (originJti: string) =>
  s.deps.ddb
    .send(
      new GetCommand({
        TableName: s.deps.tableName,
        Key: keys.tokenRevocation(nip(), originJti),
        ConsistentRead: true,
      }),
    )
    .then((out) => out.Item);

describe('bearer clients revoke their own tokens (POST /api/me/revoke)', () => {
  it('revokes the refresh token at Cognito and refuses every access token issued from it', async () => {
    cognito.on(RevokeTokenCommand).resolves({});
    const token = accessToken(key, nip(), { origin_jti: 'asal-1' });
    expect((await client(app).get('/api/me', bearer(token))).status).toBe(200);

    const res = await client(app).post('/api/me/revoke', { refreshToken: 'refresh-1' }, bearer(token));
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ dicabut: 'TOKEN' });
    expect(cognito.commandCalls(RevokeTokenCommand).map((c) => c.args[0].input)).toEqual([
      { ClientId: CLIENT_ID, Token: 'refresh-1' },
    ]);

    // This token, and one refreshed from the same refresh token a moment before: both refused.
    const refreshed = accessToken(key, nip(), { origin_jti: 'asal-1', jti: 'j2' });
    for (const t of [token, refreshed]) {
      const after = await client(app).get('/api/me', bearer(t));
      expect(after.status).toBe(401);
      expect(after.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    }
    // Another sign-in of the same person (another refresh token) is untouched.
    expect(
      (await client(app).get('/api/me', bearer(accessToken(key, nip(), { origin_jti: 'asal-2' })))).status,
    ).toBe(200);

    // Kept until every access token of that refresh token has expired, then TTL removes it.
    const item = (await revocation('asal-1'))!;
    const now = Math.floor(Date.now() / 1000);
    expect(item.expiresAt).toBeGreaterThanOrEqual(now + ACCESS_TOKEN_SECONDS - 60);
    expect(item.expiresAt).toBeLessThanOrEqual(now + ACCESS_TOKEN_SECONDS);
  });

  it.each([
    ['no refresh token', undefined, 400],
    ['a refresh token Cognito says is not this client’s', new UnauthorizedException(meta), 400],
    ['Cognito unavailable', new InternalErrorException(meta), 503],
  ])('revokes nothing with %s', async (_case, failure, status) => {
    if (failure) cognito.on(RevokeTokenCommand).rejects(failure);
    const originJti = `asal-gagal-${status}-${failure ? failure.name : 'kosong'}`;
    const token = accessToken(key, nip(), { origin_jti: originJti });
    const res = await client(app).post('/api/me/revoke', failure ? { refreshToken: 'r' } : {}, bearer(token));
    expect(res.status).toBe(status);
    if (status === 400)
      expect(res.json.issues).toEqual([{ path: 'refreshToken', message: expect.any(String) }]);
    expect(await revocation(originJti)).toBeUndefined();
    expect((await client(app).get('/api/me', bearer(token))).status).toBe(200);
  });

  it('refuses a token that could never be revoked (no origin_jti)', async () => {
    const token = accessToken(key, nip(), { origin_jti: undefined });
    expect((await client(app).get('/api/me', bearer(token))).status).toBe(401);
  });
});

describe('bearer requests', () => {
  it('cost one read: the profile and the revocation item in one BatchGet, no cache', async () => {
    const token = accessToken(key, nip(), { origin_jti: 'asal-hitung' });
    const before = calls.length;
    expect((await client(app).get('/api/me', bearer(token))).status).toBe(200);
    expect(calls.slice(before)).toEqual([SESSION_CHECK, 'GetItemCommand']);
  });

  it('refuse a deactivated person on the next request', async () => {
    const who = s.principal('lalin2');
    const token = accessToken(key, who.nip, { origin_jti: 'asal-nonaktif' });
    expect((await client(app).get('/api/me', bearer(token))).status).toBe(200);
    await s.deps.ddb.send(
      new UpdateCommand({
        TableName: s.deps.tableName,
        Key: keys.employee(who.nip),
        UpdateExpression: 'SET aktif = :f',
        ExpressionAttributeValues: { ':f': false },
      }),
    );
    expect((await client(app).get('/api/me', bearer(token))).status).toBe(401);
  });
});

describe('the revocation lasts as long as an access token', () => {
  it('matches the app client’s accessTokenValidity in the synthesized template', () => {
    const clients = Object.values(inject('synth').templates).flatMap((t) =>
      Object.values(t.Resources).filter((r) => r.Type === 'AWS::Cognito::UserPoolClient'),
    );
    expect(clients.length).toBeGreaterThan(0);
    const unit: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };
    for (const c of clients) {
      const p = c.Properties as { AccessTokenValidity: number; TokenValidityUnits: { AccessToken: string } };
      expect(p.AccessTokenValidity * unit[p.TokenValidityUnits.AccessToken]!).toBe(ACCESS_TOKEN_SECONDS);
    }
  });
});
