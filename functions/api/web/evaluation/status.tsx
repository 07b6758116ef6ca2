import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import { STAGE_LABEL, STATUS_LABEL } from '../../../../shared/domain/evaluation/evaluation.js';
import { isOverdue, tanggal } from '../common/format.js';

export const evaluationHref = (e: { cycleId: string; nip: string }) =>
  `/evaluasi/${encodeURIComponent(e.cycleId)}/${encodeURIComponent(e.nip)}`;

export function StageStatus({ e }: { e: Pick<EvaluationView, 'stage' | 'status'> }) {
  // The last stage is itself the status: "Selesai: Selesai" says nothing twice.
  if (e.stage === 'SELESAI') return <strong>Evaluasi selesai</strong>;
  return (
    <>
      {STAGE_LABEL[e.stage]}: <strong>{STATUS_LABEL[e.status]}</strong>
    </>
  );
}

/** The marker is text, not only colour, so it survives greyscale screens and screen readers. */
export function Deadline({
  e,
  now,
}: {
  e: Pick<EvaluationView, 'deadline' | 'status' | 'overdueCount'> & Partial<Pick<EvaluationView, 'stage'>>;
  now: Date;
}) {
  // A finished evaluation keeps its last stage's deadline on record; nothing is due any more.
  if (e.stage === 'SELESAI') return <span class="muted">Tidak ada (evaluasi selesai)</span>;
  if (!e.deadline) return <span class="muted">Belum ditetapkan</span>;
  return (
    <>
      {tanggal(e.deadline)}
      {isOverdue(e, now) && (
        <>
          {' '}
          <span class="badge">Terlambat</span>
        </>
      )}
      {e.overdueCount > 0 && <span class="muted"> (tenggat diperpanjang {e.overdueCount}×)</span>}
    </>
  );
}

/** The two cells every evaluation list shows: where it stands, and by when. */
export function ProgressCells({
  e,
  now,
}: {
  e: Parameters<typeof Deadline>[0]['e'] & Pick<EvaluationView, 'stage' | 'status'>;
  now: Date;
}) {
  return (
    <>
      <td>
        <StageStatus e={e} />
      </td>
      <td>
        <Deadline e={e} now={now} />
      </td>
    </>
  );
}
