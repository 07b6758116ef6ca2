import type { Principal } from '../../../shared/app/actor.js';
import type { EvaluationView } from '../../../shared/app/queries.js';

/**
 * Which forms to offer. The domain functions decide again on submit; this only avoids
 * showing buttons that would certainly be refused.
 */
export function accessOf(e: EvaluationView, user: Principal) {
  const owner = e.nip === user.nip;
  const atasan = !!e.atasanNip && e.atasanNip === user.nip;
  const targetStage = e.stage === 'PENETAPAN_TARGET';
  return {
    owner,
    atasan,
    canEditTargets: owner && targetStage && (e.status === 'DRAFT' || e.status === 'DIKEMBALIKAN'),
    canSetEkspektasi: atasan && targetStage && e.status !== 'SELESAI',
    canDecide: atasan && targetStage && e.status === 'DIAJUKAN',
  };
}

export type Access = ReturnType<typeof accessOf>;
