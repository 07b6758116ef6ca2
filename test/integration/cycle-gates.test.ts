import { BatchWriteCommand, DeleteCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/app/actor.js';
import { launchBatch, planLaunch, resumeOpenEvaluations } from '../../shared/app/evaluation/cycle-launch.js';
import { closeCycle } from '../../shared/app/evaluation/tutup-siklus.js';
import { createCycle, openForLaunch } from '../../shared/data/cycle-status.js';
import { getCycle } from '../../shared/data/cycles.js';
import { ALL_GATES, CYCLE_GATES, gateItem, gateName, gateOf } from '../../shared/data/gates.js';
import { keys } from '../../shared/data/keys.js';
import { employeeItem } from '../../shared/data/people.js';
import { getItem, queryPrefix } from '../../shared/data/query.js';
import { rowPut } from '../../shared/data/target-rows.js';
import { isCycleClosed, transact, type TransactItem } from '../../shared/data/transact.js';
import { SIKLUS_DITUTUP } from '../../shared/domain/evaluation/actions.js';
import type { Cycle } from '../../shared/domain/evaluation/cycle.js';
import type { Deps } from '../../shared/runtime/deps.js';
import { pnsNip } from '../roster/fixtures.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * The cycle's gates (shared/data/gates.ts): evaluation writes check the gate of their NIP
 * instead of the cycle's META, so they do not all meet on one item; every status change writes
 * META and all 32 gates in one transaction. On DynamoDB Local, which does not show conflicts
 * between transactions: what is checked here is which items each transaction names, and that
 * the gates and META never disagree.
 */

let s: TestSystem;
let admin: Principal;
const ALASAN = 'Uji coba: siklus ditutup sebelum seluruh evaluasi selesai dinilai';
const row = {
  jenis: 'UTAMA' as const,
  rhk: 'Meningkatnya ketertiban lalu lintas di simpang utama',
  aspek: 'KUANTITAS' as const,
  indikator: 'Jumlah simpang dengan rekayasa lalu lintas',
  target: 4,
  satuan: 'simpang',
};

/** One NIP per gate (index = gate): NIPs of one intake, by sequence, until every gate has one. */
const NIP_OF_GATE: string[] = (() => {
  const out: string[] = [];
  for (let i = 0; out.filter(Boolean).length < CYCLE_GATES; i++) {
    const nip = `19900101202401${1 + (i % 2)}${String(i).padStart(3, '0')}`;
    out[gateOf(nip)] ??= nip;
  }
  return out;
})();

/** The deps with every TransactWriteItems recorded (what it names), then sent as usual. */
function recording(deps: Deps) {
  const sent: TransactItem[][] = [];
  const ddb = {
    send: (command: unknown, ...rest: unknown[]) => {
      if (command instanceof TransactWriteCommand) sent.push(command.input.TransactItems ?? []);
      return (deps.ddb.send as (...a: unknown[]) => Promise<unknown>)(command, ...rest);
    },
  };
  return { deps: { ...deps, ddb: ddb as unknown as Deps['ddb'] }, sent };
}
const checkedKeys = (items: TransactItem[]) =>
  items.flatMap((i) => (i.ConditionCheck ? [i.ConditionCheck.Key] : []));

/** Every item of the cycle's partition (META, gates, kurva, log), for "nothing changed". */
const partition = (id: string) => queryPrefix(s.deps, keys.cycle(id).pk);
async function gates(id: string): Promise<Record<string, unknown>> {
  const items = await queryPrefix(s.deps, keys.cycle(id).pk, keys.cycleGatePrefix());
  return Object.fromEntries(items.map((i) => [i.sk, i.status]));
}
const allGates = (status: string) => Object.fromEntries(ALL_GATES.map((g) => [gateName(g), status]));

const rowWrite = (id: string, nip: string, rowId: string) => [
  rowPut(s.deps, id, nip, { ...row, id: rowId }, 1, true),
];
const storedRow = (id: string, nip: string, rowId: string) => getItem(s.deps, keys.targetRow(id, nip, rowId));

/** A cycle as BKPSDM makes one (prepared, with its gates), then opened as its first launch does. */
async function openCycle(id: string, scope: Cycle['scope'] = ['DISHUB']): Promise<Cycle> {
  const cycle: Cycle = { ...s.cycle, id, scope, status: 'DISIAPKAN' };
  await createCycle(s.deps, cycle);
  return openForLaunch(s.deps, id);
}

const setGate = (id: string, gate: number, status: Cycle['status']) =>
  s.deps.ddb.send(new PutCommand({ TableName: s.deps.tableName, Item: gateItem(id, gate, status) }));
const deleteGate = (id: string, gate: number) =>
  s.deps.ddb.send(new DeleteCommand({ TableName: s.deps.tableName, Key: keys.cycleGate(id, gate) }));

beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DISHUB'] } });
  admin = s.principal('analissdm');
}, 120_000);
afterAll(() => s.stop());

