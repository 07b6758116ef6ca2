import { type Evaluation, assertVersion } from '../../domain/evaluation/evaluation.js';
import { type Change, type EvaluationSheet, commitChange } from '../../data/evaluations.js';
import type { Deps } from '../../runtime/deps.js';
import { actorOf, type Principal } from '../actor.js';
import { resumeAfterDecision } from '../workflow-client.js';
import { evaluationFor, sheetFor } from './muat.js';

/**
 * Every change a person makes to a stage goes the same way: load the record, let the domain
 * decide (guards, then the patch and what the trail says), check the version the person saw,
 * write the change and its audit entry in one transaction, and, when it completes the stage,
 * resume the workflow. Always commit first, then resume: if the resume is lost, the stage's
 * deadline handler or the resumed execution finds the stage done and moves on. The commit also
 * checks that the cycle is open (transact.ts adds it to every evaluation write): a change after
 * the close is refused with 409 and resumes nothing.
 */

/**
 * What a change acts on: the evaluation (here), a peer's own review (penilaian-rekan.ts) or the
 * development plan (pengembangan.ts). `D` is the decision it can write, `A` what it answers.
 */
export interface Target<S, D, A> {
  load(deps: Deps, p: Principal): Promise<S>;
  /** Refuses (409) a change made on another version than the one stored. */
  assertVersion(s: S, d: D, version: number): void;
  /** The workflow's wait a completion answers. */
  taskToken(s: S, d: D): string | undefined;
  /** One transaction: the decision and its audit entry; `complete` also drops the task token. */
  commit(deps: Deps, p: Principal, s: S, d: D, complete: boolean): Promise<A>;
}

interface Reply<A, R> {
  /** What the service returns, when not the target's answer (e.g. with the row it added). */
  reply?: (after: A) => R;
}

interface Output<A> {
  /** What the workflow hears: the stage's output, read after the commit (some carry `updatedAt`). */
  output: (after: A) => unknown;
}

type Decide<S, D> = (s: S) => D | Promise<D>;

/**
 * The two ways to change a target. Methods of one object, so that the decision's type is fixed
 * before the caller's function is read (a free generic function would widen its literals).
 */
export interface StageChange<S, D, A> {
  /** A change that leaves the stage open: a draft, a row, a submission the atasan still decides. */
  save<R = A>(deps: Deps, p: Principal, version: number, decide: Decide<S, D & Reply<A, R>>): Promise<R>;
  /** The change that completes the stage: the task token goes in the same write, then the workflow resumes. */
  complete<R = A>(
    deps: Deps,
    p: Principal,
    version: number,
    decide: Decide<S, D & Reply<A, R> & Output<A>>,
  ): Promise<R>;
}

export function stageChange<S, D, A>(target: Target<S, D, A>): StageChange<S, D, A> {
  async function change<R>(
    deps: Deps,
    p: Principal,
    version: number,
    decide: Decide<S, D & Reply<A, R> & Partial<Output<A>>>,
    complete: boolean,
  ): Promise<R> {
    const s = await target.load(deps, p);
    const d = await decide(s);
    target.assertVersion(s, d, version);
    const after = await target.commit(deps, p, s, d, complete);
    // The token as loaded (the commit dropped it); the domain refuses a completion nobody waits for.
    if (complete) await resumeAfterDecision(deps, target.taskToken(s, d)!, d.output!(after));
    // Without `reply`, R is its default: the target's answer.
    return d.reply ? d.reply(after) : (after as unknown as R);
  }
  return {
    save: (deps, p, version, decide) => change(deps, p, version, decide, false),
    complete: (deps, p, version, decide) => change(deps, p, version, decide, true),
  };
}

/** What a stage decides for the evaluation; the actor is the person acting. */
export type EvaluationDecision = Pick<Change, 'patch' | 'extra' | 'extraFailures'> & {
  audit: Omit<Change['audit'], 'actor'>;
};

function onEvaluationOf<S>(
  load: (deps: Deps) => Promise<S>,
  evaluationOf: (s: S) => Evaluation,
): StageChange<S, EvaluationDecision, Evaluation> {
  return stageChange({
    load,
    assertVersion: (s, _d, version) => assertVersion(evaluationOf(s), version),
    taskToken: (s) => evaluationOf(s).taskToken,
    commit: (deps, p, s, d, complete) =>
      commitChange(deps, {
        before: evaluationOf(s),
        patch: d.patch,
        ...(complete ? { remove: ['taskToken'] } : {}),
        audit: { actor: actorOf(p), ...d.audit },
        ...(d.extra ? { extra: d.extra } : {}),
        ...(d.extraFailures ? { extraFailures: d.extraFailures } : {}),
      }),
  });
}

/** The evaluation with its target rows (one Query). */
export const onSheet = (cycleId: string, nip: string) =>
  onEvaluationOf<EvaluationSheet>(
    (deps) => sheetFor(deps, cycleId, nip),
    (s) => s.evaluation,
  );

/** The evaluation alone (one GetItem), for stages that do not read the rows. */
export const onEvaluation = (cycleId: string, nip: string) =>
  onEvaluationOf<Evaluation>(
    (deps) => evaluationFor(deps, cycleId, nip),
    (e) => e,
  );
