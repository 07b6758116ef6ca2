import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/app/actor.js';
import { getEvaluation, getRows } from '../../shared/data/evaluations.js';
import { KODE_BERAKHLAK } from '../../shared/domain/evaluation/berakhlak.js';
import type { TargetRow } from '../../shared/domain/evaluation/skp.js';
import { mandiriFields } from '../../functions/api/web/evaluation/mandiri-page.js';
import { client, sessionFor, testApp, type Client } from '../support/api.js';
import { atStage, driveTo } from '../support/cycle.js';
import { launchAndWait, startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Issue 9, item 10: submitting the self-assessment submits the saved draft; the body's fields
 * override the draft's, field by field; the domain still checks the whole and names what is
 * missing. (Before, `{ version }` alone was 422 whatever the draft held.) The web form posts
 * every field it shows: one the person cleared is cleared, not filled in from the draft.
 */
let s: TestSystem;
let pegawai: Principal;
let peg: Client;
let rows: TargetRow[];
const ev = () => `/api/evaluations/${s.cycle.id}/${pegawai.nip}/penilaian-mandiri`;
const version = async () => (await getEvaluation(s.deps, s.cycle.id, pegawai.nip))!.version;
const CONTOH = 'Melayani OPD lain dengan cepat dan ramah';

beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DISKOMINFO'] } });
  await launchAndWait(s);
  pegawai = s.principal('pranata1');
  peg = client(testApp(s), pegawai);
  await driveTo(s, 'pranata1', 'PENILAIAN_MANDIRI', { rekan: ['pranata2', 'pranata3', 'pppkaptika'] });
  rows = await getRows(s.deps, s.cycle.id, pegawai.nip);
}, 90_000);
afterAll(() => s?.stop());

describe('submitting the self-assessment over its draft', () => {
  it('`{ version }` with nothing saved is 422 naming every missing field', async () => {
    const res = await peg.post(ev(), { version: await version() });
    expect(res.status).toBe(422);
    const paths = res.json.issues!.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([`baris.${rows[0]!.id}.realisasi`, 'perilaku.ADAPTIF.level']),
    );
  });

  it('`{ version }` over a draft lacking one example is 422 naming only that field', async () => {
    const draft = {
      baris: Object.fromEntries(
        rows.map((r) => [
          r.id,
          {
            realisasi: r.target,
            narasi: 'Seluruh aplikasi layanan sudah terhubung SSO',
            bukti: ['https://serangkota.go.id/laporan-sso'],
          },
        ]),
      ),
      perilaku: Object.fromEntries(
        KODE_BERAKHLAK.map((k) => [
          k,
          k === 'ADAPTIF' ? { level: 'SESUAI_EKSPEKTASI' } : { level: 'SESUAI_EKSPEKTASI', contoh: CONTOH },
        ]),
      ),
    };
    expect((await peg.put(ev(), { version: await version(), ...draft })).status).toBe(200);
    const res = await peg.post(ev(), { version: await version() });
    expect(res.status).toBe(422);
    expect(res.json.issues!.map((i) => i.path)).toEqual(['perilaku.ADAPTIF.contoh']);
  });

  it('the web form submits what the person sees: a cleared field is missing, not the draft’s', async () => {
    // Every field the form shows, as the page fills it from the draft, with the missing example typed...
    const before = (await getEvaluation(s.deps, s.cycle.id, pegawai.nip))!;
    const draf = before.penilaianMandiri!;
    const shown = Object.fromEntries(
      mandiriFields(rows).map((name) => {
        const [group, key, field] = name.split('.') as [string, string, string];
        const stored: unknown =
          group === 'baris'
            ? draf.baris[key]?.[field as 'narasi']
            : draf.perilaku[key as 'ADAPTIF']?.[field as 'contoh'];
        return [name, Array.isArray(stored) ? stored.join('\n') : stored === undefined ? '' : String(stored)];
      }),
    );
    const id = rows[0]!.id;
    const typed = 'Cepat belajar aplikasi <baru> bersama tim';
    // ...then the person clears a realisasi and sets one level back to "— pilih —", and submits.
    const cleared = {
      ...shown,
      'perilaku.ADAPTIF.contoh': typed,
      [`baris.${id}.realisasi`]: '',
      'perilaku.KOMPETEN.level': '',
    };
    const { cookie, csrf } = sessionFor(pegawai);
    const res = await testApp(s).request(`/evaluasi/${s.cycle.id}/${pegawai.nip}/penilaian-mandiri`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, version: String(before.version), aksi: 'ajukan', ...cleared }),
    });
    const html = await res.text();
    expect(res.status, html.slice(0, 300)).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    // Named at each cleared field, in the page's words; the draft did not fill them in.
    expect(html).toContain(`id="f-baris-${id}-realisasi-galat">Realisasi wajib diisi`);
    expect(html).toMatch(/id="f-perilaku-KOMPETEN-level-galat">Pilih/);
    // What was typed is kept: the empty realisasi, the example just written.
    expect(html).toMatch(new RegExp(`name="baris\\.${id}\\.realisasi"[^>]*value=""`));
    expect(html).toContain('Cepat belajar aplikasi &lt;baru&gt; bersama tim');
    // Nothing written: the draft and the version stand.
    expect(await getEvaluation(s.deps, s.cycle.id, pegawai.nip)).toEqual(before);
  });

  it('the body completes and overrides the draft field by field, then the stage is done', async () => {
    const id = rows[0]!.id;
    const res = await peg.post(ev(), {
      version: await version(),
      baris: { [id]: { narasi: 'Narasi baru yang menggantikan draf sebelumnya' } },
      perilaku: { ADAPTIF: { contoh: 'Cepat menyesuaikan diri dengan aplikasi baru' } },
    });
    expect(res.status).toBe(200);
    const stored = (await getEvaluation(s.deps, s.cycle.id, pegawai.nip))!.penilaianMandiri!;
    expect(stored.diajukanPada).toBeDefined();
    // Given in the body: the body's; not given: the draft's.
    expect(stored.baris[id]).toEqual({
      realisasi: rows[0]!.target,
      narasi: 'Narasi baru yang menggantikan draf sebelumnya',
      bukti: ['https://serangkota.go.id/laporan-sso'],
    });
    expect(stored.perilaku.ADAPTIF).toEqual({
      level: 'SESUAI_EKSPEKTASI',
      contoh: 'Cepat menyesuaikan diri dengan aplikasi baru',
    });
    expect(stored.perilaku.KOMPETEN).toEqual({ level: 'SESUAI_EKSPEKTASI', contoh: CONTOH });
    await atStage(s, pegawai.nip, 'PENILAIAN_ATASAN');
  });
});
