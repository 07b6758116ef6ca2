import { type Issue, validasi } from '../errors.js';
import { LEVEL, type Level } from './predikat.js';
import { LIMITS, type JenisHasilKerja, type TargetRow } from './skp.js';

/**
 * Capaian (in %) at or above which a row is rated. Regulation (PermenPAN-RB 6/2022) words the
 * levels qualitatively only; these numbers are a project default, kept as data so that BKPSDM
 * can change them without touching the rules.
 */
export interface AmbangCapaian {
  /** From this capaian up: DI_ATAS_EKSPEKTASI. */
  diAtas: number;
  /** From this capaian up (below diAtas): SESUAI_EKSPEKTASI; anything lower is DI_BAWAH. */
  sesuai: number;
}

export const AMBANG_CAPAIAN: Readonly<AmbangCapaian> = Object.freeze({ diAtas: 110, sesuai: 90 });

export const LABEL_LEVEL: Record<Level, string> = {
  DI_ATAS_EKSPEKTASI: 'di atas ekspektasi',
  SESUAI_EKSPEKTASI: 'sesuai ekspektasi',
  DI_BAWAH_EKSPEKTASI: 'di bawah ekspektasi',
};

export type BarisTarget = Pick<TargetRow, 'id' | 'jenis' | 'aspek' | 'target'>;

export interface CapaianBaris {
  rowId: string;
  jenis: JenisHasilKerja;
  realisasi: number;
  /** Percent with two decimals: the number the UI shows, and the one the level is read from. */
  capaian: number;
  level: Level;
}

export function checkRealisasi(row: BarisTarget, realisasi: number, path = 'realisasi'): Issue[] {
  if (typeof realisasi !== 'number' || !Number.isFinite(realisasi) || realisasi < 0) {
    return [{ path, message: 'Realisasi harus berupa angka 0 atau lebih' }];
  }
  // The ratio is inverted for WAKTU, and "done in zero time" is almost always an empty field.
  if (row.aspek === 'WAKTU' && realisasi === 0) {
    return [{ path, message: 'Realisasi aspek waktu harus lebih dari 0' }];
  }
  if (!Number.isFinite(row.target) || row.target <= 0) {
    return [{ path, message: 'Target baris ini tidak valid; perbaiki SKP terlebih dahulu' }];
  }
  return [];
}

function assertAmbang(ambang: AmbangCapaian): void {
  const ok = (n: number) => Number.isFinite(n) && n > 0;
  if (!ok(ambang.diAtas) || !ok(ambang.sesuai) || ambang.sesuai >= ambang.diAtas) {
    throw validasi('Ambang capaian tidak valid', [
      { path: 'ambang', message: 'Ambang "sesuai" harus lebih dari 0 dan lebih kecil dari ambang "di atas"' },
    ]);
  }
}

export function levelCapaian(capaian: number, ambang: AmbangCapaian = AMBANG_CAPAIAN): Level {
  assertAmbang(ambang);
  if (capaian >= ambang.diAtas) return 'DI_ATAS_EKSPEKTASI';
  if (capaian >= ambang.sesuai) return 'SESUAI_EKSPEKTASI';
  return 'DI_BAWAH_EKSPEKTASI';
}

/**
 * Capaian = realisasi / target; for WAKTU less is better (months taken), so target / realisasi.
 * Rounded to two decimals before the level is read so that 3.3 of 3 (109.99999999999999 in floats)
 * lands on the 110 % boundary and the level never disagrees with the number on screen.
 */
export function hitungCapaian(
  row: BarisTarget,
  realisasi: number,
  ambang: AmbangCapaian = AMBANG_CAPAIAN,
): CapaianBaris {
  const issues = checkRealisasi(row, realisasi);
  if (issues.length) throw validasi('Realisasi hasil kerja tidak valid', issues);
  const rasio = row.aspek === 'WAKTU' ? row.target / realisasi : realisasi / row.target;
  const capaian = Math.round(rasio * 10_000) / 100;
  return { rowId: row.id, jenis: row.jenis, realisasi, capaian, level: levelCapaian(capaian, ambang) };
}

/** Every row at once, so that the form can show all wrong fields together (path `realisasi.<rowId>`). */
export function hitungCapaianSkp(
  rows: readonly BarisTarget[],
  realisasi: Readonly<Record<string, number | undefined>>,
  ambang: AmbangCapaian = AMBANG_CAPAIAN,
): CapaianBaris[] {
  const issues = rows.flatMap((r) => {
    const v = realisasi[r.id];
    const path = `realisasi.${r.id}`;
    return v === undefined ? [{ path, message: 'Realisasi wajib diisi' }] : checkRealisasi(r, v, path);
  });
  if (issues.length) throw validasi('Realisasi hasil kerja tidak valid', issues);
  return rows.map((r) => hitungCapaian(r, realisasi[r.id] as number, ambang));
}

export interface SaranHasilKerja {
  level: Level;
  /** Why, in words the rater and the employee can check against the rows. */
  alasan: string;
  hitungan: {
    dihitung: number;
    diAtas: number;
    sesuai: number;
    diBawah: number;
    utamaDiBawah: number;
    tambahanTidakDihitung: number;
  };
}

