/**
 * Serang keeps Western Indonesian Time (WIB, UTC+7, no daylight saving); servers run in UTC.
 * Every date rule of the system (deadlines end at 23:59:59 WIB, windows open at 00:00 WIB,
 * Plt/Plh assignments run over WIB calendar days) goes through this module.
 */
export const ZONA_WIB = 'Asia/Jakarta';

export const HARI_MS = 86_400_000;
const OFFSET_MS = 7 * 3_600_000;

/** The WIB calendar date (YYYY-MM-DD) of an instant. */
export function tanggalWib(at: Date | string): string {
  return new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00:00 WIB of a calendar date, as an ISO instant. */
export function awalHariWib(tanggal: string): string {
  return new Date(`${tanggal.slice(0, 10)}T00:00:00+07:00`).toISOString();
}

/** 23:59:59 WIB of a calendar date, as an ISO instant: when a deadline on that date ends. */
export function akhirHariWib(tanggal: string): string {
  return new Date(`${tanggal.slice(0, 10)}T23:59:59+07:00`).toISOString();
}

/** `n` whole days after an instant (negative: before), as an ISO instant. */
export function tambahHari(at: Date | string, n: number): string {
  return new Date(new Date(at).getTime() + n * HARI_MS).toISOString();
}

const tanggalFmt = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: ZONA_WIB,
});
const jamFmt = new Intl.DateTimeFormat('id-ID', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: ZONA_WIB,
});

const parse = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

/** "31 Januari 2027"; an unreadable value is shown as stored rather than failing the page. */
export function tampilTanggal(iso: string): string {
  const d = parse(iso);
  return d ? tanggalFmt.format(d) : iso;
}

/** "31 Januari 2027 pukul 17.00 WIB". */
export function tampilWaktu(iso: string): string {
  const d = parse(iso);
  return d ? `${tanggalFmt.format(d)} pukul ${jamFmt.format(d)} WIB` : iso;
}
