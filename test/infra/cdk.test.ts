import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks, type KinerjaStacks } from '../../infra/stacks/index.js';
import { TABLE } from '../../shared/data/table.js';

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
    // 4 functions x (IAM4 basic role, IAM5 X-Ray) + state machine (IAM5 logs/X-Ray, 2 x function versions) + APIG4 /health
    expect(acknowledged).toHaveLength(12);
    for (const [id, reason] of acknowledged) {
      expect(id).toMatch(/AwsSolutions-(IAM4|IAM5|APIG4)/);
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

  it('exposes only GET /health until Cognito sign-in exists', () => {
    const t = Template.fromStack(stacks.api);
    const routes = Object.values(t.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties.RouteKey,
    );
    expect(routes).toEqual(['GET /health']);
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ AUTH_MODE: 'cloud' }) },
    });
  });
});
