import { tidakDitemukan } from '../../domain/errors.js';
import type { Evaluation } from '../../domain/evaluation/evaluation.js';
import type { PenilaianRekan } from '../../domain/evaluation/penilaian-model.js';
import {
  type IsianRekan,
  ajukanNilaiRekan,
  assertBolehMelihatRekan,
  assertBolehMenilaiRekan,
  assertVersiRekan,
  drafNilaiRekan,
} from '../../domain/evaluation/penilaian-rekan.js';
import { auditPut } from '../../data/audit.js';
import { getEvaluations } from '../../data/evaluations.js';
import {
  getEvaluasiDanRekan,
  listTugasRekan,
  penilaianRekanUpdate,
  stalePenilaianRekan,
} from '../../data/penilaian-rekan.js';
import { transact } from '../../data/transact.js';
import type { Deps } from '../../runtime/deps.js';
import type { Principal } from '../actor.js';
import { resumeAfterDecision } from '../workflow-client.js';

/** The peer's own review as they may see it: never the task token. */
export type PenilaianRekanView = Omit<PenilaianRekan, 'taskToken'> & { awaitingWorkflow: boolean };

export function toRekanView(r: PenilaianRekan): PenilaianRekanView {
  const { taskToken, ...rest } = r;
  return { ...rest, awaitingWorkflow: !!taskToken };
}

/** Who is being reviewed: enough to recognise the colleague, nothing of their evaluation. */
export type DinilaiView = Pick<Evaluation, 'cycleId' | 'nip' | 'nama' | 'jabatan' | 'unit' | 'opd'> &
  Partial<Pick<Evaluation, 'unitNama' | 'opdNama'>>;

const dinilaiOf = (e: Evaluation): DinilaiView => ({
  cycleId: e.cycleId,
  nip: e.nip,
  nama: e.nama,
  jabatan: e.jabatan,
  unit: e.unit,
  opd: e.opd,
  ...(e.unitNama ? { unitNama: e.unitNama } : {}),
  ...(e.opdNama ? { opdNama: e.opdNama } : {}),
});

export interface TugasRekan {
  dinilai: DinilaiView;
  penilaian: PenilaianRekanView;
}

/** The reviews asked of me: one index Query, then the colleagues' names (one BatchGet per cycle). */
export async function tugasRekan(deps: Deps, p: Principal): Promise<TugasRekan[]> {
  const items = await listTugasRekan(deps, p.nip);
  const byCycle = new Map<string, string[]>();
  for (const r of items) byCycle.set(r.cycleId, [...(byCycle.get(r.cycleId) ?? []), r.nip]);
  const found = new Map<string, Evaluation>();
  for (const [cycleId, nips] of byCycle) {
    for (const [nip, e] of await getEvaluations(deps, cycleId, nips)) found.set(`${cycleId}#${nip}`, e);
  }
  return items.flatMap((r) => {
    const e = found.get(`${r.cycleId}#${r.nip}`);
    return e ? [{ dinilai: dinilaiOf(e), penilaian: toRekanView(r) }] : [];
  });
}

async function load(deps: Deps, p: Principal, cycleId: string, nip: string) {
  const { evaluation, rekan } = await getEvaluasiDanRekan(deps, cycleId, nip, p.nip);
  if (!evaluation) throw tidakDitemukan('Evaluasi tidak ditemukan');
  return { e: evaluation, r: rekan };
}

/** One review, for the peer who was asked for it and nobody else. */
export async function bukaPenilaianRekan(deps: Deps, p: Principal, cycleId: string, nip: string) {
  const { e, r } = await load(deps, p, cycleId, nip);
  const own = assertBolehMelihatRekan(e, r, p, deps.now());
  return { dinilai: dinilaiOf(e), penilaian: toRekanView(own) };
}

export async function simpanPenilaianRekan(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: IsianRekan,
) {
  const { e, r } = await load(deps, p, cycleId, nip);
  const own = assertBolehMenilaiRekan(e, r, p, 'menyimpan penilaian rekan', deps.now());
  const patch = drafNilaiRekan(input);
  assertVersiRekan(e, own, version);
  // A draft is the peer's own business: no trail entry until they submit.
  const { after, item } = penilaianRekanUpdate(deps, own, patch);
  await transact(deps, [item], { 0: stalePenilaianRekan });
  return { dinilai: dinilaiOf(e), penilaian: toRekanView(after) };
}

/**
 * Completes the peer's task: their item and an entry on the evaluation's trail (marked, so the
 * employee's view of the trail hides who it was) in one transaction, then the workflow hears.
 */
export async function ajukanPenilaianRekan(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: IsianRekan,
) {
  const { e, r } = await load(deps, p, cycleId, nip);
  const own = assertBolehMenilaiRekan(e, r, p, 'mengajukan penilaian rekan', deps.now());
  const at = deps.now().toISOString();
  const patch = ajukanNilaiRekan(e, own, input, at);
  assertVersiRekan(e, own, version);
  const token = own.taskToken!;
  const { after, item } = penilaianRekanUpdate(deps, own, patch, ['taskToken']);
  await transact(
    deps,
    [
      item,
      auditPut(deps, {
        cycleId,
        nip,
        at,
        actor: { nip: p.nip, nama: p.nama },
        action: 'PENILAIAN_REKAN_DIAJUKAN',
        detail: { rahasiaRekan: true },
        version: e.version,
      }),
    ],
    { 0: stalePenilaianRekan },
  );
  await resumeAfterDecision(deps, token, { rekanNip: p.nip, pada: at });
  return { dinilai: dinilaiOf(e), penilaian: toRekanView(after) };
}
