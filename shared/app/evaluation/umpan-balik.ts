import {
  type JenisTanggapanPegawai,
  type UmpanBalikInput,
  assertBisaUmpanBalik,
  assertMenunggu,
  susunUmpanBalik,
  tanggapi,
} from '../../domain/evaluation/umpan-balik.js';
import type { EvaluationSheet } from '../../data/evaluations.js';
import type { Deps } from '../../runtime/deps.js';
import type { Principal } from '../actor.js';
import { onEvaluation, onSheet } from './stage-change.js';

function konteks({ evaluation: e, rows }: EvaluationSheet) {
  const baris = e.penilaianAtasan?.baris ?? {};
  return {
    rowIds: rows.map((r) => r.id),
    barisDiBawah: rows.filter((r) => baris[r.id]?.level === 'DI_BAWAH_EKSPEKTASI').map((r) => r.id),
  };
}

/** The atasan's draft: saved as often as they like, the stage stays open. */
export async function simpanUmpanBalik(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: UmpanBalikInput,
) {
  return onSheet(cycleId, nip).save(deps, p, version, (sheet) => {
    assertBisaUmpanBalik(sheet.evaluation, p, 'menyimpan umpan balik', deps.now());
    const umpanBalik = susunUmpanBalik(input, konteks(sheet), false);
    return {
      patch: { umpanBalik },
      audit: { action: 'UMPAN_BALIK_DISIMPAN', detail: { baris: Object.keys(umpanBalik.baris).length } },
    };
  });
}

/** Giving the feedback completes the stage; the employee's response opens next. */
export async function berikanUmpanBalik(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: UmpanBalikInput,
) {
  return onSheet(cycleId, nip).complete(deps, p, version, (sheet) => {
    assertBisaUmpanBalik(sheet.evaluation, p, 'memberi umpan balik', deps.now());
    assertMenunggu(sheet.evaluation, 'umpan balik');
    const diberikanPada = deps.now().toISOString();
    const umpanBalik = { ...susunUmpanBalik(input, konteks(sheet), true), diberikanPada };
    return {
      patch: { umpanBalik, status: 'SELESAI' },
      audit: { action: 'UMPAN_BALIK_DIBERIKAN', detail: { umpanBalik } },
      output: () => ({ diberikanPada }),
    };
  });
}

/**
 * The employee accepts the rating and feedback, or objects with reasons. The workflow branches
 * on `keberatan`: an objection goes to the atasan's atasan, an acceptance straight on.
 */
export async function tanggapiPenilaian(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: { jenis: JenisTanggapanPegawai; alasan?: string | undefined },
) {
  return onEvaluation(cycleId, nip).complete(deps, p, version, (e) => {
    const tanggapan = tanggapi(e, p, input, deps.now());
    const keberatan = tanggapan.jenis === 'KEBERATAN';
    return {
      patch: { tanggapan, status: 'SELESAI' },
      audit: {
        action: keberatan ? 'KEBERATAN_DIAJUKAN' : 'PENILAIAN_DITERIMA',
        detail: { tanggapan, predikat: e.hasil?.predikat },
      },
      output: () => ({ keberatan }),
    };
  });
}
