import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { JwksCache } from 'aws-jwt-verify/jwk';

export interface BearerOptions {
  userPoolId: string;
  clientId: string;
  /**
   * Where the pool's signing keys come from. By default they are fetched once per container
   * from Cognito's public JWKS URL; tests serve locally generated keys without any network.
   */
  jwksCache?: JwksCache;
}

const NIP = /^\d{18}$/;

/**
 * Verifies a Cognito access token of our app client (signature, issuer, expiry, token_use,
 * client_id) and returns its username, which is the NIP; null for anything else.
 */
export function nipFromAccessToken(options: BearerOptions): (token: string) => Promise<string | null> {
  const verifier = CognitoJwtVerifier.create(
    { userPoolId: options.userPoolId, clientId: options.clientId, tokenUse: 'access' },
    options.jwksCache ? { jwksCache: options.jwksCache } : undefined,
  );
  return async (token) => {
    try {
      const payload = await verifier.verify(token);
      return NIP.test(payload.username) ? payload.username : null;
    } catch {
      // Forged, expired, wrong pool/client, or JWKS unreachable: all mean "not signed in".
      return null;
    }
  };
}
