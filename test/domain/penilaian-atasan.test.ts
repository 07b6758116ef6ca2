import { describe, expect, it } from 'vitest';
import { KODE_BERAKHLAK } from '../../shared/domain/evaluation/berakhlak.js';
import {
  ajukanPenilaianAtasan,
  drafPenilaianAtasan,
  saranPenilaian,
  type IsianAtasan,
} from '../../shared/domain/evaluation/penilaian-atasan.js';
import type { PenilaianMandiri } from '../../shared/domain/evaluation/penilaian-model.js';
import type { Level } from '../../shared/domain/evaluation/predikat.js';
import { atasan, errorOf, evaluasi, pathsOf, pegawai, plt, rows, semuaNilai } from './penilaian-fixtures.js';

const AT = '2028-01-20T03:00:00.000Z';
const NOW = new Date(AT);
const mandiri: PenilaianMandiri = {
  // r1 120 % (di atas), r2 WAKTU 6 of 5 months: 120 % (di atas), r3 TAMBAHAN 100 % (sesuai).
  baris: {
    r1: { realisasi: 12, narasi: 'n', bukti: [] },
    r2: { realisasi: 5, narasi: 'n', bukti: [] },
    r3: { realisasi: 20, narasi: 'n', bukti: [] },
  },
  perilaku: {},
  diajukanPada: '2028-01-05T00:00:00.000Z',
};
const review = (patch: Partial<Parameters<typeof evaluasi>[0]> = {}) =>
  evaluasi({ stage: 'PENILAIAN_ATASAN', penilaianMandiri: mandiri, ...patch });
const isian = (baris: Level[], hasilKerja: NonNullable<IsianAtasan['hasilKerja']>): IsianAtasan => ({
  baris: Object.fromEntries(rows.map((r, i) => [r.id, { level: baris[i] }])),
  hasilKerja,
  perilaku: semuaNilai(() => ({ level: 'SESUAI_EKSPEKTASI' })),
  perilakuKerja: { level: 'SESUAI_EKSPEKTASI' },
});

describe('saran penilaian', () => {
  it('computes each row’s capaian and suggests from them until the atasan rates the rows', () => {
    const s = saranPenilaian(rows, mandiri);
    expect(s.capaian.map((c) => [c.rowId, c.capaian, c.level])).toEqual([
      ['r1', 120, 'DI_ATAS_EKSPEKTASI'],
      ['r2', 120, 'DI_ATAS_EKSPEKTASI'],
      ['r3', 100, 'SESUAI_EKSPEKTASI'],
    ]);
    expect(s.hasilKerja).toMatchObject({
      level: 'DI_ATAS_EKSPEKTASI',
      alasan: expect.stringContaining('2 dari 2'),
    });
    const rated = saranPenilaian(rows, mandiri, { r1: { level: 'SESUAI_EKSPEKTASI' } });
    expect(rated.hasilKerja!.level).toBe('SESUAI_EKSPEKTASI');
  });

  it('suggests nothing without a realisasi to compute from', () => {
    expect(saranPenilaian(rows, undefined)).toEqual({ capaian: [] });
  });
});

