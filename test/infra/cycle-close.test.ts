import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks, type KinerjaStacks } from '../../infra/stacks/index.js';

/** CycleClose in CDK: what stops a closed cycle's executions may do that, and nothing more. */

let stacks: KinerjaStacks;

beforeAll(() => {
  // cdk-nag itself runs in cdk.test.ts; here only the resources are read.
  stacks = defineStacks(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'test', { nag: false });
});

type Statement = { Action: string | string[]; Resource: unknown };
const statementsOf = (t: Template, rolePrefix: string): Statement[] =>
  Object.values(t.findResources('AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref.startsWith(rolePrefix)))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
const json = (v: unknown) => JSON.stringify(v);

describe('CycleClose', () => {
  it('is a Standard machine looping one Lambda step over the pages, logged and traced', () => {
    const t = Template.fromStack(stacks.workflow);
    t.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      StateMachineName: 'kinerja-test-cycle-close',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
    });
  });

  it('gives its function the cycle read, the listing and StopExecution on the evaluation machine only', () => {
    const t = Template.fromStack(stacks.workflow);
    const st = statementsOf(t, 'CycleCloseStop').filter((s) => ![s.Action].flat()[0]!.startsWith('xray:'));
    const byAction = Object.fromEntries(st.map((s) => [[s.Action].flat().join(','), json(s.Resource)]));
    expect(Object.keys(byAction).sort()).toEqual([
      'dynamodb:GetItem',
      'states:ListExecutions',
      'states:StopExecution',
    ]);
    expect(byAction['states:ListExecutions']).toContain('stateMachine:kinerja-test-employee-evaluation');
    expect(byAction['states:StopExecution']).toContain('execution:kinerja-test-employee-evaluation:*');
    // No other role may stop an evaluation (CycleLaunch's Distributed Map stops only its own children).
    const stoppers = Object.values(t.findResources('AWS::IAM::Policy'))
      .filter((p) =>
        (p.Properties.PolicyDocument.Statement as Statement[]).some(
          (s) =>
            [s.Action].flat().includes('states:StopExecution') &&
            json(s.Resource).includes('employee-evaluation'),
        ),
      )
      .flatMap((p) => (p.Properties.Roles as { Ref: string }[]).map((r) => r.Ref));
    expect(stoppers.length).toBeGreaterThan(0);
    expect(stoppers.every((r) => r.startsWith('CycleCloseStop'))).toBe(true);
  });

  it('lets the API function start it after a close, and tells it where', () => {
    const t = Template.fromStack(stacks.api);
    const start = statementsOf(t, 'ApiServiceRole').find((s) =>
      [s.Action].flat().includes('states:StartExecution'),
    );
    expect(json(start?.Resource)).toContain('stateMachine:kinerja-test-cycle-close');
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ CYCLE_CLOSE_STATE_MACHINE_ARN: Match.anyValue() }),
      },
    });
  });
});
