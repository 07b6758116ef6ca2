import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANGKA,
  type AturanAngka,
  type AturanTeks,
  BATAS_AMAN,
  DYNAMODB_TERKECIL,
  bacaAngka,
  bacaEmail,
  bacaTeks,
  periksaAngka,
} from '../../shared/domain/input.js';
import { angka } from '../../shared/schemas/input.js';
import { PenilaianMandiriBody } from '../../shared/schemas/penilaian.js';
import { TargetRowInput, VersionQuery } from '../../shared/schemas/api.js';

/** The input rules (shared/domain/input.ts) and their zod adapters (shared/schemas/input.ts). */

const RULES = Object.entries(ANGKA) as [string, AturanAngka][];
/** The values issue 9 sent; each one was a 500 before these rules. */
const FROM_THE_ISSUE = [1e-300, 1e200, 1.7976931348623157e308, 99999999999999999999];

/** What the document client does with a number on its way to DynamoDB and back. */
const roundTrip = (v: number) => unmarshall(marshall({ v })).v as unknown;

describe('numbers', () => {
  it('keeps every limit inside what JavaScript and DynamoDB hold exactly', () => {
    for (const [name, r] of RULES) {
      expect(r.max, name).toBeLessThanOrEqual(BATAS_AMAN);
      expect(r.min, name).toBeGreaterThanOrEqual(-BATAS_AMAN);
      // Every accepted value is a whole number of 10^-desimal steps, counted exactly.
      expect(r.max * 10 ** r.desimal, name).toBeLessThanOrEqual(BATAS_AMAN);
      expect(10 ** -r.desimal, name).toBeGreaterThan(DYNAMODB_TERKECIL);
    }
  });

  it('refuses the values from the issue for target and realisasi, naming the field', () => {
    for (const v of FROM_THE_ISSUE) {
      expect(periksaAngka(ANGKA.target, v)).toMatch(/^Target /);
      expect(periksaAngka(ANGKA.realisasi, v)).toMatch(/^Realisasi /);
    }
    expect(periksaAngka(ANGKA.target, 1e-300)).toBe('Target terlalu kecil: paling sedikit 0,0001');
    expect(periksaAngka(ANGKA.realisasi, 1e200)).toBe('Realisasi paling besar 1.000.000.000');
    expect(periksaAngka(ANGKA.version, 2 ** 53)).toBe('Versi paling besar 9.007.199.254.740.991');
  });

  it('never converts text or booleans: "0x10", true and "12" are not numbers', () => {
    for (const v of ['0x10', true, '12', null, [], {}, NaN])
      expect(periksaAngka(ANGKA.target, v)).toBe('Target harus berupa angka');
  });

  it('says what is wrong in Indonesian', () => {
    expect(periksaAngka(ANGKA.target, 0)).toBe('Target harus lebih dari 0');
    expect(periksaAngka(ANGKA.realisasi, -1)).toBe('Realisasi minimal 0');
    expect(periksaAngka(ANGKA.target, 2.00001)).toBe('Target paling banyak 4 angka di belakang koma');
    expect(periksaAngka(ANGKA.version, 1.5)).toBe('Versi harus bilangan bulat');
    expect(periksaAngka(ANGKA.tahun, 1999)).toBe('Tahun minimal 2.000');
    for (const v of [0.0001, 2.5, 3.275, 1e9]) expect(periksaAngka(ANGKA.target, v)).toBeUndefined();
  });

  it('stores any accepted number unchanged, within its limits and precision', () => {
    for (const [name, r] of RULES) {
      const schema = angka(r);
      fc.assert(
        fc.property(fc.oneof(fc.double(), fc.integer(), fc.constantFrom(...FROM_THE_ISSUE)), (input) => {
          const parsed = schema.safeParse(input);
          expect(parsed.success, name).toBe(periksaAngka(r, input) === undefined);
          if (!parsed.success) return;
          const v = parsed.data;
          expect(roundTrip(v), name).toBe(v);
          expect(v).toBeGreaterThanOrEqual(r.min);
          expect(v).toBeLessThanOrEqual(r.max);
          const stored = marshall({ v }).v!.N!;
          expect(stored, name).not.toMatch(/e/);
          expect(stored.split('.')[1]?.length ?? 0, name).toBeLessThanOrEqual(r.desimal);
        }),
        { numRuns: 2000 },
      );
    }
  });

  it('accepts every decimal of the stated precision inside the limits', () => {
    const r = ANGKA.realisasi;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: r.max * 10 ** r.desimal }), (k) => {
        const v = k / 10 ** r.desimal;
        expect(periksaAngka(r, v)).toBeUndefined();
        expect(roundTrip(v)).toBe(v);
      }),
    );
  });

  it('reads form text as people write it, and nothing else', () => {
    expect(bacaAngka(' 12,5 ')).toBe(12.5);
    expect(bacaAngka('12.5')).toBe(12.5);
    expect(bacaAngka('-3')).toBe(-3);
    for (const t of ['', '0x10', '1e3', 'Infinity', '1.000,5', '12,', ',5', '+1', 'dua belas'])
      expect(bacaAngka(t), t).toBeUndefined();
    // Very long digits read as a number the rule then refuses as too large, not as "no number".
    expect(periksaAngka(ANGKA.realisasi, bacaAngka('99999999999999999999'))).toBe(
      'Realisasi paling besar 1.000.000.000',
    );
  });
});

