import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/app/actor.js';
import * as pengembangan from '../../shared/app/development/pengembangan.js';
import { getCycle } from '../../shared/data/cycles.js';
import { getWithHistory } from '../../shared/data/evaluations.js';
import { getRencana, rencanaPada } from '../../shared/data/rencana.js';
import { SIKLUS_DITUTUP } from '../../shared/domain/evaluation/actions.js';
import { EvaluationSchema } from '../../shared/schemas/api.js';
import { CloseCycleResult } from '../../shared/schemas/hasil.js';
import { client, testApp } from '../support/api.js';
import { atStage, driveTo } from '../support/cycle.js';
import { launchAndWait, startTestSystem, type TestSystem } from '../support/system.js';

/**
 * After a close (issue 9's loose ends). A development plan outlives its cycle
 * (docs/data-model.md): when BKPSDM closes the cycle while an evaluation's plan stage is still
 * open, the evaluation is frozen as it was, but the employee still records the plan's trainings
 * as done. Such a change writes the plan and an entry on the evaluation's trail, never the
 * evaluation (whose write the closed cycle refuses). And what the API answers about the close
 * is what its OpenAPI document declares.
 */

let s: TestSystem;
let app: ReturnType<typeof testApp>;
let bidan: Principal;
let kapkm: Principal;
const ALASAN = 'Uji coba: siklus ditutup sebelum rencana pengembangan dikonfirmasi';
/** Certificates are dated in the plan's year and not after today: the clock moves into 2028. */
const DALAM_TAHUN_RENCANA = Date.parse('2028-03-02T03:00:00Z');
let lompatan = 0;
/** The close's answer, as BKPSDM's request got it. */
let closed: { status: number; json: Record<string, unknown> };

const snapshot = async () => (await getWithHistory(s.deps, s.cycle.id, bidan.nip))!;

beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DINKES'] } });
  await launchAndWait(s);
  app = testApp(s);
  bidan = s.principal('bidan1');
  kapkm = s.principal('kapkm');
  await driveTo(s, 'bidan1', 'RENCANA_PENGEMBANGAN', { perilaku: 'DI_BAWAH_EKSPEKTASI' });
  // The workflow's automatic step made the plan (this call changes nothing if it did).
  await pengembangan.rekomendasikanPelatihan(s.deps, s.cycle.id, bidan.nip);
  await atStage(s, bidan.nip, 'RENCANA_PENGEMBANGAN');
  // Closed with BKPSDM's exception: the plan was never confirmed, other evaluations lack a predikat.
  closed = await client(app, s.principal('analissdm')).post(`/api/admin/cycles/${s.cycle.id}/close`, {
    alasanPengecualian: ALASAN,
  });
  expect(closed.status, JSON.stringify(closed.json)).toBe(200);
  expect((await getCycle(s.deps, s.cycle.id))!.status).toBe('DITUTUP');
  lompatan = DALAM_TAHUN_RENCANA - s.clock.now().getTime();
  s.clock.advance(lompatan);
}, 180_000);
afterAll(() => {
  s?.clock.advance(-lompatan);
  s?.stop();
});

describe('a plan whose stage was open when its cycle closed', () => {
  it('records a completed training: the plan and the trail change, the evaluation does not', async () => {
    const before = await snapshot();
    const copy = rencanaPada(before.evaluation)!;
    const r = (await getRencana(s.deps, bidan.nip, copy.tahun))!;
    const item = r.items.find((i) => i.status === 'DIRENCANAKAN')!;
    const sertifikat = {
      nomor: 'SERT/2028/0310',
      tanggal: '2028-02-20',
      penyelenggara: 'Dinas Kesehatan Kota Serang',
    };

    const res = await client(app, bidan).post(`/api/pengembangan/${r.tahun}/items/${item.id}/complete`, {
      version: r.version,
      sertifikat,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);

    const after = await getRencana(s.deps, bidan.nip, r.tahun);
    expect(after!.version).toBe(r.version + 1);
    expect(after!.items.find((i) => i.id === item.id)).toMatchObject({ status: 'SELESAI', sertifikat });
    const now = await snapshot();
    // The evaluation stays as the close froze it: same version, same copy of the plan.
    expect(now.evaluation).toEqual(before.evaluation);
    expect(now.rows).toEqual(before.rows);
    // One entry more on its trail, naming the training and who recorded it.
    expect(now.history).toHaveLength(before.history.length + 1);
    expect(now.history.at(-1)).toMatchObject({
      action: 'PELATIHAN_SELESAI',
      actor: { nip: bidan.nip },
      version: before.evaluation.version,
      detail: { tahun: r.tahun, item: { id: item.id }, sertifikat },
    });
  });

  it("refuses changes through the frozen evaluation's open stage (add, confirm), as its page does", async () => {
    const before = await snapshot();
    const copy = rencanaPada(before.evaluation)!;
    const r = (await getRencana(s.deps, bidan.nip, copy.tahun))!;
    const extra = pengembangan
      .cariKatalog({ profil: r.profil })
      .find((p) => !r.items.some((i) => i.pelatihanId === p.id))!;
    const base = `/api/evaluations/${s.cycle.id}/${bidan.nip}/rencana`;
    const added = await client(app, bidan).post(`${base}/items`, {
      version: r.version,
      pelatihanId: extra.id,
    });
    const confirmed = await client(app, kapkm).post(`${base}/confirm`, { version: r.version });
    for (const res of [added, confirmed]) {
      expect(res.status).toBe(409);
      expect(res.json).toMatchObject({ error: 'KONFLIK', message: SIKLUS_DITUTUP });
    }
    expect((await getRencana(s.deps, bidan.nip, r.tahun))!.version).toBe(r.version);
    expect(await snapshot()).toEqual(before);
  });
});

describe('what the API says about a closed cycle, as its OpenAPI document declares it', () => {
  type Doc = { components: { schemas: Record<string, { properties: object; required?: string[] }> } };
  const doc = async () => (await (await app.request('/openapi.json')).json()) as Doc;

  it('the close answers with how the stopping of its executions was handed over', async () => {
    // Every field it sends is declared (strict), and penghentianAlur is sent and declared.
    const parsed = CloseCycleResult.strict().safeParse(closed.json);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(closed.json.penghentianAlur).toEqual({ eksekusi: expect.any(String), arn: expect.any(String) });
    expect(parsed.data!.penghentianAlur).toEqual(closed.json.penghentianAlur);
    const schemas = (await doc()).components.schemas;
    expect(Object.keys(schemas.CloseCycleResult!.properties)).toContain('penghentianAlur');
    expect(schemas.CloseCycleResult!.required).toContain('penghentianAlur');
    expect(Object.keys(schemas).filter((k) => k === 'PenghentianAlur')).toHaveLength(1);
  });

  it("an evaluation's view says its cycle is closed, in a declared field", async () => {
    const res = await client(app, bidan).get(`/api/evaluations/${s.cycle.id}/${bidan.nip}`);
    expect(res.status).toBe(200);
    const evaluation = res.json.evaluation as Record<string, unknown>;
    expect(evaluation.cycleClosed).toBe(true);
    // Parsing keeps only what the schema declares: the flag survives it.
    expect(EvaluationSchema.parse(evaluation).cycleClosed).toBe(true);
    const schemas = (await doc()).components.schemas;
    expect(schemas.Evaluation!.properties).toHaveProperty(
      'cycleClosed',
      expect.objectContaining({ type: 'boolean' }),
    );
  });
});
