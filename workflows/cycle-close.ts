import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { lambdaTask } from './retry.js';

export interface CycleCloseProps {
  stop: IFunction;
}

/**
 * After BKPSDM closed a cycle: stops its EmployeeEvaluation executions that still run, a page of
 * the running executions per step (ListExecutions, then StopExecution for the cycle's own), until
 * the last page. Thousands of stops take minutes at Step Functions' StopExecution rate, more
 * than a request may; a loop of one Lambda step is all it needs (no Map: the pages come one
 * after another from ListExecutions' cursor).
 *
 * Input: { cycleId }. Each step's output is the next step's input: { cycleId, nextToken?,
 * dihentikan, selesai }.
 */
export class CycleCloseDefinition extends Construct {
  readonly definition: sfn.IChainable;

  constructor(scope: Construct, id: string, props: CycleCloseProps) {
    super(scope, id);
    const page = lambdaTask(
      this,
      'HentikanEksekusiSiklus',
      {
        comment: 'Satu halaman eksekusi EmployeeEvaluation yang berjalan; hentikan milik siklus yang ditutup',
        lambdaFunction: props.stop,
        payload: sfn.TaskInput.fromJsonPathAt('$'),
        outputPath: '$.Payload',
      },
      // Throttled stops fail the step; it is safe to repeat (stopping a stopped one is nothing).
      6,
    );
    const done = new sfn.Succeed(this, 'EksekusiSiklusDihentikan', { stateName: 'EksekusiSiklusDihentikan' });
    this.definition = page.next(
      new sfn.Choice(this, 'MasihAdaHalaman', { stateName: 'MasihAdaHalaman' })
        .when(sfn.Condition.booleanEquals('$.selesai', true), done)
        .otherwise(page),
    );
  }
}
