import {
  type CognitoIdentityProviderClient,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { JwksCache } from 'aws-jwt-verify/jwk';
import { recordTokenRevocation } from '../data/token-revocations.js';
import type { Deps } from '../runtime/deps.js';
import type { Authenticator, BearerRevocation } from './authenticator.js';
import { tokenPrincipal } from './profiles.js';

export interface BearerOptions {
  userPoolId: string;
  clientId: string;
  /**
   * Where the pool's signing keys come from. By default they are fetched once per container
   * from Cognito's public JWKS URL; tests serve locally generated keys without any network.
   */
  jwksCache?: JwksCache;
}

/**
 * The app client's access token validity (infra/stacks/auth-stack.ts `accessTokenValidity`;
 * test/api/bearer-revoke.test.ts checks the synthesized template against it). A revocation is
 * kept this long: every access token of a revoked refresh token was issued before it, so none
 * outlives it.
 */
export const ACCESS_TOKEN_SECONDS = 3600;

const NIP = /^\d{18}$/;

/** What this API needs of a verified access token. */
export interface AccessClaims {
  nip: string;
  /** Names the refresh token the access token came from (Cognito token revocation). */
  originJti: string;
}

/**
 * Verifies a Cognito access token of our app client (signature, issuer, expiry, token_use,
 * client_id). Null for anything else, and for a token without `origin_jti`: one that could
 * never be revoked (our client has token revocation on, so Cognito always sets it).
 */
export function accessTokenClaims(options: BearerOptions): (token: string) => Promise<AccessClaims | null> {
  const verifier = CognitoJwtVerifier.create(
    { userPoolId: options.userPoolId, clientId: options.clientId, tokenUse: 'access' },
    options.jwksCache ? { jwksCache: options.jwksCache } : undefined,
  );
  return async (token) => {
    try {
      const payload = await verifier.verify(token);
      const originJti = payload.origin_jti;
      if (!NIP.test(payload.username) || typeof originJti !== 'string' || !originJti) return null;
      return { nip: payload.username, originJti };
    } catch {
      // Forged, expired, wrong pool/client, or JWKS unreachable: all mean "not signed in".
      return null;
    }
  };
}

/** The username (the NIP) of a valid access token; null for anything else. */
export function nipFromAccessToken(options: BearerOptions): (token: string) => Promise<string | null> {
  const claims = accessTokenClaims(options);
  return async (token) => (await claims(token))?.nip ?? null;
}

/** Errors of RevokeToken that mean the refresh token is not one of this client's. */
const NOT_OUR_REFRESH_TOKEN = new Set([
  'UnauthorizedException',
  'InvalidParameterException',
  'UnsupportedTokenTypeException',
]);

/**
 * The bearer half of the cloud authenticator. Each request costs one DynamoDB read (the
 * profile and the token's revocation item in one BatchGet), so a revocation and a deactivation
 * both take effect on the next request.
 */
export function bearerAccess(
  options: BearerOptions & { deps: () => Deps; client: CognitoIdentityProviderClient },
): Required<Pick<Authenticator, 'verifyBearer' | 'revokeBearer'>> {
  const claimsOf = accessTokenClaims(options);
  return {
    async verifyBearer(token) {
      const claims = await claimsOf(token);
      return claims ? tokenPrincipal(options.deps(), claims.nip, claims.originJti) : null;
    },
    async revokeBearer(accessToken, refreshToken): Promise<BearerRevocation> {
      const claims = await claimsOf(accessToken);
      if (!claims || !refreshToken) return 'REFRESH_TOKEN_INVALID';
      try {
        // An unauthenticated Cognito call (no IAM permission): the client id is the proof.
        await options.client.send(
          new RevokeTokenCommand({ ClientId: options.clientId, Token: refreshToken }),
        );
      } catch (err) {
        const name = err instanceof Error ? err.name : 'Unknown';
        if (NOT_OUR_REFRESH_TOKEN.has(name)) return 'REFRESH_TOKEN_INVALID';
        // Never log the token; the name is enough.
        console.error(`Cognito RevokeToken failed: ${name}`);
        return 'UNAVAILABLE';
      }
      // Wall clock, as the tokens' `exp` and DynamoDB's TTL are.
      const until = Math.floor(Date.now() / 1000) + ACCESS_TOKEN_SECONDS;
      await recordTokenRevocation(options.deps(), claims.nip, claims.originJti, until);
      return 'REVOKED';
    },
  };
}
