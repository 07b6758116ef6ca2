import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';

export const POOL_ID = 'ap-southeast-3_TestPool1';
export const CLIENT_ID = 'testclient0123456789abcdef';
export const ISSUER = `https://cognito-idp.ap-southeast-3.amazonaws.com/${POOL_ID}`;

/** A locally generated RSA key pair standing in for the user pool's signing key. */
export function signingKey(kid = 'test-key-1') {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, jwk };
}

/**
 * A JWKS cache whose fetcher serves the given keys in place of Cognito's JWKS URL, and records
 * what was asked: aws-jwt-verify runs its real code path with no network.
 */
export function localJwks(...keys: { jwk: object }[]) {
  const requested: string[] = [];
  const jwksCache = new SimpleJwksCache({
    fetcher: {
      fetch: async (uri: string) => {
        requested.push(uri);
        const body = new TextEncoder().encode(JSON.stringify({ keys: keys.map((k) => k.jwk) }));
        return body.buffer as ArrayBuffer;
      },
    },
  });
  return { jwksCache, requested };
}

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** An RS256 JWT shaped like a Cognito access token; `claims` override the defaults. */
export function accessToken(
  key: { kid: string; privateKey: KeyObject },
  username: string,
  claims: Record<string, unknown> = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64({ alg: 'RS256', kid: key.kid, typ: 'JWT' });
  const payload = b64({
    sub: '11111111-2222-3333-4444-555555555555',
    iss: ISSUER,
    client_id: CLIENT_ID,
    origin_jti: 'o',
    event_id: 'e',
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: now,
    iat: now,
    exp: now + 3600,
    jti: 'j',
    username,
    ...claims,
  });
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key.privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}
