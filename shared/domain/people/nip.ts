import type { Issue } from '../errors.js';

/** A PNS NIP: birth date YYYYMMDD + TMT CPNS YYYYMM + gender digit + 3-digit sequence. */
export interface NipPns {
  tanggalLahir: string; // YYYY-MM-DD
  tmtCpns: string; // YYYY-MM
  jenisKelamin: 'L' | 'P';
  urutan: number;
}

const isRealDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

export function isNipFormat(nip: string): boolean {
  return /^\d{18}$/.test(nip);
}

/**
 * Checks the segments of a PNS NIP. NI PPPK has an unconfirmed layout, so for PPPK only the
 * 18-digit format is checked (see docs/regulation.md).
 */
export function checkNip(nip: string, status: 'PNS' | 'PPPK'): Issue[] {
  if (!isNipFormat(nip)) return [{ path: 'nip', message: 'NIP harus terdiri dari 18 digit angka' }];
  if (status === 'PPPK') return [];
  const parsed = parseNipPns(nip);
  return parsed.ok ? [] : [{ path: 'nip', message: parsed.message }];
}

export function parseNipPns(nip: string): { ok: true; value: NipPns } | { ok: false; message: string } {
  if (!isNipFormat(nip)) return { ok: false, message: 'NIP harus terdiri dari 18 digit angka' };
  const y = Number(nip.slice(0, 4));
  const m = Number(nip.slice(4, 6));
  const d = Number(nip.slice(6, 8));
  if (y < 1940 || !isRealDate(y, m, d)) return { ok: false, message: 'Tanggal lahir pada NIP tidak valid' };
  const ty = Number(nip.slice(8, 12));
  const tm = Number(nip.slice(12, 14));
  if (tm < 1 || tm > 12) return { ok: false, message: 'Bulan TMT CPNS pada NIP tidak valid' };
  const eighteenth = y * 12 + (m - 1) + 18 * 12;
  if (ty * 12 + (tm - 1) < eighteenth) {
    return { ok: false, message: 'TMT CPNS pada NIP harus setelah usia 18 tahun' };
  }
  const g = nip[14];
  if (g !== '1' && g !== '2') return { ok: false, message: 'Digit jenis kelamin pada NIP harus 1 atau 2' };
  const urutan = Number(nip.slice(15));
  if (urutan < 1) return { ok: false, message: 'Nomor urut pada NIP harus 001 atau lebih' };
  return {
    ok: true,
    value: {
      tanggalLahir: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      tmtCpns: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
      jenisKelamin: g === '1' ? 'L' : 'P',
      urutan,
    },
  };
}

export function formatNipPns(v: NipPns): string {
  return (
    v.tanggalLahir.replaceAll('-', '') +
    v.tmtCpns.replace('-', '') +
    (v.jenisKelamin === 'L' ? '1' : '2') +
    String(v.urutan).padStart(3, '0')
  );
}
