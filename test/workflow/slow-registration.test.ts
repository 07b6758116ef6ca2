import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openAssessment } from '../../shared/app/evaluation/cycles.js';
import { executionName } from '../../shared/app/evaluation/execution.js';
import { getWithHistory } from '../../shared/data/evaluations.js';
import { STAGE_REGISTRY } from '../../shared/domain/evaluation/stages.js';
import { atStage, driveTo } from '../support/cycle.js';
import { launchAndWait, startTestSystem, waitForEvaluation, type TestSystem } from '../support/system.js';
import { controlTime } from '../support/time.js';

/**
 * Registrations slower than their wait. An evaluation that reaches the wait for the assessment window after the window opened (early,
 * by BKPSDM, or on its date) must move on however long its registration takes: a wait shorter
 * than the registration used to time out first, its answer was refused (TaskTimedOut) and the
 * execution failed with the evaluation stuck at MENUNGGU_PENILAIAN/SELESAI. The tests make the
 * registration slow by moving time while it writes, not by load or sleeps.
 */

const systems: TestSystem[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const s of systems.splice(0)) s.stop();
});

async function started(options: Parameters<typeof startTestSystem>[0] = {}, launch = true) {
  const s = await startTestSystem({ ...options, cycle: { scope: ['DISKOMINFO'], ...options.cycle } });
  systems.push(s);
  if (launch) await launchAndWait(s);
  return s;
}

/** As slow as a registering Lambda may be in AWS (a cold start; its timeout is 15 s). */
const SLOW_REGISTRATION_MS = 10_000;
const DEADLINE_S = 600;
const WINDOW = STAGE_REGISTRY.MENUNGGU_PENILAIAN.workflow;

/**
 * Time passes by `ms` while the workflow writes `action` for `nip` (once): as if that write, and
 * so the step around it, took that long. With `fail`, the write then fails with that error.
 */
function slowWrite(
  s: TestSystem,
  nip: string,
  action: string,
  pass: (ms: number) => void,
  ms: number,
  fail?: string,
  /** Time passes only once this has settled (e.g. the launch whose own step has a timeout). */
  after: Promise<unknown> = Promise.resolve(),
) {
  const send = s.handlerDeps.ddb.send.bind(s.handlerDeps.ddb);
  let slowed = false;
  (s.handlerDeps.ddb as { send: unknown }).send = async (command: unknown) => {
    const items = command instanceof TransactWriteCommand ? (command.input.TransactItems ?? []) : [];
    if (!slowed && items.some((i) => i.Put?.Item?.action === action && i.Put.Item.nip === nip)) {
      slowed = true;
      await after;
      pass(ms);
      if (fail) throw Object.assign(new Error(`simulated ${fail}`), { name: fail });
    }
    return send(command as never);
  };
  return () => slowed;
}

const slowOpening = (s: TestSystem, nip: string, pass: (ms: number) => void, ms: number) =>
  slowWrite(s, nip, 'PENILAIAN_DIBUKA', pass, ms);

const entered = (s: TestSystem, nip: string): (string | undefined)[] =>
  s.engine.executions
    .get(
      `${s.deps.stateMachines.employeeEvaluation.replace(':stateMachine:', ':execution:')}:${executionName(s.cycle.id, nip)}`,
    )!
    .events.filter((x) => x.type === 'StateEntered')
    .map((x) => x.state);

async function opened(s: TestSystem, nip: string) {
  const e = await atStage(s, nip, 'PENILAIAN_MANDIRI');
  expect(e.alurGagal).toBeUndefined();
  const trail = (await getWithHistory(s.deps, s.cycle.id, nip))!.history;
  const opening = trail.filter((h) => h.action === 'PENILAIAN_DIBUKA');
  expect(opening).toHaveLength(1);
  expect(trail.map((h) => h.action)).not.toContain('ALUR_GAGAL');
  return { e, opening: opening[0]!, trail };
}

