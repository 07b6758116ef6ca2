/**
 * Roster import use case, for the CLI and the BKPSDM admin page alike:
 *
 *   const plan = await dryRun(deps, { name, bytes }, { opdScope });   // reads only, writes nothing
 *   const result = await apply(deps, plan, { skipInvalid, onProgress }); // or apply(deps, file, ...)
 *   const xlsx = await rosterTemplate(deps);                            // the download
 *
 * A file that cannot be read (type, size, header) throws a DomainError VALIDASI whose message
 * says why; problems in rows never throw, they are in plan.errors as { row, column, message }.
 */
import { createHash } from 'node:crypto';
import { DomainError, validasi } from '../../domain/errors.js';
import {
  planRoster,
  planWrites,
  readRosterSheet,
  supervisorsFirst,
  type PersonChange,
  type RosterError,
  type RosterPlan,
} from '../../domain/people/roster/index.js';
import { loadEmployees, PEOPLE_PER_BATCH, writeBatch, type FailedBatch } from '../../data/roster.js';
import { readRosterFile, type RosterFile } from '../../roster/read-file.js';
import { rosterTemplate as buildTemplate } from '../../roster/template.js';
import { chunks } from '../../runtime/batches.js';
import type { Deps } from '../../runtime/deps.js';
import { listOrg } from '../../data/people.js';
import type { AccountProvisioning } from '../../auth/cognito-accounts.js';
import { syncAccounts, type AccountSync } from './roster-accounts.js';
import { moveOpenEvaluations } from './roster-transfers.js';
export type { RosterFile } from '../../roster/read-file.js';
export type { FailedBatch } from '../../data/roster.js';
export type { PersonChange, RosterError, FieldChange } from '../../domain/people/roster/index.js';

export interface RosterProgress {
  phase: 'membaca' | 'memeriksa' | 'menulis';
  /** People written so far (phase menulis); 0/1 for the other phases. */
  done: number;
  total: number;
}

export interface DryRunOptions {
  /** A partial import of these OPDs only; default: the file is the whole city's roster. */
  opdScope?: string[];
  onProgress?: (p: RosterProgress) => void;
  /**
   * Who runs the import (NIP of the BKPSDM admin, or "cli:<user>"), kept in every log item. The
   * plan never deactivates this person, nor the last active admins (a refusal in plan.errors).
   */
  actor?: string;
}

export interface RosterImportPlan extends RosterPlan {
  file: { name: string; size: number; sha256: string };
  checkedAt: string;
}

export interface ApplyOptions extends DryRunOptions {
  /** Apply the valid rows and skip the invalid ones (and rows whose supervisor's row is invalid). */
  skipInvalid?: boolean;
  /** Needed when the plan deactivates a large share of the active people (plan.massDeactivation). */
  allowMassDeactivation?: boolean;
  /** Transactions in flight at once. */
  concurrency?: number;
  /** Sign-in accounts to keep in step (Cognito in the cloud); none when absent. */
  accounts?: AccountProvisioning;
}

export interface ApplyResult {
  /** Empty when nothing needed writing. */
  importId: string;
  created: number;
  updated: number;
  deactivated: number;
  unchanged: number;
  skippedRows: number[];
  /** DynamoDB items written (profiles plus log items); 0 when re-importing the same file. */
  writes: number;
  transactions: number;
  failedBatches: FailedBatch[];
  /** What happened to sign-in accounts, when `accounts` was given. */
  accounts?: AccountSync;
  /** People whose open evaluations followed a new atasan or unit (as a transfer does). */
  movedEvaluations?: { moved: string[]; failed: { nip: string; message: string }[] };
}

function fileProblem(message: string, errors: RosterError[]): DomainError {
  return new DomainError(
    'VALIDASI',
    message,
    errors.map((e) => ({ path: e.cell ?? `baris ${e.row}`, message: e.message })),
    { errors },
  );
}

