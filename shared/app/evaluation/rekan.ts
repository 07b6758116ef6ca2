import { assertCanSetRekan, checkRekan } from '../../domain/evaluation/rekan.js';
import { getEmployees, listActiveByOpd } from '../../data/people.js';
import type { Deps } from '../../runtime/deps.js';
import type { Principal } from '../actor.js';
import { onEvaluation } from './stage-change.js';

/** The employee proposes, or the atasan edits, the peers who will rate the employee's behaviour. */
export async function setRekan(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  nips: string[],
) {
  return onEvaluation(cycleId, nip).save(deps, p, version, async (e) => {
    const oleh = assertCanSetRekan(e, p, deps.now());
    const rekan = checkRekan(e, nips, await getEmployees(deps, nips));
    return { patch: { rekan }, audit: { action: 'REKAN_DIUSULKAN', detail: { rekan, oleh } } };
  });
}

/** Colleagues who may be proposed: active people of the same OPD, less the employee and the two atasan. */
export async function calonRekan(
  deps: Deps,
  e: { nip: string; opd: string; atasanNip?: string; atasanAtasanNip?: string },
) {
  return (await listActiveByOpd(deps, e.opd))
    .filter((x) => x.nip !== e.nip && x.nip !== e.atasanNip && x.nip !== e.atasanAtasanNip)
    .map((x) => ({ nip: x.nip, nama: x.nama, jabatan: x.jabatan }))
    .sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
}
