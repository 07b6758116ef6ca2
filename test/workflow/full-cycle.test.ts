import { afterEach, describe, expect, it } from 'vitest';
import { launchCycle } from '../../shared/app/cycle-launch.js';
import { getWithHistory } from '../../shared/data/evaluations.js';
import { executionName } from '../../shared/domain/cycle.js';
import { driveTo } from '../support/cycle.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

const systems: TestSystem[] = [];
afterEach(() => {
  for (const s of systems.splice(0)) s.stop();
});

async function started(options: Parameters<typeof startTestSystem>[0] = {}) {
  const s = await startTestSystem({ ...options, cycle: { scope: ['DISKOMINFO'], ...options.cycle } });
  systems.push(s);
  await launchCycle(s.deps, s.cycle.id);
  return s;
}

const executionOf = (s: TestSystem, nip: string) =>
  s.engine.executions.get(
    `${s.deps.stateMachines.employeeEvaluation.replace(':stateMachine:', ':execution:')}:${executionName(s.cycle.id, nip)}`,
  )!;

const PEER = ['PenilaianRekan', 'PenilaianRekanTercatat'];
export const HAPPY_PATH = [
  'AlurEvaluasi',
  'MulaiDariTahap',
  'TenggatPenetapanTarget',
  'PenetapanTarget',
  'JadwalMasaPenilaian',
  'MenungguMasaPenilaian',
  'TenggatPenilaianMandiri',
  'PenilaianMandiri',
  'PenilaianAtasanDanRekan',
  'TenggatPenilaianAtasan',
  'PenilaianAtasan',
  'PenilaianAtasanTercatat',
  'DaftarRekanPenilai',
  'SetiapRekanPenilai',
  ...PEER,
  ...PEER,
  ...PEER,
  'HitungPredikat',
  'TenggatUmpanBalik',
  'UmpanBalik',
  'TenggatTanggapan',
  'TanggapanPegawai',
  'TenggatKeberatan',
  'PutusanKeberatanDiperlukan',
  'RekomendasiPelatihan',
  'TenggatRencanaPengembangan',
  'RencanaPengembangan',
  'TutupEvaluasi',
  'EvaluasiSelesai',
];

describe('EmployeeEvaluation: the whole cycle', () => {
  it('runs every stage with a supervisor, an employee and 3 peers', async () => {
    const s = await started();
    const nip = s.principal('pranata1').nip;
    const e = await driveTo(s, 'pranata1', 'SELESAI');
    expect(e).toMatchObject({ stage: 'SELESAI', status: 'SELESAI' });
    expect(e.hasil).toMatchObject({ predikat: 'BAIK', sumber: 'ATASAN' });
    expect(e.rekanRingkas).toEqual({ diminta: 3, menjawab: 3, terlewat: 0 });
    const x = executionOf(s, nip);
    await x.done;
    expect(x.status).toBe('SUCCEEDED');
    const entered = x.events.filter((ev) => ev.type === 'StateEntered').map((ev) => ev.state!);
    // Deterministic cost budget (docs/cost.md): states entered and Lambda invocations for one
    // employee-cycle with 3 peers and no objection. Branches interleave, so compare as a multiset.
    expect([...entered].sort()).toEqual([...HAPPY_PATH].sort());
    expect(x.invocations).toBe(22);
    const trail = (await getWithHistory(s.deps, s.cycle.id, nip))!.history.map((a) => a.action);
    expect(trail.filter((a) => a === 'TAHAP_DIBUKA')).toHaveLength(7);
    expect(trail.at(-1)).toBe('EVALUASI_SELESAI');
  }, 60_000);
});
