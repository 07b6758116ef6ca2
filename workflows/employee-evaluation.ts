import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

export interface EmployeeEvaluationProps {
  registerStageTask: IFunction;
  recordOverdue: IFunction;
  /** Deadlines and the automatic steps (peer list, predikat, training recommendation, close). */
  evaluationStep: IFunction;
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

type HumanStage =
  | 'PENETAPAN_TARGET'
  | 'MENUNGGU_PENILAIAN'
  | 'PENILAIAN_MANDIRI'
  | 'PENILAIAN_ATASAN'
  | 'UMPAN_BALIK'
  | 'TANGGAPAN'
  | 'KEBERATAN'
  | 'RENCANA_PENGEMBANGAN';

interface StageNames {
  /** The callback state. */
  wait: string;
  /** Reads the deadline from the cycle before the wait. */
  deadline: string;
  /** Runs on States.Timeout: escalation, or whatever the stage does when time is up. */
  overdue: string;
  /** Back to the wait, or on. */
  stillOpen: string;
  comment: string;
}

const NAMES: Record<HumanStage, StageNames> = {
  PENETAPAN_TARGET: {
    wait: 'PenetapanTarget',
    deadline: 'TenggatPenetapanTarget',
    overdue: 'CatatKeterlambatanTarget',
    stillOpen: 'TargetMasihTerbuka',
    comment: 'Pegawai menyusun SKP dan mengusulkan rekan penilai; atasan menyetujui atau mengembalikan',
  },
  MENUNGGU_PENILAIAN: {
    wait: 'MenungguMasaPenilaian',
    deadline: 'JadwalMasaPenilaian',
    overdue: 'MasaPenilaianTiba',
    stillOpen: 'MasihMenungguMasaPenilaian',
    comment: 'Menunggu masa penilaian dibuka: terjadwal, atau lebih awal oleh BKPSDM',
  },
  PENILAIAN_MANDIRI: {
    wait: 'PenilaianMandiri',
    deadline: 'TenggatPenilaianMandiri',
    overdue: 'CatatKeterlambatanPenilaianMandiri',
    stillOpen: 'PenilaianMandiriMasihTerbuka',
    comment: 'Pegawai mengisi realisasi, bukti dukung, dan penilaian diri perilaku',
  },
  PENILAIAN_ATASAN: {
    wait: 'PenilaianAtasan',
    deadline: 'TenggatPenilaianAtasan',
    overdue: 'CatatKeterlambatanPenilaianAtasan',
    stillOpen: 'PenilaianAtasanMasihTerbuka',
    comment: 'Atasan menilai hasil kerja dan perilaku kerja',
  },
  UMPAN_BALIK: {
    wait: 'UmpanBalik',
    deadline: 'TenggatUmpanBalik',
    overdue: 'CatatKeterlambatanUmpanBalik',
    stillOpen: 'UmpanBalikMasihTerbuka',
    comment: 'Atasan menulis umpan balik per hasil kerja dan saran perbaikan',
  },
  TANGGAPAN: {
    wait: 'TanggapanPegawai',
    deadline: 'TenggatTanggapan',
    overdue: 'TanggapanDianggapDiterima',
    stillOpen: 'TanggapanMasihTerbuka',
    comment: 'Pegawai menerima umpan balik atau mengajukan keberatan; diam sampai tenggat = diterima',
  },
  KEBERATAN: {
    wait: 'PutusanKeberatan',
    deadline: 'TenggatKeberatan',
    overdue: 'CatatKeterlambatanKeberatan',
    stillOpen: 'KeberatanMasihTerbuka',
    comment: 'Atasan dari atasan langsung mempertahankan atau merevisi penilaian',
  },
  RENCANA_PENGEMBANGAN: {
    wait: 'RencanaPengembangan',
    deadline: 'TenggatRencanaPengembangan',
    overdue: 'RencanaDitetapkanOtomatis',
    stillOpen: 'RencanaMasihTerbuka',
    comment: 'Pegawai dan atasan menyesuaikan rencana pengembangan; atasan mengonfirmasi',
  },
};

/**
 * One execution per employee per cycle. Each human stage is a callback state: a Lambda stores
 * the task token on the evaluation and the person's action (through the API) sends it back.
 * Before each wait, a step reads the stage's deadline from the cycle; on States.Timeout the
 * overdue handler decides what time being up means for that stage (escalate and extend, or
 * move on). Every stage can also be the start, so a failed or restarted execution resumes at
 * the stage recorded on the evaluation.
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
    const done = new sfn.Succeed(this, 'EvaluasiSelesai', { stateName: 'EvaluasiSelesai' });
    const close = this.step('TutupEvaluasi', 'TUTUP', 'Evaluasi selesai dan menjadi hanya-baca').next(done);
    const plan = this.humanStage('RENCANA_PENGEMBANGAN', close);
    const recommend = this.step(
      'RekomendasiPelatihan',
      'REKOMENDASI_PELATIHAN',
      'Rekomendasi pelatihan dari kesenjangan penilaian dan saran atasan',
    ).next(plan);
    const objection = this.humanStage('KEBERATAN', recommend, { skippable: true });
    const response = this.humanStage('TANGGAPAN', objection);
    const feedback = this.humanStage('UMPAN_BALIK', response);
    const predikat = this.retry(
      new tasks.LambdaInvoke(this, 'HitungPredikat', {
        stateName: 'HitungPredikat',
        comment: 'Predikat kinerja dari hasil kerja dan perilaku kerja (matriks PermenPAN-RB 6/2022)',
        lambdaFunction: this.props.evaluationStep,
        retryOnServiceExceptions: false,
        payload: sfn.TaskInput.fromObject({
          step: 'HITUNG_PREDIKAT',
          cycleId: sfn.JsonPath.stringAt('$.cycleId'),
          nip: sfn.JsonPath.stringAt('$.nip'),
        }),
        resultSelector: { 'sambung.$': '$.Payload.sambung' },
        resultPath: '$.predikat',
      }),
    ).next(
      new sfn.Choice(this, 'PenilaianLengkap', { stateName: 'PenilaianLengkap' })
        .when(sfn.Condition.booleanEquals('$.predikat.sambung', true), this.handOver)
        .otherwise(feedback),
    );
    const review = this.review(predikat);
    const self = this.humanStage('PENILAIAN_MANDIRI', review);
    const window = this.humanStage('MENUNGGU_PENILAIAN', self);
    const targets = this.humanStage('PENETAPAN_TARGET', window);

    const unknownStage = new sfn.Fail(this, 'TahapTidakDikenal', {
      stateName: 'TahapTidakDikenal',
      error: 'UnknownStage',
      causePath: sfn.JsonPath.format('Tahap awal tidak dikenal: {}', sfn.JsonPath.stringAt('$.startStage')),
    });
    const starts: [string, sfn.IChainable][] = [
      ['PENETAPAN_TARGET', targets],
      ['MENUNGGU_PENILAIAN', window],
      ['PENILAIAN_MANDIRI', self],
      ['PENILAIAN_ATASAN', review],
      ['UMPAN_BALIK', feedback],
      ['TANGGAPAN', response],
      ['KEBERATAN', objection],
      ['RENCANA_PENGEMBANGAN', plan],
      ['SELESAI', close],
    ];
    const choice = new sfn.Choice(this, 'MulaiDariTahap', { stateName: 'MulaiDariTahap' });
    for (const [stage, state] of starts)
      choice.when(sfn.Condition.stringEquals('$.startStage', stage), state);
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

  private retry<T extends tasks.LambdaInvoke>(task: T): T {
    task.addRetry({
      errors: TRANSIENT,
      interval: Duration.seconds(2),
      maxAttempts: 4,
      backoffRate: 2,
      jitterStrategy: sfn.JitterType.FULL,
    });
    return task;
  }

  /** An automatic step of the evaluation-step Lambda; its result is not kept in the state. */
  private step(stateName: string, step: string, comment: string, extra: Record<string, unknown> = {}) {
    return this.retry(
      new tasks.LambdaInvoke(this, stateName, {
        stateName,
        comment,
        lambdaFunction: this.props.evaluationStep,
        retryOnServiceExceptions: false,
        payload: sfn.TaskInput.fromObject({
          step,
          cycleId: sfn.JsonPath.stringAt('$.cycleId'),
          nip: sfn.JsonPath.stringAt('$.nip'),
          ...extra,
        }),
        resultPath: sfn.JsonPath.DISCARD,
      }),
    );
  }

