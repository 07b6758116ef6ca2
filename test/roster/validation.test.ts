import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  planRoster,
  readRosterSheet,
  supervisorsFirst,
  type RosterError,
  type RosterPlan,
} from '../../shared/domain/people/roster/index.js';
import { parseCsv } from '../../shared/roster/csv.js';
import { context, csvOf, nipOf, pnsNip, recordsOf, seededPeople, seededRows, type Row } from './fixtures.js';

const plan = (rows: Row[], over: Parameters<typeof context>[0] = {}) =>
  planRoster(recordsOf(rows), context(over));
/** Row n of the rows array is file row n + 2 (row 1 is the header). */
const fileRow = (i: number) => i + 2;
const errorsAt = (p: RosterPlan, row: number, column?: string): RosterError[] =>
  p.errors.filter((e) => e.row === row && (column === undefined || e.column === column));
const expectError = (p: RosterPlan, row: number, column: string, message: RegExp) =>
  expect(errorsAt(p, row, column).map((e) => e.message)).toEqual(
    expect.arrayContaining([expect.stringMatching(message)]),
  );

/** A row of the seeded roster by key, with some cells changed; returns rows and that row's index. */
function withChange(key: string, change: Partial<Row>): { rows: Row[]; i: number } {
  const rows = seededRows();
  const i = rows.findIndex((r) => r.nip === nipOf(key));
  rows[i] = { ...rows[i]!, ...change };
  return { rows, i };
}

describe('roster: a clean file', () => {
  it('plans one creation per person, with the fields the NIP carries', () => {
    const p = plan(seededRows());
    expect(p.errors).toEqual([]);
    expect(p.creates).toHaveLength(30);
    const perencana = p.creates.find((c) => c.nip === nipOf('perencana1'))!;
    expect(perencana.after).toMatchObject({
      status: 'PNS',
      golongan: 'III/b',
      jenisJabatan: 'FUNGSIONAL',
      levelJabatan: 'AHLI_PERTAMA',
      tanggalLahir: '1991-03-03',
      tmtCpns: '2017-04',
      jenisKelamin: 'P',
      aktif: true,
    });
    // PPPK: the NI PPPK layout is unconfirmed, so nothing is derived from it.
    const pppk = p.creates.find((c) => c.nip === nipOf('pppkaptika'))!;
    expect(pppk.after.tanggalLahir).toBeUndefined();
    expect(pppk.after.golongan).toBeUndefined();
  });

  it('accepts the spellings people use: spaced NIPs, IIIb, lower case codes, "Ahli Pertama"', () => {
    const { rows, i } = withChange('perencana1', {
      nip: '19910303 201704 2 001',
      golongan: 'IIIb',
      opd: 'bappeda',
      unit_kerja: 'infra',
      level: 'Ahli Pertama',
      status: 'pns',
      email: 'Rahma@SerangKota.go.id',
      aktif: 'Y',
    });
    const p = plan(rows);
    expect(p.errors).toEqual([]);
    expect(p.creates.find((c) => c.row === fileRow(i))!.after).toMatchObject({
      nip: '199103032017042001',
      golongan: 'III/b',
      opd: 'BAPPEDA',
      unit: 'INFRA',
      email: 'rahma@serangkota.go.id',
    });
  });
});

