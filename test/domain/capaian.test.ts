import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertOverride,
  hitungCapaian,
  hitungCapaianSkp,
  levelCapaian,
  saranHasilKerja,
  type BarisTarget,
} from '../../shared/domain/evaluation/capaian.js';
import { DomainError } from '../../shared/domain/errors.js';
import { LEVEL, type Level } from '../../shared/domain/evaluation/predikat.js';
import type { JenisHasilKerja } from '../../shared/domain/evaluation/skp.js';

const baris = (patch: Partial<BarisTarget> = {}): BarisTarget => ({
  id: 'r1',
  jenis: 'UTAMA',
  aspek: 'KUANTITAS',
  target: 10,
  ...patch,
});

const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('VALIDASI');
    return (e as DomainError).issues;
  }
  throw new Error('expected a DomainError');
};

describe('capaian per baris', () => {
  it.each([
    [11, 110, 'DI_ATAS_EKSPEKTASI'],
    [15, 150, 'DI_ATAS_EKSPEKTASI'],
    [10.99, 109.9, 'SESUAI_EKSPEKTASI'],
    [10, 100, 'SESUAI_EKSPEKTASI'],
    [9, 90, 'SESUAI_EKSPEKTASI'],
    [8.99, 89.9, 'DI_BAWAH_EKSPEKTASI'],
    [0, 0, 'DI_BAWAH_EKSPEKTASI'],
  ] as const)('KUANTITAS realisasi %d of 10: %d%%, %s', (realisasi, capaian, level) => {
    expect(hitungCapaian(baris(), realisasi)).toEqual({
      rowId: 'r1',
      jenis: 'UTAMA',
      realisasi,
      capaian,
      level,
    });
  });

  it('KUALITAS uses the plain ratio too', () => {
    expect(hitungCapaian(baris({ aspek: 'KUALITAS', target: 80 }), 92).level).toBe('DI_ATAS_EKSPEKTASI');
  });

  it('lands on the boundary despite float error (3.3 / 3 is 109.99999999999999 %)', () => {
    expect(hitungCapaian(baris({ target: 3 }), 3.3)).toMatchObject({
      capaian: 110,
      level: 'DI_ATAS_EKSPEKTASI',
    });
    expect(hitungCapaian(baris({ target: 3 }), 2.7)).toMatchObject({
      capaian: 90,
      level: 'SESUAI_EKSPEKTASI',
    });
  });

  describe('WAKTU: less time is better', () => {
    const waktu = baris({ aspek: 'WAKTU', target: 12 });
    it.each([
      [10, 120, 'DI_ATAS_EKSPEKTASI'],
      [12, 100, 'SESUAI_EKSPEKTASI'],
      [13, 92.31, 'SESUAI_EKSPEKTASI'],
      [14, 85.71, 'DI_BAWAH_EKSPEKTASI'],
    ] as const)('%d months for a 12-month target: %d%%, %s', (realisasi, capaian, level) => {
      expect(hitungCapaian(waktu, realisasi)).toMatchObject({ capaian, level });
    });
    it('rejects zero time', () => {
      expect(issuesOf(() => hitungCapaian(waktu, 0))).toEqual([
        { path: 'realisasi', message: 'Realisasi aspek waktu harus lebih dari 0' },
      ]);
    });
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, '5' as unknown as number])(
    'rejects realisasi %s',
    (realisasi) => {
      expect(issuesOf(() => hitungCapaian(baris(), realisasi))).toEqual([
        { path: 'realisasi', message: 'Realisasi harus berupa angka 0 atau lebih' },
      ]);
    },
  );

  it('rejects a row whose target is not positive', () => {
    expect(issuesOf(() => hitungCapaian(baris({ target: 0 }), 1))[0]?.path).toBe('realisasi');
  });

  it('takes thresholds as data', () => {
    const ketat = { diAtas: 120, sesuai: 100 };
    expect(hitungCapaian(baris(), 11, ketat).level).toBe('SESUAI_EKSPEKTASI');
    expect(hitungCapaian(baris(), 9.5, ketat).level).toBe('DI_BAWAH_EKSPEKTASI');
    expect(levelCapaian(120, ketat)).toBe('DI_ATAS_EKSPEKTASI');
    expect(() => levelCapaian(100, { diAtas: 90, sesuai: 110 })).toThrow(/Ambang capaian tidak valid/);
  });

  it('reports every wrong row of an SKP at once', () => {
    const rows = [baris({ id: 'a' }), baris({ id: 'b', aspek: 'WAKTU' }), baris({ id: 'c' })];
    expect(issuesOf(() => hitungCapaianSkp(rows, { a: -2, b: 0 }))).toEqual([
      { path: 'realisasi.a', message: 'Realisasi harus berupa angka 0 atau lebih' },
      { path: 'realisasi.b', message: 'Realisasi aspek waktu harus lebih dari 0' },
      { path: 'realisasi.c', message: 'Realisasi wajib diisi' },
    ]);
    expect(hitungCapaianSkp(rows, { a: 11, b: 5, c: 5 }).map((r) => r.level)).toEqual([
      'DI_ATAS_EKSPEKTASI',
      'DI_ATAS_EKSPEKTASI',
      'DI_BAWAH_EKSPEKTASI',
    ]);
  });
});

