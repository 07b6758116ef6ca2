/**
 * npm run bench:api — the API Lambda bundle (minified, as deployed) next to a bare Hono
 * bundle: size, and module-init time in fresh Node processes (median of N).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../infra/lambda.js';
import { bareHonoEntry, bundleForLambda } from './bundle.js';

const RUNS = Number(process.env.RUNS ?? 15);

function initMs(file: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`;
  const env = {
    ...process.env,
    TABLE_NAME: 'bench',
    AWS_REGION: 'ap-southeast-3',
    NODE_PATH: path.join(PROJECT_ROOT, 'node_modules'),
  };
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, cwd: PROJECT_ROOT })
      .toString()
      .trim(),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const api = await bundleForLambda(
  'functions/api/lambda.ts',
  path.join(PROJECT_ROOT, 'node_modules', '.bench-api'),
);
const bareEntry = bareHonoEntry();
const bare = await bundleForLambda(bareEntry, path.join(PROJECT_ROOT, 'node_modules', '.bench-bare'));
rmSync(path.dirname(bareEntry), { recursive: true, force: true });

const rows = [
  ['API (functions/api/lambda.ts)', api],
  ['bare Hono', bare],
] as const;
console.log(
  `node ${process.version}, ${RUNS} fresh processes each; @aws-sdk/* is external (provided by the Lambda runtime)\n`,
);
console.log('bundle                          size (kB)  init median (ms)  init min (ms)');
for (const [name, b] of rows) {
  const times = Array.from({ length: RUNS }, () => initMs(b.outfile));
  console.log(
    `${name.padEnd(32)}${(b.bytes / 1024).toFixed(1).padStart(9)}${median(times).toFixed(1).padStart(18)}${Math.min(
      ...times,
    )
      .toFixed(1)
      .padStart(15)}`,
  );
}
