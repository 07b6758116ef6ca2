/**
 * The supervisor (atasan) graph: every atasan must exist and stay active after the import, no
 * chain may loop, and a row whose supervisor is left out is left out too.
 */
import type { Employee } from '../employee.js';
import type { RosterColumn } from './columns.js';
import type { PersonChange } from './diff.js';
import { cleanNip, type RosterContext, type RosterPerson } from './rows.js';
import type { RosterRecord } from './sheet.js';

/** Reports a problem of a row and leaves the row out of what applying with skipInvalid writes. */
export type Fail = (rec: RosterRecord, column: RosterColumn | '', message: string) => void;

/** What planRoster already knows when it reaches the supervisors. */
export interface SupervisorCheck {
  records: RosterRecord[];
  ctx: RosterContext;
  /** The person of every row whose cells are valid, by row. */
  people: Map<number, RosterPerson>;
  /** Every row naming a NIP, valid or not: a NIP in here is "in the file". */
  rowsOfNip: Map<string, RosterRecord[]>;
  existing: Map<string, Employee>;
  inScope: (opd: string) => boolean;
  fail: Fail;
}

interface Node {
  atasanNip?: string;
  aktif: boolean;
  row?: number;
}

/**
 * The supervisor graph after the import: file rows, plus (partial import) the people of
 * other OPDs as they are now. People of the scope missing from the file become inactive.
 */
function graphAfterImport({ records, ctx, people, rowsOfNip, inScope }: SupervisorCheck): Map<string, Node> {
  const graph = new Map<string, Node>();
  if (ctx.opdScope) {
    for (const e of ctx.existing)
      graph.set(e.nip, { atasanNip: e.atasanNip, aktif: inScope(e.opd) ? false : e.aktif });
  }
  for (const rec of records) {
    const p = people.get(rec.row);
    if (p && rowsOfNip.get(p.nip)!.length === 1)
      graph.set(p.nip, { atasanNip: p.atasanNip, aktif: p.aktif, row: rec.row });
  }
  return graph;
}

/**
 * A supervisor must be someone else, be in the file (or, on a partial import, in the data) and
 * still be active once the import is applied.
 */
function checkAtasan(
  { records, ctx, people, rowsOfNip, existing, inScope, fail }: SupervisorCheck,
  graph: Map<string, Node>,
): void {
  for (const rec of records) {
    const p = people.get(rec.row);
    if (!p?.atasanNip) continue;
    const inFile = rowsOfNip.has(p.atasanNip);
    if (p.atasanNip === p.nip) fail(rec, 'atasan_nip', 'Pegawai tidak boleh menjadi atasan dirinya sendiri');
    else if (!inFile && !ctx.opdScope) {
      fail(
        rec,
        'atasan_nip',
        existing.has(p.atasanNip)
          ? `Atasan ${p.atasanNip} tidak ada di berkas ini (berkas harus memuat seluruh pegawai; ` +
              'tanpa baris itu ia akan dinonaktifkan)'
          : `Atasan ${p.atasanNip} tidak ada di berkas ini`,
      );
    } else if (!inFile && !graph.has(p.atasanNip)) {
      fail(rec, 'atasan_nip', `Atasan ${p.atasanNip} tidak ada di berkas ini maupun di data pegawai`);
    } else if (!inFile && !graph.get(p.atasanNip)!.aktif && p.aktif) {
      fail(
        rec,
        'atasan_nip',
        inScope(existing.get(p.atasanNip)!.opd)
          ? `Atasan ${p.atasanNip} tidak ada di berkas ini sehingga akan dinonaktifkan`
          : `Atasan ${p.atasanNip} sudah tidak aktif`,
      );
    } else if (inFile && p.aktif) {
      // An invalid supervisor row is not in the graph with a row: skipSubordinates reports that case.
      const boss = graph.get(p.atasanNip);
      if (boss?.row !== undefined && !boss.aktif)
        fail(rec, 'atasan_nip', `Atasan ${p.atasanNip} (baris ${boss.row}) tidak aktif`);
    }
  }
}

/**
 * Cycles (A -> B -> C -> A): each node has at most one supervisor, so walk up from every
 * row; meeting a node of the current walk closes a cycle. Every row in it is reported.
 */
function reportCycles(graph: Map<string, Node>, recordOfRow: Map<number, RosterRecord>, fail: Fail): void {
  const done = new Set<string>();
  for (const start of graph.keys()) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let at: string | undefined = start;
    while (at && !done.has(at) && !onPath.has(at)) {
      onPath.set(at, path.length);
      path.push(at);
      const next: string | undefined = graph.get(at)?.atasanNip;
      at = next === at ? undefined : next; // self-supervision is reported by checkAtasan
    }
    if (at && onPath.has(at)) {
      const cycle = path.slice(onPath.get(at)!);
      const text = [...cycle, cycle[0]].join(' → ');
      for (const nip of cycle) {
        const row = graph.get(nip)?.row;
        if (row !== undefined) fail(recordOfRow.get(row)!, 'atasan_nip', `Rantai atasan melingkar: ${text}`);
      }
    }
    for (const n of path) done.add(n);
  }
}

/** Both checks look at the graph as the import would leave it, not as the data is now. */
export function checkSupervisors(check: SupervisorCheck): void {
  const graph = graphAfterImport(check);
  checkAtasan(check, graph);
  reportCycles(graph, new Map(check.records.map((r) => [r.row, r])), check.fail);
}

/**
 * A row whose supervisor's row is left out is left out too (transitively): applying it
 * would point at a supervisor the import did not write. `bad` holds the rows left out so far.
 */
export function skipSubordinates(
  records: RosterRecord[],
  people: Map<number, RosterPerson>,
  bad: Set<number>,
  fail: Fail,
): void {
  const recordOfRow = new Map(records.map((r) => [r.row, r]));
  const subordinates = new Map<string, RosterRecord[]>();
  for (const rec of records) {
    const p = people.get(rec.row);
    if (p?.atasanNip) subordinates.set(p.atasanNip, [...(subordinates.get(p.atasanNip) ?? []), rec]);
  }
  const queue = [...bad].map((r) => recordOfRow.get(r)!);
  while (queue.length) {
    const boss = queue.shift()!;
    const nip = cleanNip(boss.cells.nip);
    for (const sub of subordinates.get(nip) ?? []) {
      if (bad.has(sub.row) || sub === boss) continue;
      fail(
        sub,
        'atasan_nip',
        `Baris atasannya (baris ${boss.row}) tidak valid, sehingga baris ini ikut dilewati`,
      );
      queue.push(sub);
    }
  }
}

/** Supervisors first, so that a batch that fails leaves as few people pointing at nobody as possible. */
export function supervisorsFirst(changes: PersonChange[]): PersonChange[] {
  const byNip = new Map(changes.map((c) => [c.nip, c]));
  const depth = new Map<string, number>();
  const depthOf = (nip: string, seen = new Set<string>()): number => {
    const known = depth.get(nip);
    if (known !== undefined) return known;
    const boss = byNip.get(nip)?.after.atasanNip;
    const d = boss && byNip.has(boss) && !seen.has(boss) ? depthOf(boss, seen.add(nip)) + 1 : 0;
    depth.set(nip, d);
    return d;
  };
  return [...changes].sort((a, b) => depthOf(a.nip) - depthOf(b.nip));
}
