import type { Principal } from '../../../../../shared/app/actor.js';
import type { PenilaianView } from '../../../../../shared/app/evaluation/penilaian-view.js';
import type { EvaluationView } from '../../../../../shared/app/evaluation/queries.js';
import { STAGES } from '../../../../../shared/domain/evaluation/evaluation.js';
import { decide } from '../../../../../shared/domain/people/policy.js';
import type { TargetRow } from '../../../../../shared/domain/evaluation/skp.js';
import type { Viewer } from '../../types.js';
import { evaluationHref } from '../status.js';
import { AtasanTampil, MandiriTampil, RekanTampil } from './penilaian-tampil.js';

const sejak = (e: EvaluationView, stage: 'PENILAIAN_MANDIRI' | 'PENILAIAN_ATASAN') =>
  STAGES.indexOf(e.stage) >= STAGES.indexOf(stage);

/** Which review form to offer; the services decide again on submit. */
export function penilaianAccess(e: EvaluationView, user: Principal) {
  const open = (stage: string) => e.stage === stage && e.status === 'DRAFT';
  const atasan = decide(user, 'NILAI_KINERJA', e).boleh;
  return {
    atasan,
    isiMandiri: open('PENILAIAN_MANDIRI') && decide(user, 'ISI_PENILAIAN_MANDIRI', e).boleh,
    nilaiKinerja: open('PENILAIAN_ATASAN') && atasan,
  };
}

export const mandiriHref = (e: { cycleId: string; nip: string }) => `${evaluationHref(e)}/penilaian-mandiri`;
export const atasanHref = (e: { cycleId: string; nip: string }) => `${evaluationHref(e)}/penilaian-atasan`;

interface SectionProps {
  e: EvaluationView;
  rows: TargetRow[];
  penilaian: PenilaianView | undefined;
  viewer: Viewer;
}

/**
 * The review stages on the evaluation page: links to the forms while they are open, what was
 * submitted after. Peers appear as this reader may see them (per peer only for the atasan).
 */
export function PenilaianSection({ e, rows, penilaian, viewer }: SectionProps) {
  if (!sejak(e, 'PENILAIAN_MANDIRI')) return null;
  const access = penilaianAccess(e, viewer.user);
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
