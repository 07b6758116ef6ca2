import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain/errors.js';
import {
  ATURAN_KURVA,
  PREDIKAT_ORGANISASI,
  PREDIKAT_PEGAWAI,
  periksaKurva,
  type PredikatOrganisasi,
  type TabelAturanKurva,
} from '../../shared/domain/organisation/kurva.js';
import type { Predikat } from '../../shared/domain/evaluation/predikat.js';

/** A list of employee predikat from counts, e.g. mix({ SANGAT_BAIK: 7, BAIK: 3 }). */
const mix = (counts: Partial<Record<Predikat, number>>): Predikat[] =>
  Object.entries(counts).flatMap(([p, n]) => Array<Predikat>(n).fill(p as Predikat));

const pesan = (org: PredikatOrganisasi, counts: Partial<Record<Predikat, number>>) =>
  periksaKurva(org, mix(counts)).pelanggaran.map((p) => p.pesan);

describe('kurva distribusi: rules per organisational predikat', () => {
  it('keeps the rules as data, as docs/regulation.md lists them', () => {
    expect(ATURAN_KURVA).toEqual({
      ISTIMEWA: [{ predikat: 'SANGAT_BAIK', paling: 0.7 }],
      BAIK: [
        { predikat: 'BAIK', paling: 0.7 },
        { predikat: ['BUTUH_PERBAIKAN', 'KURANG'], minimal: 'ada' },
      ],
      BUTUH_PERBAIKAN: [
        { predikat: 'BUTUH_PERBAIKAN', minimal: 0.6 },
        { predikat: 'SANGAT_BAIK', paling: 0.1 },
      ],
      KURANG: [
        { predikat: 'KURANG', minimal: 0.6 },
        { predikat: 'BUTUH_PERBAIKAN', minimal: 0.1 },
        { predikat: 'SANGAT_BAIK', paling: 0.1 },
      ],
      SANGAT_KURANG: [
        { predikat: 'SANGAT_KURANG', minimal: 0.6 },
        { predikat: ['KURANG', 'BUTUH_PERBAIKAN'], minimal: 0.1 },
        { predikat: 'SANGAT_BAIK', paling: 0 },
      ],
    });
  });

  describe('ISTIMEWA: at most 70 % SANGAT_BAIK', () => {
    it('passes at exactly 70 %', () => {
      expect(periksaKurva('ISTIMEWA', mix({ SANGAT_BAIK: 7, BAIK: 3 }))).toEqual({
        sesuai: true,
        pelanggaran: [],
        distribusi: {
          total: 10,
          jumlah: { SANGAT_BAIK: 7, BAIK: 3, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0 },
        },
      });
    });
    it('fails above 70 %', () => {
      const hasil = periksaKurva('ISTIMEWA', mix({ SANGAT_BAIK: 8, BAIK: 2 }));
      expect(hasil.sesuai).toBe(false);
      expect(hasil.pelanggaran).toEqual([
        {
          aturan: { predikat: 'SANGAT_BAIK', paling: 0.7 },
          pesan: 'SANGAT_BAIK 8 dari 10 pegawai (80%) melebihi batas 70% untuk organisasi ISTIMEWA',
        },
      ]);
    });
    it('rounds the shown share away from the limit', () => {
      // 7001 of 10000 is just over the cap: it must not show as "70%".
      expect(pesan('ISTIMEWA', { SANGAT_BAIK: 7001, BAIK: 2999 })).toEqual([
        'SANGAT_BAIK 7001 dari 10000 pegawai (70,01%) melebihi batas 70% untuk organisasi ISTIMEWA',
      ]);
      expect(pesan('ISTIMEWA', { SANGAT_BAIK: 3, BAIK: 1 })).toEqual([
        'SANGAT_BAIK 3 dari 4 pegawai (75%) melebihi batas 70% untuk organisasi ISTIMEWA',
      ]);
      expect(pesan('ISTIMEWA', { SANGAT_BAIK: 5, BAIK: 2 })).toEqual([
        'SANGAT_BAIK 5 dari 7 pegawai (71,43%) melebihi batas 70% untuk organisasi ISTIMEWA',
      ]);
    });
  });

  describe('BAIK: at most 70 % BAIK, and some BUTUH_PERBAIKAN and/or KURANG', () => {
    it('passes', () => {
      expect(pesan('BAIK', { BAIK: 7, SANGAT_BAIK: 2, KURANG: 1 })).toEqual([]);
      expect(pesan('BAIK', { BAIK: 7, SANGAT_BAIK: 2, BUTUH_PERBAIKAN: 1 })).toEqual([]);
    });
    it('fails above 70 % BAIK', () => {
      expect(pesan('BAIK', { BAIK: 8, KURANG: 2 })).toEqual([
        'BAIK 8 dari 10 pegawai (80%) melebihi batas 70% untuk organisasi BAIK',
      ]);
    });
    it('fails without any BUTUH_PERBAIKAN or KURANG', () => {
      expect(pesan('BAIK', { BAIK: 5, SANGAT_BAIK: 4, SANGAT_KURANG: 1 })).toEqual([
        'Organisasi BAIK harus memiliki paling sedikit satu pegawai BUTUH_PERBAIKAN atau KURANG, tetapi tidak ada (0 dari 10 pegawai)',
      ]);
    });
  });

  describe('BUTUH_PERBAIKAN: at least 60 % BUTUH_PERBAIKAN, at most 10 % SANGAT_BAIK', () => {
    it('passes at exactly 60 % and 10 %', () => {
      expect(pesan('BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: 6, SANGAT_BAIK: 1, BAIK: 3 })).toEqual([]);
    });
    it('fails below 60 % BUTUH_PERBAIKAN', () => {
      expect(pesan('BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: 5, BAIK: 5 })).toEqual([
        'BUTUH_PERBAIKAN 5 dari 10 pegawai (50%) kurang dari batas minimal 60% untuk organisasi BUTUH_PERBAIKAN',
      ]);
    });
    it('fails above 10 % SANGAT_BAIK', () => {
      expect(pesan('BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: 6, SANGAT_BAIK: 2, BAIK: 2 })).toEqual([
        'SANGAT_BAIK 2 dari 10 pegawai (20%) melebihi batas 10% untuk organisasi BUTUH_PERBAIKAN',
      ]);
    });
    it('rounds a short share down so it never seems to reach the minimum', () => {
      // 179 of 300 is 59.666… %: shown as 59.66 %, not 59.67 % (and certainly not 60 %).
      expect(pesan('BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: 179, BAIK: 121 })).toEqual([
        'BUTUH_PERBAIKAN 179 dari 300 pegawai (59,66%) kurang dari batas minimal 60% untuk organisasi BUTUH_PERBAIKAN',
      ]);
    });
  });

  describe('KURANG: at least 60 % KURANG, at least 10 % BUTUH_PERBAIKAN, at most 10 % SANGAT_BAIK', () => {
    it('passes at the limits', () => {
      expect(pesan('KURANG', { KURANG: 6, BUTUH_PERBAIKAN: 1, SANGAT_BAIK: 1, BAIK: 2 })).toEqual([]);
    });
    it('fails each rule', () => {
      expect(pesan('KURANG', { KURANG: 5, BUTUH_PERBAIKAN: 3, BAIK: 2 })).toEqual([
        'KURANG 5 dari 10 pegawai (50%) kurang dari batas minimal 60% untuk organisasi KURANG',
      ]);
      expect(pesan('KURANG', { KURANG: 9, SANGAT_KURANG: 1 })).toEqual([
        'BUTUH_PERBAIKAN 0 dari 10 pegawai (0%) kurang dari batas minimal 10% untuk organisasi KURANG',
      ]);
      expect(pesan('KURANG', { KURANG: 6, BUTUH_PERBAIKAN: 2, SANGAT_BAIK: 2 })).toEqual([
        'SANGAT_BAIK 2 dari 10 pegawai (20%) melebihi batas 10% untuk organisasi KURANG',
      ]);
    });
    it('reports every broken rule at once', () => {
      expect(pesan('KURANG', { SANGAT_BAIK: 10 })).toHaveLength(3);
    });
  });

  describe('SANGAT_KURANG: at least 60 % SANGAT_KURANG, at least 10 % KURANG and/or BUTUH_PERBAIKAN, no SANGAT_BAIK', () => {
    it('passes at the limits, with either or both of KURANG and BUTUH_PERBAIKAN', () => {
      expect(pesan('SANGAT_KURANG', { SANGAT_KURANG: 6, KURANG: 1, BAIK: 3 })).toEqual([]);
      expect(pesan('SANGAT_KURANG', { SANGAT_KURANG: 6, BUTUH_PERBAIKAN: 1, BAIK: 3 })).toEqual([]);
      expect(pesan('SANGAT_KURANG', { SANGAT_KURANG: 18, BUTUH_PERBAIKAN: 1, KURANG: 1 })).toEqual([]);
    });
    it('fails each rule', () => {
      expect(pesan('SANGAT_KURANG', { SANGAT_KURANG: 5, KURANG: 5 })).toEqual([
        'SANGAT_KURANG 5 dari 10 pegawai (50%) kurang dari batas minimal 60% untuk organisasi SANGAT_KURANG',
      ]);
      expect(pesan('SANGAT_KURANG', { SANGAT_KURANG: 19, BAIK: 1 })).toEqual([
        'KURANG atau BUTUH_PERBAIKAN 0 dari 20 pegawai (0%) kurang dari batas minimal 10% untuk organisasi SANGAT_KURANG',
      ]);
      expect(pesan('SANGAT_KURANG', { SANGAT_KURANG: 8, KURANG: 1, SANGAT_BAIK: 1 })).toEqual([
        'SANGAT_BAIK tidak boleh ada untuk organisasi SANGAT_KURANG, tetapi ada 1 dari 10 pegawai (10%)',
      ]);
    });
  });

  it('treats an organisation with nobody rated as sesuai', () => {
    for (const org of PREDIKAT_ORGANISASI) {
      expect(periksaKurva(org, [])).toMatchObject({
        sesuai: true,
        pelanggaran: [],
        distribusi: { total: 0 },
      });
    }
  });

  it('takes a corrected table as a parameter', () => {
    const aturan: TabelAturanKurva = {
      ...ATURAN_KURVA,
      ISTIMEWA: [{ predikat: 'SANGAT_BAIK', paling: 0.125 }],
    };
    expect(periksaKurva('ISTIMEWA', mix({ SANGAT_BAIK: 1, BAIK: 7 }), aturan).sesuai).toBe(true);
    expect(periksaKurva('ISTIMEWA', mix({ SANGAT_BAIK: 2, BAIK: 6 }), aturan).pelanggaran[0]?.pesan).toBe(
      'SANGAT_BAIK 2 dari 8 pegawai (25%) melebihi batas 12,5% untuk organisasi ISTIMEWA',
    );
    const rusak: TabelAturanKurva = { ...ATURAN_KURVA, ISTIMEWA: [{ predikat: 'SANGAT_BAIK', paling: 70 }] };
    expect(() => periksaKurva('ISTIMEWA', mix({ BAIK: 1 }), rusak)).toThrow(
      /Aturan kurva distribusi tidak valid/,
    );
  });

  it('rejects unknown predikat', () => {
    expect(() => periksaKurva('HEBAT' as PredikatOrganisasi, [])).toThrow(DomainError);
    try {
      periksaKurva('BAIK', ['BAIK', 'LUAR_BIASA' as Predikat]);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).issues).toEqual([
        { path: 'predikat.1', message: 'Predikat pegawai "LUAR_BIASA" tidak dikenal' },
      ]);
    }
  });
});

