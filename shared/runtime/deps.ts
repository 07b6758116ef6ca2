import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { randomUUID } from 'node:crypto';
import { type EmailSender, sesEmailSender } from './email.js';

/** Only `send` is used, so the local engine can stand in for SFNClient with the same calls. */
export type SfnLike = Pick<SFNClient, 'send'>;

export interface Deps {
  ddb: DynamoDBDocumentClient;
  tableName: string;
  sfn: SfnLike;
  /** cycleLaunch, cycleClose: absent where no cycle is launched or closed (workflow functions, tools). */
  stateMachines: { employeeEvaluation: string; cycleLaunch?: string; cycleClose?: string };
  now: () => Date;
  newId: () => string;
  /** Email for notices: Amazon SES when SES_FROM is set in the cloud; absent locally (notices only). */
  email?: EmailSender;
  /**
   * How long one workflow execution may wait before it continues in a new one (Standard
   * executions end after a year); the local runtime sets its own, shorter engine limit.
   */
  executionBudgetSeconds?: number;
}

let current: Deps | undefined;

export function createDynamoClient(endpoint?: string): DynamoDBDocumentClient {
  const client = new DynamoDBClient(endpoint ? { endpoint } : {});
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** Dependencies on real clients: the Lambda environment, and tools such as the roster CLI. */
export function clientDeps(tableName: string, endpoint?: string, stateMachineArn = ''): Deps {
  return {
    ddb: createDynamoClient(endpoint),
    tableName,
    sfn: new SFNClient({}),
    stateMachines: { employeeEvaluation: stateMachineArn },
    now: () => new Date(),
    newId: () => randomUUID(),
  };
}

/** Built from the Lambda environment on first use; the local runtime and tests configure it. */
export function getDeps(): Deps {
  if (!current) {
    const env = process.env;
    if (!env.TABLE_NAME) throw new Error('TABLE_NAME is not set');
    current = clientDeps(env.TABLE_NAME, env.DYNAMODB_ENDPOINT, env.EVALUATION_STATE_MACHINE_ARN);
    if (env.CYCLE_LAUNCH_STATE_MACHINE_ARN)
      current.stateMachines.cycleLaunch = env.CYCLE_LAUNCH_STATE_MACHINE_ARN;
    if (env.CYCLE_CLOSE_STATE_MACHINE_ARN)
      current.stateMachines.cycleClose = env.CYCLE_CLOSE_STATE_MACHINE_ARN;
    if (env.SES_FROM) current.email = sesEmailSender(env.SES_FROM);
  }
  return current;
}

export function configureDeps(deps: Deps): void {
  current = deps;
}
