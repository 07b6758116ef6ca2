import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { CycleCloseDefinition } from '../../workflows/cycle-close.js';
import { grantStopEvaluations } from '../grants.js';
import { nodeFunction } from '../lambda.js';
import { loggedMachine } from './machine.js';
import { acknowledge, acknowledgeFunctionBaseline } from '../nag.js';

export interface CycleCloseMachineProps {
  table: ITableV2;
  stage: string;
  /** The workflow functions' environment (table name, EmployeeEvaluation ARN). */
  environment: Record<string, string>;
  evaluationMachine: { name: string; arn: string };
}

const STOP_EXECUTIONS_REASON =
  "Stopping a closed cycle's evaluations (states:StopExecution) names the executions of the one EmployeeEvaluation state machine with a wildcard, because their names (<cycle>-<nip>, -r<version>, -s<version>) are chosen at run time; the function stops only the closed cycle's, and reaches no other machine.";

/**
 * The CycleClose state machine (workflows/cycle-close.ts) and its one function, which reads the
 * cycle (never stopping an open cycle's work), lists the evaluation machine's running executions
 * and stops the closed cycle's.
 */
export class CycleCloseMachine extends Construct {
  /** Name and ARN: what the API starts after a close. */
  readonly ref: { name: string; arn: string };

  constructor(scope: Construct, id: string, props: CycleCloseMachineProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const name = `kinerja-${props.stage}-cycle-close`;
    this.ref = {
      name,
      arn: stack.formatArn({
        service: 'states',
        resource: 'stateMachine',
        resourceName: name,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
    };
    const executions = stack.formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${props.evaluationMachine.name}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    const stop = nodeFunction(this, 'Stop', 'functions/workflow/cycle-close-stop.ts', props.environment);
    stop.addToRolePolicy(
      new PolicyStatement({ actions: ['dynamodb:GetItem'], resources: [props.table.tableArn] }),
    );
    grantStopEvaluations(stop, { arn: props.evaluationMachine.arn, executions });
    acknowledgeFunctionBaseline(stop);
    acknowledge(
      stop,
      `IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${props.evaluationMachine.name}:*]`,
      STOP_EXECUTIONS_REASON,
    );
    // A page of 200 stops at 25 a second after the burst, with the SDK's retries under throttling.
    (stop.node.defaultChild as CfnFunction).timeout = Duration.minutes(2).toSeconds();

    const definition = new CycleCloseDefinition(this, 'Definition', { stop });
    loggedMachine(this, 'CycleClose', {
      name,
      definition: definition.definition,
      functions: [stop],
      timeout: Duration.hours(2),
      logsId: 'Logs',
    });
  }
}
