import type { Principal } from '../../../shared/app/actor.js';
import type { Issue } from '../../../shared/domain/errors.js';

/** The signed-in user as the views need them: who, and the token their forms must carry. */
export interface Viewer {
  user: Principal;
  csrf: string;
}

/** The mutating forms of the evaluation pages; a failure is shown at the form that caused it. */
export type FormName =
  'tambah' | 'ubah' | 'hapus' | 'ajukan' | 'setujui' | 'kembalikan' | 'ekspektasi' | 'rekan';

/** A rejected submission, re-rendered with what the user typed. */
export interface FormFailure {
  form: FormName;
  rowId?: string;
  message: string;
  issues: Issue[];
  values: Record<string, string>;
}

/** First message per field path, for display next to that field. */
export function fieldErrors(
  failure: FormFailure | undefined,
  form: FormName,
  rowId?: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!failure || failure.form !== form || failure.rowId !== rowId) return out;
  for (const issue of failure.issues) out[issue.path] ??= issue.message;
  return out;
}

export function failureFor(
  failure: FormFailure | undefined,
  form: FormName,
  rowId?: string,
): FormFailure | undefined {
  return failure && failure.form === form && failure.rowId === rowId ? failure : undefined;
}
