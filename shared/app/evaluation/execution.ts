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

/** One CycleLaunch run per cycle and moment: unique, readable, within the 80-character limit. */
export function namaPeluncuran(cycleId: string, at: Date): string {
  return `luncur-${cycleId}-${at.toISOString().replace(/[-:.]/g, '')}`;
}
