import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** HMAC-SHA256 keys shorter than this are too easy to guess. */
const MIN_LENGTH = 32;

/**
 * The session-signing key, shared by every container so a cookie issued by one is accepted by
 * all. Read once at init; a failure here should fail the cold start, not each request.
 */
export async function loadSessionSecret(
  secretId: string,
  client: Pick<SecretsManagerClient, 'send'> = new SecretsManagerClient({}),
): Promise<string> {
  const out = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  const value = out.SecretString ?? '';
  if (value.length < MIN_LENGTH) throw new Error(`session secret ${secretId} is shorter than ${MIN_LENGTH}`);
  return value;
}
