import type { Cycle } from './cycle.js';
import { DomainError, type Issue, dilarang, konflik, validasi } from '../errors.js';
import type { Stage } from './evaluation.js';
import {
  ATURAN_KURVA,
  type HasilKurva,
  PREDIKAT_ORGANISASI,
  type PredikatOrganisasi,
  type TabelAturanKurva,
  periksaKurva,
} from '../organisation/kurva.js';
import type { Subjek } from '../people/policy.js';
import type { Predikat } from './predikat.js';

/** An agency's own predikat for a cycle, as its head or BKPSDM set it (who, when and why). */
export interface KurvaOrganisasi {
  cycleId: string;
  opd: string;
  predikat: PredikatOrganisasi;
  alasan: string;
  oleh: { nip: string; nama: string };
  pada: string;
  version: number;
}

export const BATAS_ALASAN_KURVA = { min: 10, max: 1000 } as const;
export const MIN_ALASAN_PENGECUALIAN = 20;
export const BATAS_MASALAH_DITAMPILKAN = 200;

export const LABEL_PREDIKAT_ORGANISASI: Record<PredikatOrganisasi, string> = {
  ISTIMEWA: 'Istimewa',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

/** The agency's head sets its own agency's predikat; BKPSDM any agency's. */
export function bolehTetapkanKurva(s: Subjek, opd: string): boolean {
  return !!s.admin || s.kepalaOpd === opd;
}

/** A cycle's records may change until it is closed (also while it is prepared, before launch). */
export function assertCycleNotClosed(cycle: Pick<Cycle, 'id' | 'status'>): void {
  if (cycle.status === 'DITUTUP') {
    throw konflik(`Siklus ${cycle.id} sudah ditutup; datanya tidak dapat diubah lagi`, {
      status: cycle.status,
    });
  }
}

/** Only a launched, open cycle can be closed. */
export function assertCycleClosable(cycle: Pick<Cycle, 'id' | 'status'>): void {
  assertCycleNotClosed(cycle);
  if (cycle.status !== 'DIBUKA') {
    throw konflik(`Siklus ${cycle.id} belum diluncurkan, sehingga belum ada yang dapat ditutup`, {
      status: cycle.status,
    });
  }
}

export function periksaKurvaInput(
  s: Subjek,
  opd: string,
  cycle: Pick<Cycle, 'id' | 'status'>,
  input: { predikat: PredikatOrganisasi; alasan: string },
): { predikat: PredikatOrganisasi; alasan: string } {
  if (!bolehTetapkanKurva(s, opd))
    throw dilarang('Hanya kepala OPD ini atau BKPSDM yang dapat menetapkan predikat organisasinya');
  assertCycleNotClosed(cycle);
  const issues: Issue[] = [];
  if (!PREDIKAT_ORGANISASI.includes(input.predikat))
    issues.push({ path: 'predikat', message: 'Pilih predikat kinerja organisasi' });
  const alasan = (input.alasan ?? '').trim();
  const { min, max } = BATAS_ALASAN_KURVA;
  if (alasan.length < min)
    issues.push({
      path: 'alasan',
      message: `Tuliskan dasar penetapan (mis. hasil evaluasi SAKIP), minimal ${min} karakter`,
    });
  else if (alasan.length > max) issues.push({ path: 'alasan', message: `Paling banyak ${max} karakter` });
  if (issues.length) throw validasi('Predikat organisasi tidak valid', issues);
  return { predikat: input.predikat, alasan };
}

/** What the close check needs of one evaluation. */
export interface CycleEvaluation {
  nip: string;
  nama: string;
  opd: string;
  stage: Stage;
  predikat?: Predikat | undefined;
  /** Still in the response window, or objected and not yet decided: the predikat may change. */
  keberatanTertunda: boolean;
}

export interface PemeriksaanOpd {
  opd: string;
  predikatOrganisasi?: PredikatOrganisasi;
  /** Absent while the agency's predikat is not set. */
  kurva?: HasilKurva;
  jumlahEvaluasi: number;
  belumDinilai: number;
  masalah: string[];
}

export interface PemeriksaanPenutupan {
  bolehDitutup: boolean;
  opd: PemeriksaanOpd[];
  belumDinilai: Pick<CycleEvaluation, 'nip' | 'nama' | 'opd' | 'stage'>[];
  keberatanTertunda: Pick<CycleEvaluation, 'nip' | 'nama' | 'opd' | 'stage'>[];
  /** Every problem in one list, addressed per agency (`opd.<kode>`) or per evaluation (`evaluasi.<nip>`). */
  masalah: Issue[];
}

const pendingOf = ({ nip, nama, opd, stage }: CycleEvaluation) => ({ nip, nama, opd, stage });

/**
 * Per agency: is its predikat set, and do its employees' predikat fit the curve? Evaluations
 * without a predikat are left out of the distribution and listed, as are undecided objections,
 * so that BKPSDM sees exactly what a close would freeze.
 */
export function periksaPenutupan(
  evaluasi: readonly CycleEvaluation[],
  kurva: Readonly<Record<string, PredikatOrganisasi | undefined>>,
  aturan: TabelAturanKurva = ATURAN_KURVA,
): PemeriksaanPenutupan {
  const perOpd = new Map<string, CycleEvaluation[]>();
  for (const e of evaluasi) perOpd.set(e.opd, [...(perOpd.get(e.opd) ?? []), e]);
  const masalah: Issue[] = [];
  const opd = [...perOpd.keys()].sort().map((kode): PemeriksaanOpd => {
    const daftar = perOpd.get(kode)!;
    const predikat = daftar.flatMap((e) => (e.predikat ? [e.predikat] : []));
    const predikatOrganisasi = kurva[kode];
    const belumDinilai = daftar.length - predikat.length;
    const pesan: string[] = [];
    let hasil: HasilKurva | undefined;
    if (!predikatOrganisasi) {
      pesan.push(`Predikat kinerja organisasi ${kode} belum ditetapkan`);
    } else {
      hasil = periksaKurva(predikatOrganisasi, predikat, aturan);
      pesan.push(...hasil.pelanggaran.map((p) => `${kode}: ${p.pesan}`));
    }
    for (const p of pesan) masalah.push({ path: `opd.${kode}`, message: p });
    return {
      opd: kode,
      ...(predikatOrganisasi ? { predikatOrganisasi } : {}),
      ...(hasil ? { kurva: hasil } : {}),
      jumlahEvaluasi: daftar.length,
      belumDinilai,
      masalah: pesan,
    };
  });
  const belumDinilai = evaluasi.filter((e) => !e.predikat).map(pendingOf);
  const keberatanTertunda = evaluasi.filter((e) => e.predikat && e.keberatanTertunda).map(pendingOf);
  for (const e of belumDinilai)
    masalah.push({ path: `evaluasi.${e.nip}`, message: `${e.nama} (${e.opd}) belum memiliki predikat` });
  for (const e of keberatanTertunda)
    masalah.push({
      path: `evaluasi.${e.nip}`,
      message: `Masa tanggapan atau keberatan ${e.nama} (${e.opd}) belum selesai; predikatnya masih dapat berubah`,
    });
  return { bolehDitutup: masalah.length === 0, opd, belumDinilai, keberatanTertunda, masalah };
}

export interface KeputusanPenutupan {
  pengecualian: boolean;
  alasan?: string;
}

/**
 * Closing needs a clean check, or BKPSDM's explicit exception with a reason that goes on the
 * cycle's log together with every problem it overrode.
 */
export function putuskanPenutupan(
  s: Subjek,
  cycle: Pick<Cycle, 'id' | 'status'>,
  pemeriksaan: PemeriksaanPenutupan,
  alasanPengecualian?: string,
): KeputusanPenutupan {
  if (!s.admin) throw dilarang('Hanya admin BKPSDM yang dapat menutup siklus');
  assertCycleClosable(cycle);
  const alasan = (alasanPengecualian ?? '').trim();
  if (alasan && alasan.length < MIN_ALASAN_PENGECUALIAN) {
    throw validasi('Alasan pengecualian terlalu pendek', [
      { path: 'alasanPengecualian', message: `Minimal ${MIN_ALASAN_PENGECUALIAN} karakter` },
    ]);
  }
  if (alasan.length > 2000) {
    throw validasi('Alasan pengecualian terlalu panjang', [
      { path: 'alasanPengecualian', message: 'Paling banyak 2000 karakter' },
    ]);
  }
  if (pemeriksaan.bolehDitutup) return { pengecualian: false, ...(alasan ? { alasan } : {}) };
  if (!alasan) {
    const n = pemeriksaan.masalah.length;
    throw new DomainError(
      'KONFLIK',
      `Siklus ${cycle.id} belum dapat ditutup: ${n} masalah. ${pemeriksaan.masalah
        .slice(0, 5)
        .map((m) => m.message)
        .join(
          '; ',
        )}${n > 5 ? '; …' : ''}. BKPSDM dapat menutup dengan pengecualian beralasan (minimal ${MIN_ALASAN_PENGECUALIAN} karakter).`,
      // A city-wide close attempted early can list thousands: the first ones and the counts suffice.
      pemeriksaan.masalah.slice(0, BATAS_MASALAH_DITAMPILKAN),
      {
        status: cycle.status,
        jumlahMasalah: n,
        jumlahBelumDinilai: pemeriksaan.belumDinilai.length,
        jumlahKeberatanTertunda: pemeriksaan.keberatanTertunda.length,
      },
    );
  }
  return { pengecualian: true, alasan };
}
