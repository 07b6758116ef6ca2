import {
  checkCycleInput,
  type Cycle,
  type CycleInput,
  type Peluncuran,
} from '../../domain/evaluation/cycle.js';
import { dilarang, konflik, tidakDitemukan, validasi } from '../../domain/errors.js';
import { STAGES, STATUS, type Stage, type Status } from '../../domain/evaluation/evaluation.js';
import { createCycle } from '../../data/cycle-status.js';
import {
  cycleStandings,
  getCycle,
  listCycles,
  markPenilaianDibuka,
  recordLaunch,
} from '../../data/cycles.js';
import { commitChange, listByCycle } from '../../data/evaluations.js';
import { listOrg } from '../../data/people.js';
import { inBatches } from '../../runtime/batches.js';
import type { Deps } from '../../runtime/deps.js';
import type { Principal } from '../actor.js';
import { executionStatus, resumeAfterDecision } from '../workflow-client.js';
import { launchCycle } from './cycle-launch.js';

/** Cycles are BKPSDM's: creating, launching, opening the window, and watching progress. */
function assertAdmin(p: Principal) {
  if (!p.admin) throw dilarang('Hanya pengelola kinerja BKPSDM yang dapat mengelola siklus penilaian');
}

async function cycleOf(deps: Deps, id: string): Promise<Cycle> {
  const cycle = await getCycle(deps, id);
  if (!cycle) throw tidakDitemukan(`Siklus ${id} tidak ditemukan`);
  return cycle;
}

export async function createCycleFor(deps: Deps, p: Principal, input: CycleInput): Promise<Cycle> {
  assertAdmin(p);
  const org = await listOrg(deps);
  const { cycle, issues } = checkCycleInput(input, {
    opd: org.opd.map((o) => o.kode),
    oleh: p.nip,
    now: deps.now(),
  });
  if (!cycle) throw validasi('Siklus tidak dapat dibuat', issues);
  await createCycle(deps, cycle);
  return cycle;
}

export async function cyclesFor(deps: Deps, p: Principal): Promise<Cycle[]> {
  assertAdmin(p);
  return listCycles(deps);
}

/** How the latest launch is doing, as Step Functions reports it. */
export type StatusPeluncuran = 'BERJALAN' | 'SELESAI' | 'GAGAL' | 'TIDAK_DIKETAHUI';

export interface CycleDetail {
  cycle: Cycle;
  peluncuran?: Peluncuran & { status: StatusPeluncuran };
}

/**
 * Executions the local runtime ran before a restart are gone, and AWS keeps a finished one's
 * history for 90 days: then the result recorded on the cycle is what is known.
 */
async function launchStatus(deps: Deps, l: Peluncuran): Promise<StatusPeluncuran> {
  const status = await executionStatus(deps, l.arn);
  if (status === undefined) return l.hasil ? 'SELESAI' : 'TIDAK_DIKETAHUI';
  if (status === 'RUNNING') return 'BERJALAN';
  if (status === 'SUCCEEDED') return 'SELESAI';
  return 'GAGAL';
}

export async function cycleDetail(deps: Deps, p: Principal, id: string): Promise<CycleDetail> {
  assertAdmin(p);
  const cycle = await cycleOf(deps, id);
  if (!cycle.peluncuran) return { cycle };
  return { cycle, peluncuran: { ...cycle.peluncuran, status: await launchStatus(deps, cycle.peluncuran) } };
}

/**
 * Starts a CycleLaunch execution. Launching again is how employees added since are launched:
 * the machine starts only what is missing.
 */
export async function startLaunch(deps: Deps, p: Principal, id: string): Promise<Peluncuran> {
  assertAdmin(p);
  const cycle = await cycleOf(deps, id);
  if (cycle.status === 'DITUTUP') throw konflik(`Siklus ${id} sudah ditutup`, { status: cycle.status });
  const peluncuran: Peluncuran = { ...(await launchCycle(deps, cycle.id)), oleh: p.nip };
  await recordLaunch(deps, cycle.id, peluncuran);
  return peluncuran;
}

/** Waiting evaluations moved on at once; the rest of a large cycle follows in rounds of this size. */
const CONCURRENCY = 10;

export interface PembukaanPenilaian {
  dibukaPada: string;
  /** Evaluations that were waiting for the window and now move on. */
  dilanjutkan: number;
}

/**
 * BKPSDM opens the assessment window for the whole cycle now. Each waiting evaluation is marked
 * done (with its audit entry) before its workflow is told, so a lost answer never loses the
 * opening; one that moved meanwhile is left to its workflow. Evaluations that reach the wait
 * later find `penilaianDibukaPada` on the cycle and do not wait at all.
 */
export async function openAssessment(
  deps: Deps,
  cycleId: string,
  actor: Principal,
): Promise<PembukaanPenilaian> {
  assertAdmin(actor);
  const cycle = await markPenilaianDibuka(deps, cycleId, deps.now().toISOString());
  const dibukaPada = cycle.penilaianDibukaPada!;
  const waiting = (await listByCycle(deps, cycleId, 'MENUNGGU_PENILAIAN#')).filter(
    (e) => e.taskToken && e.status !== 'SELESAI',
  );
  let dilanjutkan = 0;
  await inBatches(waiting, CONCURRENCY, async (e) => {
    try {
      await commitChange(deps, {
        before: e,
        patch: { status: 'SELESAI' },
        remove: ['taskToken'],
        audit: {
          actor: { nip: actor.nip, nama: actor.nama },
          action: 'PENILAIAN_DIBUKA',
          detail: { dibukaPada },
        },
      });
    } catch (err) {
      // Changed since the query (its deadline step ran, or another opening): not ours to move.
      if ((err as { code?: string }).code === 'KONFLIK') return;
      throw err;
    }
    await resumeAfterDecision(deps, e.taskToken!, { dibuka: true });
    dilanjutkan++;
  });
  return { dibukaPada, dilanjutkan };
}

export interface ProgresOpd {
  opd: string;
  total: number;
  perTahap: Partial<Record<Stage, number>>;
}

export interface CycleProgress {
  total: number;
  /** Every stage and status, zeros included, so tables keep their columns. */
  perTahap: Record<Stage, Record<Status, number>>;
  perOpd: ProgresOpd[];
}

/** Counts from gsi3 sort keys `<stage>#<status>#<opd>#<nip>`. */
export function hitungProgres(standings: readonly string[]): CycleProgress {
  const perTahap = Object.fromEntries(
    STAGES.map((s) => [s, Object.fromEntries(STATUS.map((x) => [x, 0]))]),
  ) as Record<Stage, Record<Status, number>>;
  const perOpd = new Map<string, ProgresOpd>();
  for (const key of standings) {
    const [stage, status, opd] = key.split('#') as [Stage, Status, string];
    if (!perTahap[stage] || perTahap[stage][status] === undefined) continue;
    perTahap[stage][status]++;
    const o = perOpd.get(opd) ?? { opd, total: 0, perTahap: {} };
    o.total++;
    o.perTahap[stage] = (o.perTahap[stage] ?? 0) + 1;
    perOpd.set(opd, o);
  }
  return {
    total: [...perOpd.values()].reduce((n, o) => n + o.total, 0),
    perTahap,
    perOpd: [...perOpd.values()].sort((a, b) => a.opd.localeCompare(b.opd)),
  };
}

export async function cycleProgress(deps: Deps, p: Principal, cycleId: string): Promise<CycleProgress> {
  assertAdmin(p);
  await cycleOf(deps, cycleId);
  return hitungProgres(await cycleStandings(deps, cycleId));
}
