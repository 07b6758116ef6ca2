import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import { BERAKHLAK, EKSPEKTASI_MAX } from '../../../../shared/domain/evaluation/berakhlak.js';
import { ekspektasiField, type SkpFailure } from './skp-forms.js';
import { fieldErrors, failureFor } from '../common/types.js';
import { TextArea } from '../common/fields.js';
import { CsrfField, VersionField } from '../common/layout.js';

interface PerilakuProps {
  e: EvaluationView;
  base: string;
  canEdit: boolean;
  csrf: string;
  failure?: SkpFailure | undefined;
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
          <TextArea
            name={name}
            label={`Ekspektasi khusus: ${v.nama}`}
            value={value}
            maxlength={EKSPEKTASI_MAX}
            rows={3}
            error={errors[name]}
            hint={v.perilaku}
          />
        );
      })}
      <button type="submit">Simpan ekspektasi</button>
    </form>
  );
}
