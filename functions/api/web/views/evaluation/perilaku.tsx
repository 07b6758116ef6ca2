import type { EvaluationView } from '../../../../../shared/app/evaluation/queries.js';
import { BERAKHLAK, EKSPEKTASI_MAX } from '../../../../../shared/domain/evaluation/berakhlak.js';
import { ekspektasiField } from '../../forms.js';
import { type FormFailure, fieldErrors, failureFor } from '../../types.js';
import { Field, describedBy, fieldId } from '../fields.js';
import { CsrfField, VersionField } from '../layout.js';

interface PerilakuProps {
  e: EvaluationView;
  base: string;
  canEdit: boolean;
  csrf: string;
  failure?: FormFailure | undefined;
}

/** The seven BerAKHLAK values; the atasan may add an "ekspektasi khusus" to each. */
export function Perilaku({ e, base, canEdit, csrf, failure }: PerilakuProps) {
  const ekspektasi: Partial<Record<string, string>> = e.ekspektasi ?? {};
  return (
    <section aria-labelledby="perilaku">
      <h2 id="perilaku">Perilaku kerja (BerAKHLAK)</h2>
      {canEdit ? (
        <EkspektasiForm e={e} base={base} csrf={csrf} failure={failureFor(failure, 'ekspektasi')} />
      ) : (
        <ul class="plain">
          {BERAKHLAK.map((v) => (
            <li>
              <strong>{v.nama}</strong>
              <p>{v.perilaku}</p>
              <p>
                Ekspektasi khusus pimpinan:{' '}
                {ekspektasi[v.kode] ? (
                  <q>{ekspektasi[v.kode]}</q>
                ) : (
                  <span class="muted">belum ditetapkan</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function EkspektasiForm({ e, base, csrf, failure }: Omit<PerilakuProps, 'canEdit'>) {
  const errors = fieldErrors(failure, 'ekspektasi');
  const saved: Partial<Record<string, string>> = e.ekspektasi ?? {};
  return (
    <form method="post" action={`${base}/ekspektasi`} class="panel">
      <CsrfField token={csrf} />
      <VersionField version={e.version} />
      <p>Isi ekspektasi khusus Anda sebagai atasan untuk setiap nilai (boleh dikosongkan).</p>
      {BERAKHLAK.map((v) => {
        const name = ekspektasiField(v.kode);
        const value = failure ? (failure.values[name] ?? '') : (saved[v.kode] ?? '');
        return (
          <Field name={name} label={`Ekspektasi khusus: ${v.nama}`} error={errors[name]} hint={v.perilaku}>
            <textarea
              id={fieldId(name)}
              name={name}
              maxlength={EKSPEKTASI_MAX}
              rows={3}
              {...describedBy(name, errors[name], true)}
            >
              {value}
            </textarea>
          </Field>
        );
      })}
      <button type="submit">Simpan ekspektasi</button>
    </form>
  );
}
