import { Stack, Validations } from 'aws-cdk-lib';
import type { CfnResource } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';

/** Acknowledges one cdk-nag AwsSolutions finding on a construct (and its children). */
export function acknowledge(scope: IConstruct, finding: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-${finding}`, reason });
}

/** How a function ARN appears inside a finding: `<LogicalId.Arn>`. */
export function arnToken(fn: IFunction): string {
  const cfn = fn.node.defaultChild as CfnResource;
  return `<${Stack.of(fn).getLogicalId(cfn)}.Arn>`;
}

export const REASONS = {
  basicExecutionRole:
    'AWSLambdaBasicExecutionRole only allows the function to write its own CloudWatch Logs streams; it is the AWS-managed baseline for Lambda and grants nothing else.',
  xray: 'X-Ray trace segment writes (xray:PutTraceSegments, xray:PutTelemetryRecords) have no resource-level permissions in IAM, so Resource must be *.',
  sfnLogsAndXray:
    'Step Functions log delivery (logs:CreateLogDelivery, logs:*LogDelivery*, logs:PutResourcePolicy, logs:DescribeResourcePolicies, logs:DescribeLogGroups) and X-Ray writes do not support resource-level permissions, so Resource must be *.',
  lambdaVersions:
    'The state machine may invoke any published version or alias of our own handler function (<function ARN>:*); it is limited to that one function.',
  distributedMapChildren:
    "A Distributed Map starts child executions of its own state machine under names Step Functions generates, so describing, stopping and redriving them (states:DescribeExecution, StopExecution, RedriveExecution) can only name that machine's executions with a wildcard; it reaches no other machine.",
  launchExecutions:
    'Each cycle launch is a new CycleLaunch execution whose name is chosen at launch time, so reading its status (states:DescribeExecution) names the executions of that one state machine with a wildcard; it reaches no other machine.',
};

/** What every function of ours carries: the AWS-managed logging role and X-Ray writes. */
export function acknowledgeFunctionBaseline(fn: IFunction): void {
  acknowledge(
    fn,
    'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    REASONS.basicExecutionRole,
  );
  acknowledge(fn, 'IAM5[Resource::*]', REASONS.xray);
}
