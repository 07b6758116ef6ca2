import type { Evaluation } from '../../domain/evaluation/evaluation.js';
import { dilarang, tidakDitemukan } from '../../domain/errors.js';
import { assertBoleh, bolehLihatOpd, decide, pltBerlaku } from '../../domain/people/policy.js';
import { tanggalWib } from '../../domain/wib.js';
import { openCycles } from '../../data/cycles.js';
import { listActiveByOpd } from '../../data/people.js';
import { listPenugasan } from '../../data/penugasan.js';
import { auditOnce, onceMarkerKey } from '../../data/audit.js';
import {
  getEvaluations,
  getRows,
  getWithHistory,
  listByAtasan,
  listByEmployee,
  type EvaluationWithHistory,
} from '../../data/evaluations.js';
import type { TargetRow } from '../../domain/evaluation/skp.js';
import type { Deps } from '../../runtime/deps.js';
import type { Principal } from '../actor.js';
import { evaluasiUntuk, lihatPenilaian } from './penilaian-view.js';

export type EvaluationView = Omit<Evaluation, 'taskToken'> & {
  awaitingWorkflow: boolean;
  /** Its cycle is closed: the evaluation is read-only and no workflow waits on it. */
  cycleClosed?: boolean;
};

/**
 * The task token lets its holder move the workflow on: it never leaves the server. A closed
 * cycle's evaluation may still hold one (its execution was stopped), but nobody waits on it:
 * not awaiting, and no action (availableActions reads `cycleClosed`). `cycleOpen` is what the
 * read found (viewIn); toView is the view after a write, whose transaction found it open.
 */
export function viewIn(e: Evaluation, cycleOpen: boolean): EvaluationView {
  const { taskToken, ...rest } = e;
  // Once the SKP (and with it the peer list) is approved, who the peers are never leaves in a
  // view: the atasan sees them through the review section (penilaian-view.ts).
  if (rest.stage !== 'PENETAPAN_TARGET') delete rest.rekan;
  return {
    ...rest,
    ekspektasi: rest.ekspektasi ?? {},
    awaitingWorkflow: cycleOpen && !!taskToken,
    cycleClosed: !cycleOpen,
  };
}

/** The evaluation as a write left it: its transaction checked that the cycle is open. */
export const toView = (e: Evaluation): EvaluationView => viewIn(e, true);

/** Views of evaluations of several cycles: which of those cycles are open (openCycles). */
async function toViews(deps: Deps, list: Evaluation[]): Promise<EvaluationView[]> {
  const open = await openCycles(
    deps,
    list.map((e) => e.cycleId),
  );
  return list.map((e) => viewIn(e, open.has(e.cycleId)));
}

/**
 * Reads by BKPSDM, auditors and agency heads of someone else's evaluation are on the record:
 * the first read per reader per day (WIB), so refreshing a page does not grow the trail. The
 * entry is keyed by the read's own time (the trail stays in order); a marker per reader and
 * day, written in the same transaction, does the "first read only" part.
 */
async function recordRead(deps: Deps, p: Principal, e: Evaluation, sebagai: string | undefined) {
  const now = deps.now();
  const marker = onceMarkerKey(e.cycleId, e.nip, `BACA#${tanggalWib(now)}`, p.nip);
  await auditOnce(
    deps,
    {
      cycleId: e.cycleId,
      nip: e.nip,
      at: now.toISOString(),
      actor: { nip: p.nip, nama: p.nama },
      action: 'EVALUASI_DIBACA',
      detail: { sebagai },
      version: e.version,
    },
    marker,
  );
}

