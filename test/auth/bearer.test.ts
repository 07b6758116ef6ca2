import { describe, expect, it } from 'vitest';
import { nipFromAccessToken } from '../../shared/auth/bearer.js';
import { cognitoAuthenticator } from '../../shared/auth/cognito.js';
import { DEWI, fakeDeps, FAJAR, PENSIUN } from './fake-deps.js';
import { accessToken, CLIENT_ID, ISSUER, localJwks, POOL_ID, signingKey } from './tokens.js';

const key = signingKey();
const jwks = localJwks(key);
const verify = nipFromAccessToken({ userPoolId: POOL_ID, clientId: CLIENT_ID, jwksCache: jwks.jwksCache });
const hour = 3600;
const now = () => Math.floor(Date.now() / 1000);

describe('bearer tokens (aws-jwt-verify, JWKS served by a local fetcher, no network)', () => {
  it('accepts an access token of our app client and returns the NIP (username claim)', async () => {
    expect(await verify(accessToken(key, FAJAR))).toBe(FAJAR);
    expect(jwks.requested[0]).toBe(`${ISSUER}/.well-known/jwks.json`);
  });

  it.each([
    ['signed by another key with the same kid', () => accessToken(signingKey(key.kid), FAJAR)],
    ['signed by an unknown key', () => accessToken(signingKey('other-kid'), FAJAR)],
    ['expired', () => accessToken(key, FAJAR, { iat: now() - 2 * hour, exp: now() - hour })],
    [
      'from another user pool',
      () =>
        accessToken(key, FAJAR, {
          iss: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_Other',
        }),
    ],
    ['for another app client', () => accessToken(key, FAJAR, { client_id: 'someoneelse' })],
    [
      'an ID token instead of an access token',
      () => accessToken(key, FAJAR, { token_use: 'id', aud: CLIENT_ID }),
    ],
    ['a username that is not a NIP', () => accessToken(key, 'admin')],
    [
      'with its payload edited',
      () => {
        const [h, , s] = accessToken(key, FAJAR).split('.');
        const forged = Buffer.from(JSON.stringify({ username: DEWI, token_use: 'access' })).toString(
          'base64url',
        );
        return `${h}.${forged}.${s}`;
      },
    ],
    [
      'unsigned (alg none)',
      () => {
        const [, p] = accessToken(key, FAJAR).split('.');
        return `${Buffer.from('{"alg":"none","kid":"test-key-1"}').toString('base64url')}.${p}.`;
      },
    ],
    ['garbage', () => 'not-a-jwt'],
  ])('rejects a token %s', async (_case, token) => {
    expect(await verify(token())).toBeNull();
  });

  it('turns a valid token into the principal from the employee profile; inactive → null', async () => {
    const { deps, ddbMock } = fakeDeps();
    const auth = cognitoAuthenticator({
      userPoolId: POOL_ID,
      clientId: CLIENT_ID,
      jwksCache: localJwks(key).jwksCache,
      deps: () => deps,
    });
    expect(await auth.verifyBearer!(accessToken(key, DEWI))).toEqual({
      nip: DEWI,
      nama: 'Dewi Lestari, S.Kom.',
      admin: true,
    });
    expect(await auth.verifyBearer!(accessToken(key, PENSIUN))).toBeNull();
    // no cache, one DynamoDB call per request: the profile and the token's revocation item in one BatchGet
    const before = ddbMock.calls().length;
    await auth.verifyBearer!(accessToken(key, DEWI));
    expect(
      ddbMock
        .calls()
        .slice(before)
        .map((c) => c.args[0].constructor.name),
    ).toEqual(['BatchGetCommand']);
  });
});
