import type { KodeBerakhlak } from '../evaluation/berakhlak.js';
import { validasi } from '../errors.js';
import type { Level } from '../evaluation/predikat.js';
import type { JenisJabatan } from '../people/ranks.js';
import type { Pelatihan } from './katalog.js';
import { KATA_NILAI, NAMA_NILAI, menyebut } from './teks.js';

export const MAKS_REKOMENDASI = 10;

// ---------------------------------------------------------------------------------------------
// Recommendation
// ---------------------------------------------------------------------------------------------

/** The gaps an evaluation leaves behind: the input of the "training recommendation" stage. */
export interface Kesenjangan {
  perilaku: Partial<Record<KodeBerakhlak, Level>>;
  hasilKerja: readonly { id: string; rhk: string; indikator?: string; level: Level }[];
  saranAtasan?: string;
}

export interface ProfilPegawai {
  opd: string;
  jabatan: string;
  jenisJabatan: JenisJabatan;
}

export type JenisAlasan = 'PERILAKU_DI_BAWAH' | 'HASIL_KERJA_DI_BAWAH' | 'PERILAKU_SARAN' | 'SARAN_ATASAN';

export interface Alasan {
  jenis: JenisAlasan;
  teks: string;
  nilai?: KodeBerakhlak;
  rowId?: string;
}

/**
 * A value rated below expectations is the strongest signal (it alone makes the predikat
 * KURANG); a failed result row follows; advice on a value that was rated "sesuai" is a
 * nudge, as is advice that names the competency itself.
 */
export const BOBOT_ALASAN: Record<JenisAlasan, number> = {
  PERILAKU_DI_BAWAH: 4,
  HASIL_KERJA_DI_BAWAH: 3,
  PERILAKU_SARAN: 2,
  SARAN_ATASAN: 2,
};

export interface Rekomendasi {
  pelatihan: Pelatihan;
  alasan: Alasan[];
  /** For display and tie-breaking: highest reason weight × 100 + sum of weights. */
  skor: number;
}

export interface OpsiRekomendasi {
  maks?: number;
  /** Catalogue ids to leave out, e.g. already completed this year. */
  kecualikan?: readonly string[];
}

export function sesuaiSasaran(p: Pelatihan, pegawai: ProfilPegawai): boolean {
  const s = p.sasaran;
  if (s?.opd?.length && !s.opd.includes(pegawai.opd)) return false;
  if (s?.jenisJabatan?.length && !s.jenisJabatan.includes(pegawai.jenisJabatan)) return false;
  if (s?.jabatan?.length && !s.jabatan.some((k) => menyebut(pegawai.jabatan, k))) return false;
  return true;
}

const kutip = (s: string, max = 80) => {
  const t = s.trim().replace(/\s+/g, ' ');
  return `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;
};

function alasanUntuk(p: Pelatihan, gaps: Kesenjangan): Alasan[] {
  const saran = gaps.saranAtasan?.trim() ?? '';
  const istilah = [...p.kompetensi, ...(p.kataKunci ?? [])];
  const alasan: Alasan[] = [];
  for (const nilai of p.nilai) {
    const level = gaps.perilaku[nilai];
    if (level === 'DI_BAWAH_EKSPEKTASI') {
      alasan.push({
        jenis: 'PERILAKU_DI_BAWAH',
        nilai,
        teks: `Perilaku kerja ${NAMA_NILAI[nilai]} dinilai di bawah ekspektasi`,
      });
    } else if (level === 'SESUAI_EKSPEKTASI' && KATA_NILAI[nilai].some((k) => menyebut(saran, k))) {
      alasan.push({
        jenis: 'PERILAKU_SARAN',
        nilai,
        teks: `Perilaku kerja ${NAMA_NILAI[nilai]} sudah sesuai ekspektasi, tetapi atasan menyarankan perbaikan: ${kutip(saran)}`,
      });
    }
  }
  for (const row of gaps.hasilKerja) {
    if (row.level !== 'DI_BAWAH_EKSPEKTASI') continue;
    const teks = `${row.rhk} ${row.indikator ?? ''}`;
    const cocok = istilah.filter((k) => menyebut(teks, k));
    if (cocok.length) {
      alasan.push({
        jenis: 'HASIL_KERJA_DI_BAWAH',
        rowId: row.id,
        teks: `Hasil kerja ${kutip(row.rhk)} di bawah ekspektasi (terkait ${cocok.join(', ')})`,
      });
    }
  }
  const disebut = istilah.filter((k) => menyebut(saran, k));
  if (disebut.length) {
    alasan.push({
      jenis: 'SARAN_ATASAN',
      teks: `Saran atasan menyebut ${disebut.join(', ')}: ${kutip(saran)}`,
    });
  }
  return alasan.sort((a, b) => BOBOT_ALASAN[b.jenis] - BOBOT_ALASAN[a.jenis]);
}

/**
 * Catalogue entries that address the evaluation's gaps, strongest reason first. Entries meant
 * for another OPD or jabatan are left out: an agency's technical training is paid from its own
 * budget and seats are not open to others.
 */
export function rekomendasi(
  gaps: Kesenjangan,
  katalog: readonly Pelatihan[],
  pegawai: ProfilPegawai,
  opsi: OpsiRekomendasi = {},
): Rekomendasi[] {
  const maks = opsi.maks ?? MAKS_REKOMENDASI;
  if (!Number.isInteger(maks) || maks < 1) {
    throw validasi('Opsi rekomendasi tidak valid', [
      { path: 'maks', message: 'Jumlah rekomendasi harus bilangan bulat lebih dari 0' },
    ]);
  }
  const kecuali = new Set(opsi.kecualikan ?? []);
  const seen = new Set<string>();
  const hasil: (Rekomendasi & { khusus: boolean; urut: number })[] = [];
  katalog.forEach((p, urut) => {
    if (seen.has(p.id) || kecuali.has(p.id) || !sesuaiSasaran(p, pegawai)) return;
    seen.add(p.id);
    const alasan = alasanUntuk(p, gaps);
    if (!alasan.length) return;
    const bobot = alasan.map((a) => BOBOT_ALASAN[a.jenis]);
    const skor = Math.max(...bobot) * 100 + bobot.reduce((a, b) => a + b, 0);
    // Among equals, training written for the employee's own agency or jabatan is the better fit.
    const khusus = Boolean(p.sasaran?.opd?.length || p.sasaran?.jabatan?.length);
    hasil.push({ pelatihan: p, alasan, skor, khusus, urut });
  });
  return hasil
    .sort((a, b) => b.skor - a.skor || Number(b.khusus) - Number(a.khusus) || a.urut - b.urut)
    .slice(0, maks)
    .map(({ pelatihan, alasan, skor }) => ({ pelatihan, alasan, skor }));
}
