import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CYCLE, rencanaDemo } from '../../infra/local/seed-data.js';
import { checkRencana, jpTotals, tandaiSelesai } from '../../shared/domain/development/index.js';
import { akhirHariWib, tambahHari, tanggalWib } from '../../shared/domain/wib.js';

/**
 * The demo plans show a completed training that counts, whatever day `npm start` seeds them
 * (issue 9: a certificate dated after today does not count, so a fixed 2027 date showed 0 JP
 * done until 2027). Each is a plan the app itself could have stored by that day.
 */
const HARI_INI = '2026-12-03';
const hari = (n: number) => tanggalWib(tambahHari('2025-06-01T05:00:00Z', n));
const EDGES = [HARI_INI, '2026-12-31', '2027-01-01', '2027-01-05', '2027-12-31', '2028-01-01', '2031-02-28'];

function checkOn(day: string) {
  const plans = rencanaDemo(day);
  // One plan a year, each valid as the app checks a plan, every item of its plan's year.
  expect(new Set(plans.map((r) => r.tahun)).size).toBe(plans.length);
  for (const r of plans) {
    expect(checkRencana(r.items), `${day} ${r.tahun}`).toEqual([]);
    expect(r.items.every((i) => i.tahun === r.tahun)).toBe(true);
    expect(r.createdAt <= akhirHariWib(day) && r.updatedAt <= akhirHariWib(day)).toBe(true);
  }
  // The certified e-learning counts today: the app would record its certificate today.
  const done = plans.flatMap((r) => r.items.filter((i) => i.status === 'SELESAI').map((i) => ({ r, i })));
  expect(done).toHaveLength(1);
  const [{ r, i }] = done as [(typeof done)[number]];
  expect(i.sertifikat!.tanggal <= day, `${day}: ${i.sertifikat!.tanggal}`).toBe(true);
  expect(jpTotals(r.items, r.tahun, day).selesai).toBe(6);
  expect(() => tandaiSelesai({ ...i, status: 'DIRENCANAKAN' }, i.sertifikat, day)).not.toThrow();
  // The coaching stays planned in the cycle year's plan; from that year on, one plan holds both.
  const cyclePlan = plans.find((x) => x.tahun === CYCLE.tahun)!;
  expect(cyclePlan.items.find((x) => x.status === 'DIRENCANAKAN')?.pelatihanId).toBe(
    'coaching-komunikasi-imunisasi',
  );
  expect(plans).toHaveLength(Number(day.slice(0, 4)) >= CYCLE.tahun ? 1 : 2);
}

describe('the seeded demo development plans', () => {
  it.each(EDGES)('seeded on %s: a certificate that counts, nothing dated after the day', (day) =>
    checkOn(day),
  );

  it('any day from mid-2025 to 2031', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 * 366 }), (n) => checkOn(hari(n))),
      { numRuns: 300 },
    );
  });
});