export async function evaluationDetail(deps: Deps, p: Principal, cycleId: string, nip: string) {
  // Whether the cycle is open, beside the evaluation's Query (usually known: openCycles).
  const [found, open]: [EvaluationWithHistory | undefined, Set<string>] = await Promise.all([
    getWithHistory(deps, cycleId, nip),
    openCycles(deps, [cycleId]),
  ]);
  if (!found) throw tidakDitemukan('Evaluasi tidak ditemukan');
  const e = found.evaluation;
  const decision = assertBoleh(p, 'LIHAT_EVALUASI', e, deps.now());
  if (decision.catatAkses) await recordRead(deps, p, e, decision.sebagai);
  // Peer identities and other people's drafts leave here only for whoever may see them.
  return lihatPenilaian(deps, p, {
    evaluation: viewIn(e, open.has(cycleId)),
    rekan: e.rekan,
    rows: found.rows,
    history: found.history,
  });
}

/** The supervisor's rows that the employee's rows may cascade from. */
export async function atasanRows(
  deps: Deps,
  e: Pick<Evaluation, 'cycleId' | 'atasanNip'>,
): Promise<TargetRow[]> {
  return e.atasanNip ? getRows(deps, e.cycleId, e.atasanNip) : [];
}

export async function myEvaluations(deps: Deps, p: Principal) {
  const views = await toViews(deps, await listByEmployee(deps, p.nip));
  return views.map((v) => evaluasiUntuk(p, v, deps.now()));
}

export async function inbox(deps: Deps, p: Principal) {
  const now = deps.now();
  const own = await listByAtasan(deps, p.nip, 'DIAJUKAN');
  // Teams this person stands in for as Plt/Plh today.
  const acting = (await listPenugasan(deps, p.nip)).filter((a) => pltBerlaku(a, now));
  const covered = (await Promise.all(acting.map((a) => listByAtasan(deps, a.menggantikanNip, 'DIAJUKAN'))))
    .flat()
    .filter((e) => pltBerlaku(e.plt, now) && e.plt!.nip === p.nip);
  const waiting = [
    // While a Plt/Plh is in force the decision is theirs, not the definitive atasan's.
    ...own.filter((e) => !pltBerlaku(e.plt, now)),
    ...covered,
  ];
  // A closed cycle's submitted SKP waits for nobody: it leaves the inbox.
  return (await toViews(deps, waiting)).filter((v) => !v.cycleClosed);
}

/** The atasan's team, less any evaluation a Plt/Plh currently decides instead of them. */
export async function team(deps: Deps, p: Principal) {
  const now = deps.now();
  return toViews(
    deps,
    (await listByAtasan(deps, p.nip)).filter((e) => decide(p, 'LIHAT_EVALUASI', e, now).boleh),
  );
}

/** What a list of other people's evaluations may show: where each stands, not what it says. */
const LIST_ITEM_FIELDS = [
  'cycleId',
  'nip',
  'nama',
  'jabatan',
  'opd',
  'unit',
  'unitNama',
  'atasanNama',
  'stage',
  'status',
  'deadline',
  'overdueCount',
] as const satisfies readonly (keyof Evaluation)[];

export type EvaluationListItem = Pick<Evaluation, (typeof LIST_ITEM_FIELDS)[number]>;

export function toListItem(e: Evaluation): EvaluationListItem {
  return Object.fromEntries(LIST_ITEM_FIELDS.map((f) => [f, e[f]])) as EvaluationListItem;
}

/**
 * Evaluations of one OPD's active employees in a cycle: the roster index gives the people, one
 * BatchGet per 100 gives their evaluations (no Scan).
 */
export async function agencyEvaluations(deps: Deps, p: Principal, opd: string, cycleId: string) {
  if (!bolehLihatOpd(p, opd)) throw dilarang('Anda tidak berhak melihat daftar evaluasi OPD ini');
  const people = await listActiveByOpd(deps, opd);
  const found = await getEvaluations(
    deps,
    cycleId,
    people.map((e) => e.nip),
  );
  return people
    .map((e) => found.get(e.nip))
    .filter((e): e is Evaluation => !!e)
    .sort((a, b) => a.nama.localeCompare(b.nama, 'id'))
    .map(toListItem);
}
