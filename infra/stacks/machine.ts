import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  DefinitionBody,
  type IChainable,
  LogLevel,
  StateMachine,
  StateMachineType,
} from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { acknowledge, arnToken, REASONS } from '../nag.js';

/**
 * A Standard state machine as every one of ours is built: X-Ray tracing, a year of full
 * execution logs (kept on stack deletion: they are the workflow's audit of itself), and the
 * cdk-nag acknowledgements its logging and the Lambda tasks it invokes always need.
 */
export function loggedMachine(
  scope: Construct,
  id: string,
  props: {
    name: string;
    definition: IChainable;
    /** Invoked by its tasks (any version: `arn:…:*`). */
    functions: readonly IFunction[];
    timeout: Duration;
    /** The log group's construct id (kept as it was, so the deployed log group stays). */
    logsId: string;
  },
): StateMachine {
  const machine = new StateMachine(scope, id, {
    stateMachineName: props.name,
    stateMachineType: StateMachineType.STANDARD,
    definitionBody: DefinitionBody.fromChainable(props.definition),
    tracingEnabled: true,
    logs: {
      destination: new LogGroup(scope, props.logsId, {
        retention: RetentionDays.ONE_YEAR,
        removalPolicy: RemovalPolicy.RETAIN,
      }),
      level: LogLevel.ALL,
      includeExecutionData: true,
    },
    timeout: props.timeout,
  });
  acknowledge(machine, 'IAM5[Resource::*]', REASONS.sfnLogsAndXray);
  for (const fn of props.functions)
    acknowledge(machine, `IAM5[Resource::${arnToken(fn)}:*]`, REASONS.lambdaVersions);
  return machine;
}
