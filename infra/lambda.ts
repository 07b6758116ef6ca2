import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, type CfnFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Metadata key naming the handler module, so the local runtime can call the same code. */
export const ENTRY_METADATA = 'kinerja:entry';

export const BUNDLING = {
  minify: true,
  sourceMap: true,
  format: OutputFormat.ESM,
  target: 'node24',
  mainFields: ['module', 'main'],
  // Some dependencies still call require(); ESM output needs it defined.
  banner: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  externalModules: ['@aws-sdk/*'],
};

/**
 * The main API function never runs the roster pages (API Gateway sends those to the roster
 * function, whose bundle includes exceljs), so the XLSX library is left out of its bundle.
 */
export const API_BUNDLING = {
  ...BUNDLING,
  externalModules: [...BUNDLING.externalModules, 'exceljs'],
};

export function nodeFunction(
  scope: Construct,
  id: string,
  entry: string,
  environment: Record<string, string>,
  bundling: typeof BUNDLING | typeof API_BUNDLING = BUNDLING,
): NodejsFunction {
  const fn = new NodejsFunction(scope, id, {
    entry: path.join(PROJECT_ROOT, entry),
    handler: 'handler',
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    memorySize: 512,
    timeout: Duration.seconds(15),
    tracing: Tracing.ACTIVE,
    projectRoot: PROJECT_ROOT,
    depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
    environment: { NODE_OPTIONS: '--enable-source-maps', ...environment },
    bundling,
    logGroup: new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    }),
  });
  (fn.node.defaultChild as CfnFunction).addMetadata(ENTRY_METADATA, entry);
  return fn;
}
