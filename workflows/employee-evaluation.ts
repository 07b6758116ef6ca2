import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

export interface EmployeeEvaluationProps {
  registerStageTask: IFunction;
  recordOverdue: IFunction;
}

/** Errors worth retrying: throttling and the Lambda service's own hiccups. */
const TRANSIENT = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'TransactionConflictException',
];

/**
 * One execution per employee per cycle. Each human stage is a callback state: a Lambda stores
 * the task token on the evaluation and the person's action (through the API) sends it back.
 *
 * Input: { cycleId, nip, startStage, deadline: { seconds, at } }.
 */
export class EmployeeEvaluationDefinition extends Construct {
  readonly definition: sfn.IChainable;

  constructor(scope: Construct, id: string, props: EmployeeEvaluationProps) {
    super(scope, id);

    const retry = (task: tasks.LambdaInvoke) =>
      task.addRetry({
        errors: TRANSIENT,
        interval: Duration.seconds(2),
        maxAttempts: 4,
        backoffRate: 2,
        jitterStrategy: sfn.JitterType.FULL,
      });

    const targetSetting = retry(
      new tasks.LambdaInvoke(this, 'PenetapanTarget', {
        stateName: 'PenetapanTarget',
        comment: 'Pegawai menyusun SKP, atasan menyetujui atau mengembalikan',
        lambdaFunction: props.registerStageTask,
        retryOnServiceExceptions: false,
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: sfn.TaskInput.fromObject({
          taskToken: sfn.JsonPath.taskToken,
          cycleId: sfn.JsonPath.stringAt('$.cycleId'),
          nip: sfn.JsonPath.stringAt('$.nip'),
          stage: 'PENETAPAN_TARGET',
          deadlineAt: sfn.JsonPath.stringAt('$.deadline.at'),
        }),
        taskTimeout: sfn.Timeout.at('$.deadline.seconds'),
        resultPath: '$.penetapanTarget',
      }),
    );

    const recordOverdue = retry(
      new tasks.LambdaInvoke(this, 'CatatKeterlambatanTarget', {
        stateName: 'CatatKeterlambatanTarget',
        comment: 'Catat keterlambatan, eskalasi ke atasan dari atasan dan BKPSDM, beri tenggat baru',
        lambdaFunction: props.recordOverdue,
        retryOnServiceExceptions: false,
        payload: sfn.TaskInput.fromObject({
          cycleId: sfn.JsonPath.stringAt('$.cycleId'),
          nip: sfn.JsonPath.stringAt('$.nip'),
          stage: 'PENETAPAN_TARGET',
        }),
        resultSelector: {
          'stageOpen.$': '$.Payload.stageOpen',
          'seconds.$': '$.Payload.seconds',
          'at.$': '$.Payload.at',
        },
        resultPath: '$.deadline',
      }),
    );

    const done = new sfn.Succeed(this, 'TargetDisetujui', { stateName: 'TargetDisetujui' });
    const unknownStage = new sfn.Fail(this, 'TahapTidakDikenal', {
      stateName: 'TahapTidakDikenal',
      error: 'UnknownStage',
      causePath: sfn.JsonPath.format('Tahap awal tidak dikenal: {}', sfn.JsonPath.stringAt('$.startStage')),
    });

    targetSetting.addCatch(recordOverdue, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.timeout' });
    recordOverdue.next(
      new sfn.Choice(this, 'MasihTerbuka', { stateName: 'TargetMasihTerbuka' })
        .when(sfn.Condition.booleanEquals('$.deadline.stageOpen', true), targetSetting)
        .otherwise(done),
    );
    targetSetting.next(done);

    this.definition = new sfn.Choice(this, 'MulaiDariTahap', { stateName: 'MulaiDariTahap' })
      .when(sfn.Condition.stringEquals('$.startStage', 'PENETAPAN_TARGET'), targetSetting)
      .otherwise(unknownStage);
  }
}
