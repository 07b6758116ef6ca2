import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks, type KinerjaStacks } from '../../infra/stacks/index.js';
import { TABLE } from '../../shared/data/table.js';
import { TRANSIENT } from '../../workflows/retry.js';

let stacks: KinerjaStacks;
let app: App;

beforeAll(() => {
  app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  stacks = defineStacks(app, 'test');
});

describe('CDK app', () => {
  it('passes cdk-nag AwsSolutions with every acknowledgement explained', () => {
    // synth runs the validation plugins and throws on any unacknowledged finding
    expect(() => app.synth()).not.toThrow();
    const acknowledged = app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules'))
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    // 9 functions x (IAM4 basic role, IAM5 X-Ray)
    // + EmployeeEvaluation (IAM5 logs/X-Ray, 3 x function versions)
    // + CycleLaunch (IAM5 logs/X-Ray, 3 x function versions, 2 x its Distributed Map's child executions)
    // + the API function describing CycleLaunch executions + the scheduler invoking reminder versions
    // + APIG4 on the 3 routes (the app authenticates itself)
    // + COG2 (MFA optional) + SMG4 (session signing key not rotated automatically)
    // + CycleClose (its function's IAM4 and X-Ray, its StopExecution on the evaluation machine's
    //   executions, the machine's IAM5 logs/X-Ray and function versions)
    expect(acknowledged).toHaveLength(40);
    const rule = (id: string) => id.replace(/^.*AwsSolutions-/, '').replace(/\[.*$/, '');
    expect(acknowledged.map(([id]) => rule(id)).filter((r) => /COG|SMG/.test(r))).toEqual(['COG2', 'SMG4']);
    for (const [id, reason] of acknowledged) {
      expect(['IAM4', 'IAM5', 'APIG4', 'COG2', 'SMG4']).toContain(rule(id));
      expect(reason.length).toBeGreaterThan(60);
    }
  });

  it('fails synth on a new unacknowledged finding (the nag plugin is really active)', () => {
    const bad = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const { data } = defineStacks(bad, 'bad');
    new Queue(data, 'UnencryptedQueue', { encryption: QueueEncryption.UNENCRYPTED });
    expect(() => bad.synth()).toThrow(/SQS Queue/);
  });

  it('keeps the table safe: PITR, deletion protection, retained, encrypted, the shared key layout', () => {
    const t = Template.fromStack(stacks.data);
    t.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    t.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: Object.values(TABLE.indexes).map((i) =>
        Match.objectLike({
          IndexName: i.name,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
        }),
      ),
      Replicas: [
        Match.objectLike({
          DeletionProtectionEnabled: true,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      ],
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('runs the evaluation as a Standard state machine with logging ALL and X-Ray', () => {
    const t = Template.fromStack(stacks.workflow);
    t.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      StateMachineName: 'kinerja-test-employee-evaluation',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: true }),
    });
    const machine = Object.values(t.findResources('AWS::StepFunctions::StateMachine'))[0]!;
    const definition = JSON.stringify(machine.Properties.DefinitionString);
    expect(definition).toContain('lambda:invoke.waitForTaskToken');
    expect(definition).toContain('\\"TimeoutSecondsPath\\":\\"$.deadline.seconds\\"');
    expect(definition).toContain('States.Timeout');
  });

  it('deploys every function on nodejs24.x arm64 with tracing, and never grants Scan', () => {
    for (const stack of [stacks.workflow, stacks.api]) {
      const t = Template.fromStack(stack);
      for (const fn of Object.values(t.findResources('AWS::Lambda::Function'))) {
        expect(fn.Properties).toMatchObject({
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
        });
      }
      expect(JSON.stringify(t.toJSON())).not.toContain('dynamodb:Scan');
    }
  });

  it('signs in with a Cognito user pool: NIP usernames, no self sign-up, strong passwords, optional TOTP', () => {
    const t = Template.fromStack(stacks.auth);
    t.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      UsernameConfiguration: { CaseSensitive: false },
      AliasAttributes: Match.absent(),
      UsernameAttributes: Match.absent(),
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      DeletionProtection: 'ACTIVE',
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
    t.hasResourceProperties('AWS::Cognito::UserPoolRiskConfigurationAttachment', {
      ClientId: 'ALL',
      CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } },
      // The user's address reaches Cognito as ContextData, so its risk scores can act.
      AccountTakeoverRiskConfiguration: {
        Actions: {
          LowAction: { EventAction: 'NO_ACTION', Notify: false },
          MediumAction: { EventAction: 'MFA_IF_CONFIGURED', Notify: false },
          HighAction: { EventAction: 'MFA_REQUIRED', Notify: false },
        },
      },
    });
    // server-side admin flow and SRP for API clients; never the public plain-password flow
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayEquals([
        'ALLOW_ADMIN_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ]),
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      AllowedOAuthFlowsUserPoolClient: false,
    });
    t.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
    });
  });

  it('routes the whole app to the function, which gets exactly the auth permissions it needs', () => {
    const t = Template.fromStack(stacks.api);
    const routes = Object.values(t.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties.RouteKey,
    );
    expect(routes.sort()).toEqual(['ANY /', 'ANY /admin/roster/{proxy+}', 'ANY /{proxy+}']);
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          AUTH_MODE: 'cloud',
          USER_POOL_ID: Match.anyValue(),
          USER_POOL_CLIENT_ID: Match.anyValue(),
          SESSION_SECRET_ARN: Match.anyValue(),
        }),
      },
    });
    const actions = Object.values(t.findResources('AWS::IAM::Policy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[] }[])
      .flatMap((st) => [st.Action].flat());
    expect(actions.filter((a) => /^(cognito-idp|secretsmanager|kms):/.test(a)).sort()).toEqual([
      // Only the roster function manages accounts; both sign people in (password, challenges,
      // TOTP on, password change) and read the session key.
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminInitiateAuth',
      'cognito-idp:AdminInitiateAuth',
      'cognito-idp:AdminRespondToAuthChallenge',
      'cognito-idp:AdminRespondToAuthChallenge',
      'cognito-idp:AdminSetUserMFAPreference',
      'cognito-idp:AdminSetUserMFAPreference',
      'cognito-idp:AdminSetUserPassword',
      'cognito-idp:AdminSetUserPassword',
      'cognito-idp:AdminUserGlobalSignOut',
      'cognito-idp:AdminUserGlobalSignOut',
      'secretsmanager:GetSecretValue',
      'secretsmanager:GetSecretValue',
    ]);
  });
});

