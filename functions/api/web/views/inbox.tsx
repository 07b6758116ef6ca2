import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import { waktu } from '../format.js';
import type { Viewer } from '../types.js';
import { Layout } from './layout.js';
import { ProgressCells, evaluationHref } from './status.js';

export interface InboxProps {
  viewer: Viewer;
  now: Date;
  waiting: EvaluationView[];
  team: EvaluationView[];
}

export function InboxPage({ viewer, now, waiting, team }: InboxProps) {
  return (
    <Layout title="Kotak masuk atasan" viewer={viewer}>
      <h1>Kotak masuk atasan</h1>
      <h2>Menunggu persetujuan Anda ({waiting.length})</h2>
      {waiting.length === 0 ? (
        <p class="muted">Tidak ada SKP yang menunggu persetujuan.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Pegawai</th>
                <th scope="col">NIP</th>
                <th scope="col">Siklus</th>
                <th scope="col">Diajukan</th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((e) => (
                <tr>
                  <td>
                    <a href={evaluationHref(e)}>{e.nama}</a>
                  </td>
                  <td>{e.nip}</td>
                  <td>{e.cycleId}</td>
                  <td>{waktu(e.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Tim saya ({team.length})</h2>
      {team.length === 0 ? (
        <p class="muted">Belum ada bawahan langsung yang tercatat untuk Anda.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Pegawai</th>
                <th scope="col">Jabatan</th>
                <th scope="col">Siklus</th>
                <th scope="col">Tahap dan status</th>
                <th scope="col">Tenggat</th>
              </tr>
            </thead>
            <tbody>
              {team.map((e) => (
                <tr>
                  <td>
                    <a href={evaluationHref(e)}>{e.nama}</a>
                    <br />
                    <span class="muted">{e.nip}</span>
                  </td>
                  <td>{e.jabatan}</td>
                  <td>{e.cycleId}</td>
                  <ProgressCells e={e} now={now} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
