import { describe, expect, it } from 'vitest';
import { ALL_GATES, CYCLE_GATES, gateName, gateOf } from '../../shared/data/gates.js';

/**
 * The gate of a NIP (shared/data/gates.ts): stable, so one person's writes always meet the same
 * gate, and spread, so a city's writes do not crowd onto a few of the 32.
 */

/** A small seeded PRNG (mulberry32): the same 6,000 NIPs on every run. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * NIPs shaped as the BKN issues them: birth date (8), appointment year and month (6), sex (1),
 * sequence (3). Long shared runs of digits are what a weak hash spreads badly.
 */
function seededNips(count: number, random = prng(2027)): string[] {
  const nips = new Set<string>();
  while (nips.size < count) {
    const year = 1965 + Math.floor(random() * 35);
    const birth = `${year}${pad(1 + Math.floor(random() * 12), 2)}${pad(1 + Math.floor(random() * 28), 2)}`;
    const tmt = `${year + 20 + Math.floor(random() * 15)}${pad(1 + Math.floor(random() * 12), 2)}`;
    nips.add(`${birth}${tmt}${1 + Math.floor(random() * 2)}${pad(1 + Math.floor(random() * 20), 3)}`);
  }
  return [...nips];
}

function spread(nips: string[]) {
  const counts = new Array<number>(CYCLE_GATES).fill(0);
  for (const nip of nips) counts[gateOf(nip)]!++;
  return { counts, mean: nips.length / CYCLE_GATES, max: Math.max(...counts), min: Math.min(...counts) };
}

describe('the gate of a NIP', () => {
  it('is one of the 32 gates, named GATE#00 to GATE#31', () => {
    expect(CYCLE_GATES).toBe(32);
    expect(ALL_GATES).toEqual([...Array(32).keys()]);
    expect([gateName(0), gateName(7), gateName(31)]).toEqual(['GATE#00', 'GATE#07', 'GATE#31']);
    for (const nip of seededNips(500)) expect(ALL_GATES).toContain(gateOf(nip));
  });

  it('is stable: the same NIP always meets the same gate, in any process and release', () => {
    const nips = seededNips(200);
    expect(nips.map(gateOf)).toEqual(nips.map(gateOf));
    // Pinned: a changed hash would move people between gates (harmless, all gates flip together,
    // but a change of the stored layout should be a decision, not an accident).
    expect(['198501012010011001', '199203152018032002', '197011302000121005'].map(gateOf)).toEqual([
      24, 28, 11,
    ]);
  });

  it('spreads 6,000 seeded-looking NIPs over the 32 gates, none above twice the mean', () => {
    const { counts, mean, max, min } = spread(seededNips(6_000));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(6_000);
    expect(max).toBeLessThanOrEqual(2 * mean);
    // Not only capped from above: no gate is left nearly idle either.
    expect(min).toBeGreaterThanOrEqual(mean / 2);
  });

  it('spreads an agency intake too: one birth-date cohort appointed the same month, by sequence', () => {
    // The hardest case for a weak hash: 1,000 NIPs that differ only in their last digits.
    const cohort = Array.from({ length: 1_000 }, (_, i) => `19900101202401${1 + (i % 2)}${pad(i, 3)}`);
    const { mean, max, min } = spread(cohort);
    expect(max).toBeLessThanOrEqual(2 * mean);
    expect(min).toBeGreaterThanOrEqual(mean / 2);
  });
});