export async function dryRun(
  deps: Deps,
  file: RosterFile,
  options: DryRunOptions = {},
): Promise<RosterImportPlan> {
  options.onProgress?.({ phase: 'membaca', done: 0, total: 1 });
  const rows = await readRosterFile(file);
  const sheet = readRosterSheet(rows);
  if (!sheet.ok) throw fileProblem(sheet.message, sheet.errors);
  if (!sheet.records.length) throw validasi('Berkas hanya berisi baris judul, tanpa data pegawai.');
  options.onProgress?.({ phase: 'memeriksa', done: 0, total: 1 });

  const organisation = await listOrg(deps);
  const known = new Set(organisation.opd.map((o) => o.kode));
  const scope = options.opdScope?.map((o) => o.trim().toUpperCase());
  const unknownScope = scope?.filter((o) => !known.has(o)) ?? [];
  if (unknownScope.length) throw validasi(`OPD cakupan impor tidak terdaftar: ${unknownScope.join(', ')}`);
  if (scope && !scope.length) throw validasi('Cakupan impor per OPD tidak boleh kosong.');
  const existing = await loadEmployees(deps, [...known]);

  const now = deps.now();
  const plan = planRoster(
    sheet.records,
    {
      ...organisation,
      existing,
      ...(scope ? { opdScope: scope } : {}),
      today: now.toISOString().slice(0, 10),
    },
    { actorNip: options.actor },
  );
  return {
    ...plan,
    file: {
      name: file.name,
      size: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
    },
    checkedAt: now.toISOString(),
  };
}

const isPlan = (x: RosterImportPlan | RosterFile): x is RosterImportPlan => 'creates' in x;

/** Sortable by time, unique, and short enough for a ClientRequestToken with a batch suffix. */
function newImportId(deps: Deps): string {
  const t = deps.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  return `${t}-${deps.newId().replace(/-/g, '').slice(0, 6)}`;
}

/**
 * Writes a plan (or the plan of a file, checked afresh). Refuses while the plan has errors,
 * unless skipInvalid; a plan with nothing to change writes nothing at all. Each batch either
 * applies fully or is reported in failedBatches; running the same file again later re-plans
 * from the data and writes only what is still missing.
 */
export async function apply(
  deps: Deps,
  planOrFile: RosterImportPlan | RosterFile,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const plan = isPlan(planOrFile) ? planOrFile : await dryRun(deps, planOrFile, options);
  if (plan.errors.length && !options.skipInvalid) {
    throw new DomainError(
      'VALIDASI',
      `Roster memiliki ${plan.errors.length} kesalahan` +
        (plan.skippedRows.length ? ` pada ${plan.skippedRows.length} baris. ` : '. ') +
        'Perbaiki berkasnya, atau terapkan dengan melewati baris yang tidak valid.',
      [],
      { errors: plan.errors },
    );
  }
  if (plan.massDeactivation && !options.allowMassDeactivation)
    throw validasi(`${plan.warnings[0] ?? 'Terlalu banyak pegawai akan dinonaktifkan.'}`);

  const changes = supervisorsFirst([...plan.creates, ...plan.updates, ...plan.deactivations]);
  const result: ApplyResult = {
    importId: '',
    created: 0,
    updated: 0,
    deactivated: 0,
    unchanged: plan.unchanged,
    skippedRows: plan.skippedRows,
    writes: 0,
    transactions: 0,
    failedBatches: [],
  };
  if (!planWrites(plan)) return result;

  result.importId = newImportId(deps);
  const meta = {
    importId: result.importId,
    at: deps.now().toISOString(),
    actor: options.actor ?? 'tidak diketahui',
    file: { name: plan.file.name, sha256: plan.file.sha256 },
  };
  const batches = chunks(changes, PEOPLE_PER_BATCH);

  const written: PersonChange[] = [];
  let done = 0;
  let next = 0;
  options.onProgress?.({ phase: 'menulis', done, total: changes.length });
  const worker = async () => {
    while (next < batches.length) {
      const n = next++;
      const people = batches[n]!;
      const outcome = await writeBatch(deps, n + 1, people, meta);
      result.transactions++;
      if (outcome.failed) result.failedBatches.push(outcome.failed);
      else {
        result.writes += outcome.written;
        written.push(...people);
        for (const c of people) {
          if (c.kind === 'BARU') result.created++;
          else if (c.kind === 'UBAH') result.updated++;
          else result.deactivated++;
        }
      }
      done += people.length;
      options.onProgress?.({ phase: 'menulis', done, total: changes.length });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  result.failedBatches.sort((a, b) => a.batch - b.batch);
  result.movedEvaluations = await moveOpenEvaluations(deps, written, result.importId, options.actor);
  if (options.accounts) result.accounts = await syncAccounts(options.accounts, written);
  return result;
}

/** The template to download; with deps it also lists the OPD and unit codes of the table. */
export async function rosterTemplate(deps?: Deps): Promise<Buffer> {
  return buildTemplate(deps ? { organisation: await listOrg(deps) } : {});
}
