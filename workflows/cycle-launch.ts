import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { lambdaTask } from './retry.js';

export interface CycleLaunchProps {
  plan: IFunction;
  batch: IFunction;
  summary: IFunction;
}

/** Batches in flight: ~10 x 10 StartExecution calls at once stays inside the regional quota. */
export const LAUNCH_MAX_CONCURRENCY = 10;

/**
 * Launches a cycle: one EmployeeEvaluation execution per active employee in scope.
 * Plan (NIP ranges of ~100 employees) -> Distributed Map over the ranges (each item creates the
 * missing evaluations and starts their executions under deterministic names) -> summary.
 * Launching again starts only what is missing, so employees added later are launched by it.
 *
 * Input: { cycleId, eksekusi } (eksekusi: this run's name, under which the result is recorded).
 */
export class CycleLaunchDefinition extends Construct {
  readonly definition: sfn.IChainable;

  constructor(scope: Construct, id: string, props: CycleLaunchProps) {
    super(scope, id);

    // Launch steps are retried once more than the evaluation's: a launch is many at once.
    const task = (stateName: string, p: Parameters<typeof lambdaTask>[2]) =>
      lambdaTask(this, stateName, p, 5);

    const plan = task('DaftarKelompokPegawai', {
      comment: 'Buka siklus; bagi pegawai aktif dalam cakupan menjadi kelompok rentang NIP',
      lambdaFunction: props.plan,
      payload: sfn.TaskInput.fromObject({ cycleId: sfn.JsonPath.stringAt('$.cycleId') }),
      resultSelector: {
        'employees.$': '$.Payload.employees',
        'kelompok.$': '$.Payload.kelompok',
      },
      resultPath: '$.rencana',
    });

    const batch = task('LuncurkanKelompok', {
      comment: 'Buat evaluasi yang belum ada dan mulai eksekusi EmployeeEvaluation per pegawai',
      lambdaFunction: props.batch,
      // Only the counts travel back into the Map's result array.
      outputPath: '$.Payload',
    });

    // EXPRESS children: each item is a few seconds of idempotent work, so at-least-once is
    // enough and costs far less than a Standard child per batch.
    const fanOut = new sfn.DistributedMap(this, 'LuncurkanPerKelompok', {
      stateName: 'LuncurkanPerKelompok',
      comment: 'Satu eksekusi anak per kelompok pegawai',
      itemsPath: '$.rencana.kelompok',
      itemSelector: {
        'cycleId.$': '$.cycleId',
        'kelompok.$': '$$.Map.Item.Value',
      },
      maxConcurrency: LAUNCH_MAX_CONCURRENCY,
      mapExecutionType: sfn.StateMachineType.EXPRESS,
      resultPath: '$.hasil',
    });
    fanOut.itemProcessor(batch);

    const summary = task('RingkasPeluncuran', {
      comment: 'Jumlahkan hasil per kelompok dan catat pada siklus',
      lambdaFunction: props.summary,
      payload: sfn.TaskInput.fromObject({
        cycleId: sfn.JsonPath.stringAt('$.cycleId'),
        eksekusi: sfn.JsonPath.stringAt('$.eksekusi'),
        hasil: sfn.JsonPath.listAt('$.hasil'),
      }),
      outputPath: '$.Payload',
    });

    this.definition = plan.next(fanOut).next(summary);
  }
}