describe('CycleLaunch', () => {
  type Statement = { Action: string | string[]; Resource: unknown };
  /** Statements of the policies attached to roles whose logical ID starts with `prefix`. */
  const statements = (t: Template, prefix: string): Statement[] =>
    Object.values(t.findResources('AWS::IAM::Policy'))
      .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref.startsWith(prefix)))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
  const actionsOf = (st: Statement[]) => st.flatMap((s) => [s.Action].flat()).sort();

  it('fans out with a Distributed Map of EXPRESS children over NIP batches, 10 at a time', () => {
    const t = Template.fromStack(stacks.workflow);
    t.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      StateMachineName: 'kinerja-test-cycle-launch',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
    });
    const machine = Object.values(t.findResources('AWS::StepFunctions::StateMachine')).find(
      (m) => m.Properties.StateMachineName === 'kinerja-test-cycle-launch',
    )!;
    const definition = JSON.stringify(machine.Properties.DefinitionString);
    for (const part of [
      '\\"Mode\\":\\"DISTRIBUTED\\"',
      '\\"ExecutionType\\":\\"EXPRESS\\"',
      '\\"MaxConcurrency\\":10',
      '\\"ItemsPath\\":\\"$.rencana.kelompok\\"',
    ])
      expect(definition).toContain(part);
  });

  it('gives each launch function only the table operations it performs, never a delete', () => {
    const t = Template.fromStack(stacks.workflow);
    expect(actionsOf(statements(t, 'CycleLaunchPlan')).filter((a) => !a.startsWith('xray:'))).toEqual([
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect(actionsOf(statements(t, 'CycleLaunchBatch')).filter((a) => !a.startsWith('xray:'))).toEqual([
      'dynamodb:BatchGetItem',
      // Each creation checks, in its transaction, that the cycle is still open.
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'states:StartExecution',
    ]);
    expect(actionsOf(statements(t, 'CycleLaunchSummary')).filter((a) => !a.startsWith('xray:'))).toEqual([
      'dynamodb:GetItem',
      'dynamodb:UpdateItem',
    ]);
  });

  it('lets only the main API function start launches and read their status', () => {
    const t = Template.fromStack(stacks.api);
    const states = (prefix: string) =>
      actionsOf(statements(t, prefix)).filter((a) => a.startsWith('states:'));
    expect(states('ApiServiceRole')).toEqual([
      'states:DescribeExecution',
      'states:SendTaskFailure',
      'states:SendTaskSuccess',
      'states:StartExecution',
    ]);
    expect(states('RosterApiServiceRole')).toEqual(['states:SendTaskFailure', 'states:SendTaskSuccess']);
  });
});

describe('retries', () => {
  type State = { Retry?: { ErrorEquals: string[] }[]; Branches?: Asl[]; ItemProcessor?: Asl; Iterator?: Asl };
  type Asl = { States: Record<string, State> };
  /** A machine's definition, its tokens (ARNs) replaced by a placeholder. */
  const definitionOf = (m: { Properties: { DefinitionString: unknown } }): Asl => {
    const d = m.Properties.DefinitionString as string | { 'Fn::Join': [string, unknown[]] };
    const text =
      typeof d === 'string' ? d : d['Fn::Join'][1].map((p) => (typeof p === 'string' ? p : 'X')).join('');
    return JSON.parse(text) as Asl;
  };
  const retries = (asl: Asl): string[][] =>
    Object.values(asl.States).flatMap((s) => [
      ...(s.Retry ?? []).map((r) => r.ErrorEquals),
      ...[...(s.Branches ?? []), ...[s.ItemProcessor ?? s.Iterator].filter((x): x is Asl => !!x)].flatMap(
        retries,
      ),
    ]);

  it('retries every Lambda step of the three machines on the one transient-error list, and on nothing else', () => {
    const machines = Object.values(
      Template.fromStack(stacks.workflow).findResources('AWS::StepFunctions::StateMachine'),
    );
    expect(machines).toHaveLength(3);
    for (const m of machines) {
      const lists = retries(definitionOf(m as never));
      expect(lists.length).toBeGreaterThan(0);
      for (const list of lists) expect(list).toEqual(TRANSIENT);
    }
  });
});