describe('EmployeeEvaluation: arriving at an assessment window that is already open', () => {
  it('moves on at once after an early opening, even when the registration is slow', async () => {
    const s = await started();
    const time = controlTime(s);
    const nip = s.principal('pranata1').nip;
    await openAssessment(s.deps, s.cycle.id, s.principal('analissdm'));
    const slowed = slowOpening(s, nip, time.pass, SLOW_REGISTRATION_MS);
    await driveTo(s, 'pranata1', 'MENUNGGU_PENILAIAN');
    const { opening } = await opened(s, nip);
    expect(slowed()).toBe(true);
    expect(opening).toMatchObject({ actor: { sistem: 'alur-kerja' }, detail: { lebihAwal: true } });
    // The registration ended the wait itself: its timer never fired.
    expect(entered(s, nip)).not.toContain(WINDOW.overdue);
  }, 60_000);

  it('moves on when the registration outlasts even its wait: its answer comes too late and is no failure', async () => {
    const s = await started();
    const time = controlTime(s);
    const nip = s.principal('pranata1').nip;
    await openAssessment(s.deps, s.cycle.id, s.principal('analissdm'));
    // Longer than any wait the workflow gives a registration that answers at once.
    slowOpening(s, nip, time.pass, 10 * 60_000);
    await driveTo(s, 'pranata1', 'MENUNGGU_PENILAIAN');
    const { opening } = await opened(s, nip);
    expect(opening.detail).toMatchObject({ lebihAwal: true });
    // The wait timed out first: the overdue handler found the window recorded and went on.
    expect(entered(s, nip)).toContain(WINDOW.overdue);
  }, 60_000);

  it('moves on at once, without a timer, when the window’s date has come before the evaluation', async () => {
    const s = await started({
      cycle: { jadwal: { MENUNGGU_PENILAIAN: new Date(Date.now() + DEADLINE_S * 1000).toISOString() } },
    });
    const time = controlTime(s);
    const nip = s.principal('pranata1').nip;
    time.pass(DEADLINE_S * 1000);
    slowOpening(s, nip, time.pass, SLOW_REGISTRATION_MS);
    await driveTo(s, 'pranata1', 'MENUNGGU_PENILAIAN');
    const { opening, trail } = await opened(s, nip);
    expect(opening).toMatchObject({ actor: { sistem: 'alur-kerja' } });
    expect(opening.detail.lebihAwal).toBeFalsy();
    expect(entered(s, nip)).not.toContain(WINDOW.overdue);
    // Nothing was registered for a wait that was over before it began.
    expect(trail.filter((h) => h.action === 'TAHAP_DIBUKA').map((h) => h.detail.stage)).not.toContain(
      'MENUNGGU_PENILAIAN',
    );
  }, 60_000);
});

describe('the local engine, as AWS: a registration that fails after its wait timed out', () => {
  it('takes the timeout path: the late failure reaches no one', async () => {
    const s = await started(
      { cycle: { jadwal: { PENETAPAN_TARGET: new Date(Date.now() + DEADLINE_S * 1000).toISOString() } } },
      false,
    );
    const time = controlTime(s);
    const nip = s.principal('pranata1').nip;
    // The first registration outlasts the stage's deadline, then fails with a permanent error.
    // The jump waits for the launch to end: moved while CycleLaunch still ran, it would time out
    // the launch's own step instead (the registration runs beside the launch, not inside it).
    let launchEnded!: () => void;
    const ended = new Promise<void>((resolve) => (launchEnded = resolve));
    const slowed = slowWrite(
      s,
      nip,
      'TAHAP_DIBUKA',
      time.pass,
      DEADLINE_S * 1000,
      'ValidationException',
      ended,
    );
    await launchAndWait(s).finally(launchEnded);
    // The overdue handler escalated, and the wait it went back to registered.
    const e = await waitForEvaluation(s, nip, (x) => x.overdueCount === 1 && !!x.taskToken, {
      what: 'escalated and registered again',
    });
    expect(slowed()).toBe(true);
    expect(e.alurGagal).toBeUndefined();
    expect(entered(s, nip)).toContain(STAGE_REGISTRY.PENETAPAN_TARGET.workflow.overdue);
  }, 60_000);
});
