import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAGES, STATUS, type Stage, type Status } from '../../shared/domain/evaluation/evaluation.js';
import {
  HARI_PENGINGAT,
  bacaHariPengingat,
  pengingatJatuhTempo,
} from '../../shared/domain/evaluation/pengingat.js';
import {
  menungguTindakan,
  nipPelaksana,
  pelaksana,
  urutkanTugas,
  type Tugas,
} from '../../shared/domain/evaluation/tugas.js';

const DAY = 86_400_000;
const DEADLINE = '2027-01-31T16:59:59.000Z';
const before = (ms: number) => new Date(new Date(DEADLINE).getTime() - ms);

describe('who acts in each stage (pelaksana)', () => {
  const expected: Record<Stage, Partial<Record<Status, string>>> = {
    PENETAPAN_TARGET: { DRAFT: 'PEGAWAI', DIKEMBALIKAN: 'PEGAWAI', DIAJUKAN: 'ATASAN' },
    MENUNGGU_PENILAIAN: {},
    PENILAIAN_MANDIRI: { DRAFT: 'PEGAWAI', DIAJUKAN: 'PEGAWAI', DIKEMBALIKAN: 'PEGAWAI' },
    PENILAIAN_ATASAN: { DRAFT: 'ATASAN', DIAJUKAN: 'ATASAN', DIKEMBALIKAN: 'ATASAN' },
    UMPAN_BALIK: { DRAFT: 'ATASAN', DIAJUKAN: 'ATASAN', DIKEMBALIKAN: 'ATASAN' },
    TANGGAPAN: { DRAFT: 'PEGAWAI', DIAJUKAN: 'PEGAWAI', DIKEMBALIKAN: 'PEGAWAI' },
    KEBERATAN: { DRAFT: 'ATASAN_ATASAN', DIAJUKAN: 'ATASAN_ATASAN', DIKEMBALIKAN: 'ATASAN_ATASAN' },
    RENCANA_PENGEMBANGAN: { DRAFT: 'ATASAN', DIAJUKAN: 'ATASAN', DIKEMBALIKAN: 'ATASAN' },
    SELESAI: {},
  };
  const cases = STAGES.flatMap((stage) => STATUS.map((status) => [stage, status] as const));
  it.each(cases)('%s / %s', (stage, status) => {
    expect(pelaksana(stage, status)).toBe(expected[stage][status]);
  });

  it('nobody acts once a stage is done, whatever the stage', () => {
    for (const stage of STAGES) expect(pelaksana(stage, 'SELESAI')).toBeUndefined();
  });

  const e = {
    nip: 'P',
    atasanNip: 'A',
    atasanAtasanNip: 'AA',
    plt: { nip: 'PLT', nama: 'Plt', mulai: '2027-01-10', selesai: '2027-01-20', jenis: 'PLT' as const },
  };
  const during = new Date('2027-01-15T03:00:00Z');
  const after = new Date('2027-01-21T03:00:00Z');

  it('names the person: the employee, the atasan or the Plt in force, the atasan’s atasan', () => {
    expect(nipPelaksana({ ...e, stage: 'TANGGAPAN', status: 'DRAFT' }, during)).toBe('P');
    expect(nipPelaksana({ ...e, stage: 'UMPAN_BALIK', status: 'DRAFT' }, during)).toBe('PLT');
    expect(nipPelaksana({ ...e, stage: 'UMPAN_BALIK', status: 'DRAFT' }, after)).toBe('A');
    expect(nipPelaksana({ ...e, stage: 'PENETAPAN_TARGET', status: 'DIAJUKAN' }, during)).toBe('PLT');
    // An objection goes one level up, never to the Plt who stands in for the contested atasan.
    expect(nipPelaksana({ ...e, stage: 'KEBERATAN', status: 'DRAFT' }, during)).toBe('AA');
    expect(nipPelaksana({ ...e, stage: 'MENUNGGU_PENILAIAN', status: 'DRAFT' }, during)).toBeUndefined();
    // A Plt/Plh never acts as atasan on their own evaluation: the definitive atasan keeps it.
    const own = { ...e, nip: 'PLT', stage: 'UMPAN_BALIK' as const, status: 'DRAFT' as const };
    expect(nipPelaksana(own, during)).toBe('A');
  });

  it('waits on a person only while the workflow holds the stage’s task token', () => {
    expect(menungguTindakan({ stage: 'TANGGAPAN', status: 'DRAFT', taskToken: 't' })).toBe(true);
    expect(menungguTindakan({ stage: 'TANGGAPAN', status: 'DRAFT' })).toBe(false);
    expect(menungguTindakan({ stage: 'TANGGAPAN', status: 'SELESAI', taskToken: 't' })).toBe(false);
    expect(menungguTindakan({ stage: 'MENUNGGU_PENILAIAN', status: 'DRAFT', taskToken: 't' })).toBe(false);
  });
});

