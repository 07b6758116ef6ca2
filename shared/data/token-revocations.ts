import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Employee } from '../domain/people/employee.js';
import type { Deps } from '../runtime/deps.js';
import { keys } from './keys.js';
import { profileWith } from './sessions.js';

/**
 * Cognito's RevokeToken ends a refresh token, but access tokens already issued from it stay
 * valid JWTs until they expire, and this API checks them itself. So the revocation is also
 * kept here, by the `origin_jti` all those access tokens carry, until the last one has expired.
 */
export async function recordTokenRevocation(
  deps: Deps,
  nip: string,
  originJti: string,
  expiresAt: number,
): Promise<void> {
  await deps.ddb.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: {
        ...keys.tokenRevocation(nip, originJti),
        type: 'TOKEN_DICABUT',
        nip,
        originJti,
        dicabutPada: new Date().toISOString(),
        expiresAt,
      },
    }),
  );
}

/** The profile, and whether the token's refresh token was revoked: one read per bearer request. */
export async function profileUnlessRevoked(
  deps: Deps,
  nip: string,
  originJti: string,
): Promise<{ employee?: Employee; revoked: boolean }> {
  const { employee, other } = await profileWith(deps, nip, keys.tokenRevocation(nip, originJti));
  return { ...(employee ? { employee } : {}), revoked: !!other };
}
