import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { defineStacks } from '../../infra/stacks/index.js';

function workflowTemplate(context: Record<string, string> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stacks = defineStacks(app, 'test');
  // Synth runs cdk-nag: it throws on any unacknowledged finding, with or without SES.
  app.synth();
  return Template.fromStack(stacks.workflow);
}

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };
const statements = (t: Template): Statement[] =>
  Object.values(t.findResources('AWS::IAM::Policy')).flatMap(
    (p) => p.Properties.PolicyDocument.Statement as Statement[],
  );
const reminderFunction = (t: Template) =>
  Object.entries(t.findResources('AWS::Lambda::Function')).find(
    ([, fn]) => fn.Metadata?.['kinerja:entry'] === 'functions/workflow/send-reminders.ts',
  )!;

describe('reminder schedule (CDK)', () => {
  it('runs the reminder function daily at 07:00 Asia/Jakarta through EventBridge Scheduler', () => {
    const t = workflowTemplate();
    const [fnId, fn] = reminderFunction(t);
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Timeout: 300 });
    t.resourceCountIs('AWS::Scheduler::Schedule', 1);
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Jakarta',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 21_600 },
      }),
    });
    // The scheduler's role may invoke that function and nothing else.
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': Match.anyValue() } },
          }),
        ],
      }),
    });
    const invokes = statements(t).filter((st) => st.Action === 'lambda:InvokeFunction');
    expect(invokes.some((st) => JSON.stringify(st.Resource).includes(fnId))).toBe(true);
  });

  it('grants and configures no email without an SES sender', () => {
    const t = workflowTemplate();
    expect(
      statements(t)
        .flatMap((st) => [st.Action].flat())
        .filter((a) => a.startsWith('ses:')),
    ).toEqual([]);
    expect(JSON.stringify(reminderFunction(t)[1])).not.toContain('SES_FROM');
  });

  it('with -c sesFrom, lets the reminder and escalation functions send as that address only', () => {
    const from = 'no-reply@serangkota.go.id';
    const t = workflowTemplate({ sesFrom: from, sesIdentity: 'serangkota.go.id' });
    const ses = statements(t).filter((st) => st.Action === 'ses:SendEmail');
    expect(ses).toHaveLength(2);
    for (const st of ses) {
      expect(st.Condition).toEqual({ StringEquals: { 'ses:FromAddress': from } });
      expect(JSON.stringify(st.Resource)).toContain(':identity/serangkota.go.id');
    }
    const withSender = Object.values(t.findResources('AWS::Lambda::Function'))
      .filter((fn) => fn.Properties.Environment?.Variables?.SES_FROM === from)
      .map((fn) => fn.Metadata['kinerja:entry'])
      .sort();
    expect(withSender).toEqual([
      'functions/workflow/record-overdue.ts',
      'functions/workflow/send-reminders.ts',
    ]);
  });
});
