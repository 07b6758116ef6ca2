import * as atasan from '../../domain/evaluation/penilaian-atasan.js';
import * as mandiri from '../../domain/evaluation/penilaian-mandiri.js';
import type { Deps } from '../../runtime/deps.js';
import type { Principal } from '../actor.js';
import { onSheet } from './stage-change.js';

/**
 * The employee's self-assessment and the atasan's review: each saved as drafts, then submitted
 * once, which completes the stage.
 */

export async function simpanPenilaianMandiri(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: mandiri.IsianMandiri,
) {
  return onSheet(cycleId, nip).save(deps, p, version, ({ evaluation: e, rows }) => {
    const patch = mandiri.drafPenilaianMandiri(e, p, rows, input, deps.now());
    const baris = Object.keys(patch.penilaianMandiri!.baris).length;
    return { patch, audit: { action: 'PENILAIAN_MANDIRI_DISIMPAN', detail: { baris } } };
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
  return onSheet(cycleId, nip).complete(deps, p, version, ({ evaluation: e, rows }) => ({
    patch: mandiri.ajukanPenilaianMandiri(e, p, rows, input, deps.now().toISOString()),
    audit: { action: 'PENILAIAN_MANDIRI_DIAJUKAN', detail: { baris: rows.length } },
    output: (after) => ({ diajukanOleh: p.nip, pada: after.updatedAt }),
  }));
}

export async function simpanPenilaianAtasan(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: atasan.IsianAtasan,
) {
  return onSheet(cycleId, nip).save(deps, p, version, ({ evaluation: e, rows }) => {
    const patch = atasan.drafPenilaianAtasan(e, p, rows, input, deps.now());
    // The draft's ratings stay off the trail, which the employee reads: only how far it got.
    const barisDinilai = Object.keys(patch.penilaianAtasan!.baris).length;
    return { patch, audit: { action: 'PENILAIAN_ATASAN_DISIMPAN', detail: { barisDinilai } } };
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
  return onSheet(cycleId, nip).complete(deps, p, version, ({ evaluation: e, rows }) => {
    const patch = atasan.ajukanPenilaianAtasan(e, p, rows, input, deps.now().toISOString());
    const { hasilKerja, perilakuKerja } = patch.penilaianAtasan!;
    return {
      patch,
      audit: { action: 'PENILAIAN_ATASAN_DIAJUKAN', detail: { hasilKerja, perilakuKerja } },
      output: (after) => ({
        dinilaiOleh: p.nip,
        pada: after.updatedAt,
        hasilKerja: hasilKerja.level,
        perilakuKerja: perilakuKerja.level,
      }),
    };
  });
}
