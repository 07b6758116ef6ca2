import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import { MAX_REKAN, MIN_REKAN } from '../../../../shared/domain/evaluation/rekan.js';
import { rekanField, type SkpFailure } from './skp-forms.js';
import { fieldErrors } from '../common/types.js';
import { FieldError } from '../common/fields.js';
import { CsrfField, VersionField } from '../common/layout.js';

export interface Candidate {
  nip: string;
  nama: string;
  jabatan: string;
}

interface RekanProps {
  e: EvaluationView;
  base: string;
  canEdit: boolean;
  candidates: Candidate[];
  csrf: string;
  failure?: SkpFailure | undefined;
}

/**
 * The peers who will rate behaviour in the review stage. Proposed by the employee, possibly
 * edited by the atasan, approved with the SKP.
 */
export function RekanSection({ e, base, canEdit, candidates, csrf, failure }: RekanProps) {
  const chosen = new Set(
    failure?.form === 'rekan'
      ? Object.keys(failure.values)
          .filter((k) => k.startsWith('rekan.'))
          .map((k) => k.slice(6))
      : (e.rekan ?? []).map((r) => r.nip),
  );
  const errors = fieldErrors(failure, 'rekan');
  const itemError = Object.entries(errors).find(([k]) => k.startsWith('nips.'))?.[1];
  return (
    <section aria-labelledby="rekan">
      <h2 id="rekan">Rekan penilai</h2>
      <p class="muted">
        {MIN_REKAN} sampai {MAX_REKAN} rekan kerja dari OPD yang sama akan menilai perilaku kerja (BerAKHLAK)
        pada tahap penilaian. Identitas mereka tidak ditampilkan kepada pegawai yang dinilai bersama
        penilaiannya.
      </p>
      {(e.rekan ?? []).length > 0 ? (
        <ul>
          {(e.rekan ?? []).map((r) => (
            <li>{`${r.nama} (${r.nip})`}</li>
          ))}
        </ul>
      ) : (
        <p>Belum ada rekan penilai yang diusulkan.</p>
      )}
      {canEdit && (
        <form method="post" action={`${base}/rekan`}>
          <CsrfField token={csrf} />
          <VersionField version={e.version} />
          <fieldset>
            <legend>{`Pilih ${MIN_REKAN} sampai ${MAX_REKAN} rekan`}</legend>
            <FieldError name="nips" error={errors.nips ?? itemError} />
            {candidates.map((x) => (
              <div class="field">
                <label>
                  <input type="checkbox" name={rekanField(x.nip)} value="ya" checked={chosen.has(x.nip)} />{' '}
                  {`${x.nama}, ${x.jabatan}`}
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit">Simpan rekan penilai</button>
        </form>
      )}
    </section>
  );
}
