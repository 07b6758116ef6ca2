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

/** "6 dari 20 JP", and past the entitlement "42 JP (hak 20 JP terpenuhi)", never "42 dari 20". */
export function jpTerhadapHak(jp: number, hak: number): string {
  return jp <= hak
    ? `${angka(jp)} dari ${angka(hak)} JP`
    : `${angka(jp)} JP (hak ${angka(hak)} JP terpenuhi)`;
}

/**
 * A revised rating in words: "predikat Baik menjadi Sangat Baik", or "predikat tetap Baik" when
 * the revision changed the ratings but not the predikat (never "Baik menjadi Baik").
 */
export function perubahanPredikat(sebelum: string, sesudah: string): string {
  return sebelum === sesudah ? `predikat tetap ${sesudah}` : `predikat ${sebelum} menjadi ${sesudah}`;
}
