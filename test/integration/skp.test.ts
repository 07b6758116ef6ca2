import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as skp from '../../shared/app/evaluation/skp.js';
import { getEvaluation, getWithHistory } from '../../shared/data/evaluations.js';
import type { Principal } from '../../shared/app/actor.js';
import { eventually, launchAndWait, startTestSystem, type TestSystem } from '../support/system.js';

const row = {
  jenis: 'UTAMA' as const,
  rhk: 'Meningkatnya cakupan imunisasi dasar lengkap',
  aspek: 'KUANTITAS' as const,
  indikator: 'Persentase bayi dengan imunisasi dasar lengkap',
  target: 95,
  satuan: 'persen',
};
let s: TestSystem;
let kabid: Principal;
let kapkm: Principal;
let bidan: Principal;
let perawat: Principal;
const version = async (p: Principal) => (await getEvaluation(s.deps, s.cycle.id, p.nip))!.version;

beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DINKES'] } });
  await launchAndWait(s);
  kabid = s.principal('kabidp2p');
  kapkm = s.principal('kapkm');
  bidan = s.principal('bidan1');
  perawat = s.principal('perawat1');
  for (const p of [kabid, kapkm, bidan, perawat]) {
    await eventually(async () => (await getEvaluation(s.deps, s.cycle.id, p.nip))?.taskToken);
  }
});
afterAll(() => s.stop());

describe('SKP on DynamoDB Local', () => {
  it("cascades only to the direct supervisor's rows and counts the links", async () => {
    const parent = await skp.addTargetRow(s.deps, kapkm, s.cycle.id, kapkm.nip, await version(kapkm), row);
    const child = await skp.addTargetRow(s.deps, bidan, s.cycle.id, bidan.nip, await version(bidan), {
      ...row,
      rhk: 'Terlaksananya imunisasi bayi di wilayah kerja',
      intervensiRowId: parent.row.id,
    });
    expect(child.row.intervensi).toEqual({ nip: kapkm.nip, rowId: parent.row.id });

    // The kabid's row is not the bidan's direct supervisor's row: refused, nothing written.
    const kabidRow = await skp.addTargetRow(s.deps, kabid, s.cycle.id, kabid.nip, await version(kabid), row);
    const before = await getWithHistory(s.deps, s.cycle.id, bidan.nip);
    await expect(
      skp.addTargetRow(s.deps, bidan, s.cycle.id, bidan.nip, await version(bidan), {
        ...row,
        intervensiRowId: kabidRow.row.id,
      }),
    ).rejects.toMatchObject({
      code: 'VALIDASI',
      issues: [{ path: 'intervensiRowId', message: expect.stringMatching(/dihapus|pilih RHK lain/) }],
    });
    const after = await getWithHistory(s.deps, s.cycle.id, bidan.nip);
    expect(after!.rows).toHaveLength(before!.rows.length);
    expect(after!.history).toHaveLength(before!.history.length);
    expect(after!.evaluation.version).toBe(before!.evaluation.version);

    // A linked row cannot be deleted until the link is released.
    await expect(
      skp.deleteTargetRow(s.deps, kapkm, s.cycle.id, kapkm.nip, parent.row.id, await version(kapkm)),
    ).rejects.toMatchObject({ code: 'KONFLIK' });
    await skp.updateTargetRow(s.deps, bidan, s.cycle.id, bidan.nip, child.row.id, await version(bidan), {
      ...row,
    });
    await skp.deleteTargetRow(s.deps, kapkm, s.cycle.id, kapkm.nip, parent.row.id, await version(kapkm));
    const kapkmSheet = await getWithHistory(s.deps, s.cycle.id, kapkm.nip);
    expect(kapkmSheet!.rows).toHaveLength(0);
    expect(kapkmSheet!.history.at(-1)).toMatchObject({ action: 'TARGET_DIHAPUS', actor: { nip: kapkm.nip } });
  });

  it('lets one of two concurrent edits win and refuses the other with 409', async () => {
    const v = await version(perawat);
    const results = await Promise.allSettled([
      skp.addTargetRow(s.deps, perawat, s.cycle.id, perawat.nip, v, { ...row, rhk: 'A' }),
      skp.addTargetRow(s.deps, perawat, s.cycle.id, perawat.nip, v, { ...row, rhk: 'B' }),
    ]);
    // Never both: one wins (or, rarely, DynamoDB cancels both as conflicting); losers get 409.
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won.length).toBeLessThanOrEqual(1);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect(r).toMatchObject({ reason: { code: 'KONFLIK' } });
    const sheet = await getWithHistory(s.deps, s.cycle.id, perawat.nip);
    expect(sheet!.rows).toHaveLength(won.length);
    expect(sheet!.history.filter((h) => h.action === 'TARGET_DITAMBAH')).toHaveLength(won.length);
    expect(sheet!.evaluation.version).toBe(v + won.length);
  });

  it('refuses a stale version, a foreign editor, and submit without an UTAMA row', async () => {
    const v = await version(kabid);
    await expect(skp.addTargetRow(s.deps, kabid, s.cycle.id, kabid.nip, v - 1, row)).rejects.toMatchObject({
      code: 'KONFLIK',
      details: { currentVersion: v },
    });
    await expect(skp.addTargetRow(s.deps, kapkm, s.cycle.id, kabid.nip, v, row)).rejects.toMatchObject({
      code: 'DILARANG',
    });
    const tambahan = await skp.addTargetRow(
      s.deps,
      perawat,
      s.cycle.id,
      perawat.nip,
      await version(perawat),
      { ...row, jenis: 'TAMBAHAN' },
    );
    const sheet = (await getWithHistory(s.deps, s.cycle.id, perawat.nip))!;
    for (const r of sheet.rows.filter((x) => x.jenis === 'UTAMA')) {
      await skp.deleteTargetRow(s.deps, perawat, s.cycle.id, perawat.nip, r.id, await version(perawat));
    }
    await expect(
      skp.submitSkp(s.deps, perawat, s.cycle.id, perawat.nip, await version(perawat)),
    ).rejects.toMatchObject({
      code: 'VALIDASI',
      issues: [{ path: 'rows', message: 'Minimal satu hasil kerja UTAMA harus diisi sebelum diajukan' }],
    });
    expect(tambahan.row.jenis).toBe('TAMBAHAN');
  });

  it('lets the atasan set ekspektasi khusus, recorded in the audit trail', async () => {
    const e = await skp.setEkspektasi(s.deps, kapkm, s.cycle.id, bidan.nip, await version(bidan), {
      BERORIENTASI_PELAYANAN: 'Menjelaskan jadwal imunisasi kepada orang tua dengan ramah dan jelas',
    });
    expect(e.ekspektasi).toEqual({
      BERORIENTASI_PELAYANAN: 'Menjelaskan jadwal imunisasi kepada orang tua dengan ramah dan jelas',
    });
    const history = (await getWithHistory(s.deps, s.cycle.id, bidan.nip))!.history;
    expect(history.at(-1)).toMatchObject({ action: 'EKSPEKTASI_DITETAPKAN', actor: { nip: kapkm.nip } });
  });
});
