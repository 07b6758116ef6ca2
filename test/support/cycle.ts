import { EMPLOYEES } from '../../infra/local/seed-data.js';
import type { Principal } from '../../shared/app/actor.js';
import { openAssessment } from '../../shared/app/evaluation/cycles.js';
import { putuskan } from '../../shared/app/evaluation/keberatan.js';
import { confirmRencana } from '../../shared/app/development/pengembangan.js';
import { ajukanPenilaianAtasan, ajukanPenilaianMandiri } from '../../shared/app/evaluation/penilaian.js';
import { ajukanPenilaianRekan } from '../../shared/app/evaluation/penilaian-rekan.js';
import { calonRekan, setRekan } from '../../shared/app/evaluation/rekan.js';
import * as skp from '../../shared/app/evaluation/skp.js';
import { berikanUmpanBalik, tanggapiPenilaian } from '../../shared/app/evaluation/umpan-balik.js';
import { getEvaluation, getRows } from '../../shared/data/evaluations.js';
import { getPenilaianRekan, listPenilaianRekan } from '../../shared/data/penilaian-rekan.js';
import { rencanaPada } from '../../shared/data/rencana.js';
import { KODE_BERAKHLAK } from '../../shared/domain/evaluation/berakhlak.js';
import { STAGES, type Stage } from '../../shared/domain/evaluation/evaluation.js';
import type { Level } from '../../shared/domain/evaluation/predikat.js';
import { eventually, waitForEvaluation, WAIT_MS, type TestSystem } from './system.js';

/**
 * Drives one evaluation through the real workflow (synthesized machine, real handlers) to a
 * stage, the way people would: through the same services the API and the web form call.
 */

export const REKAN: Record<string, string[]> = {
  pranata1: ['pranata2', 'pranata3', 'pppkaptika'],
  bidan1: ['perawat1', 'kadinkes', 'vaksinator'],
};

/** The evaluation once the workflow waits on it at `stage` (or has finished, for SELESAI). */
export function atStage(s: TestSystem, nip: string, stage: Stage, timeoutMs = WAIT_MS) {
  return waitForEvaluation(s, nip, (e) => e.stage === stage && (stage === 'SELESAI' || !!e.taskToken), {
    what: stage === 'SELESAI' ? 'finished' : `waiting at ${stage}`,
    timeoutMs,
  });
}

export interface DriveOptions {
  /** Seed keys of the peers (3-5); defaults to REKAN[key]. */
  rekan?: string[];
  /** How many peers answer before the atasan's review (the rest are left waiting). */
  rekanAnswering?: number;
  hasilKerja?: Level;
  perilaku?: Level;
  keberatan?: boolean;
  /** How the atasan's atasan decides the objection (default: ratings upheld). */
  putusan?: { keputusan: 'DIPERTAHANKAN' | 'DIREVISI'; hasilKerja?: Level; perilaku?: Level };
}

const rowInput = {
  jenis: 'UTAMA' as const,
  rhk: 'Meningkatnya layanan publik berbasis aplikasi terintegrasi',
  aspek: 'KUANTITAS' as const,
  indikator: 'Jumlah aplikasi layanan yang terintegrasi SSO',
  target: 5,
  satuan: 'aplikasi',
};

export async function answerRekan(
  s: TestSystem,
  nip: string,
  rekanNip: string,
  level: Level = 'SESUAI_EKSPEKTASI',
) {
  const r = await eventually(async () => {
    const x = await getPenilaianRekan(s.deps, s.cycle.id, nip, rekanNip);
    return x?.taskToken ? x : undefined;
  });
  const nilai = Object.fromEntries(
    KODE_BERAKHLAK.map((k) => [k, { level, komentar: `Contoh perilaku ${k.toLowerCase()} yang terlihat` }]),
  );
  await ajukanPenilaianRekan(s.deps, principalOfNip(s, rekanNip), s.cycle.id, nip, r.version, { nilai });
}

type StepFn = (s: TestSystem, key: string, opts: DriveOptions) => Promise<void>;

const teks = (t: string) => `${t} sepanjang periode penilaian ini.`;

