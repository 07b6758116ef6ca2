import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply, dryRun } from '../../shared/app/people/roster-import.js';
import { getEmployee } from '../../shared/data/people.js';
import { sessionFor, testApp } from '../support/api.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { csvFile, csvOf, nipOf, seededRows } from '../roster/fixtures.js';

/**
 * Issue 9, item 4, through the admin page and the use case on DynamoDB Local: the only way to
 * lose BKPSDM's access by a roster file is refused before anything is written.
 */
let s: TestSystem;
let app: ReturnType<typeof testApp>;
const WAWAN = () => nipOf('kabidpkap');
const PUTRI = () => nipOf('analissdm');
beforeAll(async () => {
  s = await startTestSystem();
  app = testApp(s);
});
afterAll(() => s?.stop());

async function upload(path: string, csv: string, extra: Record<string, string> = {}) {
  const { cookie, csrf } = sessionFor(s.principal('kabidpkap'));
  const body = new FormData();
  body.set('_csrf', csrf);
  for (const [k, v] of Object.entries(extra)) body.set(k, v);
  body.set('berkas', new File([csv], 'roster.csv'));
  return app.request(path, { method: 'POST', headers: { cookie }, body });
}

describe('a roster import by the admin whose row is missing', () => {
  const withoutWawan = () => csvOf(seededRows().filter((r) => r.nip !== WAWAN()));

  it('the preview names him and the problem, in Indonesian, before anything is written', async () => {
    const res = await upload('/admin/roster/periksa', withoutWawan());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('tidak ada di berkas');
    expect(html).toContain(`Anda sendiri, Wawan Setiawan, S.Psi., M.Si. (NIP ${WAWAN()})`);
    expect((await getEmployee(s.deps, WAWAN()))!.aktif).toBe(true);
  });

  it('applying is refused with 422 and writes nothing', async () => {
    const preview = await (await upload('/admin/roster/periksa', withoutWawan())).text();
    const sha256 = /name="sha256" value="([0-9a-f]+)"/.exec(preview)![1]!;
    const before = await getEmployee(s.deps, nipOf('lalin1'));
    const res = await upload('/admin/roster/terapkan', withoutWawan(), { sha256 });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/kesalahan/);
    expect((await getEmployee(s.deps, WAWAN()))!.aktif).toBe(true);
    // Nobody else changed either (the file would have enriched everyone's profile).
    expect(await getEmployee(s.deps, nipOf('lalin1'))).toEqual(before);
  });

  it('applying the valid rows (skipInvalid) keeps him active', async () => {
    const preview = await (await upload('/admin/roster/periksa', withoutWawan())).text();
    const sha256 = /name="sha256" value="([0-9a-f]+)"/.exec(preview)![1]!;
    const res = await upload('/admin/roster/terapkan', withoutWawan(), { sha256, skipInvalid: 'ya' });
    expect(res.status).toBe(200);
    expect((await getEmployee(s.deps, WAWAN()))!).toMatchObject({ aktif: true, admin: true });
  });

  it('from the CLI (no NIP): the last active admins are never deactivated', async () => {
    const file = csvFile(seededRows().filter((r) => r.nip !== WAWAN() && r.nip !== PUTRI()));
    const plan = await dryRun(s.deps, file, { actor: 'cli:operator' });
    expect(plan.deactivations.map((d) => d.nip)).toEqual([]);
    expect(plan.errors.filter((e) => e.row === 0)).toHaveLength(2);
    await expect(apply(s.deps, plan, { actor: 'cli:operator' })).rejects.toMatchObject({ code: 'VALIDASI' });
    await apply(s.deps, plan, { actor: 'cli:operator', skipInvalid: true });
    expect((await getEmployee(s.deps, WAWAN()))!.aktif).toBe(true);
    expect((await getEmployee(s.deps, PUTRI()))!.aktif).toBe(true);
  });
});
