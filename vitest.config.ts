import { configDefaults, defineConfig } from 'vitest/config';

/**
 * One project per kind of test, so that each starts only what it needs (`npm run test:<name>`;
 * `npm test` runs them all in one run):
 * - unit: pure rules and parsing; no JVM, no synth, seconds.
 * - web: pages and web routes against an in-memory stand-in for the table.
 * - integration: the system on DynamoDB Local with the synthesized machines on the local engine.
 * - browser: the whole cycle in Chromium, on the same system.
 * - infra: the CDK stacks (each test synthesizes what it checks) and the Lambda bundle.
 * A test file that starts a test system (`startTestSystem`) belongs to integration or browser:
 * elsewhere it fails at once, saying so.
 */
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const under = (...dirs: string[]) => dirs.flatMap((dir) => TESTS.map((t) => `${dir}/${t}`));

/** Test files that start a test system outside the integration folders. */
const SYSTEM_ELSEWHERE = [
  'test/auth/bearer-api.test.ts',
  'test/auth/cloud-sign-in.test.ts',
  'test/auth/local-sign-in.test.ts',
  'test/auth/password-change.test.ts',
  'test/roster/accounts.test.ts',
  'test/roster/import.test.ts',
  'test/roster/transfers.test.ts',
];
// test/probes: the fuzz, the 50-way conflicts and the crash test (docs/testing.md).
const INTEGRATION = [
  ...under('test/integration', 'test/workflow', 'test/api', 'test/probes'),
  ...SYSTEM_ELSEWHERE,
];
const WEB = under('test/web');
const BROWSER = under('test/browser');
const INFRA = under('test/infra');
/** DynamoDB Local and the synth, shared by the projects that list it. */
const SYSTEM_SETUP = ['test/support/global-setup.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: two workers keep DynamoDB Local (a JVM) from starving.
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      // Everything the other projects do not claim: a new folder of pure tests lands here.
      {
        extends: true,
        test: {
          name: 'unit',
          include: under('test'),
          exclude: [...configDefaults.exclude, ...INTEGRATION, ...WEB, ...BROWSER, ...INFRA],
        },
      },
      { extends: true, test: { name: 'web', include: WEB } },
      { extends: true, test: { name: 'integration', include: INTEGRATION, globalSetup: SYSTEM_SETUP } },
      // A whole cycle in Chromium is a hundred page loads: a minute alone, far more beside other work.
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER,
          globalSetup: SYSTEM_SETUP,
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      // A synth with cdk-nag is seconds of CPU; on a loaded machine many more, which proves nothing.
      { extends: true, test: { name: 'infra', include: INFRA, testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
