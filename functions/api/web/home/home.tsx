import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import type { Notice } from '../../../../shared/data/notices.js';
import type { Viewer } from '../common/types.js';
import { Flash, Layout } from '../common/layout.js';
import { ProgressCells, evaluationHref } from '../evaluation/status.js';
import { Table } from '../common/table.js';
import { NoticeList } from './notifikasi.js';

export interface HomeProps {
  viewer: Viewer;
  now: Date;
  evaluations: EvaluationView[];
  notices: Notice[];
  /** Subordinates' evaluations: the inbox link only matters to someone who is an atasan. */
  teamSize: number;
  waitingCount: number;
  flash?: string | undefined;
}

export function HomePage({ viewer, now, evaluations, notices, teamSize, waitingCount, flash }: HomeProps) {
  return (
    <Layout title="Evaluasi saya" viewer={viewer}>
      <h1>Evaluasi saya</h1>
      <Flash text={flash} />
      {teamSize > 0 && (
        <p class={waitingCount > 0 ? 'notice' : undefined}>
          <a href="/kotak-masuk">
            Kotak masuk atasan
            {waitingCount > 0 ? `: ${waitingCount} SKP menunggu persetujuan Anda` : ''}
          </a>
        </p>
      )}
      {evaluations.length === 0 ? (
        <p>Belum ada evaluasi untuk Anda. Evaluasi dibuat saat BKPSDM membuka siklus penilaian.</p>
      ) : (
        <Table
          head={['Siklus', 'Tahap dan status', 'Tenggat']}
          caption="Daftar evaluasi kinerja Anda"
          captionClass="muted"
        >
          {evaluations.map((e) => (
            <tr>
              <td>
                <a href={evaluationHref(e)}>Siklus {e.cycleId}</a>
              </td>
              <ProgressCells e={e} now={now} />
            </tr>
          ))}
        </Table>
      )}
      <h2>Notifikasi</h2>
      <NoticeList notices={notices} viewer={viewer} />
    </Layout>
  );
}
