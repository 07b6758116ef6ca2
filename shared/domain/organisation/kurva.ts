import { type Issue, validasi } from '../errors.js';
import type { Predikat } from '../evaluation/predikat.js';

export const PREDIKAT_ORGANISASI = [
  'ISTIMEWA',
  'BAIK',
  'BUTUH_PERBAIKAN',
  'KURANG',
  'SANGAT_KURANG',
] as const;
export type PredikatOrganisasi = (typeof PREDIKAT_ORGANISASI)[number];

export const PREDIKAT_PEGAWAI = [
  'SANGAT_BAIK',
  'BAIK',
  'BUTUH_PERBAIKAN',
  'KURANG',
  'SANGAT_KURANG',
] as const satisfies readonly Predikat[];

/**
 * One bound on the share of employees holding a predikat (or any of several). Shares are
 * fractions of all rated employees; bounds are inclusive ("paling" 0.7 allows exactly 70 %).
 * `minimal: 'ada'` asks for at least one employee whatever the organisation's size.
 */
export type AturanKurva =
  | { readonly predikat: Predikat | readonly Predikat[]; readonly paling: number }
  | { readonly predikat: Predikat | readonly Predikat[]; readonly minimal: number | 'ada' };

export type TabelAturanKurva = Readonly<Record<PredikatOrganisasi, readonly AturanKurva[]>>;

/**
 * SE MenPAN-RB 3/2023 as summarised in docs/regulation.md. The text was read second-hand, so the rules
 * are data: a corrected table can be passed to periksaKurva without changing code.
 */
export const ATURAN_KURVA: TabelAturanKurva = {
  ISTIMEWA: [{ predikat: 'SANGAT_BAIK', paling: 0.7 }],
  BAIK: [
    { predikat: 'BAIK', paling: 0.7 },
    { predikat: ['BUTUH_PERBAIKAN', 'KURANG'], minimal: 'ada' },
  ],
  BUTUH_PERBAIKAN: [
    { predikat: 'BUTUH_PERBAIKAN', minimal: 0.6 },
    { predikat: 'SANGAT_BAIK', paling: 0.1 },
  ],
  KURANG: [
    { predikat: 'KURANG', minimal: 0.6 },
    { predikat: 'BUTUH_PERBAIKAN', minimal: 0.1 },
    { predikat: 'SANGAT_BAIK', paling: 0.1 },
  ],
  SANGAT_KURANG: [
    { predikat: 'SANGAT_KURANG', minimal: 0.6 },
    { predikat: ['KURANG', 'BUTUH_PERBAIKAN'], minimal: 0.1 },
    { predikat: 'SANGAT_BAIK', paling: 0 },
  ],
};

export interface Distribusi {
  total: number;
  jumlah: Record<Predikat, number>;
}

export interface Pelanggaran {
  aturan: AturanKurva;
  pesan: string;
}

export interface HasilKurva {
  sesuai: boolean;
  pelanggaran: Pelanggaran[];
  distribusi: Distribusi;
}

/** Shares and limits are compared in basis points (0.01 %) as integers: 0.7 * 100 is 70.00000000000001. */
const BP = 10_000;

const daftar = (p: Predikat | readonly Predikat[]): readonly Predikat[] => (typeof p === 'string' ? [p] : p);

/** "70%", "33,33%": Indonesian decimal comma, at most two decimals. */
function persen(bp: number): string {
  const sisa = bp % 100;
  return `${Math.trunc(bp / 100)}${sisa ? ',' + String(sisa).padStart(2, '0').replace(/0$/, '') : ''}%`;
}

function batasBp(aturan: AturanKurva): number | 'ada' {
  const batas = 'paling' in aturan ? aturan.paling : aturan.minimal;
  if (batas === 'ada') return batas;
  if (!Number.isFinite(batas) || batas < 0 || batas > 1) {
    throw validasi('Aturan kurva distribusi tidak valid', [
      { path: 'aturan', message: `Batas ${String(batas)} harus berupa pecahan antara 0 dan 1` },
    ]);
  }
  return Math.round(batas * BP);
}

function periksaAturan(
  aturan: AturanKurva,
  organisasi: PredikatOrganisasi,
  { total, jumlah }: Distribusi,
): Pelanggaran | undefined {
  const nama = daftar(aturan.predikat);
  const label = nama.join(' atau ');
  const n = nama.reduce((s, p) => s + jumlah[p], 0);
  const batas = batasBp(aturan);
  // Shown rounded away from the limit, so a message never shows a share that seems to comply.
  const porsi = (naik: boolean) => persen(naik ? Math.ceil((n * BP) / total) : Math.floor((n * BP) / total));
  const pelanggaran = (pesan: string) => ({ aturan, pesan });

  if (batas === 'ada') {
    if (n > 0) return undefined;
    return pelanggaran(
      `Organisasi ${organisasi} harus memiliki paling sedikit satu pegawai ${label}, tetapi tidak ada (0 dari ${total} pegawai)`,
    );
  }
  if ('paling' in aturan) {
    if (n * BP <= batas * total) return undefined;
    if (batas === 0) {
      return pelanggaran(
        `${label} tidak boleh ada untuk organisasi ${organisasi}, tetapi ada ${n} dari ${total} pegawai (${porsi(true)})`,
      );
    }
    return pelanggaran(
      `${label} ${n} dari ${total} pegawai (${porsi(true)}) melebihi batas ${persen(batas)} untuk organisasi ${organisasi}`,
    );
  }
  if (n * BP >= batas * total) return undefined;
  return pelanggaran(
    `${label} ${n} dari ${total} pegawai (${porsi(false)}) kurang dari batas minimal ${persen(batas)} untuk organisasi ${organisasi}`,
  );
}

export function hitungDistribusi(predikat: readonly Predikat[]): Distribusi {
  const issues: Issue[] = [];
  const jumlah = Object.fromEntries(PREDIKAT_PEGAWAI.map((p) => [p, 0])) as Record<Predikat, number>;
  predikat.forEach((p, i) => {
    if (PREDIKAT_PEGAWAI.includes(p)) jumlah[p] += 1;
    else issues.push({ path: `predikat.${i}`, message: `Predikat pegawai "${String(p)}" tidak dikenal` });
  });
  if (issues.length) throw validasi('Predikat pegawai tidak valid', issues);
  return { total: predikat.length, jumlah };
}

/**
 * Checks employee predikat against the curve for the organisation's own predikat.
 * An organisation with nobody rated yet is `sesuai`: the curve bounds a distribution and there
 * is none, and blocking would only lock out an OPD whose ratings have not started (the caller
 * can see `distribusi.total === 0`). All rules are checked, so every problem shows at once.
 */
export function periksaKurva(
  organisasi: PredikatOrganisasi,
  predikatPegawai: readonly Predikat[],
  aturan: TabelAturanKurva = ATURAN_KURVA,
): HasilKurva {
  if (!PREDIKAT_ORGANISASI.includes(organisasi)) {
    throw validasi('Predikat organisasi tidak valid', [
      { path: 'organisasi', message: `Predikat organisasi "${String(organisasi)}" tidak dikenal` },
    ]);
  }
  const distribusi = hitungDistribusi(predikatPegawai);
  if (distribusi.total === 0) return { sesuai: true, pelanggaran: [], distribusi };
  const pelanggaran = aturan[organisasi].flatMap((a) => periksaAturan(a, organisasi, distribusi) ?? []);
  return { sesuai: pelanggaran.length === 0, pelanggaran, distribusi };
}