/**
 * Suggested hasil kerja level. The rule, in order:
 * - Counted rows: every UTAMA row, plus TAMBAHAN rows rated DI_ATAS. Extra work that exceeded
 *   expectations counts for the employee; extra work that merely met or missed its target is
 *   left out, because an additional task must never pull the main results down (nor dilute a
 *   "di atas" majority). So adding a TAMBAHAN row can only keep or raise the suggestion.
 * - "Most" means a strict majority of the counted rows (more than half).
 * - DI_ATAS: most counted rows are DI_ATAS and no UTAMA row is DI_BAWAH.
 * - DI_BAWAH: most counted rows are DI_BAWAH, or most UTAMA rows are (extra work never hides
 *   failed main results).
 * - Otherwise SESUAI, including exact ties: both extremes need a strict majority, so a tie
 *   favours neither the employee nor the organisation; the rater may override with a reason.
 */
export function saranHasilKerja(rows: readonly { jenis: JenisHasilKerja; level: Level }[]): SaranHasilKerja {
  if (!rows.some((r) => r.jenis === 'UTAMA')) {
    throw validasi('Saran hasil kerja tidak dapat dihitung', [
      { path: 'rows', message: 'Minimal satu hasil kerja UTAMA harus memiliki realisasi' },
    ]);
  }
  const dihitung = rows.filter((r) => r.jenis === 'UTAMA' || r.level === 'DI_ATAS_EKSPEKTASI');
  const n = dihitung.length;
  const jumlah = (level: Level) => dihitung.filter((r) => r.level === level).length;
  const hitungan = {
    dihitung: n,
    diAtas: jumlah('DI_ATAS_EKSPEKTASI'),
    sesuai: jumlah('SESUAI_EKSPEKTASI'),
    diBawah: jumlah('DI_BAWAH_EKSPEKTASI'),
    utamaDiBawah: rows.filter((r) => r.jenis === 'UTAMA' && r.level === 'DI_BAWAH_EKSPEKTASI').length,
    tambahanTidakDihitung: rows.length - n,
  };
  const { diAtas, sesuai, diBawah, utamaDiBawah } = hitungan;
  const catatan = hitungan.tambahanTidakDihitung
    ? ` ${hitungan.tambahanTidakDihitung} hasil kerja tambahan yang tidak di atas ekspektasi tidak dihitung, karena hasil kerja tambahan hanya dapat menaikkan penilaian.`
    : '';
  const hasil = (level: Level, alasan: string): SaranHasilKerja => ({
    level,
    alasan: alasan + catatan,
    hitungan,
  });

  if (diAtas * 2 > n && utamaDiBawah === 0) {
    return hasil(
      'DI_ATAS_EKSPEKTASI',
      `${diAtas} dari ${n} hasil kerja di atas ekspektasi dan tidak ada hasil kerja utama di bawah ekspektasi.`,
    );
  }
  if (diBawah * 2 > n) {
    return hasil(
      'DI_BAWAH_EKSPEKTASI',
      `${diBawah} dari ${n} hasil kerja di bawah ekspektasi (lebih dari separuh).`,
    );
  }
  // Extra work above expectations must not hide that most of the main results fell below.
  const utama = rows.filter((r) => r.jenis === 'UTAMA').length;
  if (utamaDiBawah * 2 > utama) {
    return hasil(
      'DI_BAWAH_EKSPEKTASI',
      `${utamaDiBawah} dari ${utama} hasil kerja utama di bawah ekspektasi (lebih dari separuh); hasil kerja tambahan tidak menutupinya.`,
    );
  }
  if (diAtas * 2 > n) {
    return hasil(
      'SESUAI_EKSPEKTASI',
      `${diAtas} dari ${n} hasil kerja di atas ekspektasi, tetapi ${utamaDiBawah} hasil kerja utama di bawah ekspektasi, sehingga tidak dapat dinilai di atas ekspektasi.`,
    );
  }
  return hasil(
    'SESUAI_EKSPEKTASI',
    `Tidak ada lebih dari separuh hasil kerja yang di atas maupun di bawah ekspektasi (di atas ${diAtas}, sesuai ${sesuai}, di bawah ${diBawah} dari ${n}).`,
  );
}

/** The rater decides; departing from the suggestion must be explained so that it can be reviewed. */
export function assertOverride(suggested: Level, chosen: Level, alasan: string | undefined): void {
  if (!LEVEL.includes(chosen)) {
    throw validasi('Penilaian hasil kerja tidak valid', [
      { path: 'level', message: 'Pilih di atas, sesuai, atau di bawah ekspektasi' },
    ]);
  }
  if (chosen === suggested) return;
  const text = (alasan ?? '').trim();
  if (text.length < 10) {
    throw validasi('Alasan perubahan penilaian wajib diisi', [
      {
        path: 'alasan',
        message: `Tuliskan alasan memilih "${LABEL_LEVEL[chosen]}" padahal saran sistem "${LABEL_LEVEL[suggested]}" (minimal 10 karakter)`,
      },
    ]);
  }
  if (text.length > LIMITS.comment) {
    throw validasi('Alasan terlalu panjang', [
      { path: 'alasan', message: `Alasan paling banyak ${LIMITS.comment} karakter` },
    ]);
  }
}
