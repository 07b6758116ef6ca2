import { HARI_MS } from '../wib.js';

/**
 * Reminders before a deadline. How many days before is policy, kept as data: the scheduled job
 * reads HARI_PENGINGAT and may be given another list.
 */
export const HARI_PENGINGAT: readonly number[] = [7, 1];

export interface PengingatJatuhTempo {
  /** Which reminder this is: N days before the deadline. */
  hari: number;
  /** When it fell due (deadline - N days), ISO. The same on every run, so it can be part of a key. */
  jatuhTempoPada: string;
  /** Whole days left, rounded up (1 = due within the next 24 hours). */
  sisaHari: number;
  /** Stage + deadline + N: the same reminder gets the same key however often the job runs. */
  kunci: string;
}

/**
 * The reminder due now for an open stage, if any. Due from N days before the deadline until the
 * deadline itself (after that, escalation takes over). When several are due (the job did not
 * run for a while, or the stage opened late), only the nearest counts: a "7 days left" notice
 * two hours before the deadline would mislead.
 */
export function pengingatJatuhTempo(
  tahap: string,
  deadline: string,
  now: Date,
  hari: readonly number[] = HARI_PENGINGAT,
): PengingatJatuhTempo | undefined {
  const batas = new Date(deadline).getTime();
  const t = now.getTime();
  if (Number.isNaN(batas) || t >= batas) return undefined;
  const jatuh = hari.filter((n) => Number.isFinite(n) && n > 0 && batas - n * HARI_MS <= t);
  if (jatuh.length === 0) return undefined;
  const n = Math.min(...jatuh);
  return {
    hari: n,
    jatuhTempoPada: new Date(batas - n * HARI_MS).toISOString(),
    sisaHari: Math.ceil((batas - t) / HARI_MS),
    kunci: `${tahap}#${new Date(batas).toISOString()}#H-${n}`,
  };
}

/**
 * The policy as configured (e.g. env PENGINGAT_HARI="7,1"); unset means the default. A bad
 * value stops the job loudly rather than silently reminding nobody.
 */
export function bacaHariPengingat(text: string | undefined): readonly number[] {
  if (!text?.trim()) return HARI_PENGINGAT;
  const hari = text.split(',').map((s) => Number(s.trim()));
  if (!hari.every((n) => Number.isInteger(n) && n > 0 && n <= 365)) {
    throw new Error(`PENGINGAT_HARI harus berupa daftar bilangan bulat 1-365, dipisah koma: "${text}"`);
  }
  return [...new Set(hari)].sort((a, b) => b - a);
}