describe('gates follow the status of their cycle', () => {
  it('a new cycle is written with its 32 gates; its first launch opens META and every gate together', async () => {
    const id = 'gerbang-baru';
    await createCycle(s.deps, { ...s.cycle, id, status: 'DISIAPKAN' });
    expect(await gates(id)).toEqual(allGates('DISIAPKAN'));
    // Not launched yet: refused at its gate, nothing written.
    await expect(transact(s.deps, rowWrite(id, NIP_OF_GATE[3]!, 'dini'))).rejects.toMatchObject({
      message: SIKLUS_DITUTUP,
    });
    expect(await storedRow(id, NIP_OF_GATE[3]!, 'dini')).toBeUndefined();

    expect((await openForLaunch(s.deps, id)).status).toBe('DIBUKA');
    expect((await getCycle(s.deps, id))!.status).toBe('DIBUKA');
    expect(await gates(id)).toEqual(allGates('DIBUKA'));
    await transact(s.deps, rowWrite(id, NIP_OF_GATE[3]!, 'dini'));
    expect(await storedRow(id, NIP_OF_GATE[3]!, 'dini')).toBeDefined();

    // A later launch finds it open and writes nothing (it would meet every gate's writers).
    const later = recording(s.deps);
    await openForLaunch(later.deps, id);
    expect(later.sent).toEqual([]);
  });

  it("checks the gate of the written NIP, once per gate, never the cycle's META", async () => {
    const id = 'gerbang-tulis';
    await openCycle(id);
    const rec = recording(s.deps);
    for (const [g, nip] of NIP_OF_GATE.entries()) await transact(rec.deps, rowWrite(id, nip, `baris-${g}`));
    expect(rec.sent.map(checkedKeys)).toEqual(ALL_GATES.map((g) => [keys.cycleGate(id, g)]));

    // Two rows of one person and one of a colleague on another gate: two checks, not three.
    const other = NIP_OF_GATE[9]!;
    await transact(rec.deps, [
      ...rowWrite(id, NIP_OF_GATE[4]!, 'dua-1'),
      ...rowWrite(id, NIP_OF_GATE[4]!, 'dua-2'),
      ...rowWrite(id, other, 'dua-3'),
    ]);
    expect(checkedKeys(rec.sent.at(-1)!)).toEqual([keys.cycleGate(id, 4), keys.cycleGate(id, 9)]);
  });
});

describe('closing', () => {
  it('flips META and all 32 gates with the log entry; then a write on every gate is refused, nothing written', async () => {
    const id = 'gerbang-ditutup';
    await openCycle(id);
    const rec = recording(s.deps);
    await closeCycle(rec.deps, admin, id, ALASAN);
    // One transaction: META, the log entry and the 32 gates.
    expect(rec.sent).toHaveLength(1);
    expect(rec.sent[0]).toHaveLength(CYCLE_GATES + 2);
    expect((await getCycle(s.deps, id))!.status).toBe('DITUTUP');
    expect(await gates(id)).toEqual(allGates('DITUTUP'));

    for (const [g, nip] of NIP_OF_GATE.entries()) {
      await expect(transact(s.deps, rowWrite(id, nip, `sesudah-${g}`)), gateName(g)).rejects.toMatchObject({
        code: 'KONFLIK',
        message: SIKLUS_DITUTUP,
      });
      expect(await storedRow(id, nip, `sesudah-${g}`)).toBeUndefined();
    }
  });

  it('is all or nothing: one gate already closed, or missing, and nothing changes, the error naming the gate', async () => {
    const id = 'gerbang-sebagian';
    await openCycle(id);
    for (const breakGate of [() => setGate(id, 7, 'DITUTUP'), () => deleteGate(id, 7)]) {
      await breakGate();
      const before = await partition(id);
      const refused = await closeCycle(s.deps, admin, id, ALASAN).catch((err: unknown) => err);
      expect(refused).toMatchObject({ code: 'KONFLIK', message: expect.stringContaining('GATE#07') });
      // META still open, no log entry, the other 31 gates still open.
      expect(await partition(id)).toEqual(before);
      expect((await getCycle(s.deps, id))!.status).toBe('DIBUKA');
    }
    // With the gate open again the close goes through, every gate at once.
    await setGate(id, 7, 'DIBUKA');
    await closeCycle(s.deps, admin, id, ALASAN);
    expect(await gates(id)).toEqual(allGates('DITUTUP'));
  });
});

