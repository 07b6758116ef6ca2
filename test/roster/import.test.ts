import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply, dryRun, type RosterFile } from '../../shared/app/people/roster-import.js';
import { keys } from '../../shared/data/keys.js';
import { getEmployee } from '../../shared/data/people.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { csvFile, nipOf, pnsNip, seededRows, type Row } from './fixtures.js';

const WRITES = new Set([
  'TransactWriteItemsCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
]);

/** Counts write commands sent through the system's DynamoDB client. */
function countWrites(s: TestSystem) {
  const counter = { writes: 0 };
  s.deps.ddb.middlewareStack.add(
    (next, context) => async (args) => {
      if (WRITES.has(String(context.commandName))) counter.writes++;
      return next(args);
    },
    { step: 'initialize', name: `roster-writes-${Math.random()}` },
  );
  return counter;
}

const raw = (s: TestSystem, nip: string) =>
  s.deps.ddb
    .send(new GetCommand({ TableName: s.deps.tableName, Key: keys.employee(nip) }))
    .then((o) => o.Item);
const logs = (s: TestSystem, nip: string) =>
  s.deps.ddb
    .send(
      new QueryCommand({
        TableName: s.deps.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': `EMP#${nip}`, ':p': 'ROSTER#' },
      }),
    )
    .then((o) => o.Items ?? []);

/** n new pelaksana under the kabid of Bappeda's infrastructure field. */
const newcomers = (n: number, from = 0): Row[] =>
  Array.from({ length: n }, (_, i) => ({
    ...seededRows().find((r) => r.nip === nipOf('perencana1'))!,
    nip: pnsNip(from + i),
    nama: `Pegawai Baru ${from + i}`,
    jabatan: 'Pengadministrasi Perkantoran',
    jenis_jabatan: 'PELAKSANA',
    level: '',
    golongan: 'II/a',
  }));

