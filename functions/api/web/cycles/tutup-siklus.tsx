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
import { waktu } from '../common/format.js';
import { type FormFailure, type Viewer, fieldErrors } from '../common/types.js';
import { ErrorSummary, TextArea } from '../common/fields.js';
import { CsrfField, Flash, Layout } from '../common/layout.js';
import { evaluationHref } from '../evaluation/status.js';
import { Table } from '../common/table.js';

export type PenutupanFailure = FormFailure<'tutup'>;

export interface PenutupanPageProps {
  viewer: Viewer;
  cycle: Cycle;
  pemeriksaan: PemeriksaanPenutupan;
  log: CycleLogEntry[];
  flash?: string | undefined;
  failure?: PenutupanFailure | undefined;
}

const DAFTAR_MAKS = 100;
const CYCLE_STATUS: Record<Cycle['status'], string> = {
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
  const errors = fieldErrors(failure, 'tutup');
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
        Status siklus: <strong>{CYCLE_STATUS[cycle.status]}</strong>.{' '}
        {pm.bolehDitutup
          ? 'Semua OPD sesuai kurva distribusi dan semua evaluasi berpredikat.'
          : `${pm.masalah.length} masalah.`}
      </p>
      <Table head={['OPD', 'Predikat organisasi', 'Sebaran predikat pegawai', 'Pemeriksaan']}>
        {pm.opd.map((o) => (
          <tr>
            <td>
              <a href={`/opd/${encodeURIComponent(o.opd)}/kurva/${encodeURIComponent(cycle.id)}`}>{o.opd}</a>
            </td>
            <td>
              {o.predikatOrganisasi ? LABEL_PREDIKAT_ORGANISASI[o.predikatOrganisasi] : 'Belum ditetapkan'}
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
      </Table>
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
          <TextArea
            name="alasanPengecualian"
            label={`Alasan pengecualian${pm.bolehDitutup ? ' (tidak perlu)' : ` (wajib, minimal ${MIN_ALASAN_PENGECUALIAN} karakter)`}`}
            value={failure?.form === 'tutup' ? (failure.values.alasanPengecualian ?? '') : ''}
            maxlength={2000}
            rows={3}
            error={errors.alasanPengecualian}
          />
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
