import * as atasan from '../../domain/evaluation/penilaian-atasan.js';
import * as mandiri from '../../domain/evaluation/penilaian-mandiri.js';
import type { PenilaianMandiri } from '../../domain/evaluation/penilaian-model.js';
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

/** The fields an object gives (JSON has no `undefined`: an absent field is not given). */
const diberikan = <T extends object>(o: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * What a submission consists of: the saved draft, each field the body gives overriding the
 * draft's, per row and per value (`realisasi: null` clears one). `{ version }` alone submits the
 * draft as saved; the domain then checks the whole as complete and names what is missing.
 * Draft rows of rows no longer on the SKP are left out (the SKP is fixed by then; belt and braces).
 */
export function isianDenganDraf(
  draf: PenilaianMandiri | undefined,
  rowIds: readonly string[],
  input: mandiri.IsianMandiri,
): mandiri.IsianMandiri {
  const baris: NonNullable<mandiri.IsianMandiri['baris']> = {};
  for (const id of rowIds) {
    const row = { ...diberikan(draf?.baris[id]), ...diberikan(input.baris?.[id]) };
    if (Object.keys(row).length) baris[id] = row;
  }
  // Rows the SKP does not have stay in, for the domain to refuse by name.
  for (const [id, row] of Object.entries(input.baris ?? {})) if (!rowIds.includes(id)) baris[id] = row;
  const perilaku: NonNullable<mandiri.IsianMandiri['perilaku']> = {};
  const kodes = new Set([...Object.keys(draf?.perilaku ?? {}), ...Object.keys(input.perilaku ?? {})]);
  for (const kode of kodes) {
    const drafNilai = draf?.perilaku[kode as keyof PenilaianMandiri['perilaku']];
    perilaku[kode] = { ...diberikan(drafNilai), ...diberikan(input.perilaku?.[kode]) };
  }
  return { baris, perilaku };
}

/**
 * Submits the self-assessment: the saved draft with what the body adds or changes (see
 * isianDenganDraf), complete or refused with 422 naming each missing field.
 */
export async function ajukanPenilaianMandiri(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: mandiri.IsianMandiri,
) {
  return onSheet(cycleId, nip).complete(deps, p, version, ({ evaluation: e, rows }) => ({
    patch: mandiri.ajukanPenilaianMandiri(
      e,
      p,
      rows,
      isianDenganDraf(
        e.penilaianMandiri,
        rows.map((r) => r.id),
        input,
      ),
      deps.now().toISOString(),
    ),
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
