import type { Employee } from '../../domain/people/employee.js';
import { dilarang, konflik, tidakDitemukan } from '../../domain/errors.js';
import {
  assertValid,
  checkTransfer,
  checkPenugasan,
  isOpen,
  type Transfer,
  type Penugasan,
} from '../../domain/people/mutasi.js';
import {
  changeItems,
  getSheet,
  listByAtasan,
  listByEmployee,
  staleEvaluation,
} from '../../data/evaluations.js';
import { openCycles } from '../../data/cycles.js';
import { employeeReplace, getEmployee, listOrg } from '../../data/people.js';
import { savePenugasan } from '../../data/penugasan.js';
import { transact, type FailureMessages, type TransactItem } from '../../data/transact.js';
import { linkCountAdd, unlinkRow } from '../../data/target-rows.js';
import type { Evaluation } from '../../domain/evaluation/evaluation.js';
import type { Deps } from '../../runtime/deps.js';
import type { Principal } from '../actor.js';

const RELINK =
  'Atasan berganti karena mutasi, sehingga tautan ke RHK atasan lama dilepas. Tautkan ke RHK atasan baru bila perlu, lalu ajukan kembali.';

function assertAdmin(p: Principal) {
  if (!p.admin) throw dilarang('Hanya admin BKPSDM yang dapat mencatat mutasi atau penugasan Plt/Plh');
}

/** A closed cycle's evaluations stay as the close left them (their writes are refused anyway). */
async function inOpenCycles(deps: Deps, list: Evaluation[]): Promise<Evaluation[]> {
  const open = await openCycles(
    deps,
    list.map((e) => e.cycleId),
    { fresh: true },
  );
  return list.filter((e) => open.has(e.cycleId));
}

async function chainAbove(deps: Deps, nip: string | undefined): Promise<string[]> {
  const chain: string[] = [];
  for (let cur = nip; cur && chain.length < 30 && !chain.includes(cur);) {
    chain.push(cur);
    cur = (await getEmployee(deps, cur))?.atasanNip;
  }
  return chain.slice(1);
}

/**
 * A transfer: the profile and every open evaluation move together in one transaction, each
 * evaluation with its audit entry, so no open stage waits on the former atasan.
 */
