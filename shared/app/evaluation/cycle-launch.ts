import {
  kelompokPeluncuran,
  type KelompokPeluncuran,
  type LaunchCounts,
  type Peluncuran,
} from '../../domain/evaluation/cycle.js';
import type { Employee } from '../../domain/people/employee.js';
import type { Evaluation } from '../../domain/evaluation/evaluation.js';
import { dilarang, konflik } from '../../domain/errors.js';
import type { Principal } from '../actor.js';
import { auditPut } from '../../data/audit.js';
import { activeInRange, activeNips, getCycle, listCycles, recordLaunchResult } from '../../data/cycles.js';
import { completeGates, openForLaunch } from '../../data/cycle-status.js';
import { CYCLE_GATES, gateOf } from '../../data/gates.js';
import { evaluationCreate, getEvaluation, getEvaluations, listByCycle } from '../../data/evaluations.js';
import { getEmployees, listOrg } from '../../data/people.js';
import {
  cycleClosedError,
  isCycleClosed,
  MAX_TRANSACTION_ITEMS,
  transact,
  type TransactItem,
} from '../../data/transact.js';
import { chunks, inBatches } from '../../runtime/batches.js';
import type { LaunchSummaryInput } from '../../schemas/workflow.js';
import type { Deps } from '../../runtime/deps.js';
import { startCycleLaunch, startEvaluation } from '../workflow-client.js';
import { executionName, namaPeluncuran } from './execution.js';
import { evaluationFor } from './muat.js';

export interface LaunchReport extends LaunchCounts {
  cycleId: string;
}

/** Employees per Distributed Map item: ~100 transactions and StartExecution calls, a few seconds. */
export const UKURAN_KELOMPOK = 100;

export interface LaunchPlan {
  cycleId: string;
  employees: number;
  kelompok: KelompokPeluncuran[];
}

const ZERO: LaunchCounts = { employees: 0, created: 0, started: 0, alreadyStarted: 0 };

type OrgNames = { opd: Map<string, string>; unit: Map<string, string> };

