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
  }
  return current;
}

export function configureDeps(deps: Deps): void {
  current = deps;
}
