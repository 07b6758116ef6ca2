import { type Issue, validasi } from '../errors.js';
import { type JenisBentuk, jpValid } from './katalog.js';
import type { Alasan, Rekomendasi } from './rekomendasi.js';

/** PP 11/2017 as amended by PP 17/2020, art. 203: at least 20 JP of development per PNS per year. */
export const HAK_JP_TAHUNAN = 20;
/**
 * How far a generated plan may go past what is still owed: one day of classical training
 * (about 8 JP of 45 minutes). Budgets are per JP, so a plan that doubles the entitlement
 * takes a seat from a colleague who has none.
 */
export const TOLERANSI_JP = 8;

// ---------------------------------------------------------------------------------------------
// Development plan
// ---------------------------------------------------------------------------------------------

export const STATUS_RENCANA = ['DIRENCANAKAN', 'SELESAI', 'BATAL'] as const;
export type StatusRencana = (typeof STATUS_RENCANA)[number];

/** The certificate is the evidence that counts toward the 20 JP. */
export interface Sertifikat {
  nomor: string;
  /** YYYY-MM-DD */
  tanggal: string;
  penyelenggara: string;
}

export interface ItemRencana {
  id: string;
  pelatihanId: string;
  judul: string;
  jp: number;
  bentuk: JenisBentuk;
  tahun: number;
  status: StatusRencana;
  sertifikat?: Sertifikat;
  alasan?: string[];
  catatanBatal?: string;
}

export interface RencanaPengembangan {
  tahun: number;
  jpSudah: number;
  /** JP still owed against the entitlement when the plan was made. */
  kebutuhan: number;
  jpDirencanakan: number;
  terpenuhi: boolean;
  items: ItemRencana[];
}

/** Internal: shared with the plan checks, not part of the public API. */
export const tahunValid = (t: unknown) =>
  typeof t === 'number' && Number.isInteger(t) && t >= 2000 && t <= 2100;

const itemDari = (r: Rekomendasi, tahun: number): ItemRencana => ({
  id: `${tahun}-${r.pelatihan.id}`,
  pelatihanId: r.pelatihan.id,
  judul: r.pelatihan.judul,
  jp: r.pelatihan.jp,
  bentuk: r.pelatihan.bentuk.jenis,
  tahun,
  status: 'DIRENCANAKAN',
  alasan: r.alasan.map((a) => a.teks),
});

/** A gap one reason points at, so that a plan can tell which gaps it already addresses. */
const celah = (a: Alasan) => a.nilai ?? a.rowId ?? a.jenis;

/**
 * Plan rule: add entries one at a time, each the best-ranked recommendation that
 * - keeps the total within the need (20 JP minus what is already done) plus TOLERANSI_JP:
 *   entries that would overshoot (a full PKP/PKA runs to hundreds of JP) are skipped in favour
 *   of shorter ones, never squeezed in;
 * - addresses a gap no chosen entry addresses yet, if any such entry fits: three courses on the
 *   same value leave the other gaps untouched;
 * - is of the form (klasikal/nonklasikal) the plan lacks, if any such entry fits, so coaching or
 *   e-learning complements a classroom course.
 * It stops as soon as the need is met. If nothing fits, the plan stays short and says so
 * (terpenuhi: false) for BKPSDM to complete by hand.
 */
export function rencanaPengembangan(
  rekomendasi: readonly Rekomendasi[],
  opsi: { tahun: number; jpSudah: number },
): RencanaPengembangan {
  const issues: Issue[] = [];
  if (!tahunValid(opsi.tahun)) issues.push({ path: 'tahun', message: 'Tahun tidak valid' });
  if (!Number.isInteger(opsi.jpSudah) || opsi.jpSudah < 0)
    issues.push({ path: 'jpSudah', message: 'JP yang sudah ditempuh harus bilangan bulat 0 atau lebih' });
  if (issues.length) throw validasi('Rencana pengembangan tidak dapat disusun', issues);

  const kebutuhan = Math.max(0, HAK_JP_TAHUNAN - opsi.jpSudah);
  const batas = kebutuhan + TOLERANSI_JP;
  const calon = rekomendasi.filter(
    (r, i) =>
      jpValid(r.pelatihan.jp) && rekomendasi.findIndex((x) => x.pelatihan.id === r.pelatihan.id) === i,
  );
  const dipilih: Rekomendasi[] = [];
  let total = 0;
  while (total < kebutuhan) {
    const muat = calon.filter((r) => !dipilih.includes(r) && total + r.pelatihan.jp <= batas);
    const tertangani = new Set(dipilih.flatMap((r) => r.alasan.map(celah)));
    const baru = muat.filter((r) => r.alasan.some((a) => !tertangani.has(celah(a))));
    const pool = baru.length ? baru : muat;
    const bentukAda = new Set(dipilih.map((r) => r.pelatihan.bentuk.jenis));
    const pelengkap =
      bentukAda.size === 1 ? pool.find((r) => !bentukAda.has(r.pelatihan.bentuk.jenis)) : undefined;
    const next = pelengkap ?? pool[0];
    if (!next) break;
    dipilih.push(next);
    total += next.pelatihan.jp;
  }
  return {
    tahun: opsi.tahun,
    jpSudah: opsi.jpSudah,
    kebutuhan,
    jpDirencanakan: total,
    terpenuhi: total >= kebutuhan,
    items: dipilih.map((r) => itemDari(r, opsi.tahun)),
  };
}
