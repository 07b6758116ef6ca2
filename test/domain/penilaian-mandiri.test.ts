import { describe, expect, it } from 'vitest';
import { KODE_BERAKHLAK } from '../../shared/domain/evaluation/berakhlak.js';
import {
  ajukanPenilaianMandiri,
  drafPenilaianMandiri,
  isTautan,
  type IsianMandiri,
} from '../../shared/domain/evaluation/penilaian-mandiri.js';
import { atasan, errorOf, evaluasi, pathsOf, pegawai, perilakuLengkap, rows } from './penilaian-fixtures.js';

const AT = '2028-01-05T03:00:00.000Z';
const NOW = new Date(AT);
const lengkap = (): IsianMandiri => ({
  baris: {
    r1: {
      realisasi: 12,
      narasi: 'Dua belas aplikasi terintegrasi SSO',
      bukti: ['https://serangkota.go.id/sso'],
    },
    r2: { realisasi: 5, narasi: 'Selesai dalam lima bulan', bukti: ['BA serah terima no. 12/2027'] },
    r3: {
      realisasi: 20,
      narasi: 'Pelatihan operator kelurahan',
      bukti: ['  https://drive.serangkota.go.id/daftar-hadir  ', '', 'Catatan: daftar hadir ditandatangani'],
    },
  },
  perilaku: perilakuLengkap(),
});

describe('penilaian mandiri: draft', () => {
  it('keeps what is filled in, including a row without its realisasi yet', () => {
    const { penilaianMandiri } = drafPenilaianMandiri(
      evaluasi(),
      pegawai,
      rows,
      {
        baris: { r1: { narasi: 'Sebagian sudah berjalan' }, r2: { realisasi: 4 } },
        perilaku: { KOMPETEN: { level: 'DI_ATAS_EKSPEKTASI' } },
      },
      NOW,
    );
    expect(penilaianMandiri).toEqual({
      baris: {
        r1: { narasi: 'Sebagian sudah berjalan', bukti: [] },
        r2: { realisasi: 4, narasi: '', bukti: [] },
      },
      perilaku: { KOMPETEN: { level: 'DI_ATAS_EKSPEKTASI', contoh: '' } },
    });
    expect(penilaianMandiri!.diajukanPada).toBeUndefined();
  });

  it('does not need the workflow to be waiting', () => {
    expect(() =>
      drafPenilaianMandiri(evaluasi({ taskToken: undefined }), pegawai, rows, {}, NOW),
    ).not.toThrow();
  });

  it('still refuses what is filled in wrongly, each at its field', () => {
    const err = errorOf(() =>
      drafPenilaianMandiri(
        evaluasi(),
        pegawai,
        rows,
        {
          baris: {
            r1: { realisasi: -1, bukti: ['javascript:alert(1)', 'ftp://files.example/x', 'https://'] },
            r2: { realisasi: 0 },
            rx: { realisasi: 1 },
          },
          perilaku: { KOMPETEN: { level: 'LUAR_BIASA' }, JUJUR: { level: 'SESUAI_EKSPEKTASI' } },
        },
        NOW,
      ),
    );
    expect(err.code).toBe('VALIDASI');
    expect(err.issues).toEqual(
      expect.arrayContaining([
        { path: 'baris.rx', message: 'Hasil kerja ini tidak ada di SKP' },
        { path: 'baris.r1.realisasi', message: 'Realisasi harus berupa angka 0 atau lebih' },
        {
          path: 'baris.r1.bukti.0',
          message: expect.stringMatching(/^Bukti ke-1: tautan harus .*https/),
        },
        { path: 'baris.r1.bukti.1', message: expect.stringMatching(/^Bukti ke-2: /) },
        { path: 'baris.r1.bukti.2', message: expect.stringMatching(/^Bukti ke-3: /) },
        { path: 'baris.r2.realisasi', message: 'Realisasi aspek waktu harus lebih dari 0' },
        { path: 'perilaku.JUJUR', message: 'Bukan nilai BerAKHLAK' },
        { path: 'perilaku.KOMPETEN.level', message: 'Pilih di atas, sesuai, atau di bawah ekspektasi' },
      ]),
    );
  });

  it('limits bukti to 10 items, a text to 300 and a link to 500 characters', () => {
    expect(
      pathsOf(() =>
        drafPenilaianMandiri(
          evaluasi(),
          pegawai,
          rows,
          {
            baris: {
              r1: { bukti: Array.from({ length: 11 }, (_, i) => `Dokumen ${i + 1}`) },
              r2: { bukti: ['x'.repeat(301), `https://serangkota.go.id/${'a'.repeat(480)}`] },
              r3: { narasi: 'n'.repeat(1001) },
            },
          },
          NOW,
        ),
      ),
    ).toEqual(['baris.r1.bukti', 'baris.r2.bukti.0', 'baris.r2.bukti.1', 'baris.r3.narasi']);
  });

  it('is the employee’s alone, and only while the self-assessment is open', () => {
    expect(errorOf(() => drafPenilaianMandiri(evaluasi(), atasan, rows, {}, NOW)).code).toBe('DILARANG');
    const late = errorOf(() =>
      drafPenilaianMandiri(evaluasi({ stage: 'PENILAIAN_ATASAN' }), pegawai, rows, {}, NOW),
    );
    expect(late.code).toBe('KONFLIK');
    expect(late.details).toEqual({ stage: 'PENILAIAN_ATASAN', status: 'DRAFT' });
    expect(
      errorOf(() => drafPenilaianMandiri(evaluasi({ status: 'SELESAI' }), pegawai, rows, {}, NOW)).code,
    ).toBe('KONFLIK');
  });
});

