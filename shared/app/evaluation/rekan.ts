import { assertVersion } from '../../domain/evaluation/evaluation.js';
import { assertCanSetRekan, checkRekan } from '../../domain/evaluation/rekan.js';
import { commitChange } from '../../data/evaluations.js';
import { getEmployees, listActiveByOpd } from '../../data/people.js';
import type { Deps } from '../../runtime/deps.js';
import type { Principal } from '../actor.js';
import { evaluationFor } from './muat.js';

/** The employee proposes, or the atasan edits, the peers who will rate the employee's behaviour. */
export async function setRekan(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  nips: string[],
) {
  const e = await evaluationFor(deps, cycleId, nip);
  const as = assertCanSetRekan(e, p, deps.now());
  assertVersion(e, version);
  const rekan = checkRekan(e, nips, await getEmployees(deps, nips));
  return commitChange(deps, {
    before: e,
    patch: { rekan },
    audit: { actor: { nip: p.nip, nama: p.nama }, action: 'REKAN_DIUSULKAN', detail: { rekan, oleh: as } },
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
