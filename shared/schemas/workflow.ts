import * as z from 'zod/mini';
import { DEADLINE_STAGES } from '../domain/evaluation/cycle.js';
import { STAGES } from '../domain/evaluation/evaluation.js';

/**
 * The events the state machines (workflows/) send to the workflow Lambdas (functions/workflow/),
 * one schema each; the services take the inferred types. zod/mini rather than the API's
 * zod-openapi: it adds ~25 kB to a handler's bundle instead of ~440 kB.
 */

const Teks = z.string().check(z.minLength(1));
const WaktuIso = z
  .string()
  .check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date-time'));
const Jumlah = z.int().check(z.minimum(0));
const evaluasi = { cycleId: Teks, nip: Teks };
/** `$$.Execution.StartTime`: how much longer this execution may wait (sisaAnggaran). */
const executionStart = z.optional(WaktuIso);

/** A peer's review is one of several under the same evaluation: which one must be said. */
const rekanForPeer = z.refine<{ stage: string; rekanNip?: string | undefined }>(
  (e) => e.stage !== 'PENILAIAN_REKAN' || !!e.rekanNip,
  { message: 'required for PENILAIAN_REKAN', path: ['rekanNip'] },
);

/** A callback state opens: the task token is stored where the person's action will find it. */
export const RegisterTaskInput = z
  .object({
    taskToken: Teks,
    ...evaluasi,
    stage: z.enum([...STAGES, 'PENILAIAN_REKAN']),
    deadlineAt: WaktuIso,
    /** Set for a peer's review: the token goes on the peer's item, not on the evaluation. */
    rekanNip: z.optional(Teks),
  })
  .check(rekanForPeer);
export type RegisterTaskInput = z.infer<typeof RegisterTaskInput>;

/** A stage's Catch on States.Timeout. */
export const OverdueInput = z
  .object({
    ...evaluasi,
    stage: z.enum(DEADLINE_STAGES),
    rekanNip: z.optional(Teks),
    executionStart,
  })
  .check(rekanForPeer);
export type OverdueInput = z.infer<typeof OverdueInput>;

/** Deadlines and the automatic steps of the EmployeeEvaluation workflow, by `step`. */
export const EvaluationStep = z.discriminatedUnion('step', [
  z.object({ step: z.literal('TENGGAT'), ...evaluasi, stage: z.enum(DEADLINE_STAGES), executionStart }),
  z.object({ step: z.literal('SAMBUNG'), ...evaluasi }),
  z.object({
    step: z.enum(['DAFTAR_REKAN', 'HITUNG_PREDIKAT', 'REKOMENDASI_PELATIHAN', 'TUTUP']),
    ...evaluasi,
    executionStart,
  }),
  // The flow's Catch passes on what failed: Error and Cause as Step Functions reports them.
  z.object({ step: z.literal('CATAT_KEGAGALAN'), ...evaluasi, error: z.string(), cause: z.string() }),
]);
export type EvaluationStep = z.infer<typeof EvaluationStep>;

/** CycleLaunch, first step. */
export const LaunchPlanInput = z.object({ cycleId: Teks });
export type LaunchPlanInput = z.infer<typeof LaunchPlanInput>;

/** One Distributed Map item: a slice of one OPD's active employees by NIP (KelompokPeluncuran). */
export const LaunchBatchInput = z.object({
  cycleId: Teks,
  kelompok: z.object({ opd: Teks, dari: z.optional(Teks), sebelum: z.optional(Teks) }),
});
export type LaunchBatchInput = z.infer<typeof LaunchBatchInput>;

/** CycleLaunch, last step: the batches' counts (LaunchCounts), and the run the cycle records. */
export const LaunchSummaryInput = z.object({
  cycleId: Teks,
  eksekusi: z.optional(Teks),
  hasil: z.array(z.object({ employees: Jumlah, created: Jumlah, started: Jumlah, alreadyStarted: Jumlah })),
});
export type LaunchSummaryInput = z.infer<typeof LaunchSummaryInput>;

/** CycleClose's one step: its state is the whole input (the closed cycle, the listing's cursor, the count). */
export const CycleCloseStep = z.object({
  cycleId: Teks,
  nextToken: z.optional(Teks),
  dihentikan: z.optional(Jumlah),
});
export type CycleCloseStep = z.infer<typeof CycleCloseStep>;

/** The daily schedule passes nothing the job reads (its settings are the function's environment). */
export const SendRemindersInput = z.nullish(z.object({}));

/**
 * A malformed event. Permanent: retrying sends the same event again, so this name stays out of
 * the state machines' retry lists and the flow's Catch records the failure at once.
 */
export class InvalidWorkflowEvent extends Error {
  override readonly name = 'InvalidWorkflowEvent';
}

type Issue = z.core.$ZodIssue;

function explain(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.join(', ')}`;
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options)
        ? `expected one of ${issue.options.join(', ')}`
        : 'matches none of the accepted shapes';
    case 'too_small':
      return `expected at least ${issue.minimum}`;
    default:
      return issue.message;
  }
}

/** The event as its schema reads it, or InvalidWorkflowEvent naming every field that is wrong. */
export function parseWorkflowEvent<S extends z.ZodMiniType>(schema: S, event: unknown): z.infer<S> {
  const parsed = schema.safeParse(event);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${explain(i)}`);
  throw new InvalidWorkflowEvent(`Invalid workflow event: ${fields.join('; ')}`);
}