const NAMA: AturanTeks = { label: 'Narasi', max: 50, wajib: true, multiBaris: true };
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('text', () => {
  it.each([
    ['NUL', 'a\u0000b', /karakter kendali/],
    ['a lone surrogate', 'a\uD800b', /karakter yang rusak/],
    ['U+202E', 'gpj.\u202Eexe', /pembalik arah/],
    ['an isolate', '\u2067x', /pembalik arah/],
    ['only zero width spaces', '\u200B\u200B\u200B', /wajib diisi/],
    ['only invisible characters', '\u200C\u200D\u2060\uFEFF', /wajib diisi/],
    ['too long', 'x'.repeat(51), /paling banyak 50 karakter/],
  ])('refuses %s', (_, value, message) => {
    const r = bacaTeks(NAMA, value);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
    expect(!r.ok && r.message).toMatch(/^Narasi /);
  });

  it('refuses invisible-only text in an optional field too, and lets spaces mean "not given"', () => {
    const opsional = { label: 'Catatan', max: 10 };
    expect(bacaTeks(opsional, '\u200B')).toEqual({
      ok: false,
      message: 'Catatan hanya berisi karakter yang tidak terlihat',
    });
    expect(bacaTeks(opsional, '   ')).toEqual({ ok: true, value: '' });
  });

  it('keeps newlines and tabs to multi-line fields', () => {
    expect(bacaTeks(NAMA, 'baris 1\r\nbaris\t2')).toEqual({ ok: true, value: 'baris 1\r\nbaris\t2' });
    expect(bacaTeks({ label: 'Satuan', max: 50 }, 'a\nb')).toMatchObject({ ok: false });
  });

  it('normalises to NFC and trims spaces and invisible characters around the text', () => {
    expect(bacaTeks(NAMA, '\u200B Cafe\u0301 \uFEFF')).toEqual({ ok: true, value: 'Caf\u00e9' });
  });

  it('accepts only NFC text without forbidden characters, never blank, within its length', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom('a', ' ', '\u200B', '\u0301', '\u202E', '\uD800', '\n', 'é') }),
    );
    fc.assert(
      fc.property(text, (v) => {
        const r = bacaTeks(NAMA, v);
        if (!r.ok) return;
        expect(r.value).toBe(r.value.normalize('NFC'));
        expect(r.value).not.toMatch(FORBIDDEN);
        expect(r.value.replace(/[\s\u200B-\u200D\u2060]/g, '')).not.toBe('');
        expect(r.value.length).toBeLessThanOrEqual(NAMA.max);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('e-mail addresses', () => {
  it.each([
    '"><script>alert(1)</script>@x.id',
    'a b@serangkota.go.id',
    '"quoted"@serangkota.go.id',
    "o'brien@serangkota.go.id",
    'dua@@serangkota.go.id',
    'a@b@serangkota.go.id',
    'tanpa-domain@localhost',
    'titik.@serangkota.go.id',
    'a@-serang.go.id',
    'a@serangkota.go.1',
    'a\u0000@serangkota.go.id',
    'pegawai@serang\nkota.go.id',
    `${'a'.repeat(65)}@serangkota.go.id`,
    'bukan-email',
  ])('refuses %j', (email) => {
    expect(bacaEmail(email).ok).toBe(false);
  });

  it('accepts ordinary addresses, in lower case', () => {
    expect(bacaEmail(' Rahma.Wati+kinerja@SerangKota.go.id ')).toEqual({
      ok: true,
      value: 'rahma.wati+kinerja@serangkota.go.id',
    });
    expect(bacaEmail('a_b-c@dinkes.serangkota.go.id').ok).toBe(true);
  });

  it('never accepts quotes, angle brackets, spaces or control characters, and needs one @ and a dot', () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), fc.string({ unit: 'binary' })), (v) => {
        const r = bacaEmail(v);
        if (!r.ok) return;
        expect(r.value).not.toMatch(/["'`<>\s\u0000-\u001F\u007F]/);
        expect(r.value.split('@')).toHaveLength(2);
        expect(r.value.split('@')[1]).toContain('.');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the zod adapters', () => {
  const row = {
    version: 3,
    jenis: 'UTAMA',
    rhk: 'RHK',
    aspek: 'KUANTITAS',
    indikator: 'Jumlah',
    target: 2,
    satuan: 'dokumen',
  };
  const issuesOf = (r: {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  }) => (r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

  it.each([
    ['0x10', 'Target harus berupa angka'],
    [true, 'Target harus berupa angka'],
    ['12', 'Target harus berupa angka'],
    [1e-300, 'Target terlalu kecil: paling sedikit 0,0001'],
  ])('refuses target %j at its path', (target, message) => {
    expect(issuesOf(TargetRowInput.safeParse({ ...row, target }))).toEqual([['target', message]]);
  });

  it('refuses a version given as text in JSON, and reads it from a query string', () => {
    expect(issuesOf(TargetRowInput.safeParse({ ...row, version: '3' }))).toEqual([
      ['version', 'Versi harus berupa angka'],
    ]);
    expect(VersionQuery.safeParse({ version: '3' }).data).toEqual({ version: 3 });
    expect(issuesOf(VersionQuery.safeParse({ version: '0x10' }))).toEqual([
      ['version', 'Versi harus berupa angka'],
    ]);
    expect(issuesOf(VersionQuery.safeParse({ version: '99999999999999999999' }))[0]?.[1]).toMatch(
      /Versi paling besar/,
    );
  });

  it('stores text as NFC and refuses forbidden characters at their path', () => {
    const ok = TargetRowInput.safeParse({ ...row, rhk: ' Cafe\u0301\u200B ' });
    expect(ok.data?.rhk).toBe('Caf\u00e9');
    const body = PenilaianMandiriBody.safeParse({
      version: 1,
      baris: { r1: { realisasi: 1e200, narasi: 'a\u202Eb', bukti: ['\u200B'] } },
    });
    expect(issuesOf(body)).toEqual([
      ['baris.r1.realisasi', 'Realisasi paling besar 1.000.000.000'],
      ['baris.r1.narasi', 'Narasi capaian berisi karakter pembalik arah teks yang tidak diizinkan'],
      ['baris.r1.bukti.0', 'Bukti dukung hanya berisi karakter yang tidak terlihat'],
    ]);
  });
});