const A = 'DI_ATAS_EKSPEKTASI';
const S = 'SESUAI_EKSPEKTASI';
const B = 'DI_BAWAH_EKSPEKTASI';
const u = (...levels: Level[]) => levels.map((level) => ({ jenis: 'UTAMA' as const, level }));
const t = (...levels: Level[]) => levels.map((level) => ({ jenis: 'TAMBAHAN' as const, level }));

describe('saran hasil kerja', () => {
  it.each([
    ['all UTAMA above', u(A, A), A],
    ['most above, none below', u(A, A, S), A],
    ['most above but one UTAMA below', u(A, A, A, B), S],
    ['tie above/sesuai goes to the middle', u(A, S), S],
    ['most meet', u(S, S, A, B), S],
    ['tie above/below goes to the middle', u(A, B), S],
    ['tie sesuai/below goes to the middle', u(S, B), S],
    ['most below', u(B, B, S), B],
    ['all below', u(B), B],
    ['a TAMBAHAN above breaks a tie upwards', [...u(A, S), ...t(A)], A],
    ['TAMBAHAN below never lowers', [...u(A, A), ...t(B, B, B)], A],
    ['TAMBAHAN sesuai does not dilute', [...u(A), ...t(S, S)], A],
    ['TAMBAHAN below is allowed under "di atas"', [...u(A), ...t(B)], A],
    ['TAMBAHAN above cannot hide that most UTAMA fell below', [...u(B, B, S), ...t(A, A)], B],
    ['TAMBAHAN above may lift a minority of UTAMA below', [...u(B, S, S), ...t(A, A)], S],
  ] as const)('%s', (_, rows, level) => {
    expect(saranHasilKerja(rows).level).toBe(level);
  });

  it('explains the suggestion', () => {
    expect(saranHasilKerja(u(A, A, S))).toEqual({
      level: A,
      alasan: '2 dari 3 hasil kerja di atas ekspektasi dan tidak ada hasil kerja utama di bawah ekspektasi.',
      hitungan: { dihitung: 3, diAtas: 2, sesuai: 1, diBawah: 0, utamaDiBawah: 0, tambahanTidakDihitung: 0 },
    });
    expect(saranHasilKerja(u(A, A, A, B)).alasan).toBe(
      '3 dari 4 hasil kerja di atas ekspektasi, tetapi 1 hasil kerja utama di bawah ekspektasi, sehingga tidak dapat dinilai di atas ekspektasi.',
    );
    expect(saranHasilKerja(u(B, B, S)).alasan).toBe(
      '2 dari 3 hasil kerja di bawah ekspektasi (lebih dari separuh).',
    );
    expect(saranHasilKerja([...u(A, B), ...t(S)]).alasan).toBe(
      'Tidak ada lebih dari separuh hasil kerja yang di atas maupun di bawah ekspektasi (di atas 1, sesuai 0, di bawah 1 dari 2). 1 hasil kerja tambahan yang tidak di atas ekspektasi tidak dihitung, karena hasil kerja tambahan hanya dapat menaikkan penilaian.',
    );
  });

  it('needs at least one UTAMA row', () => {
    expect(issuesOf(() => saranHasilKerja(t(A)))).toEqual([
      { path: 'rows', message: 'Minimal satu hasil kerja UTAMA harus memiliki realisasi' },
    ]);
    expect(() => saranHasilKerja([])).toThrow(DomainError);
  });

  const level = fc.constantFrom(...LEVEL);
  const jenis = fc.constantFrom<JenisHasilKerja>('UTAMA', 'TAMBAHAN');
  const rows = fc
    .tuple(fc.array(fc.record({ jenis, level }), { maxLength: 12 }), level)
    .map(([rest, utama]) => [{ jenis: 'UTAMA' as const, level: utama }, ...rest]);
  const rank: Record<Level, number> = { [B]: 0, [S]: 1, [A]: 2 };

  it('is never DI_ATAS when some UTAMA row is DI_BAWAH', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        fc.pre(rs.some((r) => r.jenis === 'UTAMA' && r.level === B));
        expect(saranHasilKerja(rs).level).not.toBe(A);
      }),
    );
  });

  it('never goes down when a TAMBAHAN row is added', () => {
    fc.assert(
      fc.property(rows, level, (rs, l) => {
        const before = rank[saranHasilKerja(rs).level];
        expect(rank[saranHasilKerja([...rs, { jenis: 'TAMBAHAN', level: l }]).level]).toBeGreaterThanOrEqual(
          before,
        );
      }),
    );
  });

  it('does not depend on row order, and follows the majority when all rows are UTAMA', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        expect(saranHasilKerja([...rs].reverse()).level).toBe(saranHasilKerja(rs).level);
        const utama = rs.filter((r) => r.jenis === 'UTAMA');
        const n = (l: Level) => utama.filter((r) => r.level === l).length;
        if (n(B) * 2 > utama.length) expect(saranHasilKerja(utama).level).toBe(B);
        if (n(A) === utama.length) expect(saranHasilKerja(utama).level).toBe(A);
      }),
    );
  });

  it('maps any capaian to exactly the threshold band', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (c) => {
        const expected = c >= 110 ? A : c >= 90 ? S : B;
        expect(levelCapaian(c)).toBe(expected);
      }),
    );
  });
});

