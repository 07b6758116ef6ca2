import { type Issue, konflik, validasi } from '../errors.js';
import { assertAction, assertMenunggu } from './actions.js';
import type { Actor, Evaluation } from './evaluation.js';
import type { Tanggapan, UmpanBalik } from './penilaian-model.js';

// The services import it from here; it lives with the other action guards.
export { assertMenunggu };

/**
 * Limits of the feedback texts. The minimums keep "ok" or "lanjutkan" from passing as feedback:
 * twenty characters is about one short sentence.
 */
export const BATAS_UMPAN_BALIK = {
  baris: 1000,
  umum: 2000,
  saran: 2000,
  minUmum: 20,
  minSaran: 20,
  minBarisDiBawah: 10,
} as const;

export const BATAS_ALASAN_KEBERATAN = { min: 20, max: 2000 } as const;

export interface UmpanBalikInput {
  baris: Record<string, string | undefined>;
  umum: string;
  saran: string;
}

/** What the feedback is about: the SKP's rows and which of them the atasan rated below expectation. */
export interface KonteksUmpanBalik {
  rowIds: readonly string[];
  barisDiBawah: readonly string[];
}

function teks(
  issues: Issue[],
  path: string,
  value: string | undefined,
  label: string,
  max: number,
  min = 0,
): string {
  const v = (value ?? '').trim();
  if (min > 0 && v.length < min)
    issues.push({ path, message: `${label} wajib diisi, minimal ${min} karakter` });
  else if (v.length > max) issues.push({ path, message: `${label} paling banyak ${max} karakter` });
  return v;
}

/**
 * Feedback rule (PermenPAN-RB 6/2022 asks for feedback per row and overall):
 * - overall feedback and concrete improvement advice (saran) are always required: the advice
 *   also feeds the training recommendation;
 * - every row the atasan rated below expectation needs its own feedback, because that is where
 *   the employee has to know what to change; feedback on other rows is welcome but optional, so
 *   that a 30-row SKP that went well does not demand 30 compliments.
 * A draft (`lengkap: false`) is only checked for lengths and row ids, so it can be saved half done.
 */
export function susunUmpanBalik(
  input: UmpanBalikInput,
  konteks: KonteksUmpanBalik,
  lengkap: boolean,
): UmpanBalik {
  const issues: Issue[] = [];
  const B = BATAS_UMPAN_BALIK;
  const baris: Record<string, string> = {};
  for (const [rowId, value] of Object.entries(input.baris ?? {})) {
    if (!konteks.rowIds.includes(rowId)) {
      issues.push({ path: `baris.${rowId}`, message: 'Baris hasil kerja ini tidak ada pada SKP' });
      continue;
    }
    const v = teks(issues, `baris.${rowId}`, value, 'Umpan balik hasil kerja', B.baris);
    if (v) baris[rowId] = v;
  }
  const umum = teks(issues, 'umum', input.umum, 'Umpan balik umum', B.umum, lengkap ? B.minUmum : 0);
  const saran = teks(issues, 'saran', input.saran, 'Saran perbaikan', B.saran, lengkap ? B.minSaran : 0);
  if (lengkap) {
    for (const rowId of konteks.barisDiBawah) {
      if ((baris[rowId] ?? '').length < B.minBarisDiBawah && !issues.some((i) => i.path === `baris.${rowId}`))
        issues.push({
          path: `baris.${rowId}`,
          message: `Hasil kerja ini dinilai di bawah ekspektasi: tuliskan umpan baliknya (minimal ${B.minBarisDiBawah} karakter)`,
        });
    }
  }
  if (issues.length) throw validasi('Umpan balik belum lengkap atau tidak valid', issues);
  return { baris, umum, saran };
}

/** Drafting and giving feedback: the atasan, while the feedback stage is open. */
export function assertBisaUmpanBalik(e: Evaluation, actor: Actor, verb: string, now: Date): void {
  assertAction(e, actor, 'BERI_UMPAN_BALIK', now, verb);
}

export type JenisTanggapanPegawai = 'DITERIMA' | 'KEBERATAN';

/**
 * The employee's answer to the rating and feedback, within the stage's window: after the
 * deadline the workflow records an automatic acknowledgement instead, and an objection filed
 * late could otherwise race it.
 */
export function tanggapi(
  e: Evaluation,
  actor: Actor,
  input: { jenis: JenisTanggapanPegawai; alasan?: string | undefined },
  now: Date,
): Tanggapan {
  assertAction(e, actor, 'TANGGAPI_PENILAIAN', now, 'menanggapi penilaian');
  assertMenunggu(e, 'tanggapan Anda');
  if (e.deadline && now.getTime() > new Date(e.deadline).getTime()) {
    throw konflik('Masa tanggapan sudah berakhir; penilaian dianggap diterima.', {
      stage: e.stage,
      status: e.status,
      deadline: e.deadline,
    });
  }
  const issues: Issue[] = [];
  if (input.jenis !== 'DITERIMA' && input.jenis !== 'KEBERATAN')
    issues.push({ path: 'jenis', message: 'Pilih menerima penilaian atau mengajukan keberatan' });
  const { min, max } = BATAS_ALASAN_KEBERATAN;
  const alasan = teks(
    issues,
    'alasan',
    input.alasan,
    input.jenis === 'KEBERATAN' ? 'Alasan keberatan' : 'Catatan',
    max,
    input.jenis === 'KEBERATAN' ? min : 0,
  );
  if (issues.length) throw validasi('Tanggapan tidak valid', issues);
  // An objection with nobody to decide it would sit forever: refuse it with the way out.
  if (input.jenis === 'KEBERATAN' && !e.atasanAtasanNip) {
    throw konflik(
      'Atasan dari atasan langsung Anda belum tercatat, sehingga keberatan tidak dapat diputus. Hubungi pengelola kinerja (BKPSDM).',
      { stage: e.stage, status: e.status },
    );
  }
  return { jenis: input.jenis, ...(alasan ? { alasan } : {}), pada: now.toISOString() };
}
