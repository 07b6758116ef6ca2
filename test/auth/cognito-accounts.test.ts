import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  CognitoIdentityProviderClient,
  TooManyRequestsException,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { accountProvisioning, cognitoAccounts, noAccounts } from '../../shared/auth/cognito-accounts.js';
import { DEWI, FAJAR, PENSIUN } from './fake-deps.js';
import { POOL_ID } from './tokens.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const meta = { $metadata: {}, message: 'x' };
const accounts = () => cognitoAccounts({ userPoolId: POOL_ID });

beforeEach(() => cognito.reset());

describe('account provisioning for the roster import', () => {
  it('invites by email when there is an address, and creates silently when there is none', async () => {
    cognito.on(AdminCreateUserCommand).resolves({});
    const report = await accounts().createAccounts([
      { nip: FAJAR, email: 'fajar@serangkota.go.id' },
      { nip: DEWI },
    ]);
    expect(report).toEqual({ done: [FAJAR, DEWI], skipped: [], failed: [] });
    const inputs = cognito.commandCalls(AdminCreateUserCommand).map((c) => c.args[0].input);
    expect(inputs).toContainEqual({
      UserPoolId: POOL_ID,
      Username: FAJAR,
      UserAttributes: [
        { Name: 'email', Value: 'fajar@serangkota.go.id' },
        { Name: 'email_verified', Value: 'true' },
      ],
      DesiredDeliveryMediums: ['EMAIL'],
    });
    expect(inputs).toContainEqual({
      UserPoolId: POOL_ID,
      Username: DEWI,
      UserAttributes: [],
      MessageAction: 'SUPPRESS',
    });
  });

  it('is idempotent: an existing account is skipped, other errors are reported per NIP', async () => {
    cognito
      .on(AdminCreateUserCommand, { Username: FAJAR })
      .rejects(new UsernameExistsException(meta))
      .on(AdminCreateUserCommand, { Username: DEWI })
      .rejects(new TooManyRequestsException(meta))
      .on(AdminCreateUserCommand, { Username: PENSIUN })
      .resolves({});
    const report = await accounts().createAccounts([
      { nip: FAJAR },
      { nip: DEWI },
      { nip: PENSIUN },
      { nip: '123' },
    ]);
    expect(report.done).toEqual([PENSIUN]);
    expect(report.skipped).toEqual([FAJAR]);
    expect(report.failed).toEqual(
      expect.arrayContaining([
        { nip: DEWI, error: 'TooManyRequestsException' },
        { nip: '123', error: 'NIP harus 18 digit' },
      ]),
    );
    // the malformed NIP never reached Cognito
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(3);
  });

  it('disables and enables accounts; a missing account is skipped', async () => {
    cognito
      .on(AdminDisableUserCommand, { Username: FAJAR })
      .resolves({})
      .on(AdminDisableUserCommand, { Username: DEWI })
      .rejects(new UserNotFoundException(meta))
      .on(AdminEnableUserCommand)
      .resolves({});
    expect(await accounts().disableAccounts([FAJAR, DEWI])).toEqual({
      done: [FAJAR],
      skipped: [DEWI],
      failed: [],
    });
    expect(await accounts().enableAccounts([FAJAR])).toEqual({ done: [FAJAR], skipped: [], failed: [] });
    expect(cognito.commandCalls(AdminDisableUserCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL_ID,
      Username: FAJAR,
    });
    expect(cognito.commandCalls(AdminEnableUserCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL_ID,
      Username: FAJAR,
    });
  });

  it('does nothing in local mode (no USER_POOL_ID)', async () => {
    const local = accountProvisioning({});
    expect(local).toBe(noAccounts);
    expect(await local.createAccounts([{ nip: FAJAR }])).toEqual({ done: [], skipped: [FAJAR], failed: [] });
    expect(await local.disableAccounts([FAJAR])).toEqual({ done: [], skipped: [FAJAR], failed: [] });
    expect(cognito.calls()).toHaveLength(0);
    expect(accountProvisioning({ USER_POOL_ID: POOL_ID })).not.toBe(noAccounts);
  });
});
