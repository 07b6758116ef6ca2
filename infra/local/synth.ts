import { App } from 'aws-cdk-lib';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineStacks } from '../stacks/index.js';

export type CfnTemplate = {
  Resources: Record<
    string,
    { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }
  >;
};

export interface SynthOutput {
  templates: Record<string, CfnTemplate>;
}

/**
 * Synthesizes the real CDK app in-process, without bundling (the local runtime calls the
 * handler modules directly), and returns the CloudFormation templates by stack name.
 */
export function synthesize(stage = 'local', options: { nag?: boolean } = {}): SynthOutput {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'kinerja-synth-'));
  try {
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
    defineStacks(app, stage, options);
    const assembly = app.synth();
    const templates: Record<string, CfnTemplate> = {};
    for (const stack of assembly.stacks) templates[stack.stackName] = stack.template as CfnTemplate;
    return { templates };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