describe('penilaian mandiri: submission', () => {
  it('needs every row and every BerAKHLAK value complete', () => {
    const paths = pathsOf(() => ajukanPenilaianMandiri(evaluasi(), pegawai, rows, { baris: {} }, AT));
    expect(paths).toEqual([
      ...rows.flatMap((r) => [`baris.${r.id}.realisasi`, `baris.${r.id}.narasi`, `baris.${r.id}.bukti`]),
      ...KODE_BERAKHLAK.flatMap((k) => [`perilaku.${k}.level`, `perilaku.${k}.contoh`]),
    ]);
    const short = errorOf(() =>
      ajukanPenilaianMandiri(
        evaluasi(),
        pegawai,
        rows,
        {
          ...lengkap(),
          baris: { ...lengkap().baris, r1: { realisasi: 1, narasi: 'Selesai', bukti: ['a'] } },
        },
        AT,
      ),
    );
    expect(short.issues).toEqual([
      { path: 'baris.r1.narasi', message: 'Narasi capaian minimal 10 karakter' },
    ]);
  });

  it('completes the stage with the trimmed answers, links and texts side by side', () => {
    const out = ajukanPenilaianMandiri(evaluasi(), pegawai, rows, lengkap(), AT);
    expect(out.status).toBe('SELESAI');
    expect(out.penilaianMandiri!.diajukanPada).toBe(AT);
    expect(out.penilaianMandiri!.baris.r3).toEqual({
      realisasi: 20,
      narasi: 'Pelatihan operator kelurahan',
      bukti: ['https://drive.serangkota.go.id/daftar-hadir', 'Catatan: daftar hadir ditandatangani'],
    });
    expect(Object.keys(out.penilaianMandiri!.perilaku)).toEqual([...KODE_BERAKHLAK]);
    expect(out.penilaianMandiri!.baris.r3!.bukti.map(isTautan)).toEqual([true, false]);
  });

  it('is refused (409 with the stage) when the workflow is not waiting for it', () => {
    const err = errorOf(() =>
      ajukanPenilaianMandiri(evaluasi({ taskToken: undefined }), pegawai, rows, lengkap(), AT),
    );
    expect(err.code).toBe('KONFLIK');
    expect(err.details).toEqual({ stage: 'PENILAIAN_MANDIRI', status: 'DRAFT' });
  });
});
