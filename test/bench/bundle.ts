import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API_BUNDLING, BUNDLING, PROJECT_ROOT } from '../../infra/lambda.js';

/** Bundles an entry the way NodejsFunction does for Lambda (same esbuild options). */
export async function bundleForLambda(
  entry: string,
  outdir = mkdtempSync(path.join(os.tmpdir(), 'kinerja-bundle-')),
  bundling: { externalModules: string[] } = entry.endsWith('functions/api/lambda.ts')
    ? API_BUNDLING
    : BUNDLING,
) {
  const outfile = path.join(outdir, 'index.mjs');
  const result = await build({
    entryPoints: [path.isAbsolute(entry) ? entry : path.join(PROJECT_ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLING.target,
    minify: BUNDLING.minify,
    mainFields: BUNDLING.mainFields,
    banner: { js: BUNDLING.banner },
    external: bundling.externalModules,
    outfile,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = Object.values(result.metafile.outputs)[0]!.bytes;
  return { outfile, bytes };
}

/** A bare Hono app on Lambda: the floor our API bundle is compared with. */
export function bareHonoEntry(): string {
  const dir = mkdtempSync(path.join(PROJECT_ROOT, 'node_modules', '.bare-hono-'));
  const file = path.join(dir, 'bare.ts');
  writeFileSync(
    file,
    "import { Hono } from 'hono';\nimport { handle } from 'hono/aws-lambda';\nconst app = new Hono();\napp.get('/health', (c) => c.json({ status: 'ok' }));\nexport const handler = handle(app);\n",
  );
  return file;
}