/** What people do at each stage, through the same services the API and the web form call. */
const STEPS: Partial<Record<Stage, StepFn>> = {
  PENETAPAN_TARGET: async (s, key, opts) => {
    const pegawai = s.principal(key);
    const nip = pegawai.nip;
    let e = await atStage(s, nip, 'PENETAPAN_TARGET');
    const added = await skp.addTargetRow(s.deps, pegawai, s.cycle.id, nip, e.version, rowInput);
    const rekanKeys = opts.rekan ?? REKAN[key] ?? [];
    e = await setRekan(
      s.deps,
      pegawai,
      s.cycle.id,
      nip,
      added.evaluation.version,
      rekanKeys.map((k) => s.principal(k).nip),
    );
    e = await skp.submitSkp(s.deps, pegawai, s.cycle.id, nip, e.version);
    await skp.approveSkp(s.deps, s.principal(atasanKey(key)), s.cycle.id, nip, e.version);
  },
  MENUNGGU_PENILAIAN: async (s) => {
    await openAssessment(s.deps, s.cycle.id, s.principal('analissdm'));
  },
  PENILAIAN_MANDIRI: async (s, key) => {
    const p = s.principal(key);
    const e = await atStage(s, p.nip, 'PENILAIAN_MANDIRI');
    const rows = await getRows(s.deps, s.cycle.id, p.nip);
    await ajukanPenilaianMandiri(s.deps, p, s.cycle.id, p.nip, e.version, {
      baris: Object.fromEntries(
        rows.map((r) => [
          r.id,
          {
            realisasi: r.target,
            narasi: 'Tercapai sesuai rencana',
            bukti: ['https://serangkota.go.id/laporan'],
          },
        ]),
      ),
      perilaku: Object.fromEntries(
        KODE_BERAKHLAK.map((k) => [
          k,
          { level: 'SESUAI_EKSPEKTASI', contoh: teks('Melayani sesuai standar') },
        ]),
      ),
    });
  },
  PENILAIAN_ATASAN: async (s, key, opts) => {
    const nip = s.principal(key).nip;
    await answerAllRekan(s, key, opts);
    const e = await atStage(s, nip, 'PENILAIAN_ATASAN');
    const rows = await getRows(s.deps, s.cycle.id, nip);
    const hasilKerja = opts.hasilKerja ?? 'SESUAI_EKSPEKTASI';
    const perilaku = opts.perilaku ?? 'SESUAI_EKSPEKTASI';
    await ajukanPenilaianAtasan(s.deps, s.principal(atasanKey(key)), s.cycle.id, nip, e.version, {
      baris: Object.fromEntries(
        rows.map((r) => [r.id, { level: hasilKerja, catatan: 'Dinilai dari bukti dukung dan pengamatan' }]),
      ),
      hasilKerja: { level: hasilKerja, alasan: 'Sesuai capaian dan bukti dukung yang diperiksa' },
      perilaku: Object.fromEntries(KODE_BERAKHLAK.map((k) => [k, { level: perilaku }])),
      perilakuKerja: { level: perilaku, alasan: 'Sesuai pengamatan atasan dan penilaian rekan' },
    });
  },
  UMPAN_BALIK: async (s, key) => {
    const nip = s.principal(key).nip;
    const e = await atStage(s, nip, 'UMPAN_BALIK');
    const rows = await getRows(s.deps, s.cycle.id, nip);
    await berikanUmpanBalik(s.deps, s.principal(atasanKey(key)), s.cycle.id, nip, e.version, {
      baris: Object.fromEntries(rows.map((r) => [r.id, 'Pertahankan capaian ini'])),
      umum: teks('Kinerja baik dan konsisten'),
      saran: teks('Tingkatkan kemampuan analisis data layanan publik'),
    });
  },
  TANGGAPAN: async (s, key, opts) => {
    const p = s.principal(key);
    const e = await atStage(s, p.nip, 'TANGGAPAN');
    await tanggapiPenilaian(
      s.deps,
      p,
      s.cycle.id,
      p.nip,
      e.version,
      opts.keberatan
        ? {
            jenis: 'KEBERATAN',
            alasan: 'Capaian aplikasi melebihi target tetapi dinilai hanya sesuai ekspektasi',
          }
        : { jenis: 'DITERIMA' },
    );
  },
  KEBERATAN: async (s, key, opts) => {
    const nip = s.principal(key).nip;
    const e = await atStage(s, nip, 'KEBERATAN');
    const putusan = opts.putusan ?? { keputusan: 'DIPERTAHANKAN' as const };
    await putuskan(s.deps, principalOfNip(s, e.atasanAtasanNip!), s.cycle.id, nip, e.version, {
      alasan: 'Bukti dukung dan penilaian atasan telah diperiksa kembali',
      ...putusan,
    });
  },
  RENCANA_PENGEMBANGAN: async (s, key) => {
    const nip = s.principal(key).nip;
    const e = await atStage(s, nip, 'RENCANA_PENGEMBANGAN');
    // A change of the plan: on the plan's version (the evaluation's copy carries it).
    const version = rencanaPada(e)!.rencanaVersion;
    await confirmRencana(s.deps, s.principal(atasanKey(key)), s.cycle.id, nip, version);
  },
};

