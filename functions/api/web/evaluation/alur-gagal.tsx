import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import { STAGE_LABEL } from '../../../../shared/domain/evaluation/evaluation.js';
import type { Viewer } from '../common/types.js';
import { CsrfField } from '../common/layout.js';

/**
 * A workflow that failed for good leaves its reason on the evaluation. Everyone who can read the
 * evaluation sees that it is stopped; BKPSDM can restart it at the recorded stage.
 */
export function AlurGagal({ e, base, viewer }: { e: EvaluationView; base: string; viewer: Viewer }) {
  if (!e.alurGagal) return null;
  return (
    <div class="notice" role="alert">
      <p>
        <strong>{`Alur kerja evaluasi ini terhenti pada tahap ${STAGE_LABEL[e.alurGagal.stage]}.`}</strong>{' '}
        Data yang sudah diisi tetap tersimpan. BKPSDM telah diberi tahu.
      </p>
      {viewer.user.admin && (
        <form method="post" action={`${base}/lanjutkan`}>
          <CsrfField token={viewer.csrf} />
          <p class="muted">{`Penyebab: ${e.alurGagal.error}`}</p>
          <button type="submit">Lanjutkan alur dari tahap ini</button>
        </form>
      )}
    </div>
  );
}
