import { describe, expect, it } from 'vitest';
import {
  BATAS_UMPAN_BALIK,
  assertBisaUmpanBalik,
  susunUmpanBalik,
  tanggapi,
} from '../../shared/domain/evaluation/umpan-balik.js';
import { atasan, errorOf, evaluasi, pegawai } from './hasil-fixtures.js';

const konteks = { rowIds: ['r1', 'r2', 'r3'], barisDiBawah: ['r2'] };
const lengkap = {
  baris: { r2: 'Waktu layanan melewati target enam bulan' },
  umum: 'Kinerja tahun ini stabil dan dapat diandalkan',
  saran: 'Ikuti pelatihan manajemen proyek untuk menjaga jadwal',
};
const paths = (fn: () => unknown) => errorOf(fn).issues.map((i) => i.path);

describe('umpan balik: what the atasan must write', () => {
  it('accepts overall text, advice and feedback on the rows rated below expectation; trims text', () => {
    expect(susunUmpanBalik({ ...lengkap, umum: `  ${lengkap.umum}  ` }, konteks, true)).toEqual({
      ...lengkap,
      baris: { r2: lengkap.baris.r2 },
    });
  });

  it('requires overall feedback and advice of at least 20 characters', () => {
    expect(paths(() => susunUmpanBalik({ ...lengkap, umum: 'Bagus', saran: '' }, konteks, true))).toEqual([
      'umum',
      'saran',
    ]);
    const pas = 'x'.repeat(BATAS_UMPAN_BALIK.minUmum);
    expect(susunUmpanBalik({ ...lengkap, umum: pas, saran: pas }, konteks, true).umum).toBe(pas);
  });

  it('requires feedback on every row rated below expectation, not on the others', () => {
    const err = errorOf(() =>
      susunUmpanBalik({ ...lengkap, baris: { r1: 'Pertahankan capaian' } }, konteks, true),
    );
    expect(err.code).toBe('VALIDASI');
    expect(err.issues).toEqual([{ path: 'baris.r2', message: expect.stringMatching(/di bawah ekspektasi/) }]);
  });

  it('drops empty row feedback and refuses rows that are not on the SKP', () => {
    expect(
      susunUmpanBalik({ ...lengkap, baris: { ...lengkap.baris, r1: '   ' } }, konteks, true).baris,
    ).toEqual({
      r2: lengkap.baris.r2,
    });
    expect(paths(() => susunUmpanBalik({ ...lengkap, baris: { rX: 'Teks' } }, konteks, true))).toContain(
      'baris.rX',
    );
  });

  it('lets a draft be empty but still bounds its lengths', () => {
    expect(susunUmpanBalik({ baris: {}, umum: '', saran: '' }, konteks, false)).toEqual({
      baris: {},
      umum: '',
      saran: '',
    });
    const panjang = 'x'.repeat(BATAS_UMPAN_BALIK.saran + 1);
    expect(paths(() => susunUmpanBalik({ baris: {}, umum: '', saran: panjang }, konteks, false))).toEqual([
      'saran',
    ]);
  });

  it('is given by the atasan only, in the open feedback stage', () => {
    expect(() =>
      assertBisaUmpanBalik(evaluasi(), atasan, 'memberi umpan balik', new Date('2028-01-25T00:00:00.000Z')),
    ).not.toThrow();
    expect(
      errorOf(() =>
        assertBisaUmpanBalik(
          evaluasi(),
          pegawai,
          'memberi umpan balik',
          new Date('2028-01-25T00:00:00.000Z'),
        ),
      ).code,
    ).toBe('DILARANG');
    const selesai = errorOf(() =>
      assertBisaUmpanBalik(
        evaluasi({ status: 'SELESAI' }),
        atasan,
        'memberi',
        new Date('2028-01-25T00:00:00.000Z'),
      ),
    );
    expect(selesai).toMatchObject({ code: 'KONFLIK', details: { stage: 'UMPAN_BALIK', status: 'SELESAI' } });
  });
});

describe('tanggapan: the employee accepts or objects within the stage', () => {
  const now = new Date('2028-02-01T00:00:00.000Z');
  const e = evaluasi({ stage: 'TANGGAPAN' });

  it('records an acceptance, and an objection with its reasons', () => {
    expect(tanggapi(e, pegawai, { jenis: 'DITERIMA' }, now)).toEqual({
      jenis: 'DITERIMA',
      pada: now.toISOString(),
    });
    const alasan = 'Realisasi aplikasi 12 dari target 10, tetapi dinilai sesuai ekspektasi';
    expect(tanggapi(e, pegawai, { jenis: 'KEBERATAN', alasan }, now)).toEqual({
      jenis: 'KEBERATAN',
      alasan,
      pada: now.toISOString(),
    });
  });

  it('requires at least 20 characters of reasons for an objection', () => {
    const err = errorOf(() => tanggapi(e, pegawai, { jenis: 'KEBERATAN', alasan: 'Tidak setuju' }, now));
    expect(err.code).toBe('VALIDASI');
    expect(err.issues).toEqual([{ path: 'alasan', message: expect.stringMatching(/minimal 20 karakter/) }]);
  });

  it('is the employee’s own answer', () => {
    expect(errorOf(() => tanggapi(e, atasan, { jenis: 'DITERIMA' }, now)).code).toBe('DILARANG');
  });

  it('refuses answers outside the open stage, after its deadline, or while no workflow waits', () => {
    expect(errorOf(() => tanggapi(evaluasi(), pegawai, { jenis: 'DITERIMA' }, now))).toMatchObject({
      code: 'KONFLIK',
      details: { stage: 'UMPAN_BALIK' },
    });
    const late = new Date(new Date(e.deadline!).getTime() + 1000);
    expect(
      errorOf(() => tanggapi(e, pegawai, { jenis: 'KEBERATAN', alasan: 'x'.repeat(30) }, late)),
    ).toMatchObject({
      code: 'KONFLIK',
      message: expect.stringMatching(/Masa tanggapan sudah berakhir/),
    });
    const { taskToken: _, ...tanpaToken } = e;
    expect(errorOf(() => tanggapi(tanpaToken, pegawai, { jenis: 'DITERIMA' }, now)).code).toBe('KONFLIK');
  });

  it('refuses an objection nobody could decide (no atasan of the atasan on record)', () => {
    const { atasanAtasanNip: _, ...tanpa } = e;
    expect(
      errorOf(() => tanggapi(tanpa, pegawai, { jenis: 'KEBERATAN', alasan: 'x'.repeat(30) }, now)),
    ).toMatchObject({
      code: 'KONFLIK',
      message: expect.stringMatching(/BKPSDM/),
    });
    expect(tanggapi(tanpa, pegawai, { jenis: 'DITERIMA' }, now).jenis).toBe('DITERIMA');
  });
});
