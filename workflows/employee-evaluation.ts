import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import {
  STAGES,
  STAGE_REGISTRY,
  type DeclaredStage,
  type StepStage,
  type WaitStage,
  type DeadlineStage,
} from '../shared/domain/evaluation/stages.js';
import { lambdaTask } from './retry.js';

export interface EmployeeEvaluationProps {
  registerStageTask: IFunction;
  recordOverdue: IFunction;
  /** Deadlines and the automatic steps (peer list, predikat, training recommendation, close). */
  evaluationStep: IFunction;
}

/** Every task's payload names the evaluation it works on. */
const evaluation = () => ({
  cycleId: sfn.JsonPath.stringAt('$.cycleId'),
  nip: sfn.JsonPath.stringAt('$.nip'),
});
/** How long this execution may still wait is reckoned from its start (continue-as-new). */
const executionStart = () => sfn.JsonPath.stringAt('$$.Execution.StartTime');

/**
 * One execution per employee per cycle, with the stages of the stage registry
 * (shared/domain/evaluation/stages.ts): its state names, comments and order. Each human stage is
 * a callback state: a Lambda stores the task token on the evaluation and the person's action
 * (through the API) sends it back. Before each wait, a step reads the stage's deadline from the
 * cycle; on States.Timeout the overdue handler decides what time being up means for that stage
 * (escalate and extend, or move on). Every recorded stage is also a start, so a failed or
 * restarted execution resumes at the stage recorded on the evaluation.
 *
 * Input: { cycleId, nip, startStage }.
 */
