import { Duration } from 'aws-cdk-lib';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';

/**
 * Errors worth retrying, for every state machine: throttling and the Lambda service's own
 * hiccups. Every step is idempotent, so a retry never does anything twice. A rule refusing a
 * step (a missing evaluation, an invalid event) is not here: retrying would only repeat it.
 */
export const TRANSIENT = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'TransactionConflictException',
];

/** Retries a Lambda step on TRANSIENT errors, with backoff and full jitter. */
export function retryTransient<T extends tasks.LambdaInvoke>(task: T, maxAttempts: number): T {
  task.addRetry({
    errors: TRANSIENT,
    interval: Duration.seconds(2),
    maxAttempts,
    backoffRate: 2,
    jitterStrategy: sfn.JitterType.FULL,
  });
  return task;
}

/**
 * A Lambda task named as its state, retried on TRANSIENT errors only (not on every service
 * exception, CDK's default, which would also retry what no retry can fix).
 */
export function lambdaTask(
  scope: Construct,
  stateName: string,
  props: Omit<tasks.LambdaInvokeProps, 'stateName' | 'retryOnServiceExceptions'>,
  maxAttempts: number,
): tasks.LambdaInvoke {
  return retryTransient(
    new tasks.LambdaInvoke(scope, stateName, { stateName, retryOnServiceExceptions: false, ...props }),
    maxAttempts,
  );
}
