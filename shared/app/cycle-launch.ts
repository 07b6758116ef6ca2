import { type Cycle, executionName } from '../domain/cycle.js';
import type { Employee } from '../domain/employee.js';
import type { Evaluation } from '../domain/evaluation.js';
import { tidakDitemukan } from '../domain/errors.js';
import { auditPut } from '../data/audit.js';
import { getCycle, listCycles } from '../data/cycles.js';
import { evaluationItem, getEvaluation, listByCycle } from '../data/evaluations.js';
import { getEmployees, listActiveByOpd, listOrg } from '../data/people.js';
import { transact } from '../data/transact.js';
import type { Deps } from '../runtime/deps.js';
import { startEvaluation } from './workflow-client.js';

export interface LaunchReport {
  cycleId: string;
  employees: number;
  created: number;
  started: number;
  alreadyStarted: number;
}

type OrgNames = { opd: Map<string, string>; unit: Map<string, string> };

function newEvaluation(
  cycle: Cycle,
  emp: Employee,
  atasan: Employee | undefined,
  at: string,
  names: OrgNames,
): Evaluation {
  return {
    cycleId: cycle.id,
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

/** Creates the evaluation unless it exists; false when it already did. */
async function ensureEvaluation(deps: Deps, e: Evaluation): Promise<boolean> {
  try {
    await transact(deps, [
      {
        Put: {
          TableName: deps.tableName,
          Item: evaluationItem(e),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      auditPut(deps, {
        cycleId: e.cycleId,
        nip: e.nip,
        at: e.createdAt,
        actor: { sistem: 'peluncuran-siklus' },
        action: 'EVALUASI_DIBUAT',
        detail: { stage: e.stage },
        version: 1,
      }),
    ]);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'KONFLIK') return false;
    throw err;
  }
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** No execution ever registered on it: edits by the employee do not count as a workflow. */
async function neverRun(deps: Deps, e: Evaluation): Promise<boolean> {
  const current = await getEvaluation(deps, e.cycleId, e.nip);
  return !!current && !current.registeredAt;
}

/**
 * One evaluation and one execution per active employee in the cycle's scope. Safe to run
 * again: existing evaluations are kept and taken execution names start nothing.
 */
export async function launchCycle(deps: Deps, cycleId: string): Promise<LaunchReport> {
  const cycle = await getCycle(deps, cycleId);
  if (!cycle) throw tidakDitemukan(`Siklus ${cycleId} tidak ditemukan`);
  const org = await listOrg(deps);
  const names: OrgNames = {
    opd: new Map(org.opd.map((o) => [o.kode, o.nama])),
    unit: new Map(org.units.map((u) => [`${u.opd}#${u.kode}`, u.nama])),
  };
  const opds = cycle.scope === 'ALL' ? org.opd.map((o) => o.kode) : cycle.scope;
  const employees = (await Promise.all(opds.map((o) => listActiveByOpd(deps, o)))).flat();
  const atasan = await getEmployees(
    deps,
    employees.flatMap((e) => (e.atasanNip ? [e.atasanNip] : [])),
  );
  const report: LaunchReport = {
    cycleId,
    employees: employees.length,
    created: 0,
    started: 0,
    alreadyStarted: 0,
  };
  const now = deps.now();
  // One query tells which evaluations exist and which a workflow has already registered on.
  const existing = new Map((await listByCycle(deps, cycle.id)).map((e) => [e.nip, e]));
  await inBatches(employees, 10, async (emp) => {
    const known = existing.get(emp.nip);
    if (known?.registeredAt) {
      // A workflow already holds this evaluation; after a local restart, resume takes it on.
      report.alreadyStarted++;
      return;
    }
    if (!known) {
      const evaluation = newEvaluation(
        cycle,
        emp,
        emp.atasanNip ? atasan.get(emp.atasanNip) : undefined,
        now.toISOString(),
        names,
      );
      const created = await ensureEvaluation(deps, evaluation);
      if (created) report.created++;
      else if (!(await neverRun(deps, evaluation))) {
        report.alreadyStarted++;
        return;
      }
    }
    const started = await startEvaluation(deps, executionName(cycle.id, emp.nip), {
      cycleId: cycle.id,
      nip: emp.nip,
      startStage: 'PENETAPAN_TARGET',
    });
    if (started) report.started++;
    else report.alreadyStarted++;
  });
  return report;
}

/**
 * After the local runtime restarts (executions lived in memory), every evaluation whose stage
 * is still open gets a new execution that starts at that stage.
 */
export async function resumeOpenEvaluations(deps: Deps): Promise<{ resumed: number }> {
  let resumed = 0;
  for (const cycle of await listCycles(deps)) {
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
  return { resumed };
}
