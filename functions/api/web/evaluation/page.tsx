import type { PenilaianView } from '../../../../shared/app/evaluation/penilaian-view.js';
import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import type { AuditEntry } from '../../../../shared/data/audit.js';
import { KODE_BERAKHLAK } from '../../../../shared/domain/evaluation/berakhlak.js';
import type { TargetRow } from '../../../../shared/domain/evaluation/skp.js';
import { accessOf } from './access.js';
import { TARGET_FIELDS, ekspektasiField, type SkpFailure, type SkpForm } from './skp-forms.js';
import { type Viewer, fieldErrors } from '../common/types.js';
import { ErrorSummary } from '../common/fields.js';
import { Flash, Layout } from '../common/layout.js';
import { evaluationHref } from './status.js';
import { AtasanDecision, SubmitSkpForm } from './actions.js';
import { EvaluationHeader } from './header.js';
import { History } from './history.js';
import { HasilSection } from './hasil.js';
import { PenilaianSection } from './penilaian-section.js';
import { Perilaku } from './perilaku.js';
import { type Candidate, RekanSection } from './rekan.js';
import { RencanaSection } from '../development/rencana.js';
import { SkpTable } from './skp-table.js';
import { TargetForm } from './target-form.js';
import { AlurGagal } from './alur-gagal.js';

export interface EvaluationPageProps {
  viewer: Viewer;
  now: Date;
  evaluation: EvaluationView;
  rows: TargetRow[];
  history: AuditEntry[];
  atasanRows: TargetRow[];
  candidates?: Candidate[];
  flash?: string | undefined;
  failure?: SkpFailure | undefined;
  /** The review stages as this reader may see them (evaluationDetail). */
  penilaian?: PenilaianView | undefined;
}

/** Field names per form, so the error summary links only to fields that exist. */
export const FORM_FIELDS: Record<SkpForm, readonly string[]> = {
  tambah: TARGET_FIELDS,
  ubah: TARGET_FIELDS,
  hapus: [],
  ajukan: [],
  setujui: [],
  kembalikan: ['comment'],
  ekspektasi: KODE_BERAKHLAK.map(ekspektasiField),
  rekan: ['nips'],
};

export function EvaluationPage({
  viewer,
  now,
  evaluation: e,
  rows,
  history,
  atasanRows,
  candidates = [],
  flash,
  failure,
  penilaian,
}: EvaluationPageProps) {
  const access = accessOf(e, viewer.user, now);
  const base = evaluationHref(e);
  const { csrf } = viewer;
  return (
    <Layout title={`SKP ${e.nama} (${e.cycleId})`} viewer={viewer}>
      {failure && (
        <ErrorSummary message={failure.message} issues={failure.issues} fields={FORM_FIELDS[failure.form]} />
      )}
      <Flash text={flash} />
      <EvaluationHeader e={e} now={now} />

      <section aria-labelledby="hasil-kerja">
        <h2 id="hasil-kerja">Hasil kerja</h2>
        <SkpTable
          base={base}
          rows={rows}
          atasanRows={atasanRows}
          editable={access.canEditTargets}
          csrf={csrf}
          version={e.version}
          failure={failure}
        />
        {access.canEditTargets && (
          <>
            <h3>Tambah hasil kerja</h3>
            <TargetForm
              action={`${base}/target`}
              csrf={csrf}
              version={e.version}
              values={failure?.form === 'tambah' ? failure.values : {}}
              errors={fieldErrors(failure, 'tambah')}
              atasanRows={atasanRows}
              hasAtasan={!!e.atasanNip}
              submitLabel="Tambah hasil kerja"
            />
            <h3>Ajukan SKP</h3>
            <SubmitSkpForm base={base} csrf={csrf} version={e.version} failure={failure} />
          </>
        )}
      </section>

      {access.canDecide && (
        <AtasanDecision
          base={base}
          csrf={csrf}
          version={e.version}
          failure={failure}
          awaitingWorkflow={e.awaitingWorkflow}
        />
      )}

      <AlurGagal e={e} base={base} viewer={viewer} />

      <Perilaku e={e} base={base} canEdit={access.canSetEkspektasi} csrf={csrf} failure={failure} />

      {/* Past target setting the peer list is confidential; the review section says who answered. */}
      {e.stage === 'PENETAPAN_TARGET' && (
        <RekanSection
          e={e}
          base={base}
          canEdit={access.canSetRekan}
          candidates={candidates}
          csrf={csrf}
          failure={failure}
        />
      )}

      <PenilaianSection e={e} rows={rows} penilaian={penilaian} viewer={viewer} now={now} />

      <HasilSection e={e} rows={rows} viewer={viewer} now={now} />

      <RencanaSection e={e} viewer={viewer} now={now} />

      <History history={history} />
    </Layout>
  );
}
