import { type Evaluation, STAGES } from '../../domain/evaluation/evaluation.js';
import type { PenilaianRekan } from '../../domain/evaluation/penilaian-model.js';
import { type SaranAtasan, saranPenilaian } from '../../domain/evaluation/penilaian-atasan.js';
import { type AgregatRekan, agregatRekan } from '../../domain/evaluation/penilaian-rekan.js';
import { sembunyikanDraf } from '../../domain/evaluation/penilaian-umum.js';
import { type Jejak, sembunyikanRekan } from '../../domain/evaluation/rahasia-rekan.js';
import { decide } from '../../domain/people/policy.js';
import type { TargetRow } from '../../domain/evaluation/skp.js';
import { listPenilaianRekan } from '../../data/penilaian-rekan.js';
import type { Deps } from '../../runtime/deps.js';
import type { Principal } from '../actor.js';

/** One peer's review as the atasan sees it; the content only once the peer submitted it. */
export type UlasanRekan = Pick<PenilaianRekan, 'rekanNip' | 'rekanNama' | 'status'> &
  Partial<Pick<PenilaianRekan, 'deadline' | 'diajukanPada' | 'nilai'>>;

/**
 * Peers as a reader may see them. The atasan (or the Plt in force): each review with its
 * author. Everyone else: counts, and the anonymous aggregate once the review stage is over
 * (while it runs, a change in the aggregate would tell who just answered).
 */
export type RekanUntukPembaca =
  | { tampil: 'PER_REKAN'; diminta: number; menjawab: number; dilewati: number; ulasan: UlasanRekan[] }
  | ({ tampil: 'RINGKASAN'; berlangsung: false } & AgregatRekan)
  /** While the review runs only how many were asked: live counts would show who just answered. */
  | { tampil: 'RINGKASAN'; berlangsung: true; diminta: number };

export interface PenilaianView {
  /** Capaian per row and the suggested hasil kerja level, once the reader sees the self-assessment. */
  saran?: SaranAtasan;
  /** From the review stage on. */
  rekan?: RekanUntukPembaca;
}

type Viewable = Omit<Evaluation, 'taskToken'>;

function pembacaOf(p: Principal, e: Viewable, now: Date) {
  return {
    atasan: decide(p, 'NILAI_KINERJA', e, now).boleh,
    pegawai: decide(p, 'ISI_PENILAIAN_MANDIRI', e, now).boleh,
    admin: !!p.admin,
  };
}

/** An evaluation as this reader may see it: no peer identities unless atasan, no one else's draft. */
export function evaluasiUntuk<V extends Viewable>(p: Principal, e: V, now: Date): V {
  const pembaca = pembacaOf(p, e, now);
  const shown = pembaca.atasan ? e : sembunyikanRekan(e, []).evaluation;
  return sembunyikanDraf(shown, pembaca);
}

const ulasanOf = (r: PenilaianRekan): UlasanRekan => ({
  rekanNip: r.rekanNip,
  rekanNama: r.rekanNama,
  status: r.status,
  ...(r.deadline ? { deadline: r.deadline } : {}),
  ...(r.status === 'SELESAI' && r.diajukanPada ? { diajukanPada: r.diajukanPada } : {}),
  // A peer's draft is theirs until submitted.
  ...(r.status === 'SELESAI' && r.nilai ? { nilai: r.nilai } : {}),
});

/** Peer items exist only from the review stage on: no read before it. */
async function reviewsOf(deps: Deps, e: Viewable): Promise<PenilaianRekan[] | undefined> {
  if (STAGES.indexOf(e.stage) < STAGES.indexOf('PENILAIAN_ATASAN')) return undefined;
  return listPenilaianRekan(deps, e.cycleId, e.nip);
}

function rekanUntuk(e: Viewable, reviews: PenilaianRekan[], atasan: boolean): RekanUntukPembaca {
  const { perNilai, ...counts } = agregatRekan(reviews);
  if (atasan) {
    const ulasan = reviews.map(ulasanOf).sort((a, b) => a.rekanNama.localeCompare(b.rekanNama, 'id'));
    return { tampil: 'PER_REKAN', ...counts, ulasan };
  }
  if (e.stage === 'PENILAIAN_ATASAN')
    return { tampil: 'RINGKASAN', berlangsung: true, diminta: counts.diminta };
  return { tampil: 'RINGKASAN', berlangsung: false, ...counts, ...(perNilai ? { perNilai } : {}) };
}

/**
 * What the evaluation detail adds for the review stages, and what it must leave out for this
 * reader: called by queries.evaluationDetail on every read.
 */
export async function lihatPenilaian<V extends Viewable, J extends Jejak>(
  deps: Deps,
  p: Principal,
  detail: { evaluation: V; rows: TargetRow[]; history: J[]; rekan?: Evaluation['rekan'] },
): Promise<{ evaluation: V; rows: TargetRow[]; history: J[]; penilaian: PenilaianView }> {
  const now = deps.now();
  const pembaca = pembacaOf(p, detail.evaluation, now);
  const reviews = await reviewsOf(deps, detail.evaluation);
  const dikenal = [
    ...(detail.rekan ?? []),
    ...(reviews ?? []).map((r) => ({ nip: r.rekanNip, nama: r.rekanNama })),
  ];
  const hidden = pembaca.atasan
    ? { evaluation: detail.evaluation, history: detail.history }
    : sembunyikanRekan(detail.evaluation, detail.history, dikenal);
  const evaluation = sembunyikanDraf(hidden.evaluation, pembaca);
  const rekan = reviews && rekanUntuk(detail.evaluation, reviews, pembaca.atasan);
  const saran = evaluation.penilaianMandiri
    ? saranPenilaian(detail.rows, evaluation.penilaianMandiri, evaluation.penilaianAtasan?.baris)
    : undefined;
  return {
    evaluation,
    rows: detail.rows,
    history: hidden.history,
    penilaian: { ...(saran ? { saran } : {}), ...(rekan ? { rekan } : {}) },
  };
}
