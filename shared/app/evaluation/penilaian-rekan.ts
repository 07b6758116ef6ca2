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
import { type AuditEntry, auditPut } from '../../data/audit.js';
import { openCycles } from '../../data/cycles.js';
import { getEvaluations } from '../../data/evaluations.js';
import {
  getEvaluasiDanRekan,
  listTugasRekan,
  penilaianRekanUpdate,
  stalePenilaianRekan,
} from '../../data/penilaian-rekan.js';
import { transact } from '../../data/transact.js';
import type { Deps } from '../../runtime/deps.js';
import { actorOf, type Principal } from '../actor.js';
import { stageChange } from './stage-change.js';

/** The peer's own review as they may see it: never the task token. */
export type PenilaianRekanView = Omit<PenilaianRekan, 'taskToken'> & {
  awaitingWorkflow: boolean;
  /** Its cycle is closed: read-only, nobody waits for the answer. */
  cycleClosed?: boolean;
};

/** After a write the cycle was open (its transaction checked); a read says what it found. */
export function toRekanView(r: PenilaianRekan, cycleOpen = true): PenilaianRekanView {
  const { taskToken, ...rest } = r;
  return { ...rest, awaitingWorkflow: cycleOpen && !!taskToken, cycleClosed: !cycleOpen };
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
  const open = await openCycles(deps, byCycle.keys());
  return items.flatMap((r) => {
    const e = found.get(`${r.cycleId}#${r.nip}`);
    return e ? [{ dinilai: dinilaiOf(e), penilaian: toRekanView(r, open.has(r.cycleId)) }] : [];
  });
}

interface Loaded {
  e: Evaluation;
  r: PenilaianRekan | undefined;
  cycleOpen: boolean;
}

async function load(deps: Deps, p: Principal, cycleId: string, nip: string): Promise<Loaded> {
  const { evaluation, rekan, cycleOpen } = await getEvaluasiDanRekan(deps, cycleId, nip, p.nip);
  if (!evaluation) throw tidakDitemukan('Evaluasi tidak ditemukan');
  return { e: evaluation, r: rekan, cycleOpen };
}

/** One review, for the peer who was asked for it and nobody else. */
export async function bukaPenilaianRekan(deps: Deps, p: Principal, cycleId: string, nip: string) {
  const { e, r, cycleOpen } = await load(deps, p, cycleId, nip);
  const own = assertBolehMelihatRekan(e, r, p, deps.now());
  return { dinilai: dinilaiOf(e), penilaian: toRekanView(own, cycleOpen) };
}

/** A peer's decision: their review (as the guard found it), its patch and, on submission, the trail entry. */
interface PenilaianRekanDecision {
  own: PenilaianRekan;
  patch: Partial<PenilaianRekan>;
  audit?: Pick<AuditEntry, 'at' | 'action' | 'detail'>;
}

/**
 * A peer's own review is versioned on its own and holds the peer's task token. The trail entry
 * goes on the evaluation's trail, marked so that the employee's view hides who it was.
 */
const onPenilaianRekan = (cycleId: string, nip: string) =>
  stageChange<Loaded, PenilaianRekanDecision, { dinilai: DinilaiView; penilaian: PenilaianRekanView }>({
    load: (deps, p) => load(deps, p, cycleId, nip),
    assertVersion: ({ e }, { own }, version) => assertVersiRekan(e, own, version),
    taskToken: (_s, { own }) => own.taskToken,
    async commit(deps, p, { e }, { own, patch, audit }, complete) {
      const { after, item } = penilaianRekanUpdate(deps, own, patch, complete ? ['taskToken'] : []);
      const entry =
        audit && auditPut(deps, { cycleId, nip, actor: actorOf(p), ...audit, version: e.version });
      await transact(deps, entry ? [item, entry] : [item], { 0: stalePenilaianRekan });
      return { dinilai: dinilaiOf(e), penilaian: toRekanView(after) };
    },
  });

export async function simpanPenilaianRekan(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: IsianRekan,
) {
  return onPenilaianRekan(cycleId, nip).save(deps, p, version, ({ e, r }) => ({
    own: assertBolehMenilaiRekan(e, r, p, 'menyimpan penilaian rekan', deps.now()),
    // A draft is the peer's own business: no trail entry until they submit.
    patch: drafNilaiRekan(input),
  }));
}

/** Submitting completes the peer's task. */
export async function ajukanPenilaianRekan(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: IsianRekan,
) {
  return onPenilaianRekan(cycleId, nip).complete(deps, p, version, ({ e, r }) => {
    const own = assertBolehMenilaiRekan(e, r, p, 'mengajukan penilaian rekan', deps.now());
    const at = deps.now().toISOString();
    return {
      own,
      patch: ajukanNilaiRekan(e, own, input, at),
      audit: { at, action: 'PENILAIAN_REKAN_DIAJUKAN', detail: { rahasiaRekan: true } },
      output: () => ({ rekanNip: p.nip, pada: at }),
    };
  });
}
