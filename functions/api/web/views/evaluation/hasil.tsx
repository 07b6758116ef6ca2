import type { EvaluationView } from '../../../../../shared/app/evaluation/queries.js';
import { LABEL_LEVEL } from '../../../../../shared/domain/evaluation/capaian.js';
import { STAGES } from '../../../../../shared/domain/evaluation/evaluation.js';
import { LABEL_PREDIKAT } from '../../../../../shared/domain/evaluation/hasil.js';
import { decide } from '../../../../../shared/domain/people/policy.js';
import { LEVEL } from '../../../../../shared/domain/evaluation/predikat.js';
import type { TargetRow } from '../../../../../shared/domain/evaluation/skp.js';
import { BATAS_ALASAN_KEBERATAN, BATAS_UMPAN_BALIK } from '../../../../../shared/domain/evaluation/umpan-balik.js';
import { waktu } from '../../format.js';
import { type HasilFailure, barisField, hasilErrors } from '../../hasil-forms.js';
import type { Viewer } from '../../types.js';
import { Field, FieldError, describedBy, fieldId } from '../fields.js';
import { CsrfField, VersionField } from '../layout.js';
import { evaluationHref } from '../status.js';

interface HasilProps {
  e: EvaluationView;
  rows: TargetRow[];
  viewer: Viewer;
  failure?: HasilFailure | undefined;
}

/** Which outcome form this person gets now; the services decide again on submit. */
export function hasilAccess(e: EvaluationView, viewer: Viewer) {
  const open = e.status === 'DRAFT';
  return {
    umpanBalik: open && e.stage === 'UMPAN_BALIK' && decide(viewer.user, 'BERI_UMPAN_BALIK', e).boleh,
    tanggapan: open && e.stage === 'TANGGAPAN' && decide(viewer.user, 'TANGGAPI_PENILAIAN', e).boleh,
    keberatan: open && e.stage === 'KEBERATAN' && decide(viewer.user, 'PUTUSKAN_KEBERATAN', e).boleh,
  };
}

const sudahDinilai = (e: EvaluationView) =>
  STAGES.indexOf(e.stage) >= STAGES.indexOf('UMPAN_BALIK') || !!e.hasil;

/** The outcome of the evaluation: predikat, feedback, the employee's response and any objection. */
export function HasilSection({ e, rows, viewer, failure }: HasilProps) {
  if (!sudahDinilai(e)) return null;
  const access = hasilAccess(e, viewer);
  const base = evaluationHref(e);
  return (
    <section aria-labelledby="hasil-penilaian">
      <h2 id="hasil-penilaian">Hasil penilaian</h2>
      <HasilRingkas e={e} />
      <p>
        <a href={`${base}/ringkasan`}>Ringkasan satu halaman (untuk dicetak)</a>
      </p>
      {access.umpanBalik ? (
        <UmpanBalikForm e={e} rows={rows} viewer={viewer} failure={failure} />
      ) : (
        <UmpanBalikView e={e} rows={rows} />
      )}
      {access.tanggapan ? <TanggapanForm e={e} viewer={viewer} failure={failure} /> : <TanggapanView e={e} />}
      {access.keberatan ? <PutusanForm e={e} viewer={viewer} failure={failure} /> : <PutusanView e={e} />}
    </section>
  );
}

function HasilRingkas({ e }: { e: EvaluationView }) {
  if (!e.hasil) return <p class="muted">Predikat sedang dihitung.</p>;
  const h = e.hasil;
  return (
    <dl class="facts">
      <dt>Hasil kerja</dt>
      <dd>{LABEL_LEVEL[h.hasilKerja]}</dd>
      <dt>Perilaku kerja</dt>
      <dd>{LABEL_LEVEL[h.perilaku]}</dd>
      <dt>Predikat kinerja</dt>
      <dd>
        <strong>{LABEL_PREDIKAT[h.predikat]}</strong>
        {h.sumber === 'KEBERATAN' && <span class="muted"> (hasil putusan keberatan)</span>}
      </dd>
    </dl>
  );
}

/** A radio button with its own label, so that every control is named for screen readers. */
function Pilihan(p: { name: string; value: string; checked: boolean; label: string }) {
  const id = fieldId(`${p.name}-${p.value}`);
  // Radio and label on one line (the stylesheet puts labels on their own line otherwise).
  return (
    <div class="actions">
      <input type="radio" id={id} name={p.name} value={p.value} checked={p.checked} />{' '}
      <label for={id}>{p.label}</label>
    </div>
  );
}

function Failure({ failure, form }: { failure?: HasilFailure | undefined; form: HasilFailure['form'] }) {
  return failure?.form === form ? <p class="field-error">{failure.message}</p> : null;
}