describe('a cycle stored before gates existed', () => {
  it('fails closed with a clear message on a missing gate, and a start of the local runtime completes it', async () => {
    const id = 'gerbang-lama';
    await openCycle(id);
    await deleteGate(id, 5);
    const refused = await transact(s.deps, rowWrite(id, NIP_OF_GATE[5]!, 'lama')).catch(
      (err: unknown) => err,
    );
    expect(refused).toMatchObject({
      code: 'KONFLIK',
      message: expect.stringContaining('gerbang GATE#05 tidak ada'),
      details: { cycleId: id, gate: 5, gerbangTidakAda: true },
    });
    // Not "closed": a workflow step fails visibly rather than ending as if BKPSDM closed the cycle.
    expect(isCycleClosed(refused)).toBe(false);
    expect(await storedRow(id, NIP_OF_GATE[5]!, 'lama')).toBeUndefined();
    // Other gates are untouched by it.
    await transact(s.deps, rowWrite(id, NIP_OF_GATE[6]!, 'lama'));

    // What `npm start` runs before resuming anything: the missing gate, with the cycle's status.
    const { gatesCompleted } = await resumeOpenEvaluations(s.deps);
    expect(gatesCompleted).toBe(1);
    expect(await gates(id)).toEqual(allGates('DIBUKA'));
    await transact(s.deps, rowWrite(id, NIP_OF_GATE[5]!, 'lama'));
    expect(await storedRow(id, NIP_OF_GATE[5]!, 'lama')).toBeDefined();
    // A second start finds nothing to complete.
    expect((await resumeOpenEvaluations(s.deps)).gatesCompleted).toBe(0);
  });
});

describe('a launch batch', () => {
  it('stays within 100 items a transaction: 34 evaluations at most, one check per gate they meet', async () => {
    const id = 'gerbang-peluncuran';
    // 90 teachers beside the agency's own: one batch of the launch, three transactions.
    const teachers = Array.from({ length: 90 }, (_, i) =>
      employeeItem({
        nip: pnsNip(2_000 + i),
        nama: `Guru Gerbang ${i + 1}`,
        status: 'PNS',
        golongan: 'III/a',
        jabatan: 'Guru Ahli Pertama',
        jenisJabatan: 'FUNGSIONAL',
        levelJabatan: 'AHLI_PERTAMA',
        opd: 'DINDIKBUD',
        unit: 'SD',
        atasanNip: s.principal('kabidsd').nip,
        aktif: true,
      }),
    );
    for (let i = 0; i < teachers.length; i += 25) {
      await s.deps.ddb.send(
        new BatchWriteCommand({
          RequestItems: {
            [s.deps.tableName]: teachers.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
          },
        }),
      );
    }
    await createCycle(s.deps, { ...s.cycle, id, scope: ['DINDIKBUD'], status: 'DISIAPKAN' });
    const plan = await planLaunch(s.deps, id);
    expect(plan.kelompok).toHaveLength(1);

    const rec = recording(s.deps);
    const counts = await launchBatch(rec.deps, id, plan.kelompok[0]!);
    expect(counts.created).toBe(plan.employees);
    const creations = rec.sent.filter((items) => items.some((i) => i.Put?.Item?.type === 'EVALUATION'));
    expect(creations).toHaveLength(Math.ceil(plan.employees / 34));
    for (const items of creations) {
      const nips = items.flatMap((i) => (i.Put?.Item?.type === 'EVALUATION' ? [String(i.Put.Item.nip)] : []));
      const meets = [...new Set(nips.map(gateOf))].sort((a, b) => a - b);
      expect(items.length).toBeLessThanOrEqual(100);
      expect(nips.length).toBeLessThanOrEqual(34);
      // One check per gate met, on the gate (never META), deduplicated.
      expect(checkedKeys(items)).toEqual(meets.map((g) => keys.cycleGate(id, g)));
    }
  });
});
