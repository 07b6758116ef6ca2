import type { TugasRekan } from '../../../../shared/app/evaluation/penilaian-rekan.js';
import { BERAKHLAK, KODE_BERAKHLAK } from '../../../../shared/domain/evaluation/berakhlak.js';
import { BATAS_PENILAIAN } from '../../../../shared/domain/evaluation/penilaian-umum.js';
import { MIN_JAWABAN_REKAN } from '../../../../shared/domain/evaluation/penilaian-rekan.js';
import { SIKLUS_DITUTUP } from '../../../../shared/domain/evaluation/actions.js';
import { isOverdue, tanggal, waktu } from '../common/format.js';
import type { Viewer } from '../common/types.js';
import { ErrorSummary } from '../common/fields.js';
import { CsrfField, Flash, Layout, VersionField } from '../common/layout.js';
import {
  LevelField,
  type PenilaianFailure,
  TextField,
  errorsOf,
  levelText,
  namaNilai,
  summaryIssues,
  valueOf,
  SimpanAjukan,
} from './penilaian-parts.js';
import { Table } from '../common/table.js';

export const rekanHref = (t: { cycleId: string; nip: string }) =>
  `/penilaian-rekan/${encodeURIComponent(t.cycleId)}/${encodeURIComponent(t.nip)}`;

const STATUS_LABEL = { MENUNGGU: 'Menunggu penilaian Anda', SELESAI: 'Sudah diajukan', DILEWATI: 'Terlewat' };

const KERAHASIAAN = `Pegawai yang dinilai tidak melihat nama Anda: ia hanya melihat ringkasan tanpa identitas, dan hanya bila minimal ${MIN_JAWABAN_REKAN} rekan menjawab. Atasan langsungnya melihat penilaian Anda beserta nama Anda.`;

/** The peer reviews asked of me, newest cycle first. */
export function TugasRekanPage({ viewer, items, now }: { viewer: Viewer; items: TugasRekan[]; now: Date }) {
  return (
    <Layout title="Penilaian rekan kerja" viewer={viewer}>
      <h1>Penilaian rekan kerja</h1>
      <p class="muted">Rekan yang meminta Anda menilai perilaku kerjanya (BerAKHLAK). {KERAHASIAAN}</p>
      {items.length === 0 ? (
        <p>Tidak ada penilaian rekan yang diminta dari Anda.</p>
      ) : (
        <Table head={['Pegawai', 'Siklus', 'Status', 'Tenggat', 'Tindakan']}>
          {items.map(({ dinilai, penilaian: r }) => (
            <tr>
              <td>
                {dinilai.nama}
                <br />
                <span class="muted">{dinilai.jabatan}</span>
              </td>
              <td>{dinilai.cycleId}</td>
              <td>{STATUS_LABEL[r.status]}</td>
              <td>
                {r.deadline ? tanggal(r.deadline) : <span class="muted">-</span>}
                {r.deadline &&
                  r.status === 'MENUNGGU' &&
                  isOverdue({ deadline: r.deadline, status: 'DRAFT' }, now) && (
                    <>
                      {' '}
                      <span class="badge">Terlambat</span>
                    </>
                  )}
              </td>
              <td>
                <a href={rekanHref(dinilai)}>{r.status === 'MENUNGGU' ? 'Isi penilaian' : 'Lihat'}</a>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Layout>
  );
}

interface PenilaianRekanPageProps {
  viewer: Viewer;
  tugas: TugasRekan;
  flash?: string | undefined;
  failure?: PenilaianFailure | undefined;
}

const rekanFields = KODE_BERAKHLAK.flatMap((k) => [`nilai.${k}.level`, `nilai.${k}.komentar`]);

/** One peer review: the form while it waits for this peer, what they submitted after. */
export function PenilaianRekanPage({ viewer, tugas, flash, failure }: PenilaianRekanPageProps) {
  const { dinilai, penilaian: r } = tugas;
  const errors = errorsOf(failure);
  return (
    <Layout title={`Penilaian rekan: ${dinilai.nama}`} viewer={viewer}>
      {failure && (
        <ErrorSummary message={failure.message} issues={summaryIssues(failure)} fields={rekanFields} />
      )}
      <Flash text={flash} />
      <p>
        <a href="/penilaian-rekan">← Semua penilaian rekan</a>
      </p>
      <h1>{`Penilaian rekan: ${dinilai.nama}`}</h1>
      <p class="muted">{`${dinilai.jabatan}, ${dinilai.unitNama ?? dinilai.unit}. Siklus ${dinilai.cycleId}.`}</p>
      <p class="muted">{KERAHASIAAN}</p>
      {r.status === 'DILEWATI' ? (
        <p class="notice">Tenggat penilaian sudah lewat; penilaian Anda dilewati.</p>
      ) : r.status === 'SELESAI' ? (
        <>
          <p class="done">
            Penilaian Anda sudah diajukan{r.diajukanPada ? ` ${waktu(r.diajukanPada)}` : ''}.
          </p>
          <ul class="plain">
            {KODE_BERAKHLAK.map((k) => (
              <li>
                <strong>{namaNilai(k)}</strong>: {levelText(r.nilai?.[k]?.level)}
                {r.nilai?.[k]?.komentar && <blockquote>{r.nilai[k]!.komentar}</blockquote>}
              </li>
            ))}
          </ul>
        </>
      ) : r.cycleClosed ? (
        <p class="notice">{SIKLUS_DITUTUP}</p>
      ) : (
        <form method="post" action={rekanHref(dinilai)} class="panel">
          <CsrfField token={viewer.csrf} />
          <VersionField version={r.version} />
          {r.deadline && <p>Tenggat: {waktu(r.deadline)}.</p>}
          <p>Nilai setiap perilaku kerja dengan satu komentar singkat berdasarkan pengamatan Anda.</p>
          {BERAKHLAK.map((v) => {
            const level = `nilai.${v.kode}.level`;
            const komentar = `nilai.${v.kode}.komentar`;
            return (
              <fieldset>
                <legend>{v.nama}</legend>
                <p class="muted">{v.perilaku}</p>
                <LevelField
                  name={level}
                  label="Penilaian"
                  value={valueOf(failure, level, r.nilai?.[v.kode]?.level)}
                  errors={errors}
                />
                <TextField
                  name={komentar}
                  label="Komentar"
                  value={valueOf(failure, komentar, r.nilai?.[v.kode]?.komentar)}
                  errors={errors}
                  max={BATAS_PENILAIAN.teks}
                  rows={2}
                />
              </fieldset>
            );
          })}
          <SimpanAjukan ajukan="Ajukan penilaian" />
        </form>
      )}
    </Layout>
  );
}
