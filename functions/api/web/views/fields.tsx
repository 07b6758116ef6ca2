import type { Child } from 'hono/jsx';
import type { Issue } from '../../../../shared/domain/errors.js';

/** Field ids are derived from names so that the error summary can link to the field. */
export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const errorId = (name: string) => `${fieldId(name)}-galat`;

/** Attributes that tie a field to its error message for screen readers. */
export function describedBy(name: string, error: string | undefined) {
  return error ? { 'aria-invalid': 'true', 'aria-describedby': errorId(name) } : {};
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
  children: Child;
}

/** Label, the control itself, and its error right below it. */
export function Field({ name, label, error, children }: FieldProps) {
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={fieldId(name)}>{label}</label>
      <FieldError name={name} error={error} />
      {children}
    </div>
  );
}
