/**
 * Step Functions' limits and naming, as the evaluation's workflow meets them: an execution's
 * lifetime, the whole seconds a wait takes, the 80-character execution names. Not domain rules:
 * the domain says when a deadline falls, this says how an execution waits for it.
 */

/**
 * A Standard execution lives at most a year; an annual cycle (target setting in January, the
 * window in December, reviews after) takes longer. Each execution therefore waits at most this
 * long after it started and then continues in a new execution at the same stage.
 */
export const ANGGARAN_EKSEKUSI_DETIK = 350 * 86_400;

/**
 * Kept free at the end of every execution for the handover itself (the overdue handler and the
 * start of the next execution), so a wait never runs into the execution's own end.
 */
export const SISA_MINIMUM_DETIK = 3_600;

/** Less than this left to wait: hand over now rather than start a wait of a few seconds. */
export const HANDOVER_DETIK = 60;

/**
 * The wait given to a stage whose registration itself ends it (the assessment window already
 * open: the registration records the opening and answers at once). A shorter wait times out
 * while the registration still runs (a cold start, a loaded machine), and its answer is then
 * refused. This is longer than the registering Lambda may run (its timeout, 15 s), so the
 * answer always comes first; in both runtimes, since the machine's own timeout decides.
 */
export const REGISTRATION_DETIK = 60;

/**
 * Step Functions wants a positive whole number of seconds. A stage already past its deadline
 * gets one second, so it escalates at once instead of waiting a full grace period.
 */
export function secondsUntil(deadlineIso: string, now: Date): number {
  const ms = new Date(deadlineIso).getTime() - now.getTime();
  return Math.max(1, Math.ceil(ms / 1000));
}

/** Seconds this execution may still wait before it must hand over (at least 0). */
export function sisaAnggaran(
  executionStart: string | undefined,
  now: Date,
  budget = ANGGARAN_EKSEKUSI_DETIK,
): number {
  if (!executionStart) return budget - SISA_MINIMUM_DETIK;
  const end = new Date(executionStart).getTime() + (budget - SISA_MINIMUM_DETIK) * 1000;
  return Math.max(0, Math.floor((end - now.getTime()) / 1000));
}

/** How long a wait for `at` may run in this execution: until `at`, or until the budget is spent. */
export function secondsToWait(at: string, now: Date, sisa: number): number {
  return Math.max(1, Math.min(secondsUntil(at, now), sisa));
}

/** Execution names are deterministic so that launching a cycle twice starts nothing twice. */
export function executionName(cycleId: string, nip: string, suffix?: string): string {
  const base = `${cycleId}-${nip}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return (suffix ? `${base}-${suffix}` : base).slice(0, 80);
}

/**
 * Whether an EmployeeEvaluation execution belongs to this cycle, by the names executionName
 * gives: `<cycle>-<18-digit NIP>`, optionally `-r<version>` (restart) or `-s<version>` (continued).
 * Cycle IDs are letters, digits and `-` (at most 40), so the names are never cut and the NIP
 * after the cycle's ID tells `2027` from `2027-b`.
 */
export function executionOfCycle(name: string, cycleId: string): boolean {
  const base = executionName(cycleId, '');
  return name.startsWith(base) && /^\d{18}(-[rs]\d+)?$/.test(name.slice(base.length));
}

/** One CycleClose run per cycle and moment: a close repeated to finish the stopping gets its own. */
export function namaPenghentian(cycleId: string, at: Date): string {
  return `tutup-${cycleId}-${at.toISOString().replace(/[-:.]/g, '')}`;
}

/** One CycleLaunch run per cycle and moment: unique, readable, within the 80-character limit. */
export function namaPeluncuran(cycleId: string, at: Date): string {
  return `luncur-${cycleId}-${at.toISOString().replace(/[-:.]/g, '')}`;
}
