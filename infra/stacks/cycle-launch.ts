import { ArnFormat, type CfnResource, Duration, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { TABLE } from '../../shared/data/table.js';
import { CycleLaunchDefinition } from '../../workflows/cycle-launch.js';
import { nodeFunction } from '../lambda.js';
import { loggedMachine } from './machine.js';
import { acknowledge, acknowledgeFunctionBaseline, REASONS } from '../nag.js';

export interface CycleLaunchMachineProps {
  table: ITableV2;
  stage: string;
  /** The workflow functions' environment (table name, EmployeeEvaluation ARN). */
  environment: Record<string, string>;
  evaluationMachineArn: string;
}

/** Name and ARNs built from the name, not from a reference, so other stacks may be granted them. */
function cycleLaunchMachine(stack: Stack, stage: string) {
  const name = `kinerja-${stage}-cycle-launch`;
  const arn = stack.formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: name,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
  const executions = stack.formatArn({
    service: 'states',
    resource: 'execution',
    resourceName: `${name}:*`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
  return { name, arn, executions };
}

/**
 * The CycleLaunch state machine (workflows/cycle-launch.ts) and its three functions, each
 * allowed exactly the table operations it performs.
 */
export class CycleLaunchMachine extends Construct {
  /** Name, ARN and executions (`execution:<name>:*`): what the API starts and describes. */
  readonly ref: { name: string; arn: string; executions: string };

  constructor(scope: Construct, id: string, props: CycleLaunchMachineProps) {
    super(scope, id);
    this.ref = cycleLaunchMachine(Stack.of(this), props.stage);
    const { name } = this.ref;
    const table = props.table.tableArn;
    const index = (i: keyof typeof TABLE.indexes) => `${table}/index/${TABLE.indexes[i].name}`;
    const fn = (fnId: string, entry: string, actions: string[], resources: string[]) => {
      const f = nodeFunction(this, fnId, entry, props.environment);
      f.addToRolePolicy(new PolicyStatement({ actions, resources }));
      acknowledgeFunctionBaseline(f);
      return f;
    };

    // Opens the cycle, reads the org chart and the OPDs' active NIPs.
    const plan = fn(
      'Plan',
      'functions/workflow/cycle-launch-plan.ts',
      ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
      [table, index('byGroup')],
    );
    // Reads a NIP range, profiles and evaluations; creates evaluations with their audit entry,
    // each transaction checking that the cycle is still open (ConditionCheck).
    const batch = fn(
      'Batch',
      'functions/workflow/cycle-launch-batch.ts',
      [
        'dynamodb:GetItem',
        'dynamodb:BatchGetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:ConditionCheckItem',
      ],
      [table, index('byGroup')],
    );
    batch.addToRolePolicy(
      new PolicyStatement({ actions: ['states:StartExecution'], resources: [props.evaluationMachineArn] }),
    );
    // ~100 transactions and StartExecution calls, with SDK retries under throttling.
    (batch.node.defaultChild as CfnFunction).timeout = Duration.minutes(2).toSeconds();
    const summary = fn(
      'Summary',
      'functions/workflow/cycle-launch-summary.ts',
      ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
      [table],
    );

    const definition = new CycleLaunchDefinition(this, 'Definition', { plan, batch, summary });
    const machine = loggedMachine(this, 'CycleLaunch', {
      name,
      definition: definition.definition,
      functions: [plan, batch, summary],
      timeout: Duration.hours(2),
      logsId: 'Logs',
    });
    // CDK's DistributedMapPolicy: the machine's own child executions (`:*`) and map runs (`/*:*`).
    const self = Stack.of(this).getLogicalId(machine.node.defaultChild as CfnResource);
    const children = `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${self}"}]}]}`;
    for (const suffix of [':*', '/*:*'])
      acknowledge(machine, `IAM5[Resource::${children}${suffix}]`, REASONS.distributedMapChildren);
  }
}
