import type { Principal } from '../../../shared/app/actor.js';
import type { EvaluationView } from '../../../shared/app/evaluation/queries.js';
import { decide } from '../../../shared/domain/people/policy.js';

/**
 * Which forms to offer. The domain functions decide again on submit; this only avoids
 * showing buttons that would certainly be refused.
 */
export function accessOf(e: EvaluationView, user: Principal) {
  const owner = decide(user, 'UBAH_SKP', e).boleh;
  const atasan = decide(user, 'PUTUSKAN_SKP', e).boleh;
  const targetStage = e.stage === 'PENETAPAN_TARGET';
  return {
    owner,
    atasan,
    canEditTargets: owner && targetStage && (e.status === 'DRAFT' || e.status === 'DIKEMBALIKAN'),
    canSetEkspektasi: atasan && targetStage && e.status !== 'SELESAI',
    canDecide: atasan && targetStage && e.status === 'DIAJUKAN',
    canSetRekan:
      targetStage &&
      ((owner && (e.status === 'DRAFT' || e.status === 'DIKEMBALIKAN')) ||
        (atasan && e.status === 'DIAJUKAN')),
  };
}

export type Access = ReturnType<typeof accessOf>;
