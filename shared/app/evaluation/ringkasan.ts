import type { RencanaPengembangan } from '../../domain/development/rencana.js';
import { susunRingkasan, pilihRencana, type RingkasanEvaluasi } from '../../domain/evaluation/ringkasan.js';
import { getCycle } from '../../data/cycles.js';
import { listRencana } from '../../data/rencana-baca.js';
import type { Deps } from '../../runtime/deps.js';
import type { Principal } from '../actor.js';
import { evaluationDetail } from './queries.js';

/**
 * The one-page summary. Access and the audited read are the evaluation page's own
 * (LIHAT_EVALUASI); the cycle and the employee's plans are read after it (the copy of the plan
 * on the evaluation is written by the development-plan module, which owns its shape).
 */
export async function ringkasan(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
): Promise<RingkasanEvaluasi> {
  const detail = await evaluationDetail(deps, p, cycleId, nip);
  const [cycle, rencana] = await Promise.all([getCycle(deps, cycleId), listRencana(deps, nip)]);
  const { awaitingWorkflow: _, ...e } = detail.evaluation;
  const salinan = (e as { rencanaPengembangan?: RencanaPengembangan }).rencanaPengembangan;
  return susunRingkasan(e, detail.rows, cycle, pilihRencana(rencana, cycleId, salinan));
}
