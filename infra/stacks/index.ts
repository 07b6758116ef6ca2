import { type App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from './api-stack.js';
import { AuthStack } from './auth-stack.js';
import { DataStack } from './data-stack.js';
import { WorkflowStack } from './workflow-stack.js';

export interface KinerjaStacks {
  data: DataStack;
  workflow: WorkflowStack;
  auth: AuthStack;
  api: ApiStack;
}

/** The whole system; used by `cdk synth`, the tests and the local runtime alike. */
export function defineStacks(app: App, stage = 'prod', options: { nag?: boolean } = {}): KinerjaStacks {
  const prefix = `Kinerja-${stage}`;
  const data = new DataStack(app, `${prefix}-Data`);
  const workflow = new WorkflowStack(app, `${prefix}-Workflow`, { table: data.table, stage });
  const auth = new AuthStack(app, `${prefix}-Auth`);
  const api = new ApiStack(app, `${prefix}-Api`, {
    table: data.table,
    evaluationMachineArn: workflow.evaluationMachineArn,
    cycleLaunch: workflow.cycleLaunch.ref,
    cycleClose: workflow.cycleClose.ref,
    userPool: auth.userPool,
    userPoolClient: auth.client,
    sessionSecret: auth.sessionSecret,
  });
  Tags.of(app).add('project', 'kinerja-asn-kota-serang');
  if (options.nag !== false) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { data, workflow, auth, api };
}
