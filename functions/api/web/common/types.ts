import type { Principal } from '../../../../shared/app/actor.js';
import type { Issue } from '../../../../shared/domain/errors.js';

/** The signed-in user as the views need them: who, and the token their forms must carry. */
export interface Viewer {
  user: Principal;
  csrf: string;
}

/**
 * A refused submission, shown again at the form that caused it with what the user typed. `form`
 * names the form when a page has several; `rowId` the row or item when a form repeats per row.
 */
export interface FormFailure<F extends string = string> {
  form: F;
  rowId?: string | undefined;
  message: string;
  issues: Issue[];
  values: Record<string, string>;
}

/** The failure, if it belongs to this form (and row). */
export function failureFor<F extends string>(
  failure: FormFailure<F> | undefined,
  form: F,
  rowId?: string,
): FormFailure<F> | undefined {
  return failure && failure.form === form && failure.rowId === rowId ? failure : undefined;
}

/** First message per field path, for display next to that field. */
export function issuesByPath(issues: readonly Issue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.path] ??= issue.message;
  return out;
}

/** The messages of this form's (and row's) fields, by field path. */
export function fieldErrors<F extends string>(
  failure: FormFailure<F> | undefined,
  form: F,
  rowId?: string,
): Record<string, string> {
  return issuesByPath(failureFor(failure, form, rowId)?.issues ?? []);
}