function principalOfNip(s: TestSystem, nip: string) {
  const found = EMPLOYEES.find((x) => x.nip === nip);
  if (!found) throw new Error(`no seeded employee with NIP ${nip}`);
  return s.principal(found.key);
}

/** The peers' answers (the first `rekanAnswering` of them), once their reviews are asked. */
export async function answerAllRekan(s: TestSystem, key: string, opts: DriveOptions = {}) {
  const nip = s.principal(key).nip;
  const count = (opts.rekan ?? REKAN[key] ?? []).length;
  const reviews = await eventually(async () => {
    const list = await listPenilaianRekan(s.deps, s.cycle.id, nip);
    return list.length === count && list.every((r) => r.status !== 'MENUNGGU' || r.taskToken)
      ? list
      : undefined;
  });
  const waiting = reviews.filter((r) => r.status === 'MENUNGGU');
  const answered = reviews.length - waiting.length;
  const wanted = Math.max(0, (opts.rekanAnswering ?? reviews.length) - answered);
  for (const r of waiting.slice(0, wanted)) await answerRekan(s, nip, r.rekanNip);
}

/**
 * Walks one evaluation from wherever it is to `target` (reached when the workflow waits there,
 * or finished for SELESAI). Safe to call again after a restart: it continues from the
 * recorded stage.
 */
export async function driveTo(s: TestSystem, key: string, target: Stage, opts: DriveOptions = {}) {
  const nip = s.principal(key).nip;
  for (;;) {
    const current = await waitForEvaluation(s, nip, (e) => !!e.taskToken || e.stage === 'SELESAI', {
      what: 'waiting at a stage or finished',
    });
    if (STAGES.indexOf(current.stage) >= STAGES.indexOf(target)) return current;
    await STEPS[current.stage]!(s, key, opts);
    // Wait for the workflow to leave the stage before looking again.
    await waitForEvaluation(s, nip, (e) => e.stage !== current.stage || e.stage === 'SELESAI', {
      what: `past ${current.stage}`,
    });
  }
}

/** The seeded atasan of a seeded employee. */
export function atasanKey(key: string): string {
  const atasanNip = EMPLOYEES.find((x) => x.key === key)?.atasanNip;
  const k = EMPLOYEES.find((x) => x.nip === atasanNip)?.key;
  if (!k) throw new Error(`driveTo: ${key} has no seeded atasan`);
  return k;
}

/** The atasan completes the peer list (first 3 candidates) while deciding, then approves. */
export async function approveWithRekan(
  deps: TestSystem['deps'],
  atasan: Principal,
  cycleId: string,
  nip: string,
  version: number,
) {
  const e = (await getEvaluation(deps, cycleId, nip))!;
  const calon = (await calonRekan(deps, e)).slice(0, 3).map((c) => c.nip);
  const withRekan = await setRekan(deps, atasan, cycleId, nip, version, calon);
  return skp.approveSkp(deps, atasan, cycleId, nip, withRekan.version);
}
