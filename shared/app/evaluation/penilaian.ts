import { assertVersion } from '../../domain/evaluation/evaluation.js';
import * as atasan from '../../domain/evaluation/penilaian-atasan.js';
import * as mandiri from '../../domain/evaluation/penilaian-mandiri.js';
import { commitChange } from '../../data/evaluations.js';
import type { Deps } from '../../runtime/deps.js';
import { actorOf, type Principal } from '../actor.js';
import { resumeAfterDecision } from '../workflow-client.js';
import { sheetFor } from './muat.js';

/**
 * The employee's self-assessment and the atasan's review: each saved as drafts, then submitted
 * once, which completes the stage. The submission is recorded first and then reported to the
 * workflow; if the report is lost, the stage's deadline handler or the resumed execution finds
 * the stage done and moves on.
 */

export async function simpanPenilaianMandiri(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: mandiri.IsianMandiri,
) {
  const { evaluation: e, rows } = await sheetFor(deps, cycleId, nip);
  const patch = mandiri.drafPenilaianMandiri(e, p, rows, input);
  assertVersion(e, version);
  return commitChange(deps, {
    before: e,
    patch,
    audit: {
      actor: actorOf(p),
      action: 'PENILAIAN_MANDIRI_DISIMPAN',
      detail: { baris: Object.keys(patch.penilaianMandiri!.baris).length },
    },
  });
}

export async function ajukanPenilaianMandiri(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: mandiri.IsianMandiri,
) {
  const { evaluation: e, rows } = await sheetFor(deps, cycleId, nip);
  const patch = mandiri.ajukanPenilaianMandiri(e, p, rows, input, deps.now().toISOString());
  assertVersion(e, version);
  const token = e.taskToken!;
  const after = await commitChange(deps, {
    before: e,
    patch,
    remove: ['taskToken'],
    audit: { actor: actorOf(p), action: 'PENILAIAN_MANDIRI_DIAJUKAN', detail: { baris: rows.length } },
  });
  await resumeAfterDecision(deps, token, { diajukanOleh: p.nip, pada: after.updatedAt });
  return after;
}

export async function simpanPenilaianAtasan(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: atasan.IsianAtasan,
) {
  const { evaluation: e, rows } = await sheetFor(deps, cycleId, nip);
  const patch = atasan.drafPenilaianAtasan(e, p, rows, input);
  assertVersion(e, version);
  // The draft's ratings stay off the trail, which the employee reads: only how far it got.
  return commitChange(deps, {
    before: e,
    patch,
    audit: {
      actor: actorOf(p),
      action: 'PENILAIAN_ATASAN_DISIMPAN',
      detail: { barisDinilai: Object.keys(patch.penilaianAtasan!.baris).length },
    },
  });
}

export async function ajukanPenilaianAtasan(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: atasan.IsianAtasan,
) {
  const { evaluation: e, rows } = await sheetFor(deps, cycleId, nip);
  const patch = atasan.ajukanPenilaianAtasan(e, p, rows, input, deps.now().toISOString());
  assertVersion(e, version);
  const token = e.taskToken!;
  const { hasilKerja, perilakuKerja } = patch.penilaianAtasan!;
  const after = await commitChange(deps, {
    before: e,
    patch,
    remove: ['taskToken'],
    audit: { actor: actorOf(p), action: 'PENILAIAN_ATASAN_DIAJUKAN', detail: { hasilKerja, perilakuKerja } },
  });
  await resumeAfterDecision(deps, token, {
    dinilaiOleh: p.nip,
    pada: after.updatedAt,
    hasilKerja: hasilKerja.level,
    perilakuKerja: perilakuKerja.level,
  });
  return after;
}