describe('roster: every rule names its row and column', () => {
  it.each([
    ['not 18 digits', { nip: '12345' }, /18 digit/],
    ['letters', { nip: '19910303201704200A' }, /18 digit/],
    ['impossible birth date', { nip: '199102302017042001' }, /Tanggal lahir/],
    ['TMT CPNS before the 18th birthday', { nip: '199103032005042001' }, /usia 18/],
    ['gender digit 3', { nip: '199103032017043001' }, /jenis kelamin/],
    ['TMT CPNS in the future', { nip: '199103032027042001' }, /belum terjadi/],
    ['scientific notation from Excel', { nip: '1.99103E+17' }, /notasi ilmiah/],
    ['empty', { nip: '' }, /wajib/],
  ])('NIP: %s', (_name, change, message) => {
    const { rows, i } = withChange('perencana1', change);
    expectError(plan(rows), fileRow(i), 'nip', message);
  });

  it('reports the spreadsheet cell', () => {
    const { rows, i } = withChange('perencana1', { email: 'bukan-email' });
    expect(errorsAt(plan(rows), fileRow(i))).toEqual([
      { row: fileRow(i), column: 'email', cell: `K${fileRow(i)}`, message: expect.stringMatching(/Email/) },
    ]);
  });

  it.each([
    ['nama', { nama: '' }, /Nama wajib/],
    ['nama', { nama: 'x'.repeat(201) }, /terlalu panjang/],
    ['jabatan', { jabatan: '' }, /Jabatan wajib/],
    ['status', { status: '' }, /Status wajib/],
    ['status', { status: 'HONORER' }, /tidak dikenal/],
    ['golongan', { golongan: '' }, /wajib diisi untuk PNS/],
    ['golongan', { golongan: 'V/a' }, /tidak dikenal/],
    ['jenis_jabatan', { jenis_jabatan: '' }, /wajib/],
    ['jenis_jabatan', { jenis_jabatan: 'STRUKTURAL' }, /tidak dikenal/],
    ['level', { level: '' }, /wajib diisi untuk jabatan FUNGSIONAL/],
    ['level', { level: 'pratama' }, /tidak berlaku untuk jabatan FUNGSIONAL/],
    ['opd', { opd: '' }, /wajib/],
    ['opd', { opd: 'DISPERKIM' }, /tidak terdaftar/],
    ['unit_kerja', { unit_kerja: '' }, /wajib/],
    ['unit_kerja', { unit_kerja: 'LALIN' }, /tidak terdaftar pada OPD BAPPEDA/],
    ['atasan_nip', { atasan_nip: '1984' }, /18 digit/],
    ['email', { email: 'rahma@' }, /tidak valid/],
    ['aktif', { aktif: 'mungkin' }, /ya atau tidak/],
  ])('%s: %o', (column, change, message) => {
    const { rows, i } = withChange('perencana1', change);
    const p = plan(rows);
    expectError(p, fileRow(i), column, message);
    expect(p.skippedRows).toContain(fileRow(i));
    expect(p.creates.some((c) => c.row === fileRow(i))).toBe(false);
  });

  it('golongan is for PNS only; level is for FUNGSIONAL and JPT only', () => {
    const a = withChange('lalin2', { golongan: 'II/a' });
    expectError(plan(a.rows), fileRow(a.i), 'golongan', /hanya diisi untuk PNS/);
    const b = withChange('lalin1', { level: 'ahli muda' });
    expectError(plan(b.rows), fileRow(b.i), 'level', /kosongkan untuk PELAKSANA/);
    const c = withChange('kadinkes', { level: 'ahli utama' });
    expectError(plan(c.rows), fileRow(c.i), 'level', /tidak berlaku untuk jabatan JPT/);
  });

  it('duplicate NIPs: every occurrence, each naming the other rows', () => {
    const rows = seededRows();
    rows.push({ ...rows[5]! });
    const p = plan(rows);
    expectError(p, fileRow(5), 'nip', new RegExp(`juga ada di baris ${fileRow(rows.length - 1)}`));
    expectError(p, fileRow(rows.length - 1), 'nip', new RegExp(`juga ada di baris ${fileRow(5)}`));
  });

  it('self-supervision', () => {
    const { rows, i } = withChange('perencana1', { atasan_nip: nipOf('perencana1') });
    expectError(plan(rows), fileRow(i), 'atasan_nip', /dirinya sendiri/);
  });

  it('an unknown supervisor, and one that exists but is missing from a whole-city file', () => {
    const a = withChange('perencana1', { atasan_nip: pnsNip(7) });
    expectError(plan(a.rows), fileRow(a.i), 'atasan_nip', /tidak ada di berkas ini$/);
    const rows = seededRows().filter((r) => r.nip !== nipOf('kabidinfra'));
    const i = rows.findIndex((r) => r.nip === nipOf('perencana1'));
    const p = plan(rows, { existing: seededPeople() });
    expectError(p, fileRow(i), 'atasan_nip', /akan dinonaktifkan/);
  });

  it('an active person under an inactive supervisor', () => {
    const { rows } = withChange('kabidinfra', { aktif: 'tidak' });
    const i = rows.findIndex((r) => r.nip === nipOf('perencana1'));
    expectError(plan(rows), fileRow(i), 'atasan_nip', /tidak aktif/);
  });

  it('a supervisor cycle A -> B -> C -> A reports every person in it, and their subordinates', () => {
    const rows = seededRows();
    const idx = (key: string) => rows.findIndex((r) => r.nip === nipOf(key));
    // kadinkes -> kabidp2p -> kapkm -> kadinkes; bidan1 reports to kapkm.
    rows[idx('kadinkes')]!.atasan_nip = nipOf('kapkm');
    const p = plan(rows);
    for (const key of ['kadinkes', 'kabidp2p', 'kapkm'])
      expectError(p, fileRow(idx(key)), 'atasan_nip', /Rantai atasan melingkar/);
    expectError(p, fileRow(idx('bidan1')), 'atasan_nip', /ikut dilewati/);
    expect(errorsAt(p, fileRow(idx('sekda')))).toEqual([]);
  });

  it('rows under a skipped row are skipped too, transitively', () => {
    const rows = seededRows();
    const idx = (key: string) => rows.findIndex((r) => r.nip === nipOf(key));
    rows[idx('kabidp2p')]!.golongan = 'X/z';
    const p = plan(rows);
    for (const key of ['kapkm', 'bidan1', 'perawat1', 'vaksinator']) {
      expectError(p, fileRow(idx(key)), 'atasan_nip', /ikut dilewati/);
      expect(p.skippedRows).toContain(fileRow(idx(key)));
    }
    expect(p.creates).toHaveLength(30 - 5);
  });

  it('an 18-digit number that Excel rounded is flagged, not trusted', () => {
    const sheet = readRosterSheet([
      { row: 1, cells: csvOf([]).trim().split(',') },
      { row: 2, cells: Object.values(seededRows()[0]!), notes: [{ index: 0, message: 'Angka panjang' }] },
    ]);
    if (!sheet.ok) throw new Error(sheet.message);
    const p = planRoster(sheet.records, context());
    expect(errorsAt(p, 2, 'nip')).toEqual([{ row: 2, column: 'nip', cell: 'A2', message: 'Angka panjang' }]);
  });
});