function UmpanBalikForm({ e, rows, viewer, failure }: HasilProps) {
  const errors = hasilErrors(failure, 'umpan-balik');
  const mine = failure?.form === 'umpan-balik' ? failure.values : undefined;
  const saved = e.umpanBalik;
  const value = (name: string, stored: string | undefined) => (mine ? (mine[name] ?? '') : (stored ?? ''));
  const levels = e.penilaianAtasan?.baris ?? {};
  return (
    <form method="post" action={`${evaluationHref(e)}/umpan-balik`} class="panel">
      <h3>Umpan balik atasan</h3>
      <CsrfField token={viewer.csrf} />
      <VersionField version={e.version} />
      <p>
        Tuliskan umpan balik per hasil kerja (wajib untuk hasil kerja yang dinilai di bawah ekspektasi), umpan
        balik umum, dan saran perbaikan yang konkret. Saran juga menjadi dasar rekomendasi pelatihan.
      </p>
      {rows.map((r) => {
        const name = barisField(r.id);
        const level = levels[r.id]?.level;
        const wajib = level === 'DI_BAWAH_EKSPEKTASI';
        return (
          <Field
            name={name}
            label={`${r.rhk}${wajib ? ' (wajib)' : ''}`}
            error={errors[name]}
            hint={level ? `Penilaian atasan: ${LABEL_LEVEL[level]}` : undefined}
          >
            <textarea
              id={fieldId(name)}
              name={name}
              maxlength={BATAS_UMPAN_BALIK.baris}
              rows={3}
              {...describedBy(name, errors[name], !!level)}
            >
              {value(name, saved?.baris[r.id])}
            </textarea>
          </Field>
        );
      })}
      <Field
        name="umum"
        label={`Umpan balik umum (minimal ${BATAS_UMPAN_BALIK.minUmum} karakter)`}
        error={errors.umum}
      >
        <textarea
          id={fieldId('umum')}
          name="umum"
          maxlength={BATAS_UMPAN_BALIK.umum}
          rows={4}
          {...describedBy('umum', errors.umum)}
        >
          {value('umum', saved?.umum)}
        </textarea>
      </Field>
      <Field
        name="saran"
        label={`Saran perbaikan yang konkret (minimal ${BATAS_UMPAN_BALIK.minSaran} karakter)`}
        error={errors.saran}
      >
        <textarea
          id={fieldId('saran')}
          name="saran"
          maxlength={BATAS_UMPAN_BALIK.saran}
          rows={4}
          {...describedBy('saran', errors.saran)}
        >
          {value('saran', saved?.saran)}
        </textarea>
      </Field>
      {!e.awaitingWorkflow && (
        <p class="notice">
          Alur kerja sedang tidak menunggu umpan balik; memberi umpan balik mungkin ditolak sementara.
        </p>
      )}
      <Failure failure={failure} form="umpan-balik" />
      <div class="actions">
        <button type="submit" name="aksi" value="berikan">
          Berikan umpan balik
        </button>
        <button type="submit" name="aksi" value="simpan" class="secondary">
          Simpan draf
        </button>
      </div>
    </form>
  );
}

