import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nipOfKey } from '../../infra/local/seed-data.js';
import { launchAndWait, registeredEvaluation, startTestSystem, type TestSystem } from '../support/system.js';
import { client, sessionFor, testApp } from '../support/api.js';

let s: TestSystem;
let app: ReturnType<typeof testApp>;
beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DINKES', 'DISHUB'] } });
  await launchAndWait(s);
  await registeredEvaluation(s, nipOfKey('bidan1'));
  app = testApp(s);
});
afterAll(() => s.stop());

describe('agency overview (kepala OPD, BKPSDM, auditor)', () => {
  it("lists every active employee's evaluation of the agency, for its head", async () => {
    const res = await client(app, s.principal('kadinkes')).get(
      `/api/opd/DINKES/evaluations?cycleId=${s.cycle.id}`,
    );
    expect(res.status).toBe(200);
    const items = res.json.items as { nip: string; opd: string }[];
    expect(items).toHaveLength(6);
    expect(new Set(items.map((i) => i.opd))).toEqual(new Set(['DINKES']));
    expect(JSON.stringify(res.json)).not.toContain('taskToken');
    // A list shows where each stands, never what it says (that read would be audited).
    expect(Object.keys(items[0]!)).not.toContain('ekspektasi');
    expect(Object.keys(items[0]!)).not.toContain('lastComment');
  });

  it("refuses another agency's head, and lets BKPSDM switch between agencies on the page", async () => {
    expect(
      (await client(app, s.principal('kadishub')).get(`/api/opd/DINKES/evaluations?cycleId=${s.cycle.id}`))
        .status,
    ).toBe(403);
    const { cookie } = sessionFor(s.principal('kabidpkap'));
    const page = await (await app.request('/opd/DINKES', { headers: { cookie } })).text();
    expect(page).toContain('Dinas Kesehatan');
    expect(page).toContain('Euis Komalasari');
    expect(page).toContain('href="/opd/DISHUB?siklus=2027"');
    const head = await app.request('/opd', {
      headers: { cookie: sessionFor(s.principal('kadishub')).cookie },
    });
    expect(head.headers.get('location')).toBe('/opd/DISHUB');
  });
});
