import { type PutusanInput, putuskanKeberatan } from '../../domain/evaluation/keberatan.js';
import type { Deps } from '../../runtime/deps.js';
import type { Principal } from '../actor.js';
import { onEvaluation } from './stage-change.js';

/**
 * The atasan's atasan upholds or revises the contested ratings. The result and the decision
 * (with before and after) are written together, so the predikat never changes without its reason.
 */
export async function putuskan(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: PutusanInput,
) {
  return onEvaluation(cycleId, nip).complete(deps, p, version, (e) => {
    const { hasil, putusan } = putuskanKeberatan(e, p, input, deps.now().toISOString());
    return {
      patch: { hasil, putusanKeberatan: putusan, status: 'SELESAI' },
      audit: { action: 'KEBERATAN_DIPUTUS', detail: { putusan } },
      output: () => ({ keputusan: putusan.keputusan, predikat: hasil.predikat }),
    };
  });
}
