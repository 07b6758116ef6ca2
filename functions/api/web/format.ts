import type { Status } from '../../../shared/domain/evaluation/evaluation.js';

/** Serang keeps Western Indonesian Time; servers (Lambda) run in UTC. */
const TZ = 'Asia/Jakarta';
const tanggalFmt = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TZ,
});
const jamFmt = new Intl.DateTimeFormat('id-ID', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: TZ,
});
const angkaFmt = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 6 });

const parse = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

/** "31 Januari 2027"; an unreadable value is shown as stored rather than failing the page. */
export function tanggal(iso: string): string {
  const d = parse(iso);
  return d ? tanggalFmt.format(d) : iso;
}

/** "31 Januari 2027 pukul 17.00 WIB". */
export function waktu(iso: string): string {
  const d = parse(iso);
  return d ? `${tanggalFmt.format(d)} pukul ${jamFmt.format(d)} WIB` : iso;
}

/** "1.500" / "2,5": Indonesian digit grouping. */
export function angka(n: number): string {
  return angkaFmt.format(n);
}

/** A finished stage is never late, whatever its deadline says. */
export function isOverdue(e: { deadline?: string; status: Status }, now: Date): boolean {
  const d = e.deadline ? parse(e.deadline) : undefined;
  return !!d && e.status !== 'SELESAI' && d.getTime() < now.getTime();
}
