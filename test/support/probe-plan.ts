import type { Finding, FuzzOptions } from './probe-fuzz.js';
import type { Staged } from './probe-world.js';

/** The agencies the fuzz's cycle covers: the staged people, their peers, BKPSDM and the auditor's. */
export const FUZZ_SCOPE = ['DISKOMINFO', 'DINKES', 'BKPSDM', 'BAPPEDA'];

/**
 * One evaluation waiting at each stage a person acts in, so that every stage route has one
 * where its writes can be reached.
 */
export const FUZZ_WORLD: Staged[] = [
  // The atasan's own SKP, so that a row can name the atasan's row it contributes to.
  { key: 'kabidaptika', stage: 'PENETAPAN_TARGET', status: 'DRAFT' },
  { key: 'pranata2', stage: 'PENETAPAN_TARGET', status: 'DRAFT' },
  { key: 'pranata3', stage: 'PENETAPAN_TARGET', status: 'DIAJUKAN' },
  { key: 'pranata1', stage: 'PENILAIAN_MANDIRI' },
  // Its peers' reviews stay open beside the atasan's.
  { key: 'pppkaptika', stage: 'PENILAIAN_ATASAN', opts: { rekanAnswering: 0 } },
  { key: 'bidan1', stage: 'UMPAN_BALIK' },
  { key: 'perawat1', stage: 'TANGGAPAN' },
  { key: 'vaksinator', stage: 'KEBERATAN', opts: { keberatan: true } },
  { key: 'pranatahumas', stage: 'RENCANA_PENGEMBANGAN' },
];

const num = (v: string | undefined, fallback: number) =>
  v && Number.isFinite(Number(v)) ? Number(v) : fallback;

/**
 * FUZZ_RUNS random requests per operation (besides the sweep); FUZZ_SEED to repeat a run;
 * FUZZ_OP and FUZZ_PATH to replay one request of one operation.
 */
export function fuzzOptions(
  env: NodeJS.ProcessEnv = process.env,
  defaultRuns = 6,
): FuzzOptions & { only?: string } {
  return {
    runs: num(env.FUZZ_RUNS, defaultRuns),
    seed: num(env.FUZZ_SEED, Math.floor(Math.random() * 2 ** 31)),
    ...(env.FUZZ_PATH !== undefined ? { path: env.FUZZ_PATH } : {}),
    ...(env.FUZZ_VERBOSE ? { verbose: true } : {}),
    ...(env.FUZZ_OP ? { only: env.FUZZ_OP } : {}),
  };
}

/** One line per finding, grouped by operation: what the lead hands on. */
export function formatFindings(found: Finding[]): string {
  return found
    .map(
      (f) => `${f.op}\n  ${f.kind} ${f.status}: ${f.detail}\n  request: ${f.request}\n  replay: ${f.replay}`,
    )
    .join('\n');
}
