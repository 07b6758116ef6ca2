/**
 * The plan of an import: who is created, updated or deactivated, and every problem found on
 * the way. Nothing is written here: shared/app/people/roster-import.ts applies a plan.
 */
import { guardAdmins } from './admins.js';
import { ROSTER_COLUMN_KEYS, type RosterColumn } from './columns.js';
import { diffPerson, rosterFieldsOf, type PersonChange } from './diff.js';
import { checkRow, cleanNip, type Organisation, type RosterContext, type RosterPerson } from './rows.js';
import type { RosterError, RosterRecord } from './sheet.js';
import { checkSupervisors, skipSubordinates } from './supervisors.js';

export interface RosterPlan {
  /** 'SEMUA' for the whole city; otherwise the OPDs the file covers. */
  scope: 'SEMUA' | string[];
  /** Data rows read (blank rows not counted). */
  rows: number;
  creates: PersonChange[];
  updates: PersonChange[];
  /** Active people who become inactive: missing from the roster, or marked aktif = tidak. */
  deactivations: PersonChange[];
  unchanged: number;
  /**
   * Every problem, with its row and column (row 0: a person the file lacks). Apply refuses while
   * there are any, unless told to skip.
   */
  errors: RosterError[];
  /** Rows left out when applying with skipInvalid (their own errors or their supervisor's). */
  skippedRows: number[];
  warnings: string[];
  /** Deactivations above the safety threshold: apply needs allowMassDeactivation. */
  massDeactivation: boolean;
}

/** More than this share of the active people (and more than MASS_MIN) is "mass" deactivation. */
export const MASS_SHARE = 0.25;
export const MASS_MIN = 10;

/** Who imports: the admin's NIP on the web; absent (or "cli:<user>") from the command line. */
export interface Importer {
  actorNip?: string | undefined;
}

/**
 * Validates every record and works out the plan. Errors never stop the work: the plan also
 * shows what applying with skipInvalid would do (the valid rows whose supervisor chain is valid).
 */