function newEvaluation(
  cycleId: string,
  emp: Employee,
  atasan: Employee | undefined,
  at: string,
  names: OrgNames,
): Evaluation {
  return {
    cycleId,
    nip: emp.nip,
    nama: emp.nama,
    opd: emp.opd,
    unit: emp.unit,
    opdNama: names.opd.get(emp.opd) ?? emp.opd,
    unitNama: names.unit.get(`${emp.opd}#${emp.unit}`) ?? emp.unit,
    jabatan: emp.jabatan,
    ...(emp.atasanNip ? { atasanNip: emp.atasanNip, atasanNama: atasan?.nama ?? emp.atasanNip } : {}),
    ...(atasan?.atasanNip ? { atasanAtasanNip: atasan.atasanNip } : {}),
    stage: 'PENETAPAN_TARGET',
    status: 'DRAFT',
    overdueCount: 0,
    ekspektasi: {},
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/** The evaluation and its first audit entry, written only if the evaluation does not exist yet. */
function creationItems(deps: Deps, e: Evaluation): TransactItem[] {
  return [
    evaluationCreate(deps, e),
    auditPut(deps, {
      cycleId: e.cycleId,
      nip: e.nip,
      at: e.createdAt,
      actor: { sistem: 'peluncuran-siklus' },
      action: 'EVALUASI_DIBUAT',
      detail: { stage: e.stage },
      version: 1,
    }),
  ];
}

/** Creates the evaluation unless it exists; false when it already did. */
async function ensureEvaluation(deps: Deps, e: Evaluation): Promise<boolean> {
  try {
    await transact(deps, creationItems(deps, e));
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'KONFLIK' && !isCycleClosed(err)) return false;
    throw err;
  }
}

/**
 * Evaluations per transaction: two items each, plus one check per cycle gate their NIPs meet
 * (transact.ts adds them, one per gate), so at most 2n + CYCLE_GATES items: 34 evaluations are
 * 68 + at most 32 = 100, TransactWriteItems' limit, whatever gates they fall on.
 */
export const PER_TRANSACTION = Math.floor((MAX_TRANSACTION_ITEMS - CYCLE_GATES) / 2);

/**
 * Creates a batch's new evaluations a transaction of 34 at a time instead of one each, sorted
 * by gate so that each transaction names few gates (a batch of 100 meets ~11 a transaction
 * instead of ~22): fewer check items to pay for, fewer writes in flight to meet. When another
 * launch created one of them meanwhile, that transaction changes nothing and its evaluations are
 * created one by one. Returns the NIPs created here.
 */
async function createAll(deps: Deps, fresh: Evaluation[]): Promise<Set<string>> {
  const created = new Set<string>();
  const byGate = [...fresh].sort((a, b) => gateOf(a.nip) - gateOf(b.nip));
  await Promise.all(
    chunks(byGate, PER_TRANSACTION).map(async (chunk) => {
      try {
        await transact(
          deps,
          chunk.flatMap((e) => creationItems(deps, e)),
        );
        for (const e of chunk) created.add(e.nip);
      } catch (err) {
        // Closed meanwhile: one by one would only be refused one by one.
        if ((err as { code?: string }).code !== 'KONFLIK' || isCycleClosed(err)) throw err;
        await inBatches(chunk, 10, async (e) => {
          if (await ensureEvaluation(deps, e)) created.add(e.nip);
        });
      }
    }),
  );
  return created;
}

/** No execution ever registered on it: edits by the employee do not count as a workflow. */
async function neverRun(deps: Deps, cycleId: string, nip: string): Promise<boolean> {
  const current = await getEvaluation(deps, cycleId, nip);
  return !!current && !current.registeredAt;
}

/**
 * CycleLaunch, step 1: opens the cycle (its first launch) and slices the active employees in
 * scope into batches by NIP range. Reads sort keys only; creates nothing.
 */
export async function planLaunch(deps: Deps, cycleId: string): Promise<LaunchPlan> {
  const cycle = await openForLaunch(deps, cycleId);
  const opds = cycle.scope === 'ALL' ? (await listOrg(deps)).opd.map((o) => o.kode) : cycle.scope;
  const perOpd = await Promise.all(opds.map(async (opd) => ({ opd, nips: await activeNips(deps, opd) })));
  return {
    cycleId,
    employees: perOpd.reduce((n, o) => n + o.nips.length, 0),
    kelompok: perOpd.flatMap((o) => kelompokPeluncuran(o.opd, o.nips, UKURAN_KELOMPOK)),
  };
}

/**
 * CycleLaunch, step 2 (one Distributed Map item): one evaluation and one execution per active
 * employee of the batch. Safe to repeat, which an EXPRESS child may do: existing evaluations
 * are kept, and a taken execution name starts nothing.
 */
export async function launchBatch(deps: Deps, cycleId: string, k: KelompokPeluncuran): Promise<LaunchCounts> {
  const [employees, cycle] = await Promise.all([activeInRange(deps, k), getCycle(deps, cycleId)]);
  // A launch still running when the cycle is closed starts nothing more.
  if (!employees.length || cycle?.status !== 'DIBUKA') return { ...ZERO };
  const [org, atasan, existing] = await Promise.all([
    listOrg(deps),
    getEmployees(
      deps,
      employees.flatMap((e) => (e.atasanNip ? [e.atasanNip] : [])),
    ),
    getEvaluations(
      deps,
      cycleId,
      employees.map((e) => e.nip),
    ),
  ]);
  const names: OrgNames = {
    opd: new Map(org.opd.map((o) => [o.kode, o.nama])),
    unit: new Map(org.units.map((u) => [`${u.opd}#${u.kode}`, u.nama])),
  };
  const now = deps.now().toISOString();
  let created: Set<string>;
  try {
    created = await createAll(
      deps,
      employees
        .filter((emp) => !existing.has(emp.nip))
        .map((emp) =>
          newEvaluation(cycleId, emp, emp.atasanNip ? atasan.get(emp.atasanNip) : undefined, now, names),
        ),
    );
  } catch (err) {
    // Closed between the read above and the writes: nothing was created, nothing is started.
    if (isCycleClosed(err)) return { ...ZERO, employees: employees.length };
    throw err;
  }
  const counts: LaunchCounts = { ...ZERO, employees: employees.length, created: created.size };
  await inBatches(employees, 10, async (emp) => {
    const known = existing.get(emp.nip);
    if (known?.registeredAt) {
      // A workflow already holds this evaluation; after a local restart, resume takes it on.
      counts.alreadyStarted++;
      return;
    }
    // Created by a concurrent launch whose execution may already run: only if it never did.
    if (!known && !created.has(emp.nip) && !(await neverRun(deps, cycleId, emp.nip))) {
      counts.alreadyStarted++;
      return;
    }
    const started = await startEvaluation(deps, executionName(cycleId, emp.nip), {
      cycleId,
      nip: emp.nip,
      startStage: 'PENETAPAN_TARGET',
    });
    if (started) counts.started++;
    else counts.alreadyStarted++;
  });
  return counts;
}

/**
 * CycleLaunch, step 3: the batches' counts summed, and kept on the cycle when this run is the
 * launch the cycle records (`eksekusi`).
 */
export async function summariseLaunch(deps: Deps, input: LaunchSummaryInput): Promise<LaunchReport> {
  const total = input.hasil.reduce<LaunchCounts>(
    (t, h) => ({
      employees: t.employees + h.employees,
      created: t.created + h.created,
      started: t.started + h.started,
      alreadyStarted: t.alreadyStarted + h.alreadyStarted,
    }),
    { ...ZERO },
  );
  if (input.eksekusi)
    await recordLaunchResult(deps, input.cycleId, input.eksekusi, {
      ...total,
      selesai: deps.now().toISOString(),
    });
  return { cycleId: input.cycleId, ...total };
}

/** A CycleLaunch run: its name (`eksekusi`), its ARN, and when it started. */
export type LaunchRun = Omit<Peluncuran, 'oleh' | 'hasil'>;

/**
 * Launches a cycle: starts a CycleLaunch execution under a new run name. The only way a cycle
 * is launched: by BKPSDM (`startLaunch`, which also records the run on the cycle), by the local
 * runtime at start, and by the tests. Its result is the execution's output (`LaunchReport`).
 */
export async function launchCycle(deps: Deps, cycleId: string): Promise<LaunchRun> {
  const now = deps.now();
  const eksekusi = namaPeluncuran(cycleId, now);
  const arn = await startCycleLaunch(deps, eksekusi, { cycleId, eksekusi });
  return { eksekusi, arn, mulai: now.toISOString() };
}

/**
 * After the local runtime restarts (executions lived in memory), every evaluation whose stage
 * is still open gets a new execution that starts at that stage. Only in open cycles: a closed
 * cycle's evaluations stay where the close left them (their stored task tokens are irrelevant:
 * reads say nobody waits, and every write is refused). First every cycle stored before gates
 * existed gets its missing gates (completeGates), so an older local data dir keeps working.
 */
export async function resumeOpenEvaluations(
  deps: Deps,
): Promise<{ resumed: number; gatesCompleted: number }> {
  let resumed = 0;
  let gatesCompleted = 0;
  for (const cycle of await listCycles(deps)) {
    // A data dir from before the gates: its cycles get them before anything writes again.
    gatesCompleted += await completeGates(deps, cycle.id);
    if (cycle.status !== 'DIBUKA') continue;
    // Never registered means never run: launching (not resuming) starts those.
    // A stage marked done whose next stage never registered (a restart in between) is open too:
    // the workflow restarts at it, sees it done, and moves on without doing it twice.
    const open = (await listByCycle(deps, cycle.id)).filter(
      (e) => e.registeredAt && !(e.stage === 'SELESAI' && e.status === 'SELESAI'),
    );
    await inBatches(open, 10, async (e) => {
      const started = await startEvaluation(deps, executionName(cycle.id, e.nip, `r${e.version}`), {
        cycleId: cycle.id,
        nip: e.nip,
        startStage: e.stage,
      });
      if (started) resumed++;
    });
  }
  return { resumed, gatesCompleted };
}

/**
 * BKPSDM restarts a failed evaluation at its recorded stage (the cloud's counterpart of the local
 * resume; redrive from the console does the same for the failed execution itself). Every input
 * is on the evaluation, and registering a stage already done answers at once.
 */
export async function resumeWorkflow(deps: Deps, p: Principal, cycleId: string, nip: string) {
  if (!p.admin) throw dilarang('Hanya BKPSDM yang dapat melanjutkan alur evaluasi yang gagal');
  const [e, cycle] = await Promise.all([evaluationFor(deps, cycleId, nip), getCycle(deps, cycleId)]);
  // A start writes nothing, so no transaction would refuse it: a closed cycle restarts nothing.
  if (cycle?.status !== 'DIBUKA') throw cycleClosedError(cycleId);
  if (!e.alurGagal) {
    throw konflik('Alur evaluasi ini tidak sedang gagal; tidak ada yang perlu dilanjutkan', {
      stage: e.stage,
      status: e.status,
    });
  }
  const started = await startEvaluation(deps, executionName(cycleId, nip, `r${e.version}`), {
    cycleId,
    nip,
    startStage: e.stage,
  });
  return { started, stage: e.stage };
}
