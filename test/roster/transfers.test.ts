import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../shared/app/people/roster-import.js';
import { getEvaluation, getWithHistory } from '../../shared/data/evaluations.js';
import { launchAndWait, registeredEvaluation, startTestSystem, type TestSystem } from '../support/system.js';
import { csvFile, nipOf, seededRows } from './fixtures.js';

let s: TestSystem;
beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DISKOMINFO'] } });
  await launchAndWait(s);
});
afterAll(() => s.stop());

describe("a roster that changes someone's atasan is a transfer", () => {
  it('moves the open evaluation to the new atasan, with the import in its audit trail', async () => {
    const nip = nipOf('pranatahumas');
    await registeredEvaluation(s, nip);
    const rows = seededRows().map((r) =>
      r.nip === nip ? { ...r, atasan_nip: nipOf('kabidaptika'), unit_kerja: 'APTIKA' } : r,
    );
    const result = await apply(s.deps, csvFile(rows), { actor: 'uji' });
    expect(result.movedEvaluations).toEqual({ moved: [nip], failed: [] });
    expect(await getEvaluation(s.deps, s.cycle.id, nip)).toMatchObject({
      atasanNip: nipOf('kabidaptika'),
      unit: 'APTIKA',
    });
    const last = (await getWithHistory(s.deps, s.cycle.id, nip))!.history.at(-1)!;
    expect(last).toMatchObject({ action: 'ATASAN_DIGANTI', detail: { ke: nipOf('kabidaptika') } });
    // Importing the same roster again moves nothing and writes nothing.
    const again = await apply(s.deps, csvFile(rows), { actor: 'uji' });
    expect(again.writes).toBe(0);
    expect(again.movedEvaluations?.moved ?? []).toEqual([]);
  });
});
