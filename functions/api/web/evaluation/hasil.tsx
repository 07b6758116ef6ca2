import type { Child } from 'hono/jsx';
import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import { LABEL_LEVEL } from '../../../../shared/domain/evaluation/capaian.js';
import { STAGES } from '../../../../shared/domain/evaluation/evaluation.js';
import { LABEL_PREDIKAT } from '../../../../shared/domain/evaluation/hasil.js';
import { availableActions } from '../../../../shared/domain/evaluation/actions.js';
import { LEVEL } from '../../../../shared/domain/evaluation/predikat.js';
import type { TargetRow } from '../../../../shared/domain/evaluation/skp.js';
import {
  BATAS_ALASAN_KEBERATAN,
  BATAS_UMPAN_BALIK,
} from '../../../../shared/domain/evaluation/umpan-balik.js';
import { perubahanPredikat, waktu } from '../common/format.js';
import { type HasilFailure, type HasilFormName, barisField } from './hasil-forms.js';
import { type Viewer, fieldErrors } from '../common/types.js';
import { Field, FieldError, describedBy, fieldId, TextArea } from '../common/fields.js';
import { CsrfField, VersionField } from '../common/layout.js';
import { evaluationHref } from './status.js';

interface HasilProps {
  e: EvaluationView;
  rows: TargetRow[];
  viewer: Viewer;
  failure?: HasilFailure | undefined;
}

/** Which outcome form this person gets now: the domain's available actions (the services' guards). */
export function hasilAccess(e: EvaluationView, viewer: Viewer, now: Date) {
  const aksi = availableActions(e, viewer.user, now);
  return {
    umpanBalik: aksi.has('BERI_UMPAN_BALIK'),
    tanggapan: aksi.has('TANGGAPI_PENILAIAN'),
    keberatan: aksi.has('PUTUSKAN_KEBERATAN'),
  };
}

const sudahDinilai = (e: EvaluationView) =>
  STAGES.indexOf(e.stage) >= STAGES.indexOf('UMPAN_BALIK') || !!e.hasil;

