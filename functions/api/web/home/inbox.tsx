import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import { waktu } from '../common/format.js';
import type { Viewer } from '../common/types.js';
import { Layout } from '../common/layout.js';
import { ProgressCells, evaluationHref } from '../evaluation/status.js';
import { Table } from '../common/table.js';

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
        <Table head={['Pegawai', 'NIP', 'Siklus', 'Diajukan']}>
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
        </Table>
      )}
      <h2>Tim saya ({team.length})</h2>
      {team.length === 0 ? (
        <p class="muted">Belum ada bawahan langsung yang tercatat untuk Anda.</p>
      ) : (
        <Table head={['Pegawai', 'Jabatan', 'Siklus', 'Tahap dan status', 'Tenggat']}>
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
        </Table>
      )}
    </Layout>
  );
}
