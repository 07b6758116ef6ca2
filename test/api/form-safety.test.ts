import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFor, testApp } from '../support/api.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

let s: TestSystem;
beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DISKOMINFO'] } });
});
afterAll(() => s.stop());

describe('form field names never reach Object.prototype', () => {
  it.each([
    ['perilaku.__proto__.auditor', '/penilaian-atasan'],
    ['baris.constructor.prototype', '/penilaian-mandiri'],
    ['__proto__', '/rekan'],
  ])('answers 400 to a field named %s and pollutes nothing', async (field, suffix) => {
    const app = testApp(s);
    const p = s.principal('pranata1');
    const { cookie, csrf } = sessionFor(p);
    const res = await app.request(`/evaluasi/${s.cycle.id}/${p.nip}${suffix}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, version: '1', [field]: 'ya' }).toString(),
    });
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).auditor).toBeUndefined();
    expect(({} as Record<string, unknown>).prototype).toBeUndefined();
    // The app still serves everyone else.
    const other = sessionFor(s.principal('pranata2'));
    expect((await app.request('/api/evaluations', { headers: { cookie: other.cookie } })).status).toBe(200);
  });
});
