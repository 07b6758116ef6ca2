import type { PenilaianView } from '../../../../shared/app/evaluation/penilaian-view.js';
import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import { BERAKHLAK } from '../../../../shared/domain/evaluation/berakhlak.js';
import { BATAS_PENILAIAN } from '../../../../shared/domain/evaluation/penilaian-umum.js';
import type { ItemRencana } from '../../../../shared/domain/development/index.js';
import type { TargetRow } from '../../../../shared/domain/evaluation/skp.js';
import { angka } from '../common/format.js';
import { errorAt } from './penilaian-forms.js';
import type { Viewer } from '../common/types.js';
import { ErrorSummary, Field, describedBy, fieldId } from '../common/fields.js';
import { CsrfField, Flash, Layout, VersionField } from '../common/layout.js';
import { evaluationHref } from './status.js';
import { mandiriHref, penilaianAccess } from './penilaian-section.js';
import {
  LevelField,
  type PenilaianFailure,
  TextField,
  errorsOf,
  summaryIssues,
  valueOf,
  SimpanAjukan,
} from './penilaian-parts.js';
import { MandiriTampil } from './penilaian-tampil.js';
import { PelatihanSelesaiSection } from '../development/rencana.js';

export interface ReviewPageProps {
  viewer: Viewer;
  /** The request's moment (deps.now()): what may be done is decided on it, never on the wall clock. */
  now: Date;
  evaluation: EvaluationView;
  rows: TargetRow[];
  penilaian: PenilaianView;
  flash?: string | undefined;
  failure?: PenilaianFailure | undefined;
  /** Trainings completed in the cycle's year: offered as evidence (bukti dukung). */
  pelatihan?: { items: readonly ItemRencana[]; tahun: number } | undefined;
}

export const mandiriFields = (rows: readonly TargetRow[]) => [
  ...rows.flatMap((r) => ['realisasi', 'narasi', 'bukti'].map((f) => `baris.${r.id}.${f}`)),
  ...BERAKHLAK.flatMap((v) => [`perilaku.${v.kode}.level`, `perilaku.${v.kode}.contoh`]),
];

/** The employee's self-assessment: the form while the stage is open to them, else what was submitted. */
export function MandiriPage({
  viewer,
  now,
  evaluation: e,
  rows,
  penilaian,
  flash,
  failure,
  pelatihan,
}: ReviewPageProps) {
  const access = penilaianAccess(e, viewer.user, now);
  const pm = e.penilaianMandiri;
  return (
    <Layout title="Penilaian mandiri" viewer={viewer}>
      {failure && (
        <ErrorSummary
          message={failure.message}
          issues={summaryIssues(failure, rows)}
          fields={mandiriFields(rows)}
        />
      )}
      <Flash text={flash} />
      <p>
        <a href={evaluationHref(e)}>← Kembali ke evaluasi</a>
      </p>
      <h1>Penilaian mandiri</h1>
      <p class="muted">{`${e.nama}, siklus ${e.cycleId}`}</p>
      {access.isiMandiri ? (
        <>
          <MandiriForm viewer={viewer} e={e} rows={rows} failure={failure} />
          {pelatihan && <PelatihanSelesaiSection items={pelatihan.items} tahun={pelatihan.tahun} />}
        </>
      ) : pm ? (
        <>
          {!pm.diajukanPada && <p class="notice">Draf; belum diajukan.</p>}
          <MandiriTampil rows={rows} pm={pm} saran={penilaian.saran} />
        </>
      ) : (
        <p>Penilaian mandiri belum diajukan, atau tahapnya tidak sedang terbuka untuk Anda.</p>
      )}
    </Layout>
  );
}

interface FormProps {
  viewer: Viewer;
  e: EvaluationView;
  rows: TargetRow[];
  failure?: PenilaianFailure | undefined;
}

function MandiriForm({ viewer, e, rows, failure }: FormProps) {
  const errors = errorsOf(failure);
  const pm = e.penilaianMandiri;
  return (
    <form method="post" action={mandiriHref(e)} class="panel">
      <CsrfField token={viewer.csrf} />
      <VersionField version={e.version} />
      <p>
        Isi realisasi setiap hasil kerja dengan narasi singkat dan bukti dukung, lalu nilai perilaku kerja
        Anda sendiri. Simpan draf kapan saja; ajukan bila semuanya lengkap. Setelah diajukan, penilaian
        mandiri tidak dapat diubah.
      </p>
      <h2>Hasil kerja</h2>
      {rows.map((row, i) => {
        const b = pm?.baris[row.id];
        const name = (f: string) => `baris.${row.id}.${f}`;
        const realisasi = name('realisasi');
        const realisasiError = errorAt(errors, realisasi);
        const hint =
          row.aspek === 'WAKTU'
            ? `Aspek waktu: isi lama penyelesaian dalam ${row.satuan}; makin singkat makin baik.`
            : undefined;
        return (
          <fieldset id={`baris-${row.id}`}>
            <legend>{`${i + 1}. ${row.rhk}`}</legend>
            <p class="muted">{`${row.indikator}. Target: ${angka(row.target)} ${row.satuan}.`}</p>
            <Field name={realisasi} label={`Realisasi (${row.satuan})`} error={realisasiError} hint={hint}>
              <input
                type="text"
                inputmode="decimal"
                id={fieldId(realisasi)}
                name={realisasi}
                value={
                  valueOf(failure, realisasi, b?.realisasi !== undefined ? String(b.realisasi) : '') ?? ''
                }
                {...describedBy(realisasi, realisasiError, !!hint)}
              />
            </Field>
            <TextField
              name={name('narasi')}
              label="Narasi capaian"
              value={valueOf(failure, name('narasi'), b?.narasi)}
              errors={errors}
              max={BATAS_PENILAIAN.teks}
            />
            <TextField
              name={name('bukti')}
              label="Bukti dukung"
              hint={`Satu per baris, paling banyak ${BATAS_PENILAIAN.bukti}: alamat web lengkap (awalan http atau https) atau keterangan singkat, misalnya nomor berita acara.`}
              value={valueOf(failure, name('bukti'), b?.bukti.join('\n'))}
              errors={errors}
              max={BATAS_PENILAIAN.bukti * (BATAS_PENILAIAN.tautan + 1)}
            />
          </fieldset>
        );
      })}
      <h2>Perilaku kerja (BerAKHLAK)</h2>
      {BERAKHLAK.map((v) => {
        const p = pm?.perilaku[v.kode];
        const level = `perilaku.${v.kode}.level`;
        const contoh = `perilaku.${v.kode}.contoh`;
        const ekspektasi = e.ekspektasi[v.kode];
        return (
          <fieldset>
            <legend>{v.nama}</legend>
            <p class="muted">{v.perilaku}</p>
            {ekspektasi && (
              <p>
                Ekspektasi khusus atasan: <q>{ekspektasi}</q>
              </p>
            )}
            <LevelField
              name={level}
              label="Penilaian diri"
              value={valueOf(failure, level, p?.level)}
              errors={errors}
            />
            <TextField
              name={contoh}
              label="Contoh perilaku pada periode ini"
              value={valueOf(failure, contoh, p?.contoh)}
              errors={errors}
              max={BATAS_PENILAIAN.teks}
            />
          </fieldset>
        );
      })}
      <SimpanAjukan ajukan="Ajukan penilaian mandiri" />
    </form>
  );
}
