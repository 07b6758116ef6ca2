import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import type { Notice } from '../../../../shared/data/notices.js';
import { waktu } from '../format.js';
import type { Viewer } from '../types.js';
import { Flash, Layout } from './layout.js';
import { ProgressCells, evaluationHref } from './status.js';

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

const KIND_LABEL: Record<Notice['kind'], string> = { ESKALASI: 'Eskalasi', PENGINGAT: 'Pengingat' };

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
        <div class="table-scroll">
          <table>
            <caption class="muted">Daftar evaluasi kinerja Anda</caption>
            <thead>
              <tr>
                <th scope="col">Siklus</th>
                <th scope="col">Tahap dan status</th>
                <th scope="col">Tenggat</th>
              </tr>
            </thead>
            <tbody>
              {evaluations.map((e) => (
                <tr>
                  <td>
                    <a href={evaluationHref(e)}>Siklus {e.cycleId}</a>
                  </td>
                  <ProgressCells e={e} now={now} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Notifikasi</h2>
      {notices.length === 0 ? (
        <p class="muted">Tidak ada notifikasi.</p>
      ) : (
        <ul class="plain">
          {notices.map((n) => (
            <li>
              <strong>
                {KIND_LABEL[n.kind] ?? n.kind}: {n.subject}
              </strong>
              <br />
              <span class="muted">{waktu(n.at)}</span>
              <p>{n.body}</p>
              <a href={evaluationHref(n)}>Buka evaluasi {n.nip === viewer.user.nip ? 'saya' : 'terkait'}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
