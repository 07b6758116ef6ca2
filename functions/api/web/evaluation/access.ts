import type { Principal } from '../../../../shared/app/actor.js';
import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import { availableActions } from '../../../../shared/domain/evaluation/actions.js';
import { decide } from '../../../../shared/domain/people/policy.js';

/**
 * Which target-setting forms to offer: the domain's available actions (the same the services'
 * guards check), at the request's moment. `owner` is the role alone, to tell "not yours" (403)
 * from "not now" (409) on the row edit page.
 */
export function accessOf(e: EvaluationView, user: Principal, now: Date) {
  const aksi = availableActions(e, user, now);
  return {
    owner: decide(user, 'UBAH_SKP', e, now).boleh,
    canEditTargets: aksi.has('UBAH_SKP'),
    canSetEkspektasi: aksi.has('TETAPKAN_EKSPEKTASI'),
    canDecide: aksi.has('PUTUSKAN_SKP'),
    canSetRekan: aksi.has('USULKAN_REKAN'),
  };
}

export type Access = ReturnType<typeof accessOf>;
