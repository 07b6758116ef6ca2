import type { EvaluationListItem } from '../../../../shared/app/evaluation/queries.js';
import type { Cycle } from '../../../../shared/domain/evaluation/cycle.js';
import type { Opd } from '../../../../shared/domain/people/employee.js';
import type { Viewer } from '../common/types.js';
import { Layout } from '../common/layout.js';
import { ProgressCells, evaluationHref } from '../evaluation/status.js';
import { Table } from '../common/table.js';

export interface AgencyPageProps {
  viewer: Viewer;
  now: Date;
  opd: Opd;
  cycle: Cycle;
  /** OPDs this person may open (all for BKPSDM and auditors, their own for a kepala OPD). */
  choices: Opd[];
  evaluations: EvaluationListItem[];
}

/** An agency at a glance: who is where in the cycle. Opening one evaluation is audited. */
export function AgencyPage({ viewer, now, opd, cycle, choices, evaluations }: AgencyPageProps) {
  const count = (status: string) => evaluations.filter((e) => e.status === status).length;
  return (
    <Layout title={`Evaluasi ${opd.singkatan}`} viewer={viewer}>
      <h1>{opd.nama}</h1>
      <p>
        {cycle.nama}: {evaluations.length} evaluasi; {count('DRAFT')} draf, {count('DIKEMBALIKAN')}{' '}
        dikembalikan, {count('DIAJUKAN')} menunggu atasan, {count('SELESAI')} selesai;{' '}
        {evaluations.filter((e) => e.overdueCount > 0).length} pernah terlambat.
      </p>
      <p>
        <a href={`/opd/${encodeURIComponent(opd.kode)}/kurva/${encodeURIComponent(cycle.id)}`}>
          Kurva distribusi predikat
        </a>
      </p>
      {choices.length > 1 && (
        <nav aria-label="OPD lain">
          <p>
            {choices.map((o) => (
              <>
                <a href={`/opd/${o.kode}?siklus=${encodeURIComponent(cycle.id)}`}>{o.singkatan}</a>{' '}
              </>
            ))}
          </p>
        </nav>
      )}
      <Table head={['Pegawai', 'Unit kerja', 'Atasan', 'Tahap dan status', 'Tenggat']}>
        {evaluations.map((e) => (
          <tr>
            <td>
              <a href={evaluationHref(e)}>{e.nama}</a>
            </td>
            <td>{e.unitNama ?? e.unit}</td>
            <td>{e.atasanNama ?? '-'}</td>
            <ProgressCells e={e} now={now} />
          </tr>
        ))}
      </Table>
    </Layout>
  );
}
