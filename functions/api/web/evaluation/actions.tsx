import { LIMITS } from '../../../../shared/domain/evaluation/skp.js';
import { fieldErrors } from '../common/types.js';
import { type SkpFailure } from './skp-forms.js';
import { TextArea } from '../common/fields.js';
import { CsrfField, VersionField } from '../common/layout.js';

interface ActionProps {
  base: string;
  csrf: string;
  version: number;
  failure?: SkpFailure | undefined;
}

/** Messages not tied to a field of this form (e.g. "minimal satu hasil kerja UTAMA"), shown at its button. */
function FailureNote({
  failure,
  form,
  fields = [],
}: {
  failure?: SkpFailure | undefined;
  form: SkpFailure['form'];
  fields?: string[];
}) {
  if (failure?.form !== form) return null;
  if (failure.issues.length === 0) return <p class="field-error">{failure.message}</p>;
  const notes = failure.issues.filter((i) => !fields.includes(i.path)).map((i) => i.message);
  return notes.length ? <p class="field-error">{notes.join(' ')}</p> : null;
}

export function SubmitSkpForm({ base, csrf, version, failure }: ActionProps) {
  return (
    <form method="post" action={`${base}/ajukan`} class="panel">
      <CsrfField token={csrf} />
      <VersionField version={version} />
      <p>Setelah diajukan, SKP tidak dapat diubah kecuali dikembalikan oleh atasan.</p>
      <FailureNote failure={failure} form="ajukan" />
      <button type="submit">Ajukan ke atasan</button>
    </form>
  );
}

interface DecisionProps extends ActionProps {
  /** False while no workflow step waits for the approval (it would be refused). */
  awaitingWorkflow: boolean;
}

export function AtasanDecision({ base, csrf, version, failure, awaitingWorkflow }: DecisionProps) {
  const errors = fieldErrors(failure, 'kembalikan');
  const comment = failure?.form === 'kembalikan' ? (failure.values.comment ?? '') : '';
  return (
    <section aria-labelledby="keputusan">
      <h2 id="keputusan">Keputusan atasan</h2>
      <form method="post" action={`${base}/setujui`} class="panel">
        <CsrfField token={csrf} />
        <VersionField version={version} />
        <p>Menyetujui SKP menyelesaikan tahap penetapan target.</p>
        {!awaitingWorkflow && (
          <p class="notice">
            Alur kerja sedang tidak menunggu persetujuan; persetujuan mungkin ditolak sementara.
          </p>
        )}
        <FailureNote failure={failure} form="setujui" />
        <button type="submit">Setujui</button>
      </form>
      <form method="post" action={`${base}/kembalikan`} class="panel">
        <CsrfField token={csrf} />
        <VersionField version={version} />
        <TextArea
          name="comment"
          label="Catatan pengembalian (wajib, minimal 5 karakter)"
          value={comment}
          required
          minlength={5}
          maxlength={LIMITS.comment}
          rows={4}
          error={errors.comment}
        />
        <FailureNote failure={failure} form="kembalikan" fields={['comment']} />
        <button type="submit" class="secondary">
          Kembalikan
        </button>
      </form>
    </section>
  );
}