describe('roster import on DynamoDB Local', () => {
  let s: TestSystem;
  let file: RosterFile;
  beforeAll(async () => {
    s = await startTestSystem();
    const rows = seededRows().filter((r) => r.nip !== nipOf('analissd'));
    const lalin = rows.find((r) => r.nip === nipOf('lalin1'))!;
    lalin.jabatan = 'Analis Transportasi';
    rows.find((r) => r.nip === nipOf('kabidpkap'))!.email = 'wawan@serangkota.go.id';
    rows.push(...newcomers(2));
    file = csvFile(rows);
  });
  afterAll(() => s?.stop());

  it('a dry run writes nothing', async () => {
    const counter = countWrites(s);
    const plan = await dryRun(s.deps, file);
    expect(counter.writes).toBe(0);
    expect(plan.errors).toEqual([]);
    expect(plan.creates.map((c) => c.nip)).toEqual([pnsNip(0), pnsNip(1)]);
    // The seed has no level/birth date/TMT yet: everyone but a PPPK pelaksana (nothing to derive)
    // is enriched; lalin1 also changes jabatan.
    expect(plan.updates).toHaveLength(28);
    expect(plan.unchanged).toBe(1);
    expect(plan.updates.find((u) => u.nip === nipOf('lalin1'))!.changes).toContainEqual({
      field: 'jabatan',
      from: 'Analis Lalu Lintas',
      to: 'Analis Transportasi',
    });
    expect(plan.deactivations.map((d) => d.nip)).toEqual([nipOf('analissd')]);
    expect(await getEmployee(s.deps, pnsNip(0))).toBeUndefined();
  });

  it('apply creates, updates and deactivates (never deletes), with a log item per person', async () => {
    const progress: number[] = [];
    const result = await apply(s.deps, file, { actor: 'test', onProgress: (p) => progress.push(p.done) });
    expect(result).toMatchObject({
      created: 2,
      updated: 28,
      deactivated: 1,
      failedBatches: [],
      transactions: 1,
    });
    expect(result.writes).toBe(62);
    expect(progress.at(-1)).toBe(31);

    expect(await getEmployee(s.deps, pnsNip(1))).toMatchObject({
      nama: 'Pegawai Baru 1',
      aktif: true,
      tmtCpns: '2016-07',
    });
    const lalin = await raw(s, nipOf('lalin1'));
    expect(lalin).toMatchObject({ jabatan: 'Analis Transportasi', tanggalLahir: '1993-11-29' });
    const gone = await raw(s, nipOf('analissd'));
    expect(gone).toMatchObject({ aktif: false, gsi2sk: `NONAKTIF#${nipOf('analissd')}` });
    // Fields the roster does not own stay: the BKPSDM admin is still an admin.
    expect(await raw(s, nipOf('kabidpkap'))).toMatchObject({ admin: true, email: 'wawan@serangkota.go.id' });
    const [log] = await logs(s, nipOf('analissd'));
    expect(log).toMatchObject({
      type: 'ROSTER_LOG',
      importId: result.importId,
      actor: 'test',
      action: 'NONAKTIF',
      changes: [{ field: 'aktif', from: true, to: false }],
      file: { name: 'roster.csv' },
    });
  });

  it('re-importing the same file writes nothing', async () => {
    const counter = countWrites(s);
    const plan = await dryRun(s.deps, file);
    expect([plan.creates, plan.updates, plan.deactivations]).toEqual([[], [], []]);
    expect(plan.unchanged).toBe(31);
    const result = await apply(s.deps, file);
    expect(result).toMatchObject({ writes: 0, transactions: 0, importId: '' });
    expect(counter.writes).toBe(0);
  });

  it('invalid rows block apply unless skipInvalid; then their subordinates are skipped too', async () => {
    const rows = csvRowsWith((r) => {
      if (r.nip === nipOf('kabidinfra')) r.golongan = 'IIIx'; // invalid
      if (r.nip === pnsNip(0)) r.jabatan = 'Arsiparis'; // under kabidinfra: skipped with it
      if (r.nip === nipOf('lalin2')) r.nama = 'Dewi Lestari'; // valid change elsewhere
    });
    const counter = countWrites(s);
    await expect(apply(s.deps, csvFile(rows))).rejects.toMatchObject({
      code: 'VALIDASI',
      details: { errors: expect.arrayContaining([expect.objectContaining({ column: 'golongan' })]) },
    });
    expect(counter.writes).toBe(0);

    const result = await apply(s.deps, csvFile(rows), { skipInvalid: true });
    const at = (nip: string) => rows.findIndex((r) => r.nip === nip) + 2;
    expect(result.skippedRows).toEqual(
      [nipOf('kabidinfra'), nipOf('perencana1'), pnsNip(0), pnsNip(1)].map(at).sort((a, b) => a - b),
    );
    expect(result).toMatchObject({ updated: 1, created: 0, deactivated: 0 });
    expect((await getEmployee(s.deps, nipOf('lalin2')))!.nama).toBe('Dewi Lestari');
    expect((await getEmployee(s.deps, pnsNip(0)))!.jabatan).toBe('Pengadministrasi Perkantoran');
  });

  it('a failing batch is reported and written not at all; the other batches apply', async () => {
    const rows = [...currentRows(), ...newcomers(80, 100)];
    const plan = await dryRun(s.deps, csvFile(rows));
    expect(plan.creates).toHaveLength(80);
    // Someone registers one of the newcomers between the dry run and the apply.
    const late = pnsNip(150);
    await s.deps.ddb.send(
      new UpdateCommand({
        TableName: s.deps.tableName,
        Key: keys.employee(late),
        UpdateExpression: 'SET nama = :n',
        ExpressionAttributeValues: { ':n': 'Didaftarkan lebih dulu' },
      }),
    );
    const result = await apply(s.deps, plan);
    expect(result.transactions).toBe(2);
    expect(result.failedBatches).toEqual([
      expect.objectContaining({
        nips: expect.arrayContaining([late]),
        people: [{ nip: late, message: expect.stringMatching(/sudah terdaftar/) }],
        reason: expect.stringMatching(/Batch dibatalkan/),
      }),
    ]);
    // Batch 1: newcomers 100-149; batch 2: newcomers 150-179 and lalin2's name back (31 people).
    const failed = result.failedBatches[0]!;
    expect([failed.batch, failed.nips.length]).toEqual([2, 31]);
    expect([result.created, result.updated]).toEqual([50, 0]);
    // All or nothing per batch: nobody of the failed batch has a profile or a log item.
    for (const nip of failed.nips.filter((n) => n !== late && n !== nipOf('lalin2')))
      expect(await raw(s, nip)).toBeUndefined();
    expect((await getEmployee(s.deps, nipOf('lalin2')))!.nama).toBe('Dewi Lestari');
    expect(await logs(s, failed.nips[0]!)).toEqual([]);
    const written = plan.creates.map((c) => c.nip).filter((n) => !failed.nips.includes(n));
    expect(await getEmployee(s.deps, written[0]!)).toMatchObject({ aktif: true });
  });

  /** The rows of the roster as it is now in the table (after the previous tests). */
  function currentRows(): Row[] {
    return csvRowsWith(() => undefined);
  }
  function csvRowsWith(change: (r: Row) => void): Row[] {
    const rows = seededRows().filter((r) => r.nip !== nipOf('analissd'));
    rows.find((r) => r.nip === nipOf('lalin1'))!.jabatan = 'Analis Transportasi';
    rows.find((r) => r.nip === nipOf('kabidpkap'))!.email = 'wawan@serangkota.go.id';
    rows.push(...newcomers(2));
    rows.forEach(change);
    return rows;
  }
});

describe('roster import: partial and guarded', () => {
  let s: TestSystem;
  beforeAll(async () => {
    s = await startTestSystem();
  });
  afterAll(() => s?.stop());

  it('a per-OPD import deactivates only within its OPDs', async () => {
    const rows = seededRows().filter((r) => r.opd === 'DISHUB' && r.nip !== nipOf('lalin2'));
    const result = await apply(s.deps, csvFile(rows), { opdScope: ['DISHUB'] });
    expect(result.deactivated).toBe(1);
    expect((await getEmployee(s.deps, nipOf('lalin2')))!.aktif).toBe(false);
    expect((await getEmployee(s.deps, nipOf('perencana1')))!.aktif).toBe(true);
  });

  it('mass deactivation needs an explicit confirmation', async () => {
    const rows = seededRows().filter((r) => r.opd === 'SETDA');
    // The file also lacks both BKPSDM admins: refused findings, which skipInvalid leaves active.
    await expect(apply(s.deps, csvFile(rows), { skipInvalid: true })).rejects.toMatchObject({
      message: expect.stringMatching(/akan dinonaktifkan/),
    });
    await expect(dryRun(s.deps, csvFile(rows), { opdScope: ['DISPERKIM'] })).rejects.toMatchObject({
      message: expect.stringMatching(/tidak terdaftar: DISPERKIM/),
    });
  });
});
