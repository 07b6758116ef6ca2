import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import { SIKLUS_DITUTUP } from '../../../../shared/domain/evaluation/actions.js';
import { Deadline, StageStatus } from './status.js';

/** Whose evaluation it is: the first facts of its pages. */
export function PegawaiFacts({
  e,
}: {
  e: Pick<EvaluationView, 'nama' | 'nip' | 'jabatan' | 'unit' | 'unitNama' | 'opd' | 'opdNama'>;
}) {
  return (
    <>
      <dt>Nama</dt>
      <dd>{e.nama}</dd>
      <dt>NIP</dt>
      <dd>{e.nip}</dd>
      <dt>Jabatan</dt>
      <dd>{e.jabatan}</dd>
      <dt>Unit kerja (OPD)</dt>
      <dd>{`${e.unitNama ?? e.unit}, ${e.opdNama ?? e.opd}`}</dd>
    </>
  );
}

export function EvaluationHeader({ e, now }: { e: EvaluationView; now: Date }) {
  return (
    <>
      <h1>
        SKP {e.nama} <span class="muted">siklus {e.cycleId}</span>
      </h1>
      <dl class="facts">
        <PegawaiFacts e={e} />
        <dt>Atasan langsung</dt>
        <dd>
          {e.atasanNip ? (
            `${e.atasanNama ?? ''} (NIP ${e.atasanNip})`
          ) : (
            <span class="muted">Belum tercatat</span>
          )}
        </dd>
        <dt>Tahap</dt>
        <dd>
          <StageStatus e={e} />
        </dd>
        {/* While waiting, the date is when the assessment window opens, not something due. */}
        <dt>{e.stage === 'MENUNGGU_PENILAIAN' ? 'Masa penilaian dibuka' : 'Tenggat'}</dt>
        <dd>
          <Deadline e={e} now={now} />
        </dd>
      </dl>
      {e.cycleClosed && (
        <p class="notice" role="status">
          {SIKLUS_DITUTUP}
        </p>
      )}
      {e.stage === 'PENETAPAN_TARGET' && e.status === 'SELESAI' && (
        <p class="done" role="status">
          Tahap penetapan target selesai
        </p>
      )}
      {e.status === 'DIKEMBALIKAN' && e.lastComment && (
        <div class="notice">
          <strong>Catatan pengembalian dari atasan:</strong>
          <blockquote>{e.lastComment}</blockquote>
        </div>
      )}
    </>
  );
}