export function planRoster(records: RosterRecord[], ctx: RosterContext, importer: Importer = {}): RosterPlan {
  const orgs: Organisation = {
    opd: new Set(ctx.opd.map((o) => o.kode)),
    units: new Set(ctx.units.map((u) => `${u.opd}#${u.kode}`)),
  };
  const inScope = (opd: string) => !ctx.opdScope || ctx.opdScope.includes(opd);
  const existing = new Map(ctx.existing.map((e) => [e.nip, e]));
  const errors: RosterError[] = [];
  const bad = new Set<number>();
  const fail = (rec: RosterRecord, column: RosterColumn | '', message: string) => {
    errors.push({
      row: rec.row,
      column,
      ...(column ? { cell: `${rec.letters[column]}${rec.row}` } : {}),
      message,
    });
    bad.add(rec.row);
  };

  // 1. Cells.
  const people = new Map<number, RosterPerson>();
  for (const rec of records) {
    const r = checkRow(rec, ctx, orgs);
    for (const e of r.errors) errors.push(e);
    if (r.errors.length) bad.add(rec.row);
    if (r.person) people.set(rec.row, r.person);
  }

  // 2. Duplicate NIPs: every occurrence is wrong, each names the others.
  const rowsOfNip = new Map<string, RosterRecord[]>();
  for (const rec of records) {
    const nip = cleanNip(rec.cells.nip);
    if (!nip) continue;
    rowsOfNip.set(nip, [...(rowsOfNip.get(nip) ?? []), rec]);
  }
  for (const [nip, recs] of rowsOfNip) {
    if (recs.length < 2) continue;
    for (const rec of recs) {
      const others = recs.filter((o) => o !== rec).map((o) => o.row);
      fail(rec, 'nip', `NIP ${nip} ganda: juga ada di baris ${others.join(', ')}`);
    }
  }

  // 3-5. The supervisors (supervisors.ts). Leaving out the subordinates of left-out rows comes
  // last: it starts from every row left out by the steps before.
  checkSupervisors({ records, ctx, people, rowsOfNip, existing, inScope, fail });
  skipSubordinates(records, people, bad, fail);

  // 6. The diff against the data, for the rows that would be applied.
  const creates: PersonChange[] = [];
  const updates: PersonChange[] = [];
  const planned: PersonChange[] = [];
  let unchanged = 0;
  for (const rec of records) {
    const p = people.get(rec.row);
    if (!p || bad.has(rec.row)) continue;
    const before = existing.get(p.nip);
    const base = { nip: p.nip, nama: p.nama, opd: p.opd, row: rec.row, after: p };
    if (!before) {
      creates.push({ kind: 'BARU', ...base, changes: diffPerson({}, p) });
      continue;
    }
    const changes = diffPerson(before, p);
    if (!changes.length) unchanged++;
    else if (before.aktif && !p.aktif) planned.push({ kind: 'NONAKTIF', ...base, changes });
    else updates.push({ kind: 'UBAH', ...base, changes });
  }
  // Anyone named in the file (even on an invalid row) is not "missing": a typo must not deactivate.
  let activeInScope = 0;
  for (const e of ctx.existing) {
    if (!e.aktif || !inScope(e.opd)) continue;
    activeInScope++;
    if (rowsOfNip.has(e.nip)) continue;
    const after = { ...rosterFieldsOf(e), aktif: false };
    planned.push({
      kind: 'NONAKTIF',
      nip: e.nip,
      nama: e.nama,
      opd: e.opd,
      after,
      changes: diffPerson(e, after),
    });
  }

  // 7. Never the importing admin, never the last active admins: refused like an invalid row
  // (skipInvalid leaves them active), before anything is written.
  const admins = guardAdmins(planned, ctx.existing, importer.actorNip);
  const deactivations = admins.allowed;
  const byRow = new Map(records.map((r) => [r.row, r]));
  for (const { change, message } of admins.refused) {
    const rec = change.row ? byRow.get(change.row) : undefined;
    if (rec) fail(rec, 'aktif', message);
    else errors.push({ row: 0, column: '', message });
  }

  const warnings: string[] = [];
  const massDeactivation =
    deactivations.length > MASS_MIN && deactivations.length > activeInScope * MASS_SHARE;
  if (massDeactivation)
    warnings.push(
      `${deactivations.length} dari ${activeInScope} pegawai aktif akan dinonaktifkan. Pastikan berkas memuat ` +
        'seluruh pegawai (atau gunakan impor per OPD); penerapan memerlukan konfirmasi khusus.',
    );
  if (ctx.opdScope) {
    const leaving = new Set(deactivations.map((d) => d.nip));
    const orphans = ctx.existing.filter(
      (e) => e.aktif && !inScope(e.opd) && e.atasanNip && leaving.has(e.atasanNip),
    );
    if (orphans.length)
      warnings.push(
        `${orphans.length} pegawai di luar cakupan memiliki atasan yang akan dinonaktifkan: ` +
          orphans.map((e) => `${e.nip} (${e.opd})`).join(', '),
      );
  }

  errors.sort(
    (a, b) =>
      a.row - b.row ||
      ROSTER_COLUMN_KEYS.indexOf(a.column as RosterColumn) -
        ROSTER_COLUMN_KEYS.indexOf(b.column as RosterColumn),
  );
  return {
    scope: ctx.opdScope ?? 'SEMUA',
    rows: records.length,
    creates,
    updates,
    deactivations,
    unchanged,
    errors,
    skippedRows: [...bad].sort((a, b) => a - b),
    warnings,
    massDeactivation,
  };
}

export const planIsClean = (plan: RosterPlan) => plan.errors.length === 0;
export const planWrites = (plan: RosterPlan) =>
  plan.creates.length + plan.updates.length + plan.deactivations.length;
