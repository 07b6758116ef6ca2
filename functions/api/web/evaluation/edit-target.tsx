import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import type { TargetRow } from '../../../../shared/domain/evaluation/skp.js';
import { TARGET_FIELDS, type SkpFailure } from './skp-forms.js';
import { type Viewer, fieldErrors } from '../common/types.js';
import { ErrorSummary } from '../common/fields.js';
import { Layout } from '../common/layout.js';
import { evaluationHref } from './status.js';
import { TargetForm, type TargetValues } from './target-form.js';

export interface EditTargetProps {
  viewer: Viewer;
  evaluation: EvaluationView;
  rowId: string;
  /** The stored row, or what the user typed when their change was refused. */
  values: TargetValues;
  atasanRows: TargetRow[];
  failure?: SkpFailure | undefined;
}

export function EditTargetPage({
  viewer,
  evaluation: e,
  rowId,
  values,
  atasanRows,
  failure,
}: EditTargetProps) {
  const base = evaluationHref(e);
  return (
    <Layout title="Ubah hasil kerja" viewer={viewer}>
      {failure && <ErrorSummary message={failure.message} issues={failure.issues} fields={TARGET_FIELDS} />}
      <p>
        <a href={base}>← Kembali ke SKP</a>
      </p>
      <h1>Ubah hasil kerja</h1>
      <p class="muted">
        SKP {e.nama}, siklus {e.cycleId}
      </p>
      <TargetForm
        action={`${base}/target/${encodeURIComponent(rowId)}`}
        csrf={viewer.csrf}
        version={e.version}
        values={values}
        errors={fieldErrors(failure, 'ubah', rowId)}
        atasanRows={atasanRows}
        hasAtasan={!!e.atasanNip}
        submitLabel="Simpan perubahan"
        cancelHref={base}
      />
    </Layout>
  );
}
