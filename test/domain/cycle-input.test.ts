import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCycleInput,
  type CycleInput,
  defaultCycleId,
  jadwalBaku,
  jadwalDariTanggal,
  kelompokPeluncuran,
  rentangPeriode,
  tanggalJadwal,
  DEADLINE_STAGES,
} from '../../shared/domain/evaluation/cycle.js';
import { namaPeluncuran } from '../../shared/app/evaluation/execution.js';

const ctx = {
  opd: ['DISKOMINFO', 'DINKES'],
  oleh: '198001252005031001',
  now: new Date('2027-11-01T00:00:00Z'),
};
const input = (over: Partial<CycleInput> = {}): CycleInput => ({
  nama: 'Penilaian Kinerja Tahunan 2028',
  tahun: 2028,
  periode: 'TAHUNAN',
  mulai: '2028-01-01',
  selesai: '2028-12-31',
  scope: 'ALL',
  ...over,
});
const paths = (over: Partial<CycleInput>) => checkCycleInput(input(over), ctx).issues.map((i) => i.path);

describe('cycle input', () => {
  it('builds a prepared cycle with the default schedule and a derived ID', () => {
    const { cycle, issues } = checkCycleInput(
      input({ periode: 'TRIWULAN_III', mulai: '2028-07-01', selesai: '2028-09-30' }),
      ctx,
    );
    expect(issues).toEqual([]);
    expect(cycle).toMatchObject({
      id: '2028-TW3',
      status: 'DISIAPKAN',
      graceDays: 7,
      jadwal: jadwalBaku('2028-07-01', '2028-09-30'),
      dibuat: { oleh: ctx.oleh, pada: ctx.now.toISOString() },
    });
  });

  it('refuses impossible dates with their field instead of failing', () => {
    expect(paths({ mulai: '2029-13-01' })).toContain('mulai');
    expect(paths({ selesai: '2029-02-30' })).toContain('selesai');
  });

  it('keeps periods within their year or quarter', () => {
    expect(rentangPeriode(2028, 'TRIWULAN_I')).toEqual({ mulai: '2028-01-01', selesai: '2028-03-31' });
    expect(rentangPeriode(2028, 'TRIWULAN_IV')).toEqual({ mulai: '2028-10-01', selesai: '2028-12-31' });
    expect(defaultCycleId(2028, 'TAHUNAN')).toBe('2028');
    expect(paths({ periode: 'TRIWULAN_I', mulai: '2027-12-01', selesai: '2028-04-01' })).toEqual([
      'mulai',
      'selesai',
    ]);
    expect(paths({ selesai: '2028-01-01', mulai: '2028-01-01' })).toContain('selesai');
    expect(paths({ mulai: '2028-02-30' })).toEqual(['mulai']);
  });

  it('refuses unsafe IDs, unknown or repeated agencies and grace periods out of range', () => {
    expect(paths({ id: 'siklus 2028/1' })).toEqual(['id']);
    expect(paths({ scope: [] })).toEqual(['scope']);
    expect(paths({ scope: ['DINKES', 'DINKES', 'DISPAR'] })).toEqual(['scope', 'scope.2']);
    expect(paths({ graceDays: 0 })).toEqual(['graceDays']);
    expect(paths({ graceDays: 61 })).toEqual(['graceDays']);
  });

  it('reads a form date as the WIB day: deadlines end at 23:59:59, the window opens at 00:00', () => {
    expect(jadwalDariTanggal('PENETAPAN_TARGET', '2028-01-31')).toBe('2028-01-31T16:59:59.000Z');
    expect(jadwalDariTanggal('MENUNGGU_PENILAIAN', '2028-12-31')).toBe('2028-12-30T17:00:00.000Z');
    // The default schedule shows on the form as the same dates it is made of.
    const baku = jadwalBaku('2028-01-01', '2028-12-31');
    for (const t of DEADLINE_STAGES) expect(jadwalDariTanggal(t, tanggalJadwal(baku[t]))).toBe(baku[t]);
  });

  it('wants every date after the start and after the stages it follows', () => {
    expect(paths({ jadwal: { PENETAPAN_TARGET: '2027-12-31' } })).toEqual(['jadwal.PENETAPAN_TARGET']);
    // Peers review beside the atasan; feedback must wait for both.
    expect(paths({ jadwal: { PENILAIAN_REKAN: '2029-02-20' } })).toEqual(['jadwal.UMPAN_BALIK']);
    expect(paths({ jadwal: { PENILAIAN_REKAN: '2029-01-01' } })).toEqual(['jadwal.PENILAIAN_REKAN']);
    expect(paths({ jadwal: { KEBERATAN: 'besok' } })).toEqual(['jadwal.KEBERATAN']);
    const { cycle } = checkCycleInput(input({ jadwal: { UMPAN_BALIK: '2029-01-29T09:00:00+07:00' } }), ctx);
    expect(cycle!.jadwal.UMPAN_BALIK).toBe('2029-01-29T02:00:00.000Z');
  });

  it('names launches uniquely within the 80 characters Step Functions allows', () => {
    const name = namaPeluncuran('A'.repeat(40), new Date('2028-01-02T03:04:05.678Z'));
    expect(name).toBe(`luncur-${'A'.repeat(40)}-20280102T030405678Z`);
    expect(name.length).toBeLessThanOrEqual(80);
  });
});

describe('launch batches', () => {
  it('cover every NIP of an agency exactly once, in slices of at most the batch size', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^\d{18}$/), { maxLength: 350 }),
        fc.integer({ min: 1, max: 120 }),
        fc.stringMatching(/^\d{18}$/),
        (nips, size, probe) => {
          const batches = kelompokPeluncuran('DINKES', nips, size);
          expect(batches).toHaveLength(Math.ceil(nips.length / size));
          const inside = (nip: string) =>
            batches.filter((k) => (!k.dari || k.dari <= nip) && (!k.sebelum || nip < k.sebelum));
          for (const nip of nips) expect(inside(nip)).toHaveLength(1);
          for (const k of batches)
            expect(nips.filter((n) => inside(n)[0] === k).length).toBeLessThanOrEqual(size);
          // Someone added after planning still falls in exactly one batch.
          if (batches.length) expect(inside(probe)).toHaveLength(1);
        },
      ),
    );
  });
});
