import * as evaluation from '../../domain/evaluation/evaluation.js';
import { type PutusanInput, putuskanKeberatan } from '../../domain/evaluation/keberatan.js';
import { commitChange } from '../../data/evaluations.js';
import type { Deps } from '../../runtime/deps.js';
import type { Principal } from '../actor.js';
import { resumeAfterDecision } from '../workflow-client.js';
import { evaluationFor } from './muat.js';

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
  const e = await evaluationFor(deps, cycleId, nip);
  const at = deps.now().toISOString();
  const { hasil, putusan } = putuskanKeberatan(e, p, input, at);
  evaluation.assertVersion(e, version);
  const token = e.taskToken!;
  const after = await commitChange(deps, {
    before: e,
    patch: { hasil, putusanKeberatan: putusan, status: 'SELESAI' },
    remove: ['taskToken'],
    audit: { actor: { nip: p.nip, nama: p.nama }, action: 'KEBERATAN_DIPUTUS', detail: { putusan } },
  });
  await resumeAfterDecision(deps, token, { keputusan: putusan.keputusan, predikat: hasil.predikat });
  return after;
}