/** Given feedback only: a draft stays with the atasan. */
function UmpanBalikView({ e, rows }: { e: EvaluationView; rows: TargetRow[] }) {
  const ub = e.umpanBalik;
  if (!ub?.diberikanPada) {
    return e.stage === 'UMPAN_BALIK' ? <p class="muted">Menunggu umpan balik atasan.</p> : null;
  }
  const perBaris = rows.filter((r) => ub.baris[r.id]);
  return (
    <div class="panel">
      <h3>Umpan balik atasan</h3>
      <p class="muted">Diberikan {waktu(ub.diberikanPada)}</p>
      <p>
        <strong>Umum:</strong> {ub.umum}
      </p>
      <p>
        <strong>Saran perbaikan:</strong> {ub.saran}
      </p>
      {perBaris.length > 0 && (
        <ul>
          {perBaris.map((r) => (
            <li>
              <strong>{r.rhk}:</strong> {ub.baris[r.id]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function TanggapanForm({ e, viewer, failure }: Omit<HasilProps, 'rows'>) {
  const errors = hasilErrors(failure, 'tanggapan');
  const mine = failure?.form === 'tanggapan' ? failure.values : {};
  return (
    <form method="post" action={`${evaluationHref(e)}/tanggapan`} class="panel">
      <h3>Tanggapan Anda</h3>
      <CsrfField token={viewer.csrf} />
      <VersionField version={e.version} />
      <p>
        Terima penilaian dan umpan balik, atau ajukan keberatan kepada atasan dari atasan langsung Anda
        {e.deadline ? ` sampai ${waktu(e.deadline)}` : ''}. Tanpa tanggapan sampai tenggat, penilaian dianggap
        diterima.
      </p>
      <fieldset>
        <legend>Tanggapan</legend>
        <FieldError name="jenis" error={errors.jenis} />
        <Pilihan
          name="jenis"
          value="DITERIMA"
          checked={mine.jenis !== 'KEBERATAN'}
          label="Saya menerima penilaian ini"
        />
        <Pilihan
          name="jenis"
          value="KEBERATAN"
          checked={mine.jenis === 'KEBERATAN'}
          label="Saya mengajukan keberatan"
        />
      </fieldset>
      <Field
        name="alasan"
        label={`Alasan keberatan (wajib bila keberatan, minimal ${BATAS_ALASAN_KEBERATAN.min} karakter)`}
        error={errors.alasan}
      >
        <textarea
          id={fieldId('alasan')}
          name="alasan"
          maxlength={BATAS_ALASAN_KEBERATAN.max}
          rows={4}
          {...describedBy('alasan', errors.alasan)}
        >
          {mine.alasan ?? ''}
        </textarea>
      </Field>
      <Failure failure={failure} form="tanggapan" />
      <button type="submit">Kirim tanggapan</button>
    </form>
  );
}

function TanggapanView({ e }: { e: EvaluationView }) {
  const t = e.tanggapan;
  if (!t) return e.stage === 'TANGGAPAN' ? <p class="muted">Menunggu tanggapan pegawai.</p> : null;
  const teks =
    t.jenis === 'KEBERATAN'
      ? 'Pegawai mengajukan keberatan'
      : t.jenis === 'DITERIMA_OTOMATIS'
        ? 'Dianggap diterima karena tidak ada tanggapan sampai tenggat'
        : 'Pegawai menerima penilaian';
  return (
    <div class="panel">
      <h3>Tanggapan pegawai</h3>
      <p>
        {teks} <span class="muted">({waktu(t.pada)})</span>
      </p>
      {t.alasan && <blockquote>{t.alasan}</blockquote>}
    </div>
  );
}

function LevelSelect({
  name,
  label,
  current,
  chosen,
  error,
}: {
  name: string;
  label: string;
  current: string;
  chosen: string | undefined;
  error?: string | undefined;
}) {
  return (
    <Field name={name} label={label} error={error}>
      <select id={fieldId(name)} name={name} {...describedBy(name, error)}>
        <option value="">{`Tidak berubah (${current})`}</option>
        {LEVEL.map((l) => (
          <option value={l} selected={chosen === l}>
            {LABEL_LEVEL[l]}
          </option>
        ))}
      </select>
    </Field>
  );
}

function PutusanForm({ e, viewer, failure }: Omit<HasilProps, 'rows'>) {
  const errors = hasilErrors(failure, 'keberatan');
  const mine = failure?.form === 'keberatan' ? failure.values : {};
  const h = e.hasil;
  return (
    <form method="post" action={`${evaluationHref(e)}/keberatan`} class="panel">
      <h3>Putusan keberatan</h3>
      <CsrfField token={viewer.csrf} />
      <VersionField version={e.version} />
      {e.tanggapan?.alasan && (
        <>
          <p>Alasan keberatan pegawai:</p>
          <blockquote>{e.tanggapan.alasan}</blockquote>
        </>
      )}
      <fieldset>
        <legend>Keputusan</legend>
        <FieldError name="keputusan" error={errors.keputusan} />
        <Pilihan
          name="keputusan"
          value="DIPERTAHANKAN"
          checked={mine.keputusan !== 'DIREVISI'}
          label="Pertahankan penilaian atasan"
        />
        <Pilihan
          name="keputusan"
          value="DIREVISI"
          checked={mine.keputusan === 'DIREVISI'}
          label="Revisi penilaian (predikat dihitung ulang)"
        />
      </fieldset>
      {h && (
        <>
          <LevelSelect
            name="hasilKerja"
            label="Hasil kerja setelah revisi"
            current={LABEL_LEVEL[h.hasilKerja]}
            chosen={mine.hasilKerja}
            error={errors.hasilKerja}
          />
          <LevelSelect
            name="perilaku"
            label="Perilaku kerja setelah revisi"
            current={LABEL_LEVEL[h.perilaku]}
            chosen={mine.perilaku}
            error={errors.perilaku}
          />
        </>
      )}
      <Field
        name="alasan"
        label={`Alasan putusan (wajib, minimal ${BATAS_ALASAN_KEBERATAN.min} karakter)`}
        error={errors.alasan}
      >
        <textarea
          id={fieldId('alasan')}
          name="alasan"
          required
          maxlength={BATAS_ALASAN_KEBERATAN.max}
          rows={4}
          {...describedBy('alasan', errors.alasan)}
        >
          {mine.alasan ?? ''}
        </textarea>
      </Field>
      <Failure failure={failure} form="keberatan" />
      <button type="submit">Putuskan keberatan</button>
    </form>
  );
}

function PutusanView({ e }: { e: EvaluationView }) {
  const p = e.putusanKeberatan;
  if (!p)
    return e.stage === 'KEBERATAN' ? (
      <p class="muted">Keberatan menunggu putusan atasan dari atasan.</p>
    ) : null;
  return (
    <div class="panel">
      <h3>Putusan keberatan</h3>
      <p>
        {p.keputusan === 'DIREVISI'
          ? `Penilaian direvisi: predikat ${LABEL_PREDIKAT[p.sebelum.predikat]} menjadi ${LABEL_PREDIKAT[p.sesudah.predikat]}.`
          : `Penilaian dipertahankan (predikat ${LABEL_PREDIKAT[p.sebelum.predikat]}).`}{' '}
        <span class="muted">({waktu(p.pada)})</span>
      </p>
      <blockquote>{p.alasan}</blockquote>
    </div>
  );
}
