import type { CycleLogEntry } from '../../../../shared/data/kurva.js';
import type { Cycle } from '../../../../shared/domain/evaluation/cycle.js';
import { STAGE_LABEL } from '../../../../shared/domain/evaluation/evaluation.js';
import { LABEL_PREDIKAT } from '../../../../shared/domain/evaluation/hasil.js';
import { PREDIKAT_PEGAWAI } from '../../../../shared/domain/organisation/kurva.js';
import {
  LABEL_PREDIKAT_ORGANISASI,
  MIN_ALASAN_PENGECUALIAN,
  type PemeriksaanPenutupan,
} from '../../../../shared/domain/evaluation/penutupan-siklus.js';
import { waktu } from '../format.js';
import { type HasilFailure, hasilErrors } from '../hasil-forms.js';
import type { Viewer } from '../types.js';
import { ErrorSummary, Field, describedBy, fieldId } from './fields.js';
import { CsrfField, Flash, Layout } from './layout.js';
import { evaluationHref } from './status.js';

export interface PenutupanPageProps {
  viewer: Viewer;
  cycle: Cycle;
  pemeriksaan: PemeriksaanPenutupan;
  log: CycleLogEntry[];
  flash?: string | undefined;
  failure?: HasilFailure | undefined;
}

const DAFTAR_MAKS = 100;
const STATUS_SIKLUS: Record<Cycle['status'], string> = {
  DISIAPKAN: 'disiapkan (belum diluncurkan)',
  DIBUKA: 'dibuka',
  DITUTUP: 'ditutup',
};

function logTeks(l: CycleLogEntry): string {
  const d = l.detail;
  if (l.action === 'SIKLUS_DITUTUP')
    return d.pengecualian
      ? `Menutup siklus dengan pengecualian: "${String(d.alasan ?? '')}"`
      : 'Menutup siklus';
  const p =
    LABEL_PREDIKAT_ORGANISASI[d.predikat as keyof typeof LABEL_PREDIKAT_ORGANISASI] ?? String(d.predikat);
  return `Menetapkan predikat organisasi ${String(d.opd)}: ${p}`;
}

/** BKPSDM's close check: per agency, which rule fails and by how much, and what is still unrated. */
export function PenutupanPage({ viewer, cycle, pemeriksaan: pm, log, flash, failure }: PenutupanPageProps) {
  const errors = hasilErrors(failure, 'tutup');
  const terbuka = cycle.status === 'DIBUKA';
  return (
    <Layout title={`Kurva distribusi dan penutupan siklus ${cycle.id}`} viewer={viewer}>
      {failure && (
        <ErrorSummary
          message={failure.message}
          issues={failure.issues.slice(0, 20)}
          fields={['alasanPengecualian']}
        />
      )}
      <Flash text={flash} />
      <h1>Kurva distribusi dan penutupan: {cycle.nama}</h1>
      <p>
        Status siklus: <strong>{STATUS_SIKLUS[cycle.status]}</strong>.{' '}
        {pm.bolehDitutup
          ? 'Semua OPD sesuai kurva distribusi dan semua evaluasi berpredikat.'
          : `${pm.masalah.length} masalah.`}
      </p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">OPD</th>
              <th scope="col">Predikat organisasi</th>
              <th scope="col">Sebaran predikat pegawai</th>
              <th scope="col">Pemeriksaan</th>
            </tr>
          </thead>
          <tbody>
            {pm.opd.map((o) => (
              <tr>
                <td>
                  <a href={`/opd/${encodeURIComponent(o.opd)}/kurva/${encodeURIComponent(cycle.id)}`}>
                    {o.opd}
                  </a>
                </td>
                <td>
                  {o.predikatOrganisasi
                    ? LABEL_PREDIKAT_ORGANISASI[o.predikatOrganisasi]
                    : 'Belum ditetapkan'}
                </td>
                <td>
                  {o.kurva
                    ? PREDIKAT_PEGAWAI.filter((p) => o.kurva!.distribusi.jumlah[p] > 0)
                        .map((p) => `${LABEL_PREDIKAT[p]} ${o.kurva!.distribusi.jumlah[p]}`)
                        .join(', ') || '-'
                    : '-'}
                  {o.belumDinilai > 0 && (
                    <span class="muted">{` (${o.belumDinilai} dari ${o.jumlahEvaluasi} belum berpredikat)`}</span>
                  )}
                </td>
                <td>{o.masalah.length ? o.masalah.join('; ') : 'Sesuai'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pm.belumDinilai.length > 0 && (
        <>
          <h2>Evaluasi tanpa predikat ({pm.belumDinilai.length})</h2>
          <ul>
            {pm.belumDinilai.slice(0, DAFTAR_MAKS).map((e) => (
              <li>
                <a href={evaluationHref({ cycleId: cycle.id, nip: e.nip })}>{e.nama}</a> ({e.opd}),{' '}
                {STAGE_LABEL[e.stage]}
              </li>
            ))}
          </ul>
          {pm.belumDinilai.length > DAFTAR_MAKS && (
            <p class="muted">Dan {pm.belumDinilai.length - DAFTAR_MAKS} lainnya.</p>
          )}
        </>
      )}
      {pm.keberatanTertunda.length > 0 && (
        <>
          <h2>Keberatan belum diputus ({pm.keberatanTertunda.length})</h2>
          <ul>
            {pm.keberatanTertunda.slice(0, DAFTAR_MAKS).map((e) => (
              <li>
                <a href={evaluationHref({ cycleId: cycle.id, nip: e.nip })}>{e.nama}</a> ({e.opd})
              </li>
            ))}
          </ul>
        </>
      )}
      {terbuka && viewer.user.admin && (
        <form
          method="post"
          action={`/admin/siklus/${encodeURIComponent(cycle.id)}/kurva/tutup`}
          class="panel"
        >
          <h2>Tutup siklus</h2>
          <CsrfField token={viewer.csrf} />
          {!pm.bolehDitutup && (
            <p class="notice">
              Siklus hanya dapat ditutup dengan pengecualian. Alasan dicatat pada log siklus bersama seluruh
              masalah di atas.
            </p>
          )}
          <Field
            name="alasanPengecualian"
            label={`Alasan pengecualian${pm.bolehDitutup ? ' (tidak perlu)' : ` (wajib, minimal ${MIN_ALASAN_PENGECUALIAN} karakter)`}`}
            error={errors.alasanPengecualian}
          >
            <textarea
              id={fieldId('alasanPengecualian')}
              name="alasanPengecualian"
              maxlength={2000}
              rows={3}
              {...describedBy('alasanPengecualian', errors.alasanPengecualian)}
            >
              {failure?.form === 'tutup' ? (failure.values.alasanPengecualian ?? '') : ''}
            </textarea>
          </Field>
          <button type="submit" class="danger">
            Tutup siklus
          </button>
        </form>
      )}
      {log.length > 0 && (
        <>
          <h2>Log siklus</h2>
          <ol class="plain" reversed>
            {[...log].reverse().map((l) => (
              <li>
                {waktu(l.at)}, <strong>{l.actor.nama}</strong>: {logTeks(l)}
              </li>
            ))}
          </ol>
        </>
      )}
    </Layout>
  );
}
