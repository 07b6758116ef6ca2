import * as evaluation from '../../domain/evaluation/evaluation.js';
import { tidakDitemukan } from '../../domain/errors.js';
import {
  type TargetRow,
  type TargetRowInput,
  assertCanAddRow,
  assertCanSubmit,
  assertDeletable,
  assertTargetRow,
  resolveIntervensi,
} from '../../domain/evaluation/skp.js';
import type { EvaluationSheet } from '../../data/evaluations.js';
import { linkCountAdd, rowDelete, rowFailures, rowPut, rowUpdate } from '../../data/target-rows.js';
import type { TransactItem, FailureMessages } from '../../data/transact.js';
import type { Deps } from '../../runtime/deps.js';
import type { Principal } from '../actor.js';
import { calonRekan } from './rekan.js';
import { onEvaluation, onSheet } from './stage-change.js';

/** Link bookkeeping when a row's cascade target changes: +1 on the new target, -1 on the old. */
function linkChanges(deps: Deps, cycleId: string, before?: TargetRow, after?: TargetRow) {
  const items: TransactItem[] = [];
  const failures: FailureMessages = {};
  const from = before?.intervensi;
  const to = after?.intervensi;
  if (from?.rowId === to?.rowId && from?.nip === to?.nip) return { items, failures };
  if (to) {
    failures[items.length] = rowFailures.linkGone;
    items.push(linkCountAdd(deps, cycleId, to.nip, to.rowId, 1));
  }
  if (from) items.push(linkCountAdd(deps, cycleId, from.nip, from.rowId, -1));
  return { items, failures };
}

function buildRow(sheet: EvaluationSheet, id: string, input: TargetRowInput): TargetRow {
  assertTargetRow(input);
  const { intervensiRowId, ...fields } = input;
  const row: TargetRow = {
    ...fields,
    id,
    rhk: fields.rhk.trim(),
    indikator: fields.indikator.trim(),
    satuan: fields.satuan.trim(),
  };
  if (intervensiRowId) row.intervensi = resolveIntervensi(intervensiRowId, sheet.evaluation.atasanNip);
  return row;
}

export async function addTargetRow(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: TargetRowInput,
) {
  return onSheet(cycleId, nip).save(deps, p, version, (sheet) => {
    evaluation.assertCanEditTargets(sheet.evaluation, p, deps.now());
    assertCanAddRow(sheet.rows);
    const row = buildRow(sheet, deps.newId(), input);
    const links = linkChanges(deps, cycleId, undefined, row);
    const urutan = Math.max(0, ...sheet.rows.map((r) => (r as { urutan?: number }).urutan ?? 0)) + 1;
    return {
      patch: {},
      audit: { action: 'TARGET_DITAMBAH', detail: { row } },
      extra: [rowPut(deps, cycleId, nip, row, urutan, true), ...links.items],
      extraFailures: shift(links.failures, 1),
      reply: (after) => ({ evaluation: after, row }),
    };
  });
}

/** One of the SKP's rows, once the person may edit the SKP. */
function editableRow({ evaluation: e, rows }: EvaluationSheet, p: Principal, now: Date, rowId: string) {
  evaluation.assertCanEditTargets(e, p, now);
  const current = rows.find((r) => r.id === rowId);
  if (!current) throw tidakDitemukan('Baris hasil kerja tidak ditemukan');
  return current;
}

export async function updateTargetRow(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  rowId: string,
  version: number,
  input: TargetRowInput,
) {
  return onSheet(cycleId, nip).save(deps, p, version, (sheet) => {
    const current = editableRow(sheet, p, deps.now(), rowId);
    const row = buildRow(sheet, rowId, input);
    if (current.linkCount) row.linkCount = current.linkCount;
    const links = linkChanges(deps, cycleId, current, row);
    return {
      patch: {},
      audit: { action: 'TARGET_DIUBAH', detail: { before: current, after: row } },
      extra: [rowUpdate(deps, cycleId, nip, row), ...links.items],
      extraFailures: { 0: rowFailures.rowGone, ...shift(links.failures, 1) },
      reply: (after) => ({ evaluation: after, row }),
    };
  });
}

export async function deleteTargetRow(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  rowId: string,
  version: number,
) {
  return onSheet(cycleId, nip).save(deps, p, version, (sheet) => {
    const current = editableRow(sheet, p, deps.now(), rowId);
    assertDeletable(current);
    const links = linkChanges(deps, cycleId, current, undefined);
    return {
      patch: {},
      audit: { action: 'TARGET_DIHAPUS', detail: { row: current } },
      extra: [rowDelete(deps, cycleId, nip, rowId), ...links.items],
      extraFailures: { 0: rowFailures.stillLinked },
    };
  });
}

export async function submitSkp(deps: Deps, p: Principal, cycleId: string, nip: string, version: number) {
  return onSheet(cycleId, nip).save(deps, p, version, ({ evaluation: e, rows }) => {
    const patch = evaluation.submit(e, p, deps.now());
    assertCanSubmit(rows);
    return {
      patch: { ...patch, lastComment: undefined },
      audit: { action: 'SKP_DIAJUKAN', detail: { rows: rows.length } },
    };
  });
}

export async function returnSkp(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  comment: string,
) {
  return onEvaluation(cycleId, nip).save(deps, p, version, (e) => {
    const patch = evaluation.returnToEmployee(e, p, comment, deps.now());
    return { patch, audit: { action: 'SKP_DIKEMBALIKAN', detail: { comment: patch.lastComment } } };
  });
}

/**
 * Approving completes target setting. A short list of peers is accepted only where the agency
 * has too few candidates, so their count is read only then.
 */
export async function approveSkp(deps: Deps, p: Principal, cycleId: string, nip: string, version: number) {
  return onSheet(cycleId, nip).complete(deps, p, version, async ({ evaluation: e, rows }) => {
    const short = (e.rekan?.length ?? 0) < evaluation.MIN_REKAN;
    const calon = short ? (await calonRekan(deps, e)).length : undefined;
    const patch = evaluation.approve(e, p, deps.now(), calon);
    return {
      patch: { ...patch, lastComment: undefined },
      audit: { action: 'SKP_DISETUJUI', detail: { rows: rows.length } },
      output: (after) => ({ disetujuiOleh: p.nip, pada: after.updatedAt, rows: rows.length }),
    };
  });
}

export async function setEkspektasi(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: Record<string, string>,
) {
  return onEvaluation(cycleId, nip).save(deps, p, version, (e) => {
    const ekspektasi = evaluation.setEkspektasi(e, p, input, deps.now());
    return { patch: { ekspektasi }, audit: { action: 'EKSPEKTASI_DITETAPKAN', detail: { ekspektasi } } };
  });
}

/** Failure messages are indexed by position in `extra`; the row item sits before the links. */
function shift(f: FailureMessages, by: number): FailureMessages {
  return Object.fromEntries(Object.entries(f).map(([k, v]) => [Number(k) + by, v]));
}
