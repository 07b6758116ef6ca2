import type { Status } from '../../../../shared/domain/evaluation/evaluation.js';

const angkaFmt = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 6 });

/** Dates and times as civil servants read them, in WIB. */
export { tampilTanggal as tanggal, tampilWaktu as waktu } from '../../../../shared/domain/wib.js';

/** "1.500" / "2,5": Indonesian digit grouping. */
export function angka(n: number): string {
  return angkaFmt.format(n);
}

/** A finished stage is never late, whatever its deadline says. */
export function isOverdue(e: { deadline?: string; status: Status }, now: Date): boolean {
  const t = e.deadline ? new Date(e.deadline).getTime() : NaN;
  return !Number.isNaN(t) && e.status !== 'SELESAI' && t < now.getTime();
}
