import type { Principal } from '../../../../shared/app/actor.js';
import type { PenilaianView } from '../../../../shared/app/evaluation/penilaian-view.js';
import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import { STAGES } from '../../../../shared/domain/evaluation/evaluation.js';
import { availableActions } from '../../../../shared/domain/evaluation/actions.js';
import type { TargetRow } from '../../../../shared/domain/evaluation/skp.js';
import type { Viewer } from '../common/types.js';
import { evaluationHref } from './status.js';
import { AtasanTampil, MandiriTampil, RekanTampil } from './penilaian-tampil.js';

const sejak = (e: EvaluationView, stage: 'PENILAIAN_MANDIRI' | 'PENILAIAN_ATASAN') =>
  STAGES.indexOf(e.stage) >= STAGES.indexOf(stage);

/** Which review form to offer: the domain's available actions (the services' guards). */
export function penilaianAccess(e: EvaluationView, user: Principal, now: Date) {
  const aksi = availableActions(e, user, now);
  return {
    isiMandiri: aksi.has('ISI_PENILAIAN_MANDIRI'),
    nilaiKinerja: aksi.has('NILAI_KINERJA'),
  };
}

export const mandiriHref = (e: { cycleId: string; nip: string }) => `${evaluationHref(e)}/penilaian-mandiri`;
export const atasanHref = (e: { cycleId: string; nip: string }) => `${evaluationHref(e)}/penilaian-atasan`;

interface SectionProps {
  e: EvaluationView;
  rows: TargetRow[];
  penilaian: PenilaianView | undefined;
  viewer: Viewer;
  /** The request's moment: what may be done is decided on it. */
  now: Date;
}

/**
 * The review stages on the evaluation page: links to the forms while they are open, what was
 * submitted after. Peers appear as this reader may see them (per peer only for the atasan).
 */
export function PenilaianSection({ e, rows, penilaian, viewer, now }: SectionProps) {
  if (!sejak(e, 'PENILAIAN_MANDIRI')) return null;
  const access = penilaianAccess(e, viewer.user, now);
  const pm = e.penilaianMandiri;
  const pa = e.penilaianAtasan;
  return (
    <section aria-labelledby="penilaian">
      <h2 id="penilaian">Penilaian kinerja</h2>
      <h3>Penilaian mandiri</h3>
      {access.isiMandiri && (
        <p>
          <a href={mandiriHref(e)}>
            {pm ? 'Lanjutkan penilaian mandiri (draf tersimpan)' : 'Isi penilaian mandiri'}
          </a>
        </p>
      )}
      {pm?.diajukanPada ? (
        <details>
          <summary>Lihat penilaian mandiri yang diajukan</summary>
          <MandiriTampil rows={rows} pm={pm} saran={penilaian?.saran} />
        </details>
      ) : (
        <p class="muted">Penilaian mandiri belum diajukan.</p>
      )}
      {sejak(e, 'PENILAIAN_ATASAN') && (
        <>
          <h3>Penilaian atasan</h3>
          {access.nilaiKinerja && (
            <p>
              <a href={atasanHref(e)}>
                {pa ? 'Lanjutkan penilaian kinerja (draf tersimpan)' : 'Nilai kinerja pegawai ini'}
              </a>
            </p>
          )}
          {pa?.diajukanPada ? (
            <AtasanTampil rows={rows} pa={pa} />
          ) : (
            <p class="muted">Penilaian atasan belum diajukan.</p>
          )}
          <h3>Penilaian rekan kerja</h3>
          {penilaian?.rekan ? (
            <RekanTampil rekan={penilaian.rekan} />
          ) : (
            <p class="muted">Belum ada rekan penilai yang diminta.</p>
          )}
        </>
      )}
    </section>
  );
}
