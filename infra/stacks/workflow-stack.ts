import { ArnFormat, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { EmployeeEvaluationDefinition } from '../../workflows/employee-evaluation.js';
import { grantTableAccess } from '../grants.js';
import { nodeFunction } from '../lambda.js';
import { loggedMachine } from './machine.js';
import { acknowledgeFunctionBaseline } from '../nag.js';
import { ReminderSchedule } from './reminders.js';
import { CycleLaunchMachine } from './cycle-launch.js';
import { CycleCloseMachine } from './cycle-close.js';

export interface WorkflowStackProps extends StackProps {
  table: ITableV2;
  stage: string;
}

export class WorkflowStack extends Stack {
  readonly evaluationMachineArn: string;
  readonly evaluationMachineName: string;
  readonly cycleLaunch: CycleLaunchMachine;
  readonly cycleClose: CycleCloseMachine;

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props);
    this.evaluationMachineName = `kinerja-${props.stage}-employee-evaluation`;
    // Built from the name, not a reference, so functions the machine calls can also answer it
    // without a dependency cycle.
    this.evaluationMachineArn = this.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: this.evaluationMachineName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const env = {
      TABLE_NAME: props.table.tableName,
      EVALUATION_STATE_MACHINE_ARN: this.evaluationMachineArn,
    };

    const registerStageTask = nodeFunction(
      this,
      'RegisterStageTask',
      'functions/workflow/register-stage-task.ts',
      env,
    );
    const recordOverdue = nodeFunction(this, 'RecordOverdue', 'functions/workflow/record-overdue.ts', env);
    const evaluationStep = nodeFunction(this, 'EvaluationStep', 'functions/workflow/evaluation-step.ts', env);
    for (const fn of [registerStageTask, recordOverdue, evaluationStep]) {
      grantTableAccess(fn, props.table);
      acknowledgeFunctionBaseline(fn);
    }

    const definition = new EmployeeEvaluationDefinition(this, 'EmployeeEvaluationDefinition', {
      registerStageTask,
      recordOverdue,
      evaluationStep,
    });
    const machine = loggedMachine(this, 'EmployeeEvaluation', {
      name: this.evaluationMachineName,
      definition: definition.definition,
      functions: [registerStageTask, recordOverdue, evaluationStep],
      // A year-long cycle with grace periods; Standard allows one year.
      timeout: Duration.days(365),
      logsId: 'EmployeeEvaluationLogs',
    });

    registerStageTask.addToRolePolicy(
      new PolicyStatement({ actions: ['states:SendTaskSuccess'], resources: [this.evaluationMachineArn] }),
    );
    // Continue-as-new: the evaluation step starts the next execution of the same evaluation.
    evaluationStep.addToRolePolicy(
      new PolicyStatement({ actions: ['states:StartExecution'], resources: [this.evaluationMachineArn] }),
    );
    machine.node.addDependency(registerStageTask, recordOverdue, evaluationStep);

    // CycleLaunch: plan -> Distributed Map of batches -> summary (infra/stacks/cycle-launch.ts).
    this.cycleLaunch = new CycleLaunchMachine(this, 'CycleLaunch', {
      table: props.table,
      stage: props.stage,
      environment: env,
      evaluationMachineArn: this.evaluationMachineArn,
    });

    // CycleClose: after a close, stops the cycle's running evaluations (infra/stacks/cycle-close.ts).
    this.cycleClose = new CycleCloseMachine(this, 'CycleClose', {
      table: props.table,
      stage: props.stage,
      environment: env,
      evaluationMachine: { name: this.evaluationMachineName, arn: this.evaluationMachineArn },
    });

    // Reminders N days before each open stage's deadline, daily at 07:00 WIB; SES email when
    // configured (escalations too, so RecordOverdue gets the same sender).
    new ReminderSchedule(this, 'Reminders', {
      table: props.table,
      environment: env,
      emailers: [recordOverdue],
    });
  }
}
