import type { CycleLogEntry } from '../../../../shared/data/kurva.js';
import type { Cycle } from '../../../../shared/domain/evaluation/cycle.js';
import type { Opd } from '../../../../shared/domain/people/employee.js';
import { LABEL_PREDIKAT } from '../../../../shared/domain/evaluation/hasil.js';
import {
  ATURAN_KURVA,
  type AturanKurva,
  type Distribusi,
  type HasilKurva,
  PREDIKAT_ORGANISASI,
  PREDIKAT_PEGAWAI,
  type PredikatOrganisasi,
} from '../../../../shared/domain/organisation/kurva.js';
import {
  BATAS_ALASAN_KURVA,
  type KurvaOrganisasi,
  LABEL_PREDIKAT_ORGANISASI,
} from '../../../../shared/domain/evaluation/penutupan-siklus.js';
import { waktu } from '../common/format.js';
import { type FormFailure, type Viewer, fieldErrors } from '../common/types.js';
import { ErrorSummary, Field, FieldError, describedBy, fieldId, TextArea } from '../common/fields.js';
import { CsrfField, Flash, Layout } from '../common/layout.js';
import { Table } from '../common/table.js';

export type KurvaFailure = FormFailure<'kurva'>;

const persen = (n: number, total: number) =>
  total ? `${(Math.round((n * 1000) / total) / 10).toString().replace('.', ',')}%` : '-';

/** A rule of the curve in words, e.g. "Sangat Baik paling banyak 70%". */
export function aturanTeks(a: AturanKurva): string {
  const nama = (typeof a.predikat === 'string' ? [a.predikat] : a.predikat)
    .map((p) => LABEL_PREDIKAT[p])
    .join(' atau ');
  if ('paling' in a)
    return a.paling === 0 ? `${nama} tidak boleh ada` : `${nama} paling banyak ${a.paling * 100}%`;
  return a.minimal === 'ada'
    ? `${nama} paling sedikit satu pegawai`
    : `${nama} paling sedikit ${a.minimal * 100}%`;
}

