import { describe, expect, it } from 'vitest';
import type { PredikatOrganisasi, TabelAturanKurva } from '../../shared/domain/organisation/kurva.js';
import { ATURAN_KURVA } from '../../shared/domain/organisation/kurva.js';
import {
  type CycleEvaluation,
  bolehTetapkanKurva,
  periksaKurvaInput,
  periksaPenutupan,
  putuskanPenutupan,
} from '../../shared/domain/evaluation/penutupan-siklus.js';
import type { Predikat } from '../../shared/domain/evaluation/predikat.js';
import { admin, atasan, errorOf, kepalaOpd } from './hasil-fixtures.js';

let seq = 0;
/** Evaluations of one OPD from predikat counts; `null` counts are unrated. */
const opd = (kode: string, counts: Partial<Record<Predikat | 'belum', number>>): CycleEvaluation[] =>
  Object.entries(counts).flatMap(([p, n]) =>
    Array.from({ length: n }, () => ({
      nip: String(++seq).padStart(18, '0'),
      nama: `Pegawai ${seq}`,
      opd: kode,
      stage: p === 'belum' ? ('PENILAIAN_ATASAN' as const) : ('SELESAI' as const),
      predikat: p === 'belum' ? undefined : (p as Predikat),
      keberatanTertunda: false,
    })),
  );
const open = { id: '2027', status: 'DIBUKA' as const };
const alasan = 'Dua OPD baru dibentuk; kurva dievaluasi ulang pada siklus berikut';

describe('periksaPenutupan: per agency, with the numbers', () => {
  it('passes when every agency has its predikat and fits the curve', () => {
    const cek = periksaPenutupan(
      [...opd('DINKES', { SANGAT_BAIK: 7, BAIK: 3 }), ...opd('DISHUB', { BAIK: 7, BUTUH_PERBAIKAN: 3 })],
      { DINKES: 'ISTIMEWA', DISHUB: 'BAIK' },
    );
    expect(cek).toMatchObject({ bolehDitutup: true, masalah: [], belumDinilai: [] });
    expect(cek.opd.map((o) => [o.opd, o.kurva?.sesuai])).toEqual([
      ['DINKES', true],
      ['DISHUB', true],
    ]);
  });

  it('says which rule fails in which agency, and by how much', () => {
    const cek = periksaPenutupan(
      [...opd('DINKES', { SANGAT_BAIK: 8, BAIK: 2 }), ...opd('DISHUB', { BAIK: 10 })],
      { DINKES: 'ISTIMEWA', DISHUB: 'BAIK' },
    );
    expect(cek.bolehDitutup).toBe(false);
    expect(cek.masalah).toEqual([
      {
        path: 'opd.DINKES',
        message: expect.stringMatching(/^DINKES: SANGAT_BAIK 8 dari 10 pegawai \(80%\) melebihi batas 70%/),
      },
      {
        path: 'opd.DISHUB',
        message: expect.stringMatching(/^DISHUB: BAIK 10 dari 10 pegawai \(100%\) melebihi batas 70%/),
      },
      { path: 'opd.DISHUB', message: expect.stringMatching(/BUTUH_PERBAIKAN atau KURANG/) },
    ]);
  });

  it('lists agencies without a predikat, unrated evaluations (left out of the curve) and open objections', () => {
    const evaluasi = [
      ...opd('DINKES', { SANGAT_BAIK: 7, BAIK: 3, belum: 2 }),
      ...opd('BAPPEDA', { BAIK: 1 }),
    ];
    evaluasi[0]!.keberatanTertunda = true;
    const cek = periksaPenutupan(evaluasi, { DINKES: 'ISTIMEWA' });
    const dinkes = cek.opd.find((o) => o.opd === 'DINKES')!;
    expect(dinkes).toMatchObject({ jumlahEvaluasi: 12, belumDinilai: 2, masalah: [] });
    expect(dinkes.kurva!.distribusi.total).toBe(10);
    expect(cek.opd.find((o) => o.opd === 'BAPPEDA')).toMatchObject({
      masalah: ['Predikat kinerja organisasi BAPPEDA belum ditetapkan'],
    });
    expect(cek.belumDinilai.map((e) => e.stage)).toEqual(['PENILAIAN_ATASAN', 'PENILAIAN_ATASAN']);
    expect(cek.keberatanTertunda.map((e) => e.nip)).toEqual([evaluasi[0]!.nip]);
    expect(cek.masalah.map((m) => m.path.split('.')[0])).toEqual(['opd', 'evaluasi', 'evaluasi', 'evaluasi']);
  });

  it('applies a corrected rules table passed as data', () => {
    const longgar: TabelAturanKurva = {
      ...ATURAN_KURVA,
      ISTIMEWA: [{ predikat: 'SANGAT_BAIK', paling: 0.9 }],
    };
    const evaluasi = opd('DINKES', { SANGAT_BAIK: 8, BAIK: 2 });
    expect(periksaPenutupan(evaluasi, { DINKES: 'ISTIMEWA' }).bolehDitutup).toBe(false);
    expect(periksaPenutupan(evaluasi, { DINKES: 'ISTIMEWA' }, longgar).bolehDitutup).toBe(true);
  });
});

