import type { Stage } from './evaluation.js';

export const PERIODE = ['TAHUNAN', 'TRIWULAN_I', 'TRIWULAN_II', 'TRIWULAN_III', 'TRIWULAN_IV'] as const;
export type Periode = (typeof PERIODE)[number];

/** An evaluation period with its stage deadlines and the agencies in scope. */
export interface Cycle {
  id: string;
  nama: string;
  tahun: number;
  periode: Periode;
  mulai: string;
  selesai: string;
  /** Deadline per stage, ISO date-time. */
  jadwal: Record<Stage, string>;
  /** Extra time after a missed deadline before the next escalation. */
  graceDays: number;
  /** 'ALL' for the whole city, otherwise OPD codes. */
  scope: 'ALL' | string[];
  status: 'DIBUKA' | 'DITUTUP';
}

/**
 * Step Functions wants a positive whole number of seconds. A stage already past its deadline
 * gets one second, so it escalates at once instead of waiting a full grace period.
 */
export function secondsUntil(deadlineIso: string, now: Date): number {
  const ms = new Date(deadlineIso).getTime() - now.getTime();
  return Math.max(1, Math.ceil(ms / 1000));
}

/** The next deadline of a stage that already escalated `overdueCount` times. */
export function stageDeadline(
  cycle: Cycle,
  stage: Stage,
  overdueCount: number,
  lastOverdueAt?: string,
): string {
  if (overdueCount === 0 || !lastOverdueAt) return cycle.jadwal[stage];
  return new Date(new Date(lastOverdueAt).getTime() + cycle.graceDays * 86_400_000).toISOString();
}

/** Execution names are deterministic so that launching a cycle twice starts nothing twice. */
export function executionName(cycleId: string, nip: string, suffix?: string): string {
  const base = `${cycleId}-${nip}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return (suffix ? `${base}-${suffix}` : base).slice(0, 80);
}
