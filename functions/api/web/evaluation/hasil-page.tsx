import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import type { TargetRow } from '../../../../shared/domain/evaluation/skp.js';
import { type HasilFailure, barisField } from './hasil-forms.js';
import type { Viewer } from '../common/types.js';
import { ErrorSummary } from '../common/fields.js';
import { Layout } from '../common/layout.js';
import { evaluationHref } from './status.js';
import { EvaluationHeader } from './header.js';
import { HasilSection } from './hasil.js';

interface Props {
  viewer: Viewer;
  now: Date;
  evaluation: EvaluationView;
  rows: TargetRow[];
  failure: HasilFailure;
}

/** A refused outcome form, shown again with the errors at their fields and what was typed. */
export function HasilFormPage({ viewer, now, evaluation: e, rows, failure }: Props) {
  const fields = [
    'umum',
    'saran',
    'jenis',
    'alasan',
    'keputusan',
    'hasilKerja',
    'perilaku',
    ...rows.map((r) => barisField(r.id)),
  ];
  return (
    <Layout title={`Hasil penilaian ${e.nama} (${e.cycleId})`} viewer={viewer}>
      <ErrorSummary message={failure.message} issues={failure.issues} fields={fields} />
      <EvaluationHeader e={e} now={now} />
      <HasilSection e={e} rows={rows} viewer={viewer} now={now} failure={failure} />
      <p>
        <a href={evaluationHref(e)}>Kembali ke halaman evaluasi</a>
      </p>
    </Layout>
  );
}
