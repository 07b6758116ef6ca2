import * as evaluation from '../../domain/evaluation/evaluation.js';
import {
  type JenisTanggapanPegawai,
  type UmpanBalikInput,
  assertBisaUmpanBalik,
  assertMenunggu,
  susunUmpanBalik,
  tanggapi,
} from '../../domain/evaluation/umpan-balik.js';
import { commitChange, type EvaluationSheet } from '../../data/evaluations.js';
import type { Deps } from '../../runtime/deps.js';
import { actorOf, type Principal } from '../actor.js';
import { resumeAfterDecision } from '../workflow-client.js';
import { sheetFor, evaluationFor } from './muat.js';

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
  const sheet = await sheetFor(deps, cycleId, nip);
  const e = sheet.evaluation;
  assertBisaUmpanBalik(e, p, 'menyimpan umpan balik');
  evaluation.assertVersion(e, version);
  const umpanBalik = susunUmpanBalik(input, konteks(sheet), false);
  return commitChange(deps, {
    before: e,
    patch: { umpanBalik },
    audit: {
      actor: actorOf(p),
      action: 'UMPAN_BALIK_DISIMPAN',
      detail: { baris: Object.keys(umpanBalik.baris).length },
    },
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
  const sheet = await sheetFor(deps, cycleId, nip);
  const e = sheet.evaluation;
  assertBisaUmpanBalik(e, p, 'memberi umpan balik');
  assertMenunggu(e, 'umpan balik');
  evaluation.assertVersion(e, version);
  const at = deps.now().toISOString();
  const umpanBalik = { ...susunUmpanBalik(input, konteks(sheet), true), diberikanPada: at };
  const token = e.taskToken!;
  const after = await commitChange(deps, {
    before: e,
    patch: { umpanBalik, status: 'SELESAI' },
    remove: ['taskToken'],
    audit: { actor: actorOf(p), action: 'UMPAN_BALIK_DIBERIKAN', detail: { umpanBalik } },
  });
  await resumeAfterDecision(deps, token, { diberikanPada: at });
  return after;
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
  const e = await evaluationFor(deps, cycleId, nip);
  const tanggapan = tanggapi(e, p, input, deps.now());
  evaluation.assertVersion(e, version);
  const keberatan = tanggapan.jenis === 'KEBERATAN';
  const token = e.taskToken!;
  const after = await commitChange(deps, {
    before: e,
    patch: { tanggapan, status: 'SELESAI' },
    remove: ['taskToken'],
    audit: {
      actor: actorOf(p),
      action: keberatan ? 'KEBERATAN_DIAJUKAN' : 'PENILAIAN_DITERIMA',
      detail: { tanggapan, predikat: e.hasil?.predikat },
    },
  });
  await resumeAfterDecision(deps, token, { keberatan });
  return after;
}