describe('roster: the header', () => {
  const header = (h: string[]) => readRosterSheet(parseCsv(csvOf(seededRows().slice(0, 1), { header: h })));
  const base = csvOf([]).trim().split(',');

  it('accepts aliases, capitals and a required-marker star', () => {
    const h = base.map((c) =>
      c === 'atasan_nip' ? 'NIP Atasan' : c === 'unit_kerja' ? 'Unit Kerja*' : c.toUpperCase(),
    );
    const sheet = header(h);
    expect(sheet.ok).toBe(true);
  });

  it('names missing, unknown and repeated columns', () => {
    const missing = header(base.filter((c) => c !== 'email'));
    expect(missing).toMatchObject({ ok: false, message: expect.stringMatching(/belum ada: email/) });
    const typo = header(base.map((c) => (c === 'golongan' ? 'golonga' : c)));
    expect(typo).toMatchObject({ ok: false, message: expect.stringMatching(/tidak dikenal: golonga/) });
    const twice = header([...base, 'nip']);
    expect(twice.ok || twice.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ column: 'nip', cell: 'M1' })]),
    );
  });

  it('a file that starts with data has no header', () => {
    const sheet = readRosterSheet(parseCsv(csvOf(seededRows()).split('\r\n').slice(1).join('\r\n')));
    expect(sheet).toMatchObject({ ok: false, message: expect.stringMatching(/berisi data, bukan judul/) });
  });
});

