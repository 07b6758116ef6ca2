import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { EMPLOYEES, OPD, UNIT } from '../../infra/local/seed-data.js';
import type { Principal } from '../../shared/app/actor.js';
import { cariKatalog } from '../../shared/app/development/pengembangan.js';
import { openAssessment } from '../../shared/app/evaluation/cycles.js';
import * as skp from '../../shared/app/evaluation/skp.js';
import { setRekan } from '../../shared/app/evaluation/rekan.js';
import { getEvaluation, getRows, getWithHistory } from '../../shared/data/evaluations.js';
import { keys } from '../../shared/data/keys.js';
import { getPenilaianRekan } from '../../shared/data/penilaian-rekan.js';
import { getRencana } from '../../shared/data/rencana.js';
import { getItem } from '../../shared/data/query.js';
import type { Stage, Status } from '../../shared/domain/evaluation/stages.js';
import type { Peran } from '../../shared/domain/people/policy.js';
import { atasanKey, driveTo, REKAN, type DriveOptions } from './cycle.js';
import { launchAndWait, registeredEvaluation, startTestSystem, type TestSystem } from './system.js';

/**
 * A seeded, launched system with evaluations waiting at chosen stages, and the people around
 * each one: what the probes act on. Every id a probe sends comes from here, so requests reach
 * past "not found" into the stage's own checks and writes.
 */

/** One evaluation the world drives: to `stage` (and `status`, for target setting). */
export interface Staged {
  key: string;
  stage: Stage;
  status?: Extract<Status, 'DRAFT' | 'DIAJUKAN'>;
  /** How to drive it; its peers are always `rekanOf(key)`. */
  opts?: Omit<DriveOptions, 'rekan'>;
}

/** The roles a probe acts in, as the policy names them. */
export const PERSONAS: readonly Peran[] = [
  'PEGAWAI',
  'ATASAN',
  'ATASAN_ATASAN',
  'REKAN',
  'KEPALA_OPD',
  'ADMIN_BKPSDM',
  'AUDITOR',
];

const keyOfNip = (nip: string) => EMPLOYEES.find((e) => e.nip === nip)?.key;
const employee = (key: string) => EMPLOYEES.find((e) => e.key === key)!;

/** Same agency, not the person, their atasan nor the atasan's atasan: who may be a rekan. */
export function colleagues(key: string): string[] {
  const e = employee(key);
  const up = atasanKey(key);
  const upUp = employee(up).atasanNip && keyOfNip(employee(up).atasanNip!);
  return EMPLOYEES.filter(
    (x) => x.opd === e.opd && x.key !== key && x.key !== up && x.key !== upUp && x.aktif,
  ).map((x) => x.key);
}

/** The peers a staged evaluation asks for: the seeded choice, else the first three colleagues. */
export const rekanOf = (key: string) => REKAN[key] ?? colleagues(key).slice(0, 3);

/** The person in `role` for the evaluation of `key` (`n` picks among several peers). */
export function personaKey(role: Peran, key: string, n = 0): string {
  switch (role) {
    case 'PEGAWAI':
      return key;
    case 'ATASAN':
      return atasanKey(key);
    case 'ATASAN_ATASAN':
      return atasanKey(atasanKey(key));
    case 'REKAN': {
      const peers = rekanOf(key);
      return peers[n % peers.length]!;
    }
    case 'KEPALA_OPD':
      return EMPLOYEES.find((x) => x.opd === employee(key).opd && x.jenisJabatan === 'JPT')?.key ?? 'sekda';
    case 'ADMIN_BKPSDM':
      return 'analissdm';
    case 'AUDITOR':
      return AUDITOR;
  }
}

/** No seeded person audits; this one is made an auditor by `buildWorld`. */
export const AUDITOR = 'perencana1';

export interface World {
  s: TestSystem;
  cycleId: string;
  staged: Staged[];
  principal: (key: string) => Principal;
}

async function setFlag(s: TestSystem, key: string, expr: string, values: Record<string, unknown>) {
  await s.deps.ddb.send(
    new UpdateCommand({
      TableName: s.deps.tableName,
      Key: keys.employee(s.principal(key).nip),
      UpdateExpression: expr,
      ExpressionAttributeValues: values,
    }),
  );
}

const ROW = {
  jenis: 'UTAMA' as const,
  rhk: 'Meningkatnya kualitas layanan publik yang terukur',
  aspek: 'KUANTITAS' as const,
  indikator: 'Jumlah layanan yang terukur indeks kepuasannya',
  target: 4,
  satuan: 'layanan',
};

/** Target setting, by hand: a row (and for DIAJUKAN the peers and the submission). */
async function atTargetSetting(s: TestSystem, w: Staged) {
  const p = s.principal(w.key);
  let e = await registeredEvaluation(s, p.nip);
  e = (await skp.addTargetRow(s.deps, p, s.cycle.id, p.nip, e.version, ROW)).evaluation;
  if (w.status !== 'DIAJUKAN') return;
  e = await setRekan(
    s.deps,
    p,
    s.cycle.id,
    p.nip,
    e.version,
    rekanOf(w.key).map((k) => s.principal(k).nip),
  );
  await skp.submitSkp(s.deps, p, s.cycle.id, p.nip, e.version);
}

