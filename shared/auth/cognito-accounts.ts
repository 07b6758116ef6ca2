import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';

/**
 * Sign-in accounts for the roster import. Accounts are only credentials: who someone is (name,
 * unit, admin, active) stays in the employee profile in DynamoDB.
 */
export interface AccountProvisioning {
  /** Idempotent: an existing account counts as done and is left unchanged. */
  createAccounts(people: { nip: string; email?: string }[]): Promise<ProvisionReport>;
  disableAccounts(nips: string[]): Promise<ProvisionReport>;
  enableAccounts(nips: string[]): Promise<ProvisionReport>;
}

export interface ProvisionReport {
  /** Created, disabled or enabled by this call. */
  done: string[];
  /** Nothing to do: already exists (create) or no such account (disable/enable). */
  skipped: string[];
  failed: { nip: string; error: string }[];
}

const NIP = /^\d{18}$/;
/** Cognito's admin write quotas are per account and region; a few calls at a time stay far below. */
const CONCURRENCY = 4;

async function eachNip<T extends { nip: string }>(
  items: T[],
  call: (item: T) => Promise<'done' | 'skipped'>,
  skipWhen: string,
): Promise<ProvisionReport> {
  const report: ProvisionReport = { done: [], skipped: [], failed: [] };
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      if (!NIP.test(item.nip)) {
        report.failed.push({ nip: item.nip, error: 'NIP harus 18 digit' });
        continue;
      }
      try {
        report[await call(item)].push(item.nip);
      } catch (err) {
        const name = err instanceof Error ? err.name : 'Unknown';
        if (name === skipWhen) report.skipped.push(item.nip);
        else report.failed.push({ nip: item.nip, error: name });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return report;
}

export function cognitoAccounts(options: {
  userPoolId: string;
  client?: CognitoIdentityProviderClient;
}): AccountProvisioning {
  const client = options.client ?? new CognitoIdentityProviderClient({});
  const UserPoolId = options.userPoolId;
  return {
    createAccounts: (people) =>
      eachNip(
        people,
        async ({ nip, email }) => {
          await client.send(
            new AdminCreateUserCommand({
              UserPoolId,
              Username: nip,
              // The roster's address is authoritative, so it may be used for recovery at once.
              UserAttributes: email
                ? [
                    { Name: 'email', Value: email },
                    { Name: 'email_verified', Value: 'true' },
                  ]
                : [],
              // With an address Cognito mails the temporary password; without one nobody could
              // receive it, so no message is sent and BKPSDM sets a password when needed.
              ...(email ? { DesiredDeliveryMediums: ['EMAIL'] } : { MessageAction: 'SUPPRESS' }),
            }),
          );
          return 'done';
        },
        'UsernameExistsException',
      ),
    disableAccounts: (nips) =>
      eachNip(
        nips.map((nip) => ({ nip })),
        async ({ nip }) => {
          await client.send(new AdminDisableUserCommand({ UserPoolId, Username: nip }));
          return 'done';
        },
        'UserNotFoundException',
      ),
    enableAccounts: (nips) =>
      eachNip(
        nips.map((nip) => ({ nip })),
        async ({ nip }) => {
          await client.send(new AdminEnableUserCommand({ UserPoolId, Username: nip }));
          return 'done';
        },
        'UserNotFoundException',
      ),
  };
}

/** Local mode: accounts live in the table with the seed's passwords; nothing to provision. */
export const noAccounts: AccountProvisioning = {
  createAccounts: async (people) => ({ done: [], skipped: people.map((p) => p.nip), failed: [] }),
  disableAccounts: async (nips) => ({ done: [], skipped: nips, failed: [] }),
  enableAccounts: async (nips) => ({ done: [], skipped: nips, failed: [] }),
};

/** What the import should call: Cognito when the function is configured with a user pool. */
export function accountProvisioning(env: NodeJS.ProcessEnv = process.env): AccountProvisioning {
  return env.USER_POOL_ID ? cognitoAccounts({ userPoolId: env.USER_POOL_ID }) : noAccounts;
}