describe('penilaian atasan', () => {
  it('saves a partial draft', () => {
    const { penilaianAtasan } = drafPenilaianAtasan(
      review(),
      atasan,
      rows,
      {
        baris: { r1: { level: 'DI_ATAS_EKSPEKTASI', catatan: '  Melebihi target  ' } },
      },
      NOW,
    );
    expect(penilaianAtasan).toEqual({
      baris: { r1: { level: 'DI_ATAS_EKSPEKTASI', catatan: 'Melebihi target' } },
      hasilKerja: { saran: 'DI_ATAS_EKSPEKTASI' },
      perilaku: {},
      perilakuKerja: {},
    });
  });

  it('needs every row, both overall levels and every BerAKHLAK value on submission', () => {
    expect(pathsOf(() => ajukanPenilaianAtasan(review(), atasan, rows, {}, AT))).toEqual([
      'baris.r1.level',
      'baris.r2.level',
      'baris.r3.level',
      'hasilKerja.level',
      ...KODE_BERAKHLAK.map((k) => `perilaku.${k}.level`),
      'perilakuKerja.level',
    ]);
  });

  it('accepts the suggestion without a reason and records it', () => {
    const out = ajukanPenilaianAtasan(
      review(),
      atasan,
      rows,
      isian(['DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI'], {
        level: 'DI_ATAS_EKSPEKTASI',
      }),
      AT,
    );
    expect(out.status).toBe('SELESAI');
    expect(out.penilaianAtasan!.hasilKerja).toEqual({
      level: 'DI_ATAS_EKSPEKTASI',
      saran: 'DI_ATAS_EKSPEKTASI',
    });
    expect(out.penilaianAtasan!.perilakuKerja).toEqual({ level: 'SESUAI_EKSPEKTASI' });
    expect(out.penilaianAtasan!.diajukanPada).toBe(AT);
  });

  it('needs a reason to depart from the suggestion, which follows the atasan’s row ratings', () => {
    const rowsRated: Level[] = ['SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI'];
    const err = errorOf(() =>
      ajukanPenilaianAtasan(review(), atasan, rows, isian(rowsRated, { level: 'DI_ATAS_EKSPEKTASI' }), AT),
    );
    expect(err.code).toBe('VALIDASI');
    expect(err.issues).toEqual([
      {
        path: 'hasilKerja.alasan',
        message: expect.stringContaining('saran sistem "sesuai ekspektasi"'),
      },
    ]);
    const out = ajukanPenilaianAtasan(
      review(),
      atasan,
      rows,
      isian(rowsRated, { level: 'DI_ATAS_EKSPEKTASI', alasan: 'Aplikasi SSO dipakai seluruh OPD' }),
      AT,
    );
    expect(out.penilaianAtasan!.hasilKerja).toEqual({
      level: 'DI_ATAS_EKSPEKTASI',
      saran: 'SESUAI_EKSPEKTASI',
      alasan: 'Aplikasi SSO dipakai seluruh OPD',
    });
  });

  it('needs a reason when there is no suggestion to follow', () => {
    // No UTAMA row: the rule has nothing to suggest from, so the rating must be explained.
    const tambahan = rows.filter((r) => r.jenis === 'TAMBAHAN');
    const input: IsianAtasan = {
      ...isian([], { level: 'SESUAI_EKSPEKTASI' }),
      baris: { r3: { level: 'SESUAI_EKSPEKTASI' } },
    };
    expect(pathsOf(() => ajukanPenilaianAtasan(review(), atasan, tambahan, input, AT))).toEqual([
      'hasilKerja.alasan',
    ]);
    const out = ajukanPenilaianAtasan(
      review(),
      atasan,
      tambahan,
      {
        ...input,
        hasilKerja: { level: 'SESUAI_EKSPEKTASI', alasan: 'Hanya tugas tambahan pada periode ini' },
      },
      AT,
    );
    expect(out.penilaianAtasan!.hasilKerja.saran).toBeUndefined();
  });

  it('belongs to the atasan, or to the Plt while in force, never to the employee', () => {
    expect(errorOf(() => drafPenilaianAtasan(review(), pegawai, rows, {}, NOW)).code).toBe('DILARANG');
    const withPlt = review({
      plt: { nip: plt.nip, nama: plt.nama, mulai: '2000-01-01', selesai: '2999-12-31', jenis: 'PLT' },
    });
    expect(() => drafPenilaianAtasan(withPlt, plt, rows, {}, NOW)).not.toThrow();
    expect(errorOf(() => drafPenilaianAtasan(withPlt, atasan, rows, {}, NOW)).code).toBe('DILARANG');
  });

  it('answers 409 with the stage when it is not the review stage or the workflow is not waiting', () => {
    const early = errorOf(() =>
      drafPenilaianAtasan(review({ stage: 'PENILAIAN_MANDIRI' }), atasan, rows, {}, NOW),
    );
    expect(early.code).toBe('KONFLIK');
    expect(early.details).toMatchObject({ stage: 'PENILAIAN_MANDIRI' });
    const done = errorOf(() => drafPenilaianAtasan(review({ status: 'SELESAI' }), atasan, rows, {}, NOW));
    expect(done.details).toEqual({ stage: 'PENILAIAN_ATASAN', status: 'SELESAI' });
    const noToken = errorOf(() =>
      ajukanPenilaianAtasan(review({ taskToken: undefined }), atasan, rows, isian([], {}), AT),
    );
    expect(noToken.code).toBe('KONFLIK');
  });
});