export function DistribusiTable({ distribusi }: { distribusi: Distribusi }) {
  return (
    <Table head={['Predikat pegawai', 'Jumlah', 'Persentase']}>
      {PREDIKAT_PEGAWAI.map((p) => (
        <tr>
          <td>{LABEL_PREDIKAT[p]}</td>
          <td>{distribusi.jumlah[p]}</td>
          <td>{persen(distribusi.jumlah[p], distribusi.total)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function KesesuaianKurva({ hasil }: { hasil: HasilKurva | undefined }) {
  if (!hasil)
    return <p class="notice">Predikat organisasi belum ditetapkan, sehingga kurva belum dapat diperiksa.</p>;
  if (hasil.distribusi.total === 0) return <p class="muted">Belum ada pegawai yang memiliki predikat.</p>;
  return hasil.sesuai ? (
    <p class="done" role="status">
      Sebaran predikat pegawai sesuai kurva distribusi.
    </p>
  ) : (
    <div class="notice">
      <p>
        <strong>Sebaran predikat pegawai belum sesuai kurva distribusi:</strong>
      </p>
      <ul>
        {hasil.pelanggaran.map((p) => (
          <li>{p.pesan}</li>
        ))}
      </ul>
    </div>
  );
}

export interface KurvaPageProps {
  viewer: Viewer;
  opd: Opd;
  cycle: Cycle;
  kurva?: KurvaOrganisasi | undefined;
  pemeriksaan?: HasilKurva | undefined;
  distribusi: Distribusi;
  jumlahEvaluasi: number;
  belumDinilai: number;
  riwayat: CycleLogEntry[];
  bolehUbah: boolean;
  flash?: string | undefined;
  failure?: KurvaFailure | undefined;
}

/** The agency head's view of the curve: their agency's predikat, the employees' spread, the rules. */
export function KurvaPage(p: KurvaPageProps) {
  const { opd, cycle, kurva, failure } = p;
  const errors = fieldErrors(failure, 'kurva');
  const chosen = (failure?.form === 'kurva' ? failure.values.predikat : undefined) ?? kurva?.predikat;
  const action = `/opd/${encodeURIComponent(opd.kode)}/kurva/${encodeURIComponent(cycle.id)}`;
  return (
    <Layout title={`Kurva distribusi ${opd.singkatan} (${cycle.id})`} viewer={p.viewer}>
      {failure && (
        <ErrorSummary message={failure.message} issues={failure.issues} fields={['predikat', 'alasan']} />
      )}
      <Flash text={p.flash} />
      <h1>Kurva distribusi {opd.nama}</h1>
      <p>
        {cycle.nama}
        {cycle.status === 'DITUTUP' ? ' (siklus sudah ditutup)' : ''}.{' '}
        <a href={`/opd/${encodeURIComponent(opd.kode)}?siklus=${encodeURIComponent(cycle.id)}`}>
          Daftar evaluasi OPD
        </a>
        {(p.viewer.user.admin || p.viewer.user.auditor) && (
          <>
            {' · '}
            <a href={`/admin/siklus/${encodeURIComponent(cycle.id)}/kurva`}>
              Pemeriksaan seluruh OPD dan penutupan siklus
            </a>
          </>
        )}
      </p>
      <h2>Predikat kinerja organisasi</h2>
      {kurva ? (
        <p>
          <strong>{LABEL_PREDIKAT_ORGANISASI[kurva.predikat]}</strong>, ditetapkan oleh {kurva.oleh.nama} pada{' '}
          {waktu(kurva.pada)}. Dasar: {kurva.alasan}
        </p>
      ) : (
        <p class="muted">Belum ditetapkan.</p>
      )}
      {kurva && (
        <>
          <p>Aturan kurva untuk organisasi dengan predikat {LABEL_PREDIKAT_ORGANISASI[kurva.predikat]}:</p>
          <ul>
            {ATURAN_KURVA[kurva.predikat].map((a) => (
              <li>{aturanTeks(a)}</li>
            ))}
          </ul>
        </>
      )}
      <h2>Sebaran predikat pegawai</h2>
      <p>
        {p.jumlahEvaluasi} evaluasi; {p.distribusi.total} sudah berpredikat, {p.belumDinilai} belum.
      </p>
      <DistribusiTable distribusi={p.distribusi} />
      <KesesuaianKurva hasil={p.pemeriksaan} />
      {p.bolehUbah && (
        <form method="post" action={action} class="panel">
          <h2>{kurva ? 'Ubah predikat organisasi' : 'Tetapkan predikat organisasi'}</h2>
          <CsrfField token={p.viewer.csrf} />
          <input type="hidden" name="version" value={String(kurva?.version ?? 0)} />
          <Field name="predikat" label="Predikat kinerja organisasi" error={errors.predikat}>
            <select
              id={fieldId('predikat')}
              name="predikat"
              required
              {...describedBy('predikat', errors.predikat)}
            >
              <option value="">Pilih predikat</option>
              {PREDIKAT_ORGANISASI.map((x: PredikatOrganisasi) => (
                <option value={x} selected={chosen === x}>
                  {LABEL_PREDIKAT_ORGANISASI[x]}
                </option>
              ))}
            </select>
          </Field>
          <TextArea
            name="alasan"
            label={`Dasar penetapan (mis. hasil evaluasi SAKIP; minimal ${BATAS_ALASAN_KURVA.min} karakter)`}
            value={failure?.form === 'kurva' ? (failure.values.alasan ?? '') : ''}
            required
            minlength={BATAS_ALASAN_KURVA.min}
            maxlength={BATAS_ALASAN_KURVA.max}
            rows={3}
            error={errors.alasan}
          />
          <FieldError name="version" error={errors.version} />
          <button type="submit">Simpan predikat organisasi</button>
        </form>
      )}
      {p.riwayat.length > 0 && (
        <>
          <h2>Riwayat penetapan</h2>
          <ol class="plain" reversed>
            {[...p.riwayat].reverse().map((l) => (
              <li>
                {waktu(l.at)}, <strong>{l.actor.nama}</strong>:{' '}
                {LABEL_PREDIKAT_ORGANISASI[l.detail.predikat as PredikatOrganisasi] ??
                  String(l.detail.predikat)}
                {typeof l.detail.alasan === 'string' ? ` (${l.detail.alasan})` : ''}
              </li>
            ))}
          </ol>
        </>
      )}
    </Layout>
  );
}