export async function recordTransfer(deps: Deps, p: Principal, nip: string, m: Transfer) {
  assertAdmin(p);
  const person = await getEmployee(deps, nip);
  if (!person) throw tidakDitemukan('Pegawai tidak ditemukan');
  const newAtasan = m.atasanNip ? await getEmployee(deps, m.atasanNip) : undefined;
  assertValid(
    checkTransfer(person, m, newAtasan, await chainAbove(deps, m.atasanNip)),
    'Mutasi tidak dapat dicatat',
  );
  const updated: Employee = {
    ...person,
    ...(m.opd ? { opd: m.opd } : {}),
    ...(m.unit ? { unit: m.unit } : {}),
    ...(m.atasanNip ? { atasanNip: m.atasanNip } : {}),
  };
  const at = deps.now().toISOString();
  const open = await inOpenCycles(deps, (await listByEmployee(deps, nip)).filter(isOpen));
  const org = m.opd || m.unit ? await listOrg(deps) : undefined;
  const opdNama = org?.opd.find((o) => o.kode === updated.opd)?.nama;
  const unitNama = org?.units.find((u) => u.opd === updated.opd && u.kode === updated.unit)?.nama;
  if (org) {
    assertValid(
      [
        ...(opdNama ? [] : [{ path: 'opd', message: `OPD ${updated.opd} tidak terdaftar` }]),
        ...(unitNama
          ? []
          : [{ path: 'unit', message: `Unit kerja ${updated.unit} tidak ada di ${updated.opd}` }]),
      ],
      'Mutasi tidak dapat dicatat',
    );
  }
  const items: TransactItem[] = [];
  const failures: FailureMessages = {};
  const evaluations: Evaluation[] = [];
  for (const e of open) {
    // Cascade links point at the former atasan's RHK: they are released with the move, and a
    // submitted SKP that had them goes back to the employee to link to the new atasan's RHK.
    const changesAtasan = !!m.atasanNip && m.atasanNip !== e.atasanNip;
    const linked = changesAtasan
      ? ((await getSheet(deps, e.cycleId, e.nip))?.rows ?? []).filter((r) => r.intervensi)
      : [];
    const reopen = linked.length > 0 && e.status === 'DIAJUKAN';
    const patch = {
      opd: updated.opd,
      unit: updated.unit,
      ...(org ? { opdNama: opdNama ?? updated.opd, unitNama: unitNama ?? updated.unit } : {}),
      ...(m.atasanNip
        ? { atasanNip: m.atasanNip, atasanNama: newAtasan!.nama, atasanAtasanNip: newAtasan!.atasanNip }
        : {}),
      plt: undefined,
      ...(reopen ? { status: 'DIKEMBALIKAN' as const, lastComment: RELINK } : {}),
    };
    const detail = {
      dari: e.atasanNip,
      ke: updated.atasanNip,
      opd: updated.opd,
      unit: updated.unit,
      alasan: m.alasan.trim(),
      ...(linked.length ? { tautanDilepas: linked.map((r) => r.id) } : {}),
    };
    const { after, items: its } = changeItems(
      deps,
      { before: e, patch, audit: { actor: { nip: p.nip, nama: p.nama }, action: 'ATASAN_DIGANTI', detail } },
      at,
    );
    failures[items.length] = staleEvaluation(e);
    items.push(...its);
    for (const r of linked) {
      items.push(
        unlinkRow(deps, e.cycleId, e.nip, r.id),
        linkCountAdd(deps, e.cycleId, r.intervensi!.nip, r.intervensi!.rowId, -1),
      );
    }
    evaluations.push(after);
  }
  items.push(employeeReplace(deps, person, { ...updated, diubahPada: at, diubahOleh: p.nip }));
  failures[items.length - 1] = () =>
    konflik('Data pegawai ini baru saja berubah (impor roster atau mutasi lain). Muat ulang lalu coba lagi.');
  await transact(deps, items, failures);
  return { employee: updated, evaluations };
}

/**
 * A Plt/Plh: every open evaluation of the replaced atasan's team gets the acting person and
 * the dates (one transaction per evaluation, with its audit entry); the assignment itself is
 * stored so the acting person's inbox can find the team.
 */
export async function assignPlt(deps: Deps, p: Principal, a: Penugasan) {
  assertAdmin(p);
  const [acting, replaced] = await Promise.all([
    getEmployee(deps, a.nip),
    getEmployee(deps, a.menggantikanNip),
  ]);
  assertValid(checkPenugasan(a, acting, replaced), 'Penugasan Plt/Plh tidak dapat dicatat');
  const at = deps.now().toISOString();
  await savePenugasan(deps, { ...a, alasan: a.alasan.trim() }, { pada: at, oleh: p.nip });
  // The acting person's own evaluation stays with the definitive atasan (policy.ts says so too).
  const team = await inOpenCycles(
    deps,
    (await listByAtasan(deps, a.menggantikanNip)).filter((e) => isOpen(e) && e.nip !== a.nip),
  );
  let moved = 0;
  for (const e of team) {
    const plt = { nip: a.nip, nama: acting!.nama, mulai: a.mulai, selesai: a.selesai, jenis: a.jenis };
    const { items } = changeItems(
      deps,
      {
        before: e,
        patch: { plt },
        audit: {
          actor: { nip: p.nip, nama: p.nama },
          action: 'PLT_DITETAPKAN',
          detail: { ...plt, menggantikan: a.menggantikanNip, alasan: a.alasan.trim() },
        },
      },
      at,
    );
    await transact(deps, items, { 0: staleEvaluation(e) });
    moved++;
  }
  return { evaluations: moved };
}
