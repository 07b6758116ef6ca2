import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { grantTableAccess } from '../grants.js';
import { nodeFunction } from '../lambda.js';
import { acknowledge, acknowledgeFunctionBaseline, arnToken } from '../nag.js';

export interface ReminderScheduleProps {
  table: ITableV2;
  /** The workflow functions' environment (table name, state machine ARN). */
  environment: Record<string, string>;
  /** Other functions that email notices (escalations): they get the same SES sender and grant. */
  emailers?: LambdaFunction[];
}

const SCHEDULER_INVOKES_VERSIONS =
  'EventBridge Scheduler invokes the reminder function through the grant CDK generates, which also covers published versions and aliases (<function ARN>:*); it is limited to that one function.';

/**
 * The daily reminder job: EventBridge Scheduler runs it at 07:00 WIB (Asia/Jakarta), before the
 * working day starts. Email goes through Amazon SES only when the CDK context gives a sender
 * (`-c sesFrom=no-reply@serangkota.go.id`, optionally `-c sesIdentity=serangkota.go.id` when the
 * verified identity is the domain); the permission names that identity and that From address.
 */
export class ReminderSchedule extends Construct {
  readonly fn: LambdaFunction;

  constructor(scope: Construct, id: string, props: ReminderScheduleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const sesFrom: string | undefined = this.node.tryGetContext('sesFrom');
    const hari: string | undefined = this.node.tryGetContext('pengingatHari');

    this.fn = nodeFunction(this, 'SendReminders', 'functions/workflow/send-reminders.ts', {
      ...props.environment,
      ...(hari ? { PENGINGAT_HARI: String(hari) } : {}),
    });
    // One pass over every open stage of the city's cycles, plus the peer reviews in review.
    (this.fn.node.defaultChild as CfnFunction).timeout = Duration.minutes(5).toSeconds();
    grantTableAccess(this.fn, props.table);
    acknowledgeFunctionBaseline(this.fn);

    if (sesFrom) {
      const identity: string = this.node.tryGetContext('sesIdentity') ?? sesFrom;
      for (const fn of [this.fn, ...(props.emailers ?? [])]) {
        fn.addEnvironment('SES_FROM', sesFrom);
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['ses:SendEmail'],
            resources: [stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })],
            conditions: { StringEquals: { 'ses:FromAddress': sesFrom } },
          }),
        );
      }
    }

    // Our own role (not the stack-wide one CDK would share), so that its grant is acknowledged
    // here and nowhere else; only this account's schedules may assume it.
    const role = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    });
    new Schedule(this, 'Daily', {
      description: 'Pengingat tenggat tahap evaluasi kinerja, setiap hari pukul 07.00 WIB',
      schedule: ScheduleExpression.cron({ minute: '0', hour: '7', timeZone: TimeZone.ASIA_JAKARTA }),
      // The job is idempotent and runs again tomorrow: a few retries, then let it go.
      target: new LambdaInvoke(this.fn, { role, retryAttempts: 3, maxEventAge: Duration.hours(6) }),
    });
    acknowledge(role, `IAM5[Resource::${arnToken(this.fn)}:*]`, SCHEDULER_INVOKES_VERSIONS);
  }
}
