import type { TestProject } from 'vitest/node';
import { startDynamo } from '../../infra/local/dynamo.js';
import { synthesize, type SynthOutput } from '../../infra/local/synth.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    synth: SynthOutput;
  }
}

type Started = { dynamo: Awaited<ReturnType<typeof startDynamo>>; synth: SynthOutput };

/**
 * Kept on globalThis: every project that runs this setup (integration, browser) loads the module
 * on its own, and they share one DynamoDB Local and one synth per run.
 */
const shared = globalThis as { kinerjaTestSystem?: { started: Promise<Started>; users: number } };

/**
 * One DynamoDB Local (a JVM) and one CDK synth per test run, for the projects whose tests start
 * a test system; each test file gets its own table. Started by the first such project and
 * stopped after the last; the pure projects (unit, web, infra) never start them.
 */
export default async function setup(project: TestProject) {
  shared.kinerjaTestSystem ??= {
    started: Promise.all([
      startDynamo(),
      Promise.resolve().then(() => synthesize('local', { nag: false })),
    ]).then(([dynamo, synth]) => ({ dynamo, synth })),
    users: 0,
  };
  const run = shared.kinerjaTestSystem;
  run.users++;
  const { dynamo, synth } = await run.started;
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('synth', synth);
  return () => {
    if (--run.users > 0) return;
    dynamo.stop();
    delete shared.kinerjaTestSystem;
  };
}
