import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycleFor, startLaunch } from '../../shared/app/evaluation/cycles.js';
import { UKURAN_KELOMPOK } from '../../shared/app/evaluation/cycle-launch.js';
import { getCycle } from '../../shared/data/cycles.js';
import { listByCycle } from '../../shared/data/evaluations.js';
import { employeeItem } from '../../shared/data/people.js';
import type { Employee } from '../../shared/domain/people/employee.js';
import { EMPLOYEES } from '../../infra/local/seed-data.js';
import { pnsNip } from '../roster/fixtures.js';
import { eventually, startTestSystem, type TestSystem } from '../support/system.js';

const GENERATED = 500;
let s: TestSystem;

/** Teachers under the seeded head of the primary-school division, with valid, distinct NIPs. */
function teachers(atasanNip: string): Employee[] {
  return Array.from({ length: GENERATED }, (_, i) => ({
    nip: pnsNip(i),
    nama: `Guru Uji ${i + 1}`,
    status: 'PNS',
    golongan: 'III/a',
    jabatan: 'Guru Ahli Pertama',
    jenisJabatan: 'FUNGSIONAL',
    levelJabatan: 'AHLI_PERTAMA',
    opd: 'DINDIKBUD',
    unit: 'SD',
    atasanNip,
    aktif: true,
  }));
}

beforeAll(async () => {
  s = await startTestSystem();
  const items = teachers(s.principal('kabidsd').nip).map(employeeItem);
  for (let i = 0; i < items.length; i += 25) {
    await s.deps.ddb.send(
      new BatchWriteCommand({
        RequestItems: {
          [s.deps.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
        },
      }),
    );
  }
});
afterAll(() => s.stop());

describe('CycleLaunch (synthesized machine, Distributed Map run inline, DynamoDB Local)', () => {
  it(`launches ${GENERATED} generated employees plus the agency's own, each at target setting`, async () => {
    const admin = s.principal('analissdm');
    const cycle = await createCycleFor(s.deps, admin, {
      nama: 'Penilaian Kinerja Tahunan 2028 Dindikbud',
      tahun: 2028,
      periode: 'TAHUNAN',
      mulai: '2028-01-01',
      selesai: '2028-12-31',
      scope: ['DINDIKBUD'],
    });
    const expected = GENERATED + EMPLOYEES.filter((e) => e.opd === 'DINDIKBUD' && e.aktif).length;

    const launch = await startLaunch(s.deps, admin, cycle.id);
    const execution = s.engine.executions.get(launch.arn)!;
    await execution.done;
    expect(execution.status, JSON.stringify(execution.error)).toBe('SUCCEEDED');
    expect(execution.output).toEqual({
      cycleId: cycle.id,
      employees: expected,
      created: expected,
      started: expected,
      alreadyStarted: 0,
    });
    // One Map iteration per batch of NIPs: the fan-out really ran item by item.
    const batches = Math.ceil(expected / UKURAN_KELOMPOK);
    expect(
      execution.events.filter((e) => e.type === 'MapIterationSucceeded' || e.type === 'MapIterationStarted')
        .length,
    ).toBe(2 * batches);
    expect((await getCycle(s.deps, cycle.id))!.peluncuran).toMatchObject({
      eksekusi: launch.eksekusi,
      hasil: { employees: expected, created: expected },
    });

    const registered = await eventually(async () => {
      const list = await listByCycle(s.deps, cycle.id, 'PENETAPAN_TARGET#');
      return list.length === expected && list.every((e) => e.registeredAt && e.taskToken) ? list : undefined;
    }, 45_000);
    expect(new Set(registered.map((e) => e.nip)).size).toBe(expected);
  }, 60_000);
});