describe('kurva distribusi: properties', () => {
  const predikat = fc.constantFrom<Predikat>(...PREDIKAT_PEGAWAI);
  const organisasi = fc.constantFrom<PredikatOrganisasi>(...PREDIKAT_ORGANISASI);
  const pegawai = fc.array(predikat, { maxLength: 60 });
  const capIstimewa = (ps: Predikat[]) =>
    periksaKurva('ISTIMEWA', ps).pelanggaran.some(
      (p) => 'paling' in p.aturan && p.aturan.predikat === 'SANGAT_BAIK',
    );

  it('adding a SANGAT_BAIK never fixes an ISTIMEWA violation of the 70 % cap', () => {
    fc.assert(
      fc.property(pegawai, (ps) => {
        fc.pre(capIstimewa(ps));
        expect(capIstimewa([...ps, 'SANGAT_BAIK'])).toBe(true);
      }),
    );
  });

  it('the 70 % cap agrees with exact rational arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), (sb, lain) => {
        fc.pre(sb + lain > 0);
        const ps = mix({ SANGAT_BAIK: sb, BAIK: lain });
        expect(capIstimewa(ps)).toBe(10 * sb > 7 * (sb + lain));
      }),
    );
  });

  it('does not depend on order, counts everyone, and is sesuai exactly when nothing is violated', () => {
    fc.assert(
      fc.property(organisasi, pegawai, (org, ps) => {
        const hasil = periksaKurva(org, ps);
        expect(periksaKurva(org, [...ps].reverse())).toEqual(hasil);
        expect(Object.values(hasil.distribusi.jumlah).reduce((a, b) => a + b, 0)).toBe(ps.length);
        expect(hasil.sesuai).toBe(hasil.pelanggaran.length === 0);
      }),
    );
  });

  it('scaling a distribution (every count times k) keeps every percentage verdict', () => {
    // "ada" rules are about presence, which scaling keeps too.
    fc.assert(
      fc.property(organisasi, pegawai, fc.integer({ min: 2, max: 5 }), (org, ps, k) => {
        const scaled = Array.from({ length: k }, () => ps).flat();
        const rules = (xs: Predikat[]) => periksaKurva(org, xs).pelanggaran.map((p) => p.aturan);
        expect(rules(scaled)).toEqual(rules(ps));
      }),
    );
  });
});
