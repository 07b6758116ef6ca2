import { describe, expect, it } from 'vitest';
import { checkNip, formatNipPns, parseNipPns } from '../../shared/domain/people/nip.js';

describe('NIP (PNS layout)', () => {
  it('parses birth date, TMT CPNS, gender and sequence', () => {
    expect(parseNipPns('199004122015031001')).toEqual({
      ok: true,
      value: { tanggalLahir: '1990-04-12', tmtCpns: '2015-03', jenisKelamin: 'L', urutan: 1 },
    });
  });
  it('round-trips through formatNipPns', () => {
    const v = { tanggalLahir: '1992-07-25', tmtCpns: '2019-02', jenisKelamin: 'P' as const, urutan: 12 };
    expect(parseNipPns(formatNipPns(v))).toEqual({ ok: true, value: v });
  });
  it.each([
    ['12345', 'NIP harus terdiri dari 18 digit angka'],
    ['19900412201503100a', 'NIP harus terdiri dari 18 digit angka'],
    ['199002302015031001', 'Tanggal lahir pada NIP tidak valid'],
    ['199004122015131001', 'Bulan TMT CPNS pada NIP tidak valid'],
    ['199004122005031001', 'TMT CPNS pada NIP harus setelah usia 18 tahun'],
    ['199004122015033001', 'Digit jenis kelamin pada NIP harus 1 atau 2'],
    ['199004122015031000', 'Nomor urut pada NIP harus 001 atau lebih'],
  ])('rejects %s: %s', (nip, message) => {
    expect(checkNip(nip, 'PNS')).toEqual([{ path: 'nip', message }]);
  });
  it('accepts any 18 digits for PPPK (layout unconfirmed)', () => {
    expect(checkNip('199609032024212001', 'PPPK')).toEqual([]);
    expect(checkNip('19960903202421200', 'PPPK')).toHaveLength(1);
  });
});