describe('putuskanPenutupan: refuse, or close with a recorded exception', () => {
  const gagal = periksaPenutupan(opd('DINKES', { BAIK: 10 }), { DINKES: 'BAIK' });
  const bersih = periksaPenutupan(opd('DINKES', { BAIK: 7, KURANG: 3 }), { DINKES: 'BAIK' });

  it('closes a clean cycle without an exception', () => {
    expect(putuskanPenutupan(admin, open, bersih)).toEqual({ pengecualian: false });
  });

  it('refuses a failing check with 409 listing every problem', () => {
    const err = errorOf(() => putuskanPenutupan(admin, open, gagal));
    expect(err.code).toBe('KONFLIK');
    expect(err.message).toMatch(
      /belum dapat ditutup: 2 masalah\. DINKES: BAIK 10 dari 10 .*; DINKES: Organisasi BAIK harus/,
    );
    expect(err.issues).toEqual(gagal.masalah);
    expect(err.details).toMatchObject({ jumlahMasalah: 2, jumlahBelumDinilai: 0 });
  });

  it('lets BKPSDM override with a reason of at least 20 characters', () => {
    expect(putuskanPenutupan(admin, open, gagal, `  ${alasan} `)).toEqual({ pengecualian: true, alasan });
    expect(errorOf(() => putuskanPenutupan(admin, open, gagal, 'Sudah disetujui'))).toMatchObject({
      code: 'VALIDASI',
      issues: [{ path: 'alasanPengecualian' }],
    });
  });

  it('is BKPSDM’s alone, and only once', () => {
    expect(errorOf(() => putuskanPenutupan(kepalaOpd, open, bersih)).code).toBe('DILARANG');
    expect(errorOf(() => putuskanPenutupan(admin, { id: '2027', status: 'DITUTUP' }, bersih)).code).toBe(
      'KONFLIK',
    );
    expect(
      errorOf(() => putuskanPenutupan(admin, { id: '2027', status: 'DISIAPKAN' }, bersih)).message,
    ).toMatch(/belum diluncurkan/);
  });
});

describe('predikat organisasi: who sets it, and why', () => {
  const input = { predikat: 'BAIK' as PredikatOrganisasi, alasan: 'Nilai SAKIP 2027: BB (72,5)' };

  it('is set by the agency head for their own agency, or by BKPSDM for any', () => {
    expect(bolehTetapkanKurva(kepalaOpd, 'DISKOMINFO')).toBe(true);
    expect(bolehTetapkanKurva(kepalaOpd, 'DINKES')).toBe(false);
    expect(bolehTetapkanKurva(admin, 'DINKES')).toBe(true);
    expect(bolehTetapkanKurva(atasan, 'DISKOMINFO')).toBe(false);
    expect(periksaKurvaInput(kepalaOpd, 'DISKOMINFO', open, input)).toEqual(input);
    // Known before launch too: an agency's predikat may be set while the cycle is being prepared.
    expect(periksaKurvaInput(admin, 'DINKES', { id: '2027', status: 'DISIAPKAN' }, input)).toEqual(input);
    expect(errorOf(() => periksaKurvaInput(kepalaOpd, 'DINKES', open, input)).code).toBe('DILARANG');
  });

  it('needs a known predikat and a stated basis, and an open cycle', () => {
    const err = errorOf(() =>
      periksaKurvaInput(admin, 'DINKES', open, {
        predikat: 'LUAR_BIASA' as PredikatOrganisasi,
        alasan: 'SAKIP',
      }),
    );
    expect(err.issues.map((i) => i.path)).toEqual(['predikat', 'alasan']);
    expect(
      errorOf(() => periksaKurvaInput(admin, 'DINKES', { id: '2027', status: 'DITUTUP' }, input)).code,
    ).toBe('KONFLIK');
  });
});
