import { afterEach, describe, expect, it } from 'vitest';
import { launchCycle } from '../../shared/app/cycle-launch.js';
import { getWithHistory } from '../../shared/data/evaluations.js';
import { executionName } from '../../shared/domain/cycle.js';
import { driveTo } from '../support/cycle.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

const systems: TestSystem[] = [];
afterEach(() => {
  for (const s of systems.splice(0)) s.stop();
});

async function started(options: Parameters<typeof startTestSystem>[0] = {}) {
  const s = await startTestSystem({ ...options, cycle: { scope: ['DISKOMINFO'], ...options.cycle } });
  systems.push(s);
  await launchCycle(s.deps, s.cycle.id);
  return s;
}

const executionOf = (s: TestSystem, nip: string) =>
  s.engine.executions.get(
    `${s.deps.stateMachines.employeeEvaluation.replace(':stateMachine:', ':execution:')}:${executionName(s.cycle.id, nip)}`,
  )!;

describe('EmployeeEvaluation: the whole cycle', () => {
  it('runs every stage with a supervisor, an employee and 3 peers', async () => {
    const s = await started();
    const nip = s.principal('pranata1').nip;
    const e = await driveTo(s, 'pranata1', 'SELESAI');
    expect(e).toMatchObject({ stage: 'SELESAI', status: 'SELESAI' });
    expect(e.hasil).toMatchObject({ predikat: 'BAIK', sumber: 'ATASAN' });
    expect(e.rekanRingkas).toEqual({ diminta: 3, menjawab: 3, terlewat: 0 });
    const x = executionOf(s, nip);
    await x.done;
    expect(x.status).toBe('SUCCEEDED');
    const entered = x.events.filter((ev) => ev.type === 'StateEntered').map((ev) => ev.state);
    console.log(entered.length, x.invocations, entered.join(' '));
    const h = (await getWithHistory(s.deps, s.cycle.id, nip))!;
    console.log(h.history.map((a) => a.action).join(' '));
  }, 60_000);
});
