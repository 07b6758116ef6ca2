import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationDetail } from '../../shared/app/evaluation/queries.js';
import { getWithHistory } from '../../shared/data/evaluations.js';
import { awalHariWib, HARI_MS, tanggalWib } from '../../shared/domain/wib.js';
import { countDynamoCalls } from '../support/api.js';
import { launchAndWait, registeredEvaluation, startTestSystem, type TestSystem } from '../support/system.js';

/**
 * The trail lists in the order things happened, audited reads included (issue 9, item 8): a read
 * is keyed by its own time, and one read per reader per WIB day is still all that is recorded.
 */
let s: TestSystem;
const MENIT = 60_000;
const owner = () => s.principal('bidan1');
const history = async () => (await getWithHistory(s.deps, s.cycle.id, owner().nip))!.history;
const reads = async () => (await history()).filter((h) => h.action === 'EVALUASI_DIBACA');

beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DINKES'] } });
  // 10:00 WIB of the coming day, so that minutes and hours later are still the same WIB day.
  const now = s.clock.now();
  const tenOClock = new Date(awalHariWib(tanggalWib(now))).getTime() + 10 * 3_600_000 + HARI_MS;
  s.clock.advance(tenOClock - now.getTime());
  await launchAndWait(s);
  await registeredEvaluation(s, owner().nip);
});
afterAll(() => s?.stop());

describe('audit trail order', () => {
  it('lists a read a minute after the creation after it, the entries in time order', async () => {
    s.clock.advance(MENIT);
    const calls = countDynamoCalls(s);
    await evaluationDetail(s.deps, s.principal('analissdm'), s.cycle.id, owner().nip);
    // The audit entry with its marker costs one write request, as the single Put it replaced.
    expect(calls.filter((c) => !/^(Query|Get|BatchGet)/.test(c))).toEqual(['TransactWriteItemsCommand']);

    const h = await history();
    expect(h[0]!.action).toBe('EVALUASI_DIBUAT');
    expect(h.at(-1)!.action).toBe('EVALUASI_DIBACA');
    const times = h.map((x) => x.at);
    expect(times).toEqual([...times].sort());
  });

  it('records one read per reader per WIB day, and the next day another', async () => {
    s.clock.advance(60 * MENIT);
    await evaluationDetail(s.deps, s.principal('analissdm'), s.cycle.id, owner().nip);
    await evaluationDetail(s.deps, s.principal('analissdm'), s.cycle.id, owner().nip);
    expect(await reads()).toHaveLength(1);

    // Another reader the same day has a read of their own.
    await evaluationDetail(s.deps, s.principal('kabidpkap'), s.cycle.id, owner().nip);
    expect((await reads()).map((r) => ('nip' in r.actor ? r.actor.nip : ''))).toEqual([
      s.principal('analissdm').nip,
      s.principal('kabidpkap').nip,
    ]);

    s.clock.advance(HARI_MS);
    await evaluationDetail(s.deps, s.principal('analissdm'), s.cycle.id, owner().nip);
    expect(await reads()).toHaveLength(3);
    const times = (await history()).map((x) => x.at);
    expect(times).toEqual([...times].sort());
  });

  it('two readers opening it at once both see it, and the day still has one entry each', async () => {
    s.clock.advance(HARI_MS);
    const before = (await reads()).length;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        evaluationDetail(s.deps, s.principal('analissdm'), s.cycle.id, owner().nip),
      ),
    );
    expect(await reads()).toHaveLength(before + 1);
  });
});
