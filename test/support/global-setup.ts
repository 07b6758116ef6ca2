import type { TestProject } from 'vitest/node';
import { startDynamo } from '../../infra/local/dynamo.js';
import { synthesize, type SynthOutput } from '../../infra/local/synth.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    synth: SynthOutput;
  }
}

/** One DynamoDB Local and one CDK synth per test run; each test file gets its own table. */
export default async function setup(project: TestProject) {
  const [dynamo, synth] = await Promise.all([
    startDynamo(),
    Promise.resolve().then(() => synthesize('local', { nag: false })),
  ]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('synth', synth);
  return () => dynamo.stop();
}