describe('reminder before a deadline', () => {
  it('is not due earlier than the largest N days before', () => {
    expect(pengingatJatuhTempo('UMPAN_BALIK', DEADLINE, before(7 * DAY + 1000))).toBeUndefined();
  });

  it('is the 7-day reminder from 7 days before, with the same key all that day', () => {
    const first = pengingatJatuhTempo('UMPAN_BALIK', DEADLINE, before(7 * DAY));
    const later = pengingatJatuhTempo('UMPAN_BALIK', DEADLINE, before(6 * DAY + 3_600_000));
    expect(first).toMatchObject({ hari: 7, sisaHari: 7, jatuhTempoPada: before(7 * DAY).toISOString() });
    expect(later).toMatchObject({ hari: 7, sisaHari: 7 });
    expect(later!.kunci).toBe(first!.kunci);
    expect(first!.kunci).toBe(`UMPAN_BALIK#${DEADLINE}#H-7`);
  });

  it('turns into the 1-day reminder (a new key) within the last day, until the deadline', () => {
    const r = pengingatJatuhTempo('UMPAN_BALIK', DEADLINE, before(2 * 3_600_000));
    expect(r).toMatchObject({ hari: 1, sisaHari: 1, kunci: `UMPAN_BALIK#${DEADLINE}#H-1` });
    expect(pengingatJatuhTempo('UMPAN_BALIK', DEADLINE, before(0))).toBeUndefined();
    expect(pengingatJatuhTempo('UMPAN_BALIK', DEADLINE, before(-DAY))).toBeUndefined();
  });

  it('gets a new key when the deadline moves (a grace period after an escalation)', () => {
    const moved = new Date(new Date(DEADLINE).getTime() + 7 * DAY).toISOString();
    const a = pengingatJatuhTempo('UMPAN_BALIK', DEADLINE, before(DAY / 2))!;
    const b = pengingatJatuhTempo('UMPAN_BALIK', moved, new Date(new Date(moved).getTime() - DAY / 2))!;
    expect(b.hari).toBe(a.hari);
    expect(b.kunci).not.toBe(a.kunci);
  });

  it('takes N from configuration, and refuses a bad configuration loudly', () => {
    expect(HARI_PENGINGAT).toEqual([7, 1]);
    expect(pengingatJatuhTempo('TANGGAPAN', DEADLINE, before(2.5 * DAY), [3])).toMatchObject({ hari: 3 });
    expect(pengingatJatuhTempo('TANGGAPAN', DEADLINE, before(2.5 * DAY))).toMatchObject({ hari: 7 });
    expect(bacaHariPengingat(undefined)).toEqual([7, 1]);
    expect(bacaHariPengingat(' 1, 14,3 ,14')).toEqual([14, 3, 1]);
    expect(() => bacaHariPengingat('7,satu')).toThrow(/PENGINGAT_HARI/);
    expect(() => bacaHariPengingat('0')).toThrow(/PENGINGAT_HARI/);
  });

  it('ignores an unreadable deadline instead of reminding at random', () => {
    expect(pengingatJatuhTempo('TANGGAPAN', 'besok', new Date())).toBeUndefined();
  });

  it('yields at most one key per (stage, deadline, N) wherever in the window the job runs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 * DAY }), fc.integer({ min: 1, max: 30 * DAY }), (x, y) => {
        const a = pengingatJatuhTempo('PENILAIAN_MANDIRI', DEADLINE, before(x));
        const b = pengingatJatuhTempo('PENILAIAN_MANDIRI', DEADLINE, before(y));
        // Due exactly within N days of the deadline, for the smallest N that is due.
        if (a) expect(x).toBeLessThanOrEqual(a.hari * DAY);
        else expect(x).toBeGreaterThan(7 * DAY);
        if (a && b) expect(a.kunci === b.kunci).toBe(a.hari === b.hari);
      }),
    );
  });
});

describe('order of "my tasks"', () => {
  const t = (nama: string, deadline?: string): Tugas => ({
    peran: 'ATASAN',
    tahap: 'UMPAN_BALIK',
    status: 'DRAFT',
    cycleId: '2027',
    nip: nama,
    nama,
    ...(deadline ? { deadline } : {}),
    terlambat: false,
  });
  it('puts the earliest deadline first, tasks without one last, then by name', () => {
    const sorted = urutkanTugas([
      t('Citra'),
      t('Budi', '2027-03-01T00:00:00Z'),
      t('Ani', '2027-03-01T00:00:00Z'),
      t('Dedi', '2027-02-01T00:00:00Z'),
    ]);
    expect(sorted.map((x) => x.nama)).toEqual(['Dedi', 'Ani', 'Budi', 'Citra']);
  });
});
