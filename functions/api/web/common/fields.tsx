import type { Child } from 'hono/jsx';
import type { Issue } from '../../../../shared/domain/errors.js';

/** Field ids are derived from names so that the error summary can link to the field. */
export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const errorId = (name: string) => `${fieldId(name)}-galat`;
const hintId = (name: string) => `${fieldId(name)}-petunjuk`;

/** Attributes that tie a field to its hint and error message for screen readers. */
export function describedBy(name: string, error: string | undefined, hasHint = false) {
  const ids = [hasHint ? hintId(name) : '', error ? errorId(name) : ''].filter(Boolean).join(' ');
  return { ...(error ? { 'aria-invalid': 'true' } : {}), ...(ids ? { 'aria-describedby': ids } : {}) };
}

export function FieldError({ name, error }: { name: string; error?: string | undefined }) {
  return error ? (
    <p class="field-error" id={errorId(name)}>
      {error}
    </p>
  ) : null;
}

interface SummaryProps {
  message: string;
  issues: Issue[];
  /** Fields present on this page: only those get a link. */
  fields: readonly string[];
}

/** Announced on load (role="alert") and placed first, so the problem is found before the form. */
export function ErrorSummary({ message, issues, fields }: SummaryProps) {
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>Ada yang perlu diperbaiki</h2>
      <p>{message}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((i) => (
            <li>{fields.includes(i.path) ? <a href={`#${fieldId(i.path)}`}>{i.message}</a> : i.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  error?: string | undefined;
  /** Pass `describedBy(name, error, true)` to the control when a hint is given. */
  hint?: string | undefined;
  children: Child;
}

/** Label, hint, error, then the control itself, and its error right below it. */
export function Field({ name, label, error, hint, children }: FieldProps) {
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={fieldId(name)}>{label}</label>
      {hint && (
        <p class="hint muted" id={hintId(name)}>
          {hint}
        </p>
      )}
      <FieldError name={name} error={error} />
      {children}
    </div>
  );
}

interface TextAreaProps {
  name: string;
  label: string;
  value: string;
  rows: number;
  maxlength: number;
  minlength?: number | undefined;
  required?: boolean | undefined;
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled textarea with its hint and error, tied together for screen readers. */
export function TextArea({
  name,
  label,
  value,
  error,
  hint,
  required,
  minlength,
  maxlength,
  rows,
}: TextAreaProps) {
  return (
    <Field name={name} label={label} error={error} hint={hint}>
      <textarea
        id={fieldId(name)}
        name={name}
        required={required}
        minlength={minlength}
        maxlength={maxlength}
        rows={rows}
        {...describedBy(name, error, !!hint)}
      >
        {value}
      </textarea>
    </Field>
  );
}

interface InputProps {
  /** Names the field's id, its label and its messages. */
  name: string;
  /** The name it is posted under, when it differs (several forms on one page). */
  posted?: string | undefined;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  type?: string;
  /** The input's other attributes, in the order they are written. */
  attrs?: Record<string, string | number | boolean | undefined>;
}

/** A labelled input with its hint and error, tied together for screen readers. */
export function Input({ name, posted = name, label, error, hint, type = 'text', attrs = {} }: InputProps) {
  return (
    <Field name={name} label={label} error={error} hint={hint}>
      <input type={type} id={fieldId(name)} name={posted} {...attrs} {...describedBy(name, error, !!hint)} />
    </Field>
  );
}
