import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignPlt, recordTransfer } from '../../shared/app/people/mutasi.js';
import { inbox } from '../../shared/app/evaluation/queries.js';
import * as skp from '../../shared/app/evaluation/skp.js';
import { getEmployee } from '../../shared/data/people.js';
import { getWithHistory, listByAtasan } from '../../shared/data/evaluations.js';
import { tanggalWib } from '../../shared/domain/wib.js';
import { launchAndWait, registeredEvaluation, startTestSystem, type TestSystem } from '../support/system.js';
import { approveWithRekan, atStage } from '../support/cycle.js';

const row = {
  jenis: 'UTAMA' as const,
  rhk: 'Terkelolanya data kepegawaian',
  aspek: 'KUANTITAS' as const,
  indikator: 'Jumlah data terverifikasi',
  target: 100,
  satuan: 'persen',
};
let s: TestSystem;
beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DISKOMINFO', 'BKPSDM'] } });
  await launchAndWait(s);
});
afterAll(() => s.stop());

describe('mid-cycle changes (docs/people.md)', () => {
  it("moves a transferred person's open evaluation, submitted SKP included, to the new atasan", async () => {
    const admin = s.principal('kabidpkap');
    const pegawai = s.principal('pranatahumas'); // atasan: Kabid IKP
    const baru = s.principal('kabidaptika');
    const e = await registeredEvaluation(s, pegawai.nip);
    const added = await skp.addTargetRow(s.deps, pegawai, s.cycle.id, pegawai.nip, e.version, row);
    await skp.submitSkp(s.deps, pegawai, s.cycle.id, pegawai.nip, added.evaluation.version);

    await expect(
      recordTransfer(s.deps, pegawai, pegawai.nip, { atasanNip: baru.nip, alasan: 'Pindah bidang' }),
    ).rejects.toMatchObject({ code: 'DILARANG' });
    const out = await recordTransfer(s.deps, admin, pegawai.nip, {
      unit: 'APTIKA',
      atasanNip: baru.nip,
      alasan: 'SK Wali Kota tentang mutasi',
    });
    expect(out.evaluations[0]).toMatchObject({
      atasanNip: baru.nip,
      atasanNama: baru.nama,
      unit: 'APTIKA',
      status: 'DIAJUKAN',
    });
    expect(await getEmployee(s.deps, pegawai.nip)).toMatchObject({ atasanNip: baru.nip, unit: 'APTIKA' });
    expect((await inbox(s.deps, baru)).map((x) => x.nip)).toContain(pegawai.nip);
    expect(
      (await listByAtasan(s.deps, s.principal('kabidikp').nip, 'DIAJUKAN')).map((x) => x.nip),
    ).not.toContain(pegawai.nip);
    const history = (await getWithHistory(s.deps, s.cycle.id, pegawai.nip))!.history.at(-1)!;
    expect(history).toMatchObject({
      action: 'ATASAN_DIGANTI',
      actor: { nip: admin.nip },
      detail: { ke: baru.nip, alasan: 'SK Wali Kota tentang mutasi' },
    });
    // The new atasan decides now; the former one may not.
    const current = (await getWithHistory(s.deps, s.cycle.id, pegawai.nip))!.evaluation;
    await expect(
      approveWithRekan(s.deps, s.principal('kabidikp'), s.cycle.id, pegawai.nip, current.version),
    ).rejects.toMatchObject({ code: 'DILARANG' });
    const approved = await approveWithRekan(s.deps, baru, s.cycle.id, pegawai.nip, current.version);
    expect(approved.status).toBe('SELESAI');
    // The approval moves the workflow on; let it settle before the next change to this team.
    await atStage(s, pegawai.nip, 'MENUNGGU_PENILAIAN');
  });

  it('refuses self-supervision, unknown atasan, and a cycle in the chain, writing nothing', async () => {
    const admin = s.principal('kabidpkap');
    const kabid = s.principal('kabidaptika');
    const before = await getEmployee(s.deps, kabid.nip);
    await expect(
      recordTransfer(s.deps, admin, kabid.nip, { atasanNip: kabid.nip, alasan: 'Uji coba' }),
    ).rejects.toMatchObject({
      issues: [{ path: 'atasanNip', message: 'Pegawai tidak dapat menjadi atasannya sendiri' }],
    });
    await expect(
      recordTransfer(s.deps, admin, kabid.nip, { atasanNip: '199901012020011001', alasan: 'Uji coba' }),
    ).rejects.toMatchObject({ issues: [{ path: 'atasanNip', message: 'NIP atasan tidak terdaftar' }] });
    await expect(
      recordTransfer(s.deps, admin, kabid.nip, {
        atasanNip: s.principal('pranata1').nip,
        alasan: 'Uji coba',
      }),
    ).rejects.toMatchObject({ issues: [{ path: 'atasanNip', message: expect.stringMatching(/bawahan/) }] });
    await expect(
      recordTransfer(s.deps, admin, kabid.nip, { opd: 'DINSOS', alasan: 'Uji coba' }),
    ).rejects.toMatchObject({
      issues: expect.arrayContaining([{ path: 'opd', message: 'OPD DINSOS tidak terdaftar' }]),
    });
    await expect(
      recordTransfer(s.deps, admin, kabid.nip, { unit: 'LALIN', alasan: 'Uji coba' }),
    ).rejects.toMatchObject({
      issues: [{ path: 'unit', message: 'Unit kerja LALIN tidak ada di DISKOMINFO' }],
    });
    expect(await getEmployee(s.deps, kabid.nip)).toEqual(before);
  });

  it("hands the atasan's decisions to a Plt for the dates given, and back afterwards", async () => {
    const admin = s.principal('kabidpkap');
    const pegawai = s.principal('pranata1');
    const atasan = s.principal('kabidaptika');
    const plt = s.principal('sekdiskominfo');
    const e = await registeredEvaluation(s, pegawai.nip);
    const added = await skp.addTargetRow(s.deps, pegawai, s.cycle.id, pegawai.nip, e.version, row);
    const submitted = await skp.submitSkp(s.deps, pegawai, s.cycle.id, pegawai.nip, added.evaluation.version);

    const today = tanggalWib(new Date());
    await expect(
      assignPlt(s.deps, admin, {
        jenis: 'PLT',
        nip: plt.nip,
        menggantikanNip: atasan.nip,
        mulai: today,
        selesai: '2020-01-01',
        alasan: 'Sprint Sekda',
      }),
    ).rejects.toMatchObject({ issues: [{ path: 'selesai' }] });
    const { evaluations } = await assignPlt(s.deps, admin, {
      jenis: 'PLT',
      nip: plt.nip,
      menggantikanNip: atasan.nip,
      mulai: today,
      selesai: '2099-12-31',
      alasan: 'Surat perintah Sekda',
    });
    expect(evaluations).toBeGreaterThanOrEqual(1);
    expect((await inbox(s.deps, plt)).map((x) => x.nip)).toContain(pegawai.nip);
    expect((await inbox(s.deps, atasan)).map((x) => x.nip)).not.toContain(pegawai.nip);
    const current = (await getWithHistory(s.deps, s.cycle.id, pegawai.nip))!;
    expect(current.evaluation.version).toBe(submitted.version + 1);
    expect(current.history.at(-1)).toMatchObject({
      action: 'PLT_DITETAPKAN',
      detail: { nip: plt.nip, menggantikan: atasan.nip },
    });
    await expect(
      skp.returnSkp(s.deps, atasan, s.cycle.id, pegawai.nip, current.evaluation.version, 'Perbaiki target'),
    ).rejects.toMatchObject({ code: 'DILARANG' });
    const returned = await skp.returnSkp(
      s.deps,
      plt,
      s.cycle.id,
      pegawai.nip,
      current.evaluation.version,
      'Perbaiki target',
    );
    expect(returned.status).toBe('DIKEMBALIKAN');
  });

  it('releases cascade links to the former atasan and hands a submitted SKP back to be re-linked', async () => {
    const admin = s.principal('kabidpkap');
    const lama = s.principal('sekdiskominfo');
    const pegawai = s.principal('kabidikp'); // atasan: the Kepala Dinas, whose RHK it links to
    const kadis = s.principal('kadiskominfo');
    const kadisEval = await registeredEvaluation(s, kadis.nip);
    const kadisRow = await skp.addTargetRow(s.deps, kadis, s.cycle.id, kadis.nip, kadisEval.version, row);
    const e = await registeredEvaluation(s, pegawai.nip);
    const linked = await skp.addTargetRow(s.deps, pegawai, s.cycle.id, pegawai.nip, e.version, {
      ...row,
      intervensiRowId: kadisRow.row.id,
    });
    const submitted = await skp.submitSkp(
      s.deps,
      pegawai,
      s.cycle.id,
      pegawai.nip,
      linked.evaluation.version,
    );
    expect(submitted.status).toBe('DIAJUKAN');

    const out = await recordTransfer(s.deps, admin, pegawai.nip, {
      atasanNip: lama.nip,
      alasan: 'Penataan struktur organisasi',
    });
    expect(out.evaluations[0]).toMatchObject({
      atasanNip: lama.nip,
      status: 'DIKEMBALIKAN',
      lastComment: expect.stringMatching(/Tautkan ke RHK atasan baru/),
    });
    const sheet = (await getWithHistory(s.deps, s.cycle.id, pegawai.nip))!;
    expect(sheet.rows[0]!.intervensi).toBeUndefined();
    expect(sheet.history.at(-1)).toMatchObject({
      action: 'ATASAN_DIGANTI',
      detail: { tautanDilepas: [linked.row.id] },
    });
    // The former atasan's RHK is free again.
    const kadisNow = (await getWithHistory(s.deps, s.cycle.id, kadis.nip))!;
    expect(kadisNow.rows[0]!.linkCount ?? 0).toBe(0);
    await skp.deleteTargetRow(
      s.deps,
      kadis,
      s.cycle.id,
      kadis.nip,
      kadisRow.row.id,
      kadisNow.evaluation.version,
    );
  });
});
