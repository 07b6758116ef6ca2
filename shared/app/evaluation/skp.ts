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
import { commitChange, type EvaluationSheet } from '../../data/evaluations.js';
import { linkCountAdd, rowDelete, rowFailures, rowPut, rowUpdate } from '../../data/target-rows.js';
import type { TransactItem, FailureMessages } from '../../data/transact.js';
import { calonRekan } from './rekan.js';
import type { Deps } from '../../runtime/deps.js';
import { actorOf, type Principal } from '../actor.js';
import { resumeAfterDecision } from '../workflow-client.js';
import { sheetFor } from './muat.js';

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
  const sheet = await sheetFor(deps, cycleId, nip);
  evaluation.assertCanEditTargets(sheet.evaluation, p);
  evaluation.assertVersion(sheet.evaluation, version);
  assertCanAddRow(sheet.rows);
  const row = buildRow(sheet, deps.newId(), input);
  const links = linkChanges(deps, cycleId, undefined, row);
  const urutan = Math.max(0, ...sheet.rows.map((r) => (r as { urutan?: number }).urutan ?? 0)) + 1;
  const after = await commitChange(deps, {
    before: sheet.evaluation,
    patch: {},
    audit: { actor: actorOf(p), action: 'TARGET_DITAMBAH', detail: { row } },
    extra: [rowPut(deps, cycleId, nip, row, urutan, true), ...links.items],
    extraFailures: shift(links.failures, 1),
  });
  return { evaluation: after, row };
}

/** The SKP and one of its rows, once the person may edit it at this version. */
async function editableRow(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  rowId: string,
  version: number,
) {
  const sheet = await sheetFor(deps, cycleId, nip);
  evaluation.assertCanEditTargets(sheet.evaluation, p);
  evaluation.assertVersion(sheet.evaluation, version);
  const current = sheet.rows.find((r) => r.id === rowId);
  if (!current) throw tidakDitemukan('Baris hasil kerja tidak ditemukan');
  return { sheet, current };
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
  const { sheet, current } = await editableRow(deps, p, cycleId, nip, rowId, version);
  const row = buildRow(sheet, rowId, input);
  if (current.linkCount) row.linkCount = current.linkCount;
  const links = linkChanges(deps, cycleId, current, row);
  const after = await commitChange(deps, {
    before: sheet.evaluation,
    patch: {},
    audit: { actor: actorOf(p), action: 'TARGET_DIUBAH', detail: { before: current, after: row } },
    extra: [rowUpdate(deps, cycleId, nip, row), ...links.items],
    extraFailures: { 0: rowFailures.rowGone, ...shift(links.failures, 1) },
  });
  return { evaluation: after, row };
}

export async function deleteTargetRow(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  rowId: string,
  version: number,
) {
  const { sheet, current } = await editableRow(deps, p, cycleId, nip, rowId, version);
  assertDeletable(current);
  const links = linkChanges(deps, cycleId, current, undefined);
  return commitChange(deps, {
    before: sheet.evaluation,
    patch: {},
    audit: { actor: actorOf(p), action: 'TARGET_DIHAPUS', detail: { row: current } },
    extra: [rowDelete(deps, cycleId, nip, rowId), ...links.items],
    extraFailures: { 0: rowFailures.stillLinked },
  });
}

export async function submitSkp(deps: Deps, p: Principal, cycleId: string, nip: string, version: number) {
  const sheet = await sheetFor(deps, cycleId, nip);
  const patch = evaluation.submit(sheet.evaluation, p);
  evaluation.assertVersion(sheet.evaluation, version);
  assertCanSubmit(sheet.rows);
  return commitChange(deps, {
    before: sheet.evaluation,
    patch: { ...patch, lastComment: undefined },
    audit: { actor: actorOf(p), action: 'SKP_DIAJUKAN', detail: { rows: sheet.rows.length } },
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
  const sheet = await sheetFor(deps, cycleId, nip);
  const patch = evaluation.returnToEmployee(sheet.evaluation, p, comment);
  evaluation.assertVersion(sheet.evaluation, version);
  return commitChange(deps, {
    before: sheet.evaluation,
    patch,
    audit: { actor: actorOf(p), action: 'SKP_DIKEMBALIKAN', detail: { comment: patch.lastComment } },
  });
}

/**
 * Approval is recorded first and then reported to the workflow. If the report is lost, the
 * stage's deadline handler finds the stage done and ends the execution instead of escalating.
 */
export async function approveSkp(deps: Deps, p: Principal, cycleId: string, nip: string, version: number) {
  const sheet = await sheetFor(deps, cycleId, nip);
  const short = (sheet.evaluation.rekan?.length ?? 0) < evaluation.MIN_REKAN;
  const calon = short ? (await calonRekan(deps, sheet.evaluation)).length : undefined;
  const patch = evaluation.approve(sheet.evaluation, p, calon);
  evaluation.assertVersion(sheet.evaluation, version);
  const token = sheet.evaluation.taskToken!;
  const after = await commitChange(deps, {
    before: sheet.evaluation,
    patch: { ...patch, lastComment: undefined },
    remove: ['taskToken'],
    audit: { actor: actorOf(p), action: 'SKP_DISETUJUI', detail: { rows: sheet.rows.length } },
  });
  await resumeAfterDecision(deps, token, {
    disetujuiOleh: p.nip,
    pada: after.updatedAt,
    rows: sheet.rows.length,
  });
  return after;
}

export async function setEkspektasi(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: Record<string, string>,
) {
  const sheet = await sheetFor(deps, cycleId, nip);
  const ekspektasi = evaluation.setEkspektasi(sheet.evaluation, p, input);
  evaluation.assertVersion(sheet.evaluation, version);
  return commitChange(deps, {
    before: sheet.evaluation,
    patch: { ekspektasi },
    audit: { actor: actorOf(p), action: 'EKSPEKTASI_DITETAPKAN', detail: { ekspektasi } },
  });
}

/** Failure messages are indexed by position in `extra`; the row item sits before the links. */
function shift(f: FailureMessages, by: number): FailureMessages {
  return Object.fromEntries(Object.entries(f).map(([k, v]) => [Number(k) + by, v]));
}