export class EmployeeEvaluationDefinition extends Construct {
  readonly definition: sfn.IChainable;
  private readonly handOver: sfn.IChainable;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: EmployeeEvaluationProps,
  ) {
    super(scope, id);

    // Continue-as-new: a Standard execution lives a year at most, an annual cycle longer.
    this.handOver = this.step(
      'LanjutkanDiEksekusiBaru',
      'SAMBUNG',
      'Anggaran waktu eksekusi ini habis: lanjutkan tahap yang sama di eksekusi baru',
    ).next(new sfn.Succeed(this, 'DilanjutkanDiEksekusiBaru', { stateName: 'DilanjutkanDiEksekusiBaru' }));

    // From the last stage back, each leading to the registry's `next` (test/infra/stages.test.ts).
    const close = this.automatic('SELESAI');
    const plan = this.humanStage('RENCANA_PENGEMBANGAN', close);
    const recommend = this.automatic('REKOMENDASI_PELATIHAN').next(plan);
    const objection = this.humanStage('KEBERATAN', recommend);
    const response = this.humanStage('TANGGAPAN', objection);
    const feedback = this.humanStage('UMPAN_BALIK', response);
    const predikat = this.automatic('HITUNG_PREDIKAT', { sambung: true }).next(
      new sfn.Choice(this, this.names('HITUNG_PREDIKAT').handOverChoice!, {
        stateName: this.names('HITUNG_PREDIKAT').handOverChoice!,
      })
        .when(sfn.Condition.booleanEquals('$.predikat.sambung', true), this.handOver)
        .otherwise(feedback),
    );
    const review = this.review(predikat);
    const self = this.humanStage('PENILAIAN_MANDIRI', review.together);
    const window = this.humanStage('MENUNGGU_PENILAIAN', self);
    const targets = this.humanStage('PENETAPAN_TARGET', window);

    // Where each stage begins: a stage declared in the registry and missing here does not compile.
    const begins: Record<DeclaredStage, sfn.IChainable> = {
      PENETAPAN_TARGET: targets,
      MENUNGGU_PENILAIAN: window,
      PENILAIAN_MANDIRI: self,
      // A restart at the review runs the peers' side again too (answered reviews stay answered).
      PENILAIAN_ATASAN: review.together,
      PENILAIAN_REKAN: review.perRekan,
      HITUNG_PREDIKAT: predikat,
      UMPAN_BALIK: feedback,
      TANGGAPAN: response,
      KEBERATAN: objection,
      REKOMENDASI_PELATIHAN: recommend,
      RENCANA_PENGEMBANGAN: plan,
      SELESAI: close,
    };

    const unknownStage = new sfn.Fail(this, 'TahapTidakDikenal', {
      stateName: 'TahapTidakDikenal',
      error: 'UnknownStage',
      causePath: sfn.JsonPath.format('Tahap awal tidak dikenal: {}', sfn.JsonPath.stringAt('$.startStage')),
    });
    const choice = new sfn.Choice(this, 'MulaiDariTahap', { stateName: 'MulaiDariTahap' });
    for (const stage of STAGES) choice.when(sfn.Condition.stringEquals('$.startStage', stage), begins[stage]);
    choice.otherwise(unknownStage);

    // One Catch for the whole flow: a permanent failure is written on the evaluation (BKPSDM
    // sees it, the stage and every input stay), then the execution fails. Redrive in AWS, or a
    // new execution from the recorded stage (resumeOpenEvaluations), continues it.
    const failed = new sfn.Fail(this, 'AlurEvaluasiGagal', {
      stateName: 'AlurEvaluasiGagal',
      errorPath: '$.gagal.Error',
      causePath: '$.gagal.Cause',
    });
    const recordFailure = this.step('CatatKegagalan', 'CATAT_KEGAGALAN', 'Catat kegagalan pada evaluasi', {
      'error.$': '$.gagal.Error',
      'cause.$': '$.gagal.Cause',
    });
    recordFailure.addCatch(failed, { resultPath: sfn.JsonPath.DISCARD });
    this.definition = new sfn.Parallel(this, 'AlurEvaluasi', {
      stateName: 'AlurEvaluasi',
      resultPath: sfn.JsonPath.DISCARD,
    })
      .branch(choice)
      .addCatch(recordFailure.next(failed), { resultPath: '$.gagal' });
  }

  private names<T extends DeclaredStage>(t: T): (typeof STAGE_REGISTRY)[T]['workflow'] {
    return STAGE_REGISTRY[t].workflow;
  }

  /** A Lambda task of this flow, its payload as given. */
  private lambda(
    stateName: string,
    fn: IFunction,
    payload: Record<string, unknown>,
    props: Omit<Parameters<typeof lambdaTask>[2], 'lambdaFunction' | 'payload'> = {},
  ) {
    return lambdaTask(
      this,
      stateName,
      { lambdaFunction: fn, payload: sfn.TaskInput.fromObject(payload), ...props },
      4,
    );
  }

  /** An automatic step of the evaluation-step Lambda; its result is not kept in the state. */
  private step(stateName: string, step: string, comment: string, extra: Record<string, unknown> = {}) {
    return this.lambda(
      stateName,
      this.props.evaluationStep,
      { step, ...evaluation(), ...extra },
      { comment, resultPath: sfn.JsonPath.DISCARD },
    );
  }

  /** The overdue handler of a wait (on States.Timeout): its answer is the still-open choice's input. */
  private overdue(
    stateName: string,
    stage: DeadlineStage,
    extra: Record<string, unknown> = {},
    comment?: string,
  ) {
    return this.lambda(
      stateName,
      this.props.recordOverdue,
      { ...evaluation(), ...extra, stage, executionStart: executionStart() },
      {
        ...(comment ? { comment } : {}),
        resultSelector: {
          'stageOpen.$': '$.Payload.stageOpen',
          'seconds.$': '$.Payload.seconds',
          'at.$': '$.Payload.at',
          'sambung.$': '$.Payload.sambung',
        },
        resultPath: '$.deadline',
      },
    );
  }

  /**
   * An automatic stage of the registry. With `sambung` its answer is kept (`$.predikat.sambung`):
   * the review may have ended unfinished, and the evaluation then hands over.
   */
  private automatic(t: StepStage, opts: { sambung?: boolean } = {}): sfn.IChainable & sfn.INextable {
    const n = this.names(t);
    const task = opts.sambung
      ? this.lambda(
          n.state,
          this.props.evaluationStep,
          { step: n.step, ...evaluation() },
          {
            comment: n.comment,
            resultSelector: { 'sambung.$': '$.Payload.sambung' },
            resultPath: '$.predikat',
          },
        )
      : this.step(n.state, n.step, n.comment);
    const end = 'end' in n ? n.end : undefined;
    return end ? task.next(new sfn.Succeed(this, end, { stateName: end })) : task;
  }

  /**
   * Deadline -> callback wait -> (on timeout) overdue handler -> back to the wait while the stage
   * is still open. A stage the registry lets pass by (the objection) is skipped when its deadline
   * step says so.
   */
  private humanStage(stage: WaitStage, next: sfn.IChainable, opts: { inParallel?: boolean } = {}) {
    const n = this.names(stage);
    const deadline = this.lambda(
      n.deadline,
      this.props.evaluationStep,
      { step: 'TENGGAT', stage, ...evaluation(), executionStart: executionStart() },
      {
        resultSelector: {
          'seconds.$': '$.Payload.seconds',
          'at.$': '$.Payload.at',
          'skip.$': '$.Payload.skip',
        },
        resultPath: '$.deadline',
      },
    );
    const wait = this.callback(n.wait, n.comment, stage);
    const overdue = this.overdue(n.overdue, stage);
    wait.addCatch(overdue, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.timeout' });
    const stillOpen = new sfn.Choice(this, n.stillOpen, { stateName: n.stillOpen });
    // A branch of a Parallel cannot leave it: it ends, and the step after the Parallel sees the
    // review unfinished and hands the whole evaluation over.
    stillOpen.when(
      sfn.Condition.booleanEquals('$.deadline.sambung', true),
      opts.inParallel
        ? new sfn.Pass(this, `${n.wait}Diserahkan`, { stateName: `${n.wait}Diserahkan` })
        : this.handOver,
    );
    overdue.next(
      stillOpen.when(sfn.Condition.booleanEquals('$.deadline.stageOpen', true), wait).otherwise(next),
    );
    wait.next(next);
    if (!('skipWhen' in STAGE_REGISTRY[stage])) return deadline.next(wait);
    return deadline.next(
      new sfn.Choice(this, `${n.wait}Diperlukan`, { stateName: `${n.wait}Diperlukan` })
        .when(sfn.Condition.booleanEquals('$.deadline.skip', true), next)
        .otherwise(wait),
    );
  }

  private callback(stateName: string, comment: string, stage: string, extra: Record<string, unknown> = {}) {
    return this.lambda(
      stateName,
      this.props.registerStageTask,
      {
        taskToken: sfn.JsonPath.taskToken,
        ...evaluation(),
        stage,
        deadlineAt: sfn.JsonPath.stringAt('$.deadline.at'),
        ...extra,
      },
      {
        comment,
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        taskTimeout: sfn.Timeout.at('$.deadline.seconds'),
        resultPath: sfn.JsonPath.DISCARD,
      },
    );
  }

  /**
   * The atasan's review and the peers' reviews side by side (PENILAIAN_MANDIRI's `next`). Peers
   * are a Map over the approved nominees, read from the evaluation (so a resumed execution asks
   * the same people); a peer who misses the deadline is recorded as skipped and the Map goes on.
   */
  private review(next: sfn.IChainable) {
    const a = this.names('PENILAIAN_ATASAN');
    const atasan = this.humanStage(
      'PENILAIAN_ATASAN',
      new sfn.Pass(this, `${a.wait}Tercatat`, { stateName: `${a.wait}Tercatat` }),
      { inParallel: true },
    );

    const r = this.names('PENILAIAN_REKAN');
    const listRekan = this.lambda(
      r.list,
      this.props.evaluationStep,
      { step: 'DAFTAR_REKAN', ...evaluation(), executionStart: executionStart() },
      {
        comment: r.listComment,
        resultSelector: { 'rekan.$': '$.Payload.rekan', 'deadline.$': '$.Payload.deadline' },
        resultPath: '$.rekanPenilai',
      },
    );
    const rekanWait = this.callback(r.wait, r.comment, 'PENILAIAN_REKAN', {
      rekanNip: sfn.JsonPath.stringAt('$.rekanNip'),
    });
    const rekanOverdue = this.overdue(
      r.overdue,
      'PENILAIAN_REKAN',
      { rekanNip: sfn.JsonPath.stringAt('$.rekanNip') },
      r.overdueComment,
    );
    const rekanDone = new sfn.Pass(this, `${r.wait}Tercatat`, { stateName: `${r.wait}Tercatat` });
    rekanWait.addCatch(rekanOverdue, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.timeout' });
    rekanOverdue.next(
      new sfn.Choice(this, r.stillOpen, { stateName: r.stillOpen })
        .when(sfn.Condition.booleanEquals('$.deadline.sambung', true), rekanDone)
        .when(sfn.Condition.booleanEquals('$.deadline.stageOpen', true), rekanWait)
        .otherwise(rekanDone),
    );
    rekanWait.next(rekanDone);
    const perRekan = new sfn.Map(this, r.each, {
      stateName: r.each,
      itemsPath: '$.rekanPenilai.rekan',
      itemSelector: {
        'cycleId.$': '$.cycleId',
        'nip.$': '$.nip',
        'rekanNip.$': '$$.Map.Item.Value',
        'deadline.$': '$.rekanPenilai.deadline',
      },
      resultPath: sfn.JsonPath.DISCARD,
    }).itemProcessor(rekanWait);

    const together = this.names('PENILAIAN_MANDIRI').nextTogether;
    const review = new sfn.Parallel(this, together.state, {
      stateName: together.state,
      comment: together.comment,
      resultPath: sfn.JsonPath.DISCARD,
    })
      .branch(atasan)
      .branch(listRekan.next(perRekan))
      .next(next);
    return { together: review, perRekan: listRekan };
  }
}
