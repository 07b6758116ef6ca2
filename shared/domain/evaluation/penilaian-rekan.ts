import { KODE_BERAKHLAK, type KodeBerakhlak } from './berakhlak.js';
import { type Issue, konflik, tidakDitemukan, validasi } from '../errors.js';
import type { Evaluation } from './evaluation.js';
import { allowed } from './actions.js';
import type { PenilaianRekan, StatusRekan } from './penilaian-model.js';
import { BATAS_PENILAIAN, isLevel, periksaLevel, periksaTeks } from './penilaian-umum.js';
import { LEVEL, type Level } from './predikat.js';
import { assertBoleh, type Subjek } from '../people/policy.js';

/** Below this many answers the employee could tell who wrote what: they see only the count. */
export const MIN_JAWABAN_REKAN = 3;

/** What a peer sends; everything may be missing while their review is a draft. */
export interface IsianRekan {
  nilai?: Partial<Record<string, { level?: string | undefined; komentar?: string | undefined }>>;
}

type NilaiRekan = NonNullable<PenilaianRekan['nilai']>;

const detailKonflik = (e: Evaluation, r?: PenilaianRekan) => ({
  stage: e.stage,
  status: e.status,
  ...(r ? { statusRekan: r.status } : {}),
});

/** The peer's own review, for reading: only an approved peer, and only their own. */
export function assertBolehMelihatRekan(
  e: Evaluation,
  r: PenilaianRekan | undefined,
  actor: Subjek,
  now: Date,
): PenilaianRekan {
  assertBoleh(actor, 'NILAI_SEBAGAI_REKAN', e, now);
  if (!r) throw tidakDitemukan('Penilaian rekan untuk pegawai ini belum dibuka');
  return r;
}

/** Why a peer's review is closed to them, per its status (the registry opens it while MENUNGGU). */
const TERTUTUP: Record<StatusRekan, string> = {
  MENUNGGU: 'penilaian rekan ini tidak terbuka untuk Anda',
  SELESAI: 'penilaian Anda sudah diajukan',
  DILEWATI: 'tenggat penilaian rekan sudah lewat sehingga penilaian Anda dilewati',
};

/** The peer's own review, for changing: still waiting for them. */
export function assertBolehMenilaiRekan(
  e: Evaluation,
  r: PenilaianRekan | undefined,
  actor: Subjek,
  verb: string,
  now: Date,
): PenilaianRekan {
  assertBoleh(actor, 'NILAI_SEBAGAI_REKAN', e, now);
  if (!r)
    throw konflik(`Tidak dapat ${verb}: penilaian rekan untuk pegawai ini belum dibuka`, detailKonflik(e));
  if (!allowed(e, actor, 'NILAI_SEBAGAI_REKAN', now, { penilaianRekan: r }))
    throw konflik(`Tidak dapat ${verb}: ${TERTUTUP[r.status]}`, detailKonflik(e, r));
  return r;
}

export function assertVersiRekan(e: Evaluation, r: PenilaianRekan, expected: number): void {
  if (r.version !== expected) {
    throw konflik(
      'Penilaian rekan ini sudah berubah sejak Anda membukanya. Muat ulang halaman lalu coba lagi.',
      {
        currentVersion: r.version,
        ...detailKonflik(e, r),
      },
    );
  }
}

function periksa(input: IsianRekan, lengkap: boolean): { nilai: NilaiRekan; issues: Issue[] } {
  const issues: Issue[] = [];
  for (const kode of Object.keys(input.nilai ?? {})) {
    if (!(KODE_BERAKHLAK as readonly string[]).includes(kode)) {
      issues.push({ path: `nilai.${kode}`, message: 'Bukan nilai BerAKHLAK' });
    }
  }
  const nilai: Partial<Record<KodeBerakhlak, { level?: Level; komentar: string }>> = {};
  for (const kode of KODE_BERAKHLAK) {
    const isian = input.nilai?.[kode] ?? {};
    const level = periksaLevel(issues, `nilai.${kode}.level`, isian.level, lengkap);
    const komentar = periksaTeks(issues, `nilai.${kode}.komentar`, isian.komentar, {
      label: 'Komentar',
      wajib: lengkap,
      min: BATAS_PENILAIAN.komentarMin,
    });
    if (level || komentar) nilai[kode] = { ...(level ? { level } : {}), komentar: komentar ?? '' };
  }
  // Complete when lengkap and no issues: every level was required above.
  return { nilai: nilai as NilaiRekan, issues };
}

export function drafNilaiRekan(input: IsianRekan): Pick<PenilaianRekan, 'nilai'> {
  const { nilai, issues } = periksa(input, false);
  if (issues.length) throw validasi('Penilaian rekan tidak valid', issues);
  return { nilai };
}

/** Every BerAKHLAK value rated with a comment; the workflow must be waiting for this peer. */
export function ajukanNilaiRekan(
  e: Evaluation,
  r: PenilaianRekan,
  input: IsianRekan,
  at: string,
): Pick<PenilaianRekan, 'nilai' | 'status' | 'diajukanPada'> {
  if (!r.taskToken) {
    throw konflik(
      'Alur kerja belum atau sedang tidak menunggu penilaian Anda (mungkin sedang dipulihkan). Coba lagi sebentar lagi.',
      detailKonflik(e, r),
    );
  }
  const { nilai, issues } = periksa(input, true);
  if (issues.length) throw validasi('Penilaian rekan belum lengkap', issues);
  return { nilai, status: 'SELESAI', diajukanPada: at };
}

export interface AgregatNilai {
  kode: KodeBerakhlak;
  jumlah: Record<Level, number>;
  /** Sorted by text, so that their order says nothing about who wrote them or when. */
  komentar: string[];
}

export interface AgregatRekan {
  diminta: number;
  menjawab: number;
  dilewati: number;
  /** Present only with MIN_JAWABAN_REKAN answers or more. */
  perNilai?: AgregatNilai[];
}

const urutTeks = (a: string, b: string) => a.localeCompare(b, 'id') || (a < b ? -1 : a > b ? 1 : 0);

/**
 * What the evaluated employee may learn from their peers. It takes no identities at all, so
 * none can leak: counts per level per BerAKHLAK value and the comments in text order, and
 * nothing but the counts of answers with fewer than three.
 */
export function agregatRekan(reviews: readonly Pick<PenilaianRekan, 'status' | 'nilai'>[]): AgregatRekan {
  const selesai = reviews.filter((r) => r.status === 'SELESAI');
  const counts = {
    diminta: reviews.length,
    menjawab: selesai.length,
    dilewati: reviews.filter((r) => r.status === 'DILEWATI').length,
  };
  if (selesai.length < MIN_JAWABAN_REKAN) return counts;
  const perNilai = KODE_BERAKHLAK.map((kode): AgregatNilai => {
    const jumlah = Object.fromEntries(LEVEL.map((l) => [l, 0])) as Record<Level, number>;
    const komentar: string[] = [];
    for (const r of selesai) {
      const n = r.nilai?.[kode];
      if (!n) continue;
      if (isLevel(n.level)) jumlah[n.level]++;
      if (n.komentar?.trim()) komentar.push(n.komentar.trim());
    }
    return { kode, jumlah, komentar: komentar.sort(urutTeks) };
  });
  return { ...counts, perNilai };
}