  /**
   * Deadline -> callback wait -> (on timeout) overdue handler -> back to the wait while the stage
   * is still open. A skippable stage (the objection) is passed by when its deadline step says so.
   */
  private humanStage(
    stage: HumanStage,
    next: sfn.IChainable,
    opts: { skippable?: boolean; inParallel?: boolean } = {},
  ) {
    const n = NAMES[stage];
    const deadline = this.retry(
      new tasks.LambdaInvoke(this, n.deadline, {
        stateName: n.deadline,
        lambdaFunction: this.props.evaluationStep,
        retryOnServiceExceptions: false,
        payload: sfn.TaskInput.fromObject({
          step: 'TENGGAT',
          stage,
          cycleId: sfn.JsonPath.stringAt('$.cycleId'),
          nip: sfn.JsonPath.stringAt('$.nip'),
          executionStart: sfn.JsonPath.stringAt('$$.Execution.StartTime'),
        }),
        resultSelector: {
          'seconds.$': '$.Payload.seconds',
          'at.$': '$.Payload.at',
          'lewati.$': '$.Payload.lewati',
        },
        resultPath: '$.deadline',
      }),
    );
    const wait = this.callback(n.wait, n.comment, stage);
    const overdue = this.retry(
      new tasks.LambdaInvoke(this, n.overdue, {
        stateName: n.overdue,
        lambdaFunction: this.props.recordOverdue,
        retryOnServiceExceptions: false,
        payload: sfn.TaskInput.fromObject({
          cycleId: sfn.JsonPath.stringAt('$.cycleId'),
          nip: sfn.JsonPath.stringAt('$.nip'),
          stage,
          executionStart: sfn.JsonPath.stringAt('$$.Execution.StartTime'),
        }),
        resultSelector: {
          'stageOpen.$': '$.Payload.stageOpen',
          'seconds.$': '$.Payload.seconds',
          'at.$': '$.Payload.at',
          'sambung.$': '$.Payload.sambung',
        },
        resultPath: '$.deadline',
      }),
    );
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
    if (!opts.skippable) return deadline.next(wait);
    return deadline.next(
      new sfn.Choice(this, `${n.wait}Diperlukan`, { stateName: `${n.wait}Diperlukan` })
        .when(sfn.Condition.booleanEquals('$.deadline.lewati', true), next)
        .otherwise(wait),
    );
  }