describe('override of the suggestion', () => {
  it('needs no reason when the rater agrees', () => {
    expect(() => assertOverride(A, A, undefined)).not.toThrow();
    expect(() => assertOverride(S, S, '')).not.toThrow();
  });
  it.each([undefined, '', '   ', 'terlalu'])('rejects a departure with reason %o', (alasan) => {
    expect(issuesOf(() => assertOverride(S, A, alasan))).toEqual([
      {
        path: 'alasan',
        message:
          'Tuliskan alasan memilih "di atas ekspektasi" padahal saran sistem "sesuai ekspektasi" (minimal 10 karakter)',
      },
    ]);
  });
  it('counts the reason without surrounding spaces', () => {
    expect(() => assertOverride(S, B, '  123456789  ')).toThrow(DomainError);
    expect(() => assertOverride(S, B, '  1234567890  ')).not.toThrow();
  });
  it('accepts a real reason, and rejects an unknown level or an overlong reason', () => {
    expect(() => assertOverride(B, S, 'Target utama terhambat anggaran yang ditunda')).not.toThrow();
    expect(() => assertOverride(B, 'BAGUS' as Level, 'alasan yang panjang')).toThrow(/tidak valid/);
    expect(() => assertOverride(B, S, 'x'.repeat(2001))).toThrow(/terlalu panjang/);
  });
});