describe('roster: the plan against the data', () => {
  it('the same roster again changes nothing', () => {
    const existing = planRoster(recordsOf(seededRows()), context()).creates.map((c) => c.after);
    const p = plan(seededRows(), { existing: existing.map((e) => ({ ...e, admin: true })) });
    expect([p.creates, p.updates, p.deactivations, p.errors]).toEqual([[], [], [], []]);
    expect(p.unchanged).toBe(30);
  });

  it('updates with the changed fields, deactivates the missing and those marked tidak aktif', () => {
    const existing = planRoster(recordsOf(seededRows()), context()).creates.map((c) => c.after);
    const rows = seededRows().filter((r) => r.nip !== nipOf('analissd'));
    const i = rows.findIndex((r) => r.nip === nipOf('lalin1'));
    rows[i] = { ...rows[i]!, jabatan: 'Analis Transportasi', golongan: 'III/b' };
    const j = rows.findIndex((r) => r.nip === nipOf('pkb1'));
    rows[j]!.aktif = 'tidak';
    const p = plan(rows, { existing });
    expect(p.updates).toEqual([
      expect.objectContaining({
        kind: 'UBAH',
        nip: nipOf('lalin1'),
        row: fileRow(i),
        changes: [
          { field: 'golongan', from: 'III/a', to: 'III/b' },
          { field: 'jabatan', from: 'Analis Lalu Lintas', to: 'Analis Transportasi' },
        ],
      }),
    ]);
    expect(p.deactivations.map((d) => [d.nip, d.row])).toEqual([
      [nipOf('pkb1'), fileRow(j)],
      [nipOf('analissd'), undefined],
    ]);
    expect(p.deactivations[1]!.changes).toEqual([{ field: 'aktif', from: true, to: false }]);
    expect(p.massDeactivation).toBe(false);
  });

  it('a person named on an invalid row is not deactivated', () => {
    const existing = seededPeople();
    const { rows } = withChange('perencana1', { golongan: '' });
    const p = plan(rows, { existing });
    expect(p.deactivations.map((d) => d.nip)).not.toContain(nipOf('perencana1'));
  });

  it('flags mass deactivation', () => {
    const existing = seededPeople();
    const p = plan(seededRows().slice(0, 12), { existing });
    // 18 are missing; the two BKPSDM admins among them are refused (the last admins stay).
    expect(p.deactivations).toHaveLength(16);
    expect(p.errors.map((e) => e.row)).toEqual([0, 0]);
    expect(p.massDeactivation).toBe(true);
    expect(p.warnings[0]).toMatch(/16 dari 30 pegawai aktif/);
  });

  it('partial import: rows of its OPDs only, supervisors from the data, deactivation within scope', () => {
    const existing = seededPeople();
    const rows = seededRows().filter((r) => r.opd === 'DINKES' && r.nip !== nipOf('vaksinator'));
    rows.push({ ...seededRows().find((r) => r.nip === nipOf('lalin1'))! });
    const p = plan(rows, { existing, opdScope: ['DINKES'] });
    // kadinkes' supervisor (the Sekda) is not in the file but is in the data: fine.
    expect(p.errors).toEqual([
      expect.objectContaining({
        row: fileRow(rows.length - 1),
        column: 'opd',
        message: expect.stringMatching(/di luar cakupan/),
      }),
    ]);
    expect(p.deactivations.map((d) => d.nip)).toEqual([nipOf('vaksinator')]);
    const unknown = withChange('kadinkes', { atasan_nip: pnsNip(3) });
    const q = plan(
      unknown.rows.filter((r) => r.opd === 'DINKES'),
      { existing, opdScope: ['DINKES'] },
    );
    expect(q.errors[0]).toMatchObject({
      column: 'atasan_nip',
      message: expect.stringMatching(/maupun di data pegawai/),
    });
  });

  it('partial import warns about people of other OPDs whose supervisor it deactivates', () => {
    const existing = seededPeople();
    const rows = seededRows().filter((r) => r.opd === 'SETDA');
    const p = plan([], { existing, opdScope: ['SETDA'] });
    expect(p.deactivations).toHaveLength(1);
    expect(p.warnings.join()).toMatch(/di luar cakupan memiliki atasan yang akan dinonaktifkan/);
    expect(plan(rows, { existing, opdScope: ['SETDA'] }).warnings).toEqual([]);
  });

  it('orders writes supervisors first', () => {
    const creates = plan(seededRows()).creates.reverse();
    const order = supervisorsFirst(creates).map((c) => c.nip);
    for (const c of creates)
      if (c.after.atasanNip) expect(order.indexOf(c.after.atasanNip)).toBeLessThan(order.indexOf(c.nip));
  });
});

describe('roster: supervisor graphs (property)', () => {
  it('a row is applied exactly when its supervisor chain ends at a top without a cycle', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 11 }), { minLength: 1, maxLength: 12 }), (bosses) => {
        const nips = bosses.map((_, i) => pnsNip(i));
        const rows = bosses.map((b, i) => ({
          ...seededRows().find((r) => r.nip === nipOf('lalin1'))!,
          nip: nips[i]!,
          atasan_nip: b >= 0 && b < bosses.length ? nips[b]! : '',
        }));
        const p = plan(rows);
        const applied = new Set(p.creates.map((c) => c.nip));
        bosses.forEach((_, i) => {
          const seen = new Set<number>();
          let at = i;
          while (bosses[at]! >= 0 && bosses[at]! < bosses.length && !seen.has(at)) {
            seen.add(at);
            at = bosses[at]!;
          }
          const reachesTop = !(bosses[at]! >= 0 && bosses[at]! < bosses.length);
          expect(applied.has(nips[i]!)).toBe(reachesTop);
          if (!reachesTop) expect(errorsAt(p, fileRow(i), 'atasan_nip')).not.toEqual([]);
        });
      }),
      { numRuns: 200 },
    );
  });
});