  private callback(stateName: string, comment: string, stage: string, extra: Record<string, unknown> = {}) {
    return this.retry(
      new tasks.LambdaInvoke(this, stateName, {
        stateName,
        comment,
        lambdaFunction: this.props.registerStageTask,
        retryOnServiceExceptions: false,
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: sfn.TaskInput.fromObject({
          taskToken: sfn.JsonPath.taskToken,
          cycleId: sfn.JsonPath.stringAt('$.cycleId'),
          nip: sfn.JsonPath.stringAt('$.nip'),
          stage,
          deadlineAt: sfn.JsonPath.stringAt('$.deadline.at'),
          ...extra,
        }),
        taskTimeout: sfn.Timeout.at('$.deadline.seconds'),
        resultPath: sfn.JsonPath.DISCARD,
      }),
    );
  }

  /**
   * The atasan's review and the peers' reviews side by side. Peers are a Map over the approved
   * nominees, read from the evaluation (so a resumed execution asks the same people); a peer who
   * misses the deadline is recorded as skipped and the Map goes on.
   */
  private review(next: sfn.IChainable) {
    const atasan = this.humanStage('PENILAIAN_ATASAN', new sfn.Pass(this, 'PenilaianAtasanTercatat'), {
      inParallel: true,
    });

    const listPeers = this.retry(
      new tasks.LambdaInvoke(this, 'DaftarRekanPenilai', {
        stateName: 'DaftarRekanPenilai',
        comment: 'Rekan penilai yang disetujui atasan, dan tenggat penilaian rekan',
        lambdaFunction: this.props.evaluationStep,
        retryOnServiceExceptions: false,
        payload: sfn.TaskInput.fromObject({
          step: 'DAFTAR_REKAN',
          cycleId: sfn.JsonPath.stringAt('$.cycleId'),
          nip: sfn.JsonPath.stringAt('$.nip'),
          executionStart: sfn.JsonPath.stringAt('$$.Execution.StartTime'),
        }),
        resultSelector: { 'rekan.$': '$.Payload.rekan', 'deadline.$': '$.Payload.deadline' },
        resultPath: '$.rekanPenilai',
      }),
    );
    const peerWait = this.callback(
      'PenilaianRekan',
      'Rekan kerja menilai perilaku BerAKHLAK',
      'PENILAIAN_REKAN',
      {
        rekanNip: sfn.JsonPath.stringAt('$.rekanNip'),
      },
    );
    const peerOverdue = this.retry(
      new tasks.LambdaInvoke(this, 'RekanTidakMenjawab', {
        stateName: 'RekanTidakMenjawab',
        comment: 'Rekan yang melewati tenggat dilewati dan dicatat, bukan kegagalan',
        lambdaFunction: this.props.recordOverdue,
        retryOnServiceExceptions: false,
        payload: sfn.TaskInput.fromObject({
          cycleId: sfn.JsonPath.stringAt('$.cycleId'),
          nip: sfn.JsonPath.stringAt('$.nip'),
          rekanNip: sfn.JsonPath.stringAt('$.rekanNip'),
          stage: 'PENILAIAN_REKAN',
          executionStart: sfn.JsonPath.stringAt('$$.Execution.StartTime'),
        }),
        resultSelector: {
          'stageOpen.$': '$.Payload.stageOpen',
          'seconds.$': '$.Payload.seconds',
          'at.$': '$.Payload.at',
          'sambung.$': '$.Payload.sambung',
        },
        resultPath: '$.deadline',
      }),
    );
    const peerDone = new sfn.Pass(this, 'PenilaianRekanTercatat');
    peerWait.addCatch(peerOverdue, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.timeout' });
    peerOverdue.next(
      new sfn.Choice(this, 'RekanMasihDitunggu', { stateName: 'RekanMasihDitunggu' })
        .when(sfn.Condition.booleanEquals('$.deadline.sambung', true), peerDone)
        .when(sfn.Condition.booleanEquals('$.deadline.stageOpen', true), peerWait)
        .otherwise(peerDone),
    );
    peerWait.next(peerDone);
    const peers = new sfn.Map(this, 'SetiapRekanPenilai', {
      stateName: 'SetiapRekanPenilai',
      itemsPath: '$.rekanPenilai.rekan',
      itemSelector: {
        'cycleId.$': '$.cycleId',
        'nip.$': '$.nip',
        'rekanNip.$': '$$.Map.Item.Value',
        'deadline.$': '$.rekanPenilai.deadline',
      },
      resultPath: sfn.JsonPath.DISCARD,
    }).itemProcessor(peerWait);

    const review = new sfn.Parallel(this, 'PenilaianAtasanDanRekan', {
      stateName: 'PenilaianAtasanDanRekan',
      comment: 'Penilaian atasan dan penilaian rekan berjalan berdampingan',
      resultPath: sfn.JsonPath.DISCARD,
    })
      .branch(atasan)
      .branch(listPeers.next(peers))
      .next(next);
    return review;
  }
}
