import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { loadSessionSecret } from '../../shared/auth/session-secret.js';

const sm = mockClient(SecretsManagerClient);
const ARN = 'arn:aws:secretsmanager:ap-southeast-3:123456789012:secret:SessionSigningKey-abc';

describe('session signing key from Secrets Manager', () => {
  it('reads the generated secret once by its ARN', async () => {
    sm.reset()
      .on(GetSecretValueCommand, { SecretId: ARN })
      .resolves({ SecretString: 'k'.repeat(64) });
    expect(await loadSessionSecret(ARN)).toBe('k'.repeat(64));
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });
  it('refuses a missing or short key instead of signing sessions with it', async () => {
    sm.reset().on(GetSecretValueCommand).resolves({ SecretString: 'short' });
    await expect(loadSessionSecret(ARN)).rejects.toThrow(/shorter than 32/);
    sm.reset().on(GetSecretValueCommand).resolves({});
    await expect(loadSessionSecret(ARN)).rejects.toThrow();
  });
});
