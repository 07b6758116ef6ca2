import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { randomUUID } from 'node:crypto';

/** Only `send` is used, so the local engine can stand in for SFNClient with the same calls. */
export type SfnLike = Pick<SFNClient, 'send'>;

export interface Deps {
  ddb: DynamoDBDocumentClient;
  tableName: string;
  sfn: SfnLike;
  stateMachines: { employeeEvaluation: string };
  now: () => Date;
  newId: () => string;
}

let current: Deps | undefined;

export function createDynamoClient(endpoint?: string): DynamoDBDocumentClient {
  const client = new DynamoDBClient(endpoint ? { endpoint } : {});
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** Built from the Lambda environment on first use; the local runtime and tests configure it. */
export function getDeps(): Deps {
  if (!current) {
    const env = process.env;
    if (!env.TABLE_NAME) throw new Error('TABLE_NAME is not set');
    current = {
      ddb: createDynamoClient(env.DYNAMODB_ENDPOINT),
      tableName: env.TABLE_NAME,
      sfn: new SFNClient({}),
      stateMachines: { employeeEvaluation: env.EVALUATION_STATE_MACHINE_ARN ?? '' },
      now: () => new Date(),
      newId: () => randomUUID(),
    };
  }
  return current;
}

export function configureDeps(deps: Deps): void {
  current = deps;
}
