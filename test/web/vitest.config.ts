import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The web tests render pages and use an in-memory stand-in for the table, so they skip the
 * root config's global setup (DynamoDB Local and a CDK synth): seconds instead of a JVM start.
 * Run: npx vitest run --config test/web/vitest.config.ts
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { include: ['test/web/**/*.test.ts', 'test/web/**/*.test.tsx'] },
});