/** The outcome of the evaluation: predikat, feedback, the employee's response and any objection. */
export function HasilSection({ e, rows, viewer, now, failure }: HasilProps & { now: Date }) {
  if (!sudahDinilai(e)) return null;
  const access = hasilAccess(e, viewer, now);
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

/** One choice among options, the first chosen unless another was posted. */
function PilihanGroup(p: {
  legend: string;
  name: string;
  error: string | undefined;
  posted: string | undefined;
  options: readonly (readonly [value: string, label: string])[];
}) {
  // No default: these choices decide someone's rights (accept or object, uphold or revise), so
  // nothing is ticked until the person ticks it; a form sent without a choice comes back asking.
  const chosen = p.options.some(([v]) => v === p.posted) ? p.posted : undefined;
  return (
    <fieldset>
      <legend>{p.legend}</legend>
      <FieldError name={p.name} error={p.error} />
      {p.options.map(([value, label]) => (
        <Pilihan name={p.name} value={value} checked={value === chosen} label={label} />
      ))}
    </fieldset>
  );
}

/** An outcome form's frame: where it posts, its heading and tokens, then its refusal and buttons. */
function HasilForm(p: {
  e: EvaluationView;
  viewer: Viewer;
  form: HasilFormName;
  title: string;
  failure: HasilFailure | undefined;
  buttons: Child;
  children: Child;
}) {
  return (
    <form method="post" action={`${evaluationHref(p.e)}/${p.form}`} class="panel">
      <h3>{p.title}</h3>
      <CsrfField token={p.viewer.csrf} />
      <VersionField version={p.e.version} />
      {p.children}
      {p.failure?.form === p.form && <p class="field-error">{p.failure.message}</p>}
      {p.buttons}
    </form>
  );
}

function UmpanBalikForm({ e, rows, viewer, failure }: HasilProps) {
  const errors = fieldErrors(failure, 'umpan-balik');
  const mine = failure?.form === 'umpan-balik' ? failure.values : undefined;
  const saved = e.umpanBalik;
  const value = (name: string, stored: string | undefined) => (mine ? (mine[name] ?? '') : (stored ?? ''));
  const levels = e.penilaianAtasan?.baris ?? {};
  return (
    <HasilForm
      e={e}
      viewer={viewer}
      form="umpan-balik"
      title="Umpan balik atasan"
      failure={failure}
      buttons={
        <div class="actions">
          <button type="submit" name="aksi" value="berikan">
            Berikan umpan balik
          </button>
          <button type="submit" name="aksi" value="simpan" class="secondary">
            Simpan draf
          </button>
        </div>
      }
    >
      <p>
        Tuliskan umpan balik per hasil kerja (wajib untuk hasil kerja yang dinilai di bawah ekspektasi), umpan
        balik umum, dan saran perbaikan yang konkret. Saran juga menjadi dasar rekomendasi pelatihan.
      </p>
      {rows.map((r) => {
        const name = barisField(r.id);
        const level = levels[r.id]?.level;
        const wajib = level === 'DI_BAWAH_EKSPEKTASI';
        return (
          <TextArea
            name={name}
            label={`${r.rhk}${wajib ? ' (wajib)' : ''}`}
            value={value(name, saved?.baris[r.id])}
            maxlength={BATAS_UMPAN_BALIK.baris}
            rows={3}
            error={errors[name]}
            hint={level ? `Penilaian atasan: ${LABEL_LEVEL[level]}` : undefined}
          />
        );
      })}
      <TextArea
        name="umum"
        label={`Umpan balik umum (minimal ${BATAS_UMPAN_BALIK.minUmum} karakter)`}
        value={value('umum', saved?.umum)}
        maxlength={BATAS_UMPAN_BALIK.umum}
        rows={4}
        error={errors.umum}
      />
      <TextArea
        name="saran"
        label={`Saran perbaikan yang konkret (minimal ${BATAS_UMPAN_BALIK.minSaran} karakter)`}
        value={value('saran', saved?.saran)}
        maxlength={BATAS_UMPAN_BALIK.saran}
        rows={4}
        error={errors.saran}
      />
      {!e.awaitingWorkflow && (
        <p class="notice">
          Alur kerja sedang tidak menunggu umpan balik; memberi umpan balik mungkin ditolak sementara.
        </p>
      )}
    </HasilForm>
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
  const errors = fieldErrors(failure, 'tanggapan');
  const mine = failure?.form === 'tanggapan' ? failure.values : {};
  return (
    <HasilForm
      e={e}
      viewer={viewer}
      form="tanggapan"
      title="Tanggapan Anda"
      failure={failure}
      buttons={<button type="submit">Kirim tanggapan</button>}
    >
      <p>
        Terima penilaian dan umpan balik, atau ajukan keberatan kepada atasan dari atasan langsung Anda
        {e.deadline ? ` sampai ${waktu(e.deadline)}` : ''}. Tanpa tanggapan sampai tenggat, penilaian dianggap
        diterima.
      </p>
      <PilihanGroup
        legend="Tanggapan"
        name="jenis"
        error={errors.jenis}
        posted={mine.jenis}
        options={[
          ['DITERIMA', 'Saya menerima penilaian ini'],
          ['KEBERATAN', 'Saya mengajukan keberatan'],
        ]}
      />
      <TextArea
        name="alasan"
        label={`Alasan keberatan (wajib bila keberatan, minimal ${BATAS_ALASAN_KEBERATAN.min} karakter)`}
        value={mine.alasan ?? ''}
        maxlength={BATAS_ALASAN_KEBERATAN.max}
        rows={4}
        error={errors.alasan}
      />
    </HasilForm>
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
  const errors = fieldErrors(failure, 'keberatan');
  const mine = failure?.form === 'keberatan' ? failure.values : {};
  const h = e.hasil;
  return (
    <HasilForm
      e={e}
      viewer={viewer}
      form="keberatan"
      title="Putusan keberatan"
      failure={failure}
      buttons={<button type="submit">Putuskan keberatan</button>}
    >
      {e.tanggapan?.alasan && (
        <>
          <p>Alasan keberatan pegawai:</p>
          <blockquote>{e.tanggapan.alasan}</blockquote>
        </>
      )}
      <PilihanGroup
        legend="Keputusan"
        name="keputusan"
        error={errors.keputusan}
        posted={mine.keputusan}
        options={[
          ['DIPERTAHANKAN', 'Pertahankan penilaian atasan'],
          ['DIREVISI', 'Revisi penilaian (predikat dihitung ulang)'],
        ]}
      />
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
      <TextArea
        name="alasan"
        label={`Alasan putusan (wajib, minimal ${BATAS_ALASAN_KEBERATAN.min} karakter)`}
        value={mine.alasan ?? ''}
        required
        maxlength={BATAS_ALASAN_KEBERATAN.max}
        rows={4}
        error={errors.alasan}
      />
    </HasilForm>
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
          ? `Penilaian direvisi: ${perubahanPredikat(LABEL_PREDIKAT[p.sebelum.predikat], LABEL_PREDIKAT[p.sesudah.predikat])}.`
          : `Penilaian dipertahankan (predikat ${LABEL_PREDIKAT[p.sebelum.predikat]}).`}{' '}
        <span class="muted">({waktu(p.pada)})</span>
      </p>
      <blockquote>{p.alasan}</blockquote>
    </div>
  );
}