/**
 * Starts a system for `scope` (a test system, unless `start` says otherwise: the bench has no
 * vitest to provide DynamoDB Local), launches its cycle through the real CycleLaunch machine,
 * makes perencana1 an auditor, and drives every staged evaluation (side by side) to its stage.
 */
export async function buildWorld(
  scope: string[],
  staged: Staged[],
  start: (scope: string[]) => Promise<TestSystem> = (sc) => startTestSystem({ cycle: { scope: sc } }),
): Promise<World> {
  const s = await start(scope);
  await launchAndWait(s);
  await setFlag(s, AUDITOR, 'SET auditor = :t', { ':t': true });
  const drive = (w: Staged, to: Stage) => driveTo(s, w.key, to, { rekan: rekanOf(w.key), ...w.opts });
  const beyond = staged.filter((w) => w.stage !== 'PENETAPAN_TARGET');
  try {
    // Everyone going further waits for the assessment window first, and BKPSDM opens it once
    // for all of them. One arriving after the opening gets a one-second wait, which a loaded
    // machine can miss (its registration's SendTaskSuccess then answers TaskTimedOut and the
    // local execution fails): that race is not what this world is for.
    await Promise.all([
      ...staged.filter((w) => w.stage === 'PENETAPAN_TARGET').map((w) => atTargetSetting(s, w)),
      ...beyond.map((w) => drive(w, 'MENUNGGU_PENILAIAN')),
    ]);
    if (beyond.length) await openAssessment(s.deps, s.cycle.id, s.principal('analissdm'));
    await Promise.all(beyond.map((w) => drive(w, w.stage)));
  } catch (err) {
    // Which evaluation stopped where, with its trail: a stuck workflow says more than a timeout.
    const trails = await Promise.all(
      staged.map(async (w) => {
        const t = await getWithHistory(s.deps, s.cycle.id, s.principal(w.key).nip);
        const steps = t?.history.map((h) => `${h.at.slice(11, 23)} ${h.action} v${h.version}`).join(', ');
        const e = t?.evaluation;
        const failed = e?.alurGagal ? ` WORKFLOW FAILED ${JSON.stringify(e.alurGagal)}` : '';
        return `${w.key}: ${e?.stage}/${e?.status} v${e?.version}${e?.taskToken ? ' (waiting)' : ''}${failed}: ${steps}`;
      }),
    );
    s.stop();
    throw new Error(`buildWorld: ${String(err)}\n${trails.join('\n')}`, { cause: err });
  }
  return { s, cycleId: s.cycle.id, staged, principal: (k) => s.principal(k) };
}

/** The version a change to this evaluation's record would carry, read now, per kind of record. */
export async function versions(
  s: TestSystem,
  cycleId: string,
  nip: string,
  actorNip: string,
  kind: 'evaluation' | 'rekan' | 'rencana' | 'kurva',
  extra: { tahun?: number; opd?: string } = {},
): Promise<number[]> {
  const e = await getEvaluation(s.deps, cycleId, nip);
  switch (kind) {
    case 'rekan': {
      const r = await getPenilaianRekan(s.deps, cycleId, nip, actorNip);
      return [r?.version, e?.version].filter((v): v is number => v !== undefined);
    }
    case 'rencana': {
      const tahun = extra.tahun ?? e?.rencanaPengembangan?.tahun;
      const r = tahun ? await getRencana(s.deps, extra.tahun ? actorNip : nip, tahun) : undefined;
      return [r?.version, e?.version].filter((v): v is number => v !== undefined);
    }
    case 'kurva': {
      const k = await getItem<{ version: number }>(s.deps, keys.kurva(cycleId, extra.opd ?? ''));
      return [k?.version ?? 0];
    }
    default:
      return e ? [e.version] : [];
  }
}

/** Ids a probe may need, read now (rows and plan items change as the probes act). */
export async function idsFor(s: TestSystem, cycleId: string, key: string, actorKey: string) {
  const nip = s.principal(key).nip;
  const e = await getEvaluation(s.deps, cycleId, nip);
  const tahun = e?.rencanaPengembangan?.tahun ?? 2027;
  const [rows, atasanRows, plan, ownPlan] = await Promise.all([
    getRows(s.deps, cycleId, nip),
    e?.atasanNip ? getRows(s.deps, cycleId, e.atasanNip) : Promise.resolve([]),
    getRencana(s.deps, nip, tahun),
    getRencana(s.deps, s.principal(actorKey).nip, 2027),
  ]);
  return {
    row: rows.map((r) => r.id),
    atasanRow: atasanRows.map((r) => r.id),
    item: [...(plan?.items ?? []), ...(ownPlan?.items ?? [])].map((i) => i.id),
    nip: [nip, s.principal(actorKey).nip, ...EMPLOYEES.map((x) => x.nip)],
    colleague: colleagues(key).map((k) => s.principal(k).nip),
    pelatihan: cariKatalog({}).map((p) => p.id),
    opd: [employee(key).opd, ...OPD.map((o) => o.kode)],
    unit: [employee(key).unit, ...UNIT.filter((u) => u.opd === employee(key).opd).map((u) => u.kode)],
    date: ['2027-02-12', '2027-01-01', '2027-12-31', '2027-02-30', '2026-02-29', '2099-01-01', '1900-01-01'],
  };
}
