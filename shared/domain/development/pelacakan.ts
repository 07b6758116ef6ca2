import { type Issue, konflik, validasi } from '../errors.js';
import { type Pelatihan, PESAN_JP, jpValid } from './katalog.js';
import {
  type ItemRencana,
  type Sertifikat,
  type StatusRencana,
  HAK_JP_TAHUNAN,
  STATUS_RENCANA,
  tahunValid,
} from './rencana.js';

// ---------------------------------------------------------------------------------------------
// Plan checks and tracking (certificates, cancellation, JP summary)
// ---------------------------------------------------------------------------------------------

const TANGGAL = /^(\d{4})-(\d{2})-(\d{2})$/;

function tanggalValid(s: string): boolean {
  const m = TANGGAL.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export function checkSertifikat(s: Sertifikat | undefined, tahun: number, prefix = 'sertifikat'): Issue[] {
  if (!s) return [{ path: prefix, message: 'Sertifikat wajib dilampirkan untuk menandai pelatihan selesai' }];
  const issues: Issue[] = [];
  if (!s.nomor?.trim()) issues.push({ path: `${prefix}.nomor`, message: 'Nomor sertifikat wajib diisi' });
  if (!s.penyelenggara?.trim())
    issues.push({ path: `${prefix}.penyelenggara`, message: 'Penyelenggara pada sertifikat wajib diisi' });
  if (!tanggalValid(s.tanggal ?? '')) {
    issues.push({ path: `${prefix}.tanggal`, message: 'Tanggal sertifikat harus berformat TTTT-BB-HH' });
  } else if (Number(s.tanggal.slice(0, 4)) !== tahun) {
    issues.push({
      path: `${prefix}.tanggal`,
      message: `Tanggal selesai harus dalam tahun ${tahun}; sertifikat tahun lain tidak dihitung untuk tahun ini`,
    });
  }
  return issues;
}

export function checkItemRencana(item: ItemRencana, prefix = ''): Issue[] {
  const issues: Issue[] = [];
  if (!jpValid(item.jp)) issues.push({ path: `${prefix}jp`, message: PESAN_JP });
  if (!tahunValid(item.tahun)) issues.push({ path: `${prefix}tahun`, message: 'Tahun tidak valid' });
  if (!STATUS_RENCANA.includes(item.status))
    issues.push({ path: `${prefix}status`, message: 'Status harus direncanakan, selesai, atau batal' });
  if (item.status === 'SELESAI')
    issues.push(...checkSertifikat(item.sertifikat, item.tahun, `${prefix}sertifikat`));
  return issues;
}

/**
 * A cancelled item does not block planning the same training again, so duplicates are
 * counted among the items still alive only.
 */
export function checkRencana(items: readonly ItemRencana[]): Issue[] {
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    const issues = checkItemRencana(item, `items.${i}.`);
    if (item.status === 'BATAL') return issues;
    const key = `${item.tahun}/${item.pelatihanId}`;
    if (seen.has(key)) {
      issues.push({
        path: `items.${i}.pelatihanId`,
        message: `"${item.judul}" sudah ada dalam rencana tahun ${item.tahun}`,
      });
    }
    seen.add(key);
    return issues;
  });
}

export function assertRencana(items: readonly ItemRencana[]): void {
  const issues = checkRencana(items);
  if (issues.length) throw validasi('Rencana pengembangan kompetensi tidak valid', issues);
}

/** Adds a catalogue entry to a plan by hand, with the same checks as a generated plan. */
export function tambahKeRencana(items: readonly ItemRencana[], p: Pelatihan, tahun: number): ItemRencana[] {
  const baru: ItemRencana = {
    id: `${tahun}-${p.id}`,
    pelatihanId: p.id,
    judul: p.judul,
    jp: p.jp,
    bentuk: p.bentuk.jenis,
    tahun,
    status: 'DIRENCANAKAN',
  };
  const hasil = [...items, baru];
  assertRencana(hasil);
  return hasil;
}

/**
 * Records a certificate: evidence of training done, so dated in the plan's year and not after
 * today (`hariIni`, WIB YYYY-MM-DD). That check is here, where a certificate is recorded, not in
 * checkSertifikat: a stored plan is not refused for a date that was accepted before; jpTotals
 * simply does not count it until its day. (A training event's start date would also bound it
 * from below; the catalogue has no dated events yet, so the year is the only lower bound.)
 */
export function tandaiSelesai(
  item: ItemRencana,
  sertifikat: Sertifikat | undefined,
  hariIni: string,
): ItemRencana {
  if (item.status !== 'DIRENCANAKAN') {
    throw konflik(`Hanya pelatihan berstatus direncanakan yang dapat ditandai selesai`, {
      status: item.status,
    });
  }
  const issues = checkSertifikat(sertifikat, item.tahun);
  if (!issues.length && sertifikat!.tanggal > hariIni)
    issues.push({
      path: 'sertifikat.tanggal',
      message: `Tanggal sertifikat tidak boleh setelah hari ini (${hariIni}); catat sertifikat setelah pelatihan selesai`,
    });
  if (issues.length) throw validasi('Pelatihan belum dapat ditandai selesai', issues);
  return { ...item, status: 'SELESAI', sertifikat };
}

export function batalkan(item: ItemRencana, catatan?: string): ItemRencana {
  if (item.status === 'SELESAI') {
    throw konflik('Pelatihan yang sudah selesai bersertifikat tidak dapat dibatalkan', {
      status: item.status,
    });
  }
  return { ...item, status: 'BATAL', ...(catatan?.trim() ? { catatanBatal: catatan.trim() } : {}) };
}

export interface JpTotals {
  direncanakan: number;
  selesai: number;
  hak: typeof HAK_JP_TAHUNAN;
  kurang: number;
}

/** A completed item counts from its certificate's date on (WIB), never before. */
export const sudahBerlaku = (i: ItemRencana, hariIni: string) =>
  i.status === 'SELESAI' && !(i.sertifikat && i.sertifikat.tanggal > hariIni);

/**
 * Only certified JP count toward the entitlement, and only certificates dated today or earlier
 * (`hariIni`, WIB YYYY-MM-DD): one stored with a future date (before that was refused) counts
 * from its date on. Planned JP are shown beside them so the gap between intention and evidence
 * stays visible. Cancelled items count nowhere.
 */
export function jpTotals(items: readonly ItemRencana[], tahun: number, hariIni: string): JpTotals {
  const jumlah = (status: StatusRencana, counts: (i: ItemRencana) => boolean = () => true) =>
    items.filter((i) => i.tahun === tahun && i.status === status && counts(i)).reduce((a, i) => a + i.jp, 0);
  const selesai = jumlah('SELESAI', (i) => sudahBerlaku(i, hariIni));
  return {
    direncanakan: jumlah('DIRENCANAKAN'),
    selesai,
    hak: HAK_JP_TAHUNAN,
    kurang: Math.max(0, HAK_JP_TAHUNAN - selesai),
  };
}
