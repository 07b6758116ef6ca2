import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/app/actor.js';
import { getEvaluation, getRows } from '../../shared/data/evaluations.js';
import { driveTo } from '../support/cycle.js';
import { client, sessionFor, testApp, type Client } from '../support/api.js';
import { launchAndWait, registeredEvaluation, startTestSystem, type TestSystem } from '../support/system.js';
import { expectSafePage } from '../web/page-checks.js';

/** An Indonesian page, never JSON (the evaluation page's own checks live in its tests). */
function expectPage(res: { type: string; text: string }) {
  expect(res.type).toMatch(/text\/html/);
  expect(res.text.startsWith('<!doctype html>')).toBe(true);
  expect(res.text).toContain('<html lang="id">');
}

/**
 * Issue 9's numbers and texts at the edges, on the real table: each one is refused by name (the
 * API's 400 with the field, the web form's page with the Indonesian message and what was typed),
 * never a 500, and nothing is written. Before the input rules each number here was a 500.
 */

const FROM_THE_ISSUE = [1e-300, 1e200, 1.7976931348623157e308];
/** As a client would send them: this one does not even survive JSON.parse as typed. */
const BIG_DIGITS = '99999999999999999999';

let s: TestSystem;
let app: ReturnType<typeof testApp>;
/** At target setting: the SKP routes. */
let skpOwner: Principal;
/** At the self-assessment. */
let pegawai: Principal;
let skp: Client;
let peg: Client;
let rowId: string;
let mandiriRow: string;

const ev = (p: Principal) => `/api/evaluations/${s.cycle.id}/${p.nip}`;
const web = (p: Principal) => `/evaluasi/${s.cycle.id}/${p.nip}`;
const version = async (p: Principal) => (await getEvaluation(s.deps, s.cycle.id, p.nip))!.version;
const row = {
  jenis: 'UTAMA',
  rhk: 'Meningkatnya layanan aplikasi',
  aspek: 'KUANTITAS',
  indikator: 'Jumlah aplikasi terintegrasi',
  target: 5,
  satuan: 'aplikasi',
};

async function postForm(p: Principal, path: string, data: Record<string, string>) {
  const session = sessionFor(p);
  const res = await app.request(path, {
    method: 'POST',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: session.csrf, ...data }).toString(),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text: await res.text(),
    csrf: session.csrf,
  };
}

/** A 400 naming exactly these fields. */
function expectRefused(
  res: { status: number; json: { issues?: { path: string; message: string }[] } },
  paths: string[],
) {
  expect(res.status, JSON.stringify(res.json)).toBe(400);
  expect(res.json.issues!.map((i) => i.path)).toEqual(paths);
  for (const i of res.json.issues!) expect(i.message).toMatch(/\S/);
}

beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: ['DISKOMINFO'] } });
  await launchAndWait(s);
  app = testApp(s);
  skpOwner = s.principal('pranata2');
  pegawai = s.principal('pranata1');
  skp = client(app, skpOwner);
  peg = client(app, pegawai);
  await registeredEvaluation(s, skpOwner.nip);
  const added = await skp.post(`${ev(skpOwner)}/targets`, { ...row, version: await version(skpOwner) });
  expect(added.status, added.text).toBe(201);
  rowId = (added.json.row as { id: string }).id;
  await driveTo(s, 'pranata1', 'PENILAIAN_MANDIRI');
  mandiriRow = (await getRows(s.deps, s.cycle.id, pegawai.nip))[0]!.id;
}, 120_000);
afterAll(() => s.stop());

describe('target values on the SKP routes', () => {
  it.each([...FROM_THE_ISSUE, 0, -1, 2.00001, '0x10', true, '12', null])(
    'refuses target %j on POST and PUT with 400 naming the field, writing nothing',
    async (target) => {
      const before = await getEvaluation(s.deps, s.cycle.id, skpOwner.nip);
      const body = { ...row, target, version: before!.version };
      expectRefused(await skp.post(`${ev(skpOwner)}/targets`, body), ['target']);
      expectRefused(await skp.put(`${ev(skpOwner)}/targets/${rowId}`, body), ['target']);
      expect(await getEvaluation(s.deps, s.cycle.id, skpOwner.nip)).toEqual(before);
    },
  );

  it('refuses a target too large to hold, written as digits', async () => {
    const body = `{"version":${await version(skpOwner)},"jenis":"UTAMA","rhk":"R","aspek":"KUANTITAS","indikator":"I","target":${BIG_DIGITS},"satuan":"s"}`;
    expectRefused(await skp.post(`${ev(skpOwner)}/targets`, body), ['target']);
  });

  it('refuses versions that are no whole number JavaScript holds, in the body and the query', async () => {
    for (const v of ['3', '0x10', true, 1e300, 2 ** 53]) {
      expectRefused(await skp.post(`${ev(skpOwner)}/submit`, { version: v }), ['version']);
    }
    for (const v of ['0x10', '1e3', BIG_DIGITS, '']) {
      expectRefused(await skp.del(`${ev(skpOwner)}/targets/${rowId}?version=${v}`), ['version']);
    }
    expect((await getRows(s.deps, s.cycle.id, skpOwner.nip)).map((r) => r.id)).toEqual([rowId]);
  });

  it.each([
    ['NUL', 'RHK\u0000'],
    ['a lone surrogate', 'RHK \uD800'],
    ['U+202E', 'RHK \u202Egnp.exe'],
    ['only zero width spaces', '\u200B\u200B'],
    ['a newline in a one-line field', 'RHK\nbaris dua'],
  ])('refuses text with %s, naming the field', async (_, rhk) => {
    const body = { ...row, rhk, version: await version(skpOwner) };
    expectRefused(await skp.post(`${ev(skpOwner)}/targets`, body), ['rhk']);
  });

  it('stores text as NFC without the invisible characters around it', async () => {
    const res = await skp.put(`${ev(skpOwner)}/targets/${rowId}`, {
      ...row,
      rhk: '\u200B Aplikasi cafe\u0301 \uFEFF',
      version: await version(skpOwner),
    });
    expect(res.status, res.text).toBe(200);
    expect((await getRows(s.deps, s.cycle.id, skpOwner.nip))[0]!.rhk).toBe('Aplikasi caf\u00e9');
  });

  it('answers the web form with its page: the message at the field, the typed value kept', async () => {
    for (const target of ['1e-300', '0,00001', BIG_DIGITS, '0x10']) {
      const res = await postForm(skpOwner, `${web(skpOwner)}/target`, {
        version: String(await version(skpOwner)),
        ...row,
        rhk: 'Tetap <ada>',
        target,
      });
      expect(res.status, res.text.slice(0, 300)).toBe(400);
      expectPage(res);
      expect(res.text).toMatch(/id="f-target-galat">Target (harus berupa angka|terlalu kecil|paling)/);
      expect(res.text).toContain(`value="${target}"`);
      expect(res.text).toContain('value="Tetap &lt;ada&gt;"');
    }
  });
});

describe('realisasi on the self-assessment', () => {
  const path = () => `baris.${mandiriRow}.realisasi`;

  it.each([...FROM_THE_ISSUE, -1, 1.00001, '0x10', true, '12'])(
    'refuses realisasi %j on the draft and the submission with 400 naming the field',
    async (realisasi) => {
      const before = await getEvaluation(s.deps, s.cycle.id, pegawai.nip);
      const body = { version: before!.version, baris: { [mandiriRow]: { realisasi } } };
      expectRefused(await peg.put(`${ev(pegawai)}/penilaian-mandiri`, body), [path()]);
      expectRefused(await peg.post(`${ev(pegawai)}/penilaian-mandiri`, body), [path()]);
      expect(await getEvaluation(s.deps, s.cycle.id, pegawai.nip)).toEqual(before);
    },
  );

  it('refuses a realisasi too large to hold, written as digits', async () => {
    const body = `{"version":${await version(pegawai)},"baris":{"${mandiriRow}":{"realisasi":${BIG_DIGITS}}}}`;
    expectRefused(await peg.put(`${ev(pegawai)}/penilaian-mandiri`, body), [path()]);
  });

  it('answers the web form with its page: the message at the field, the typed value kept', async () => {
    for (const realisasi of ['1e-300', '1e200', '1.7976931348623157e308', BIG_DIGITS, '0,00001']) {
      const res = await postForm(pegawai, `${web(pegawai)}/penilaian-mandiri`, {
        version: String(await version(pegawai)),
        aksi: 'simpan',
        [path()]: realisasi,
        [`baris.${mandiriRow}.narasi`]: 'Sebagian <aplikasi> sudah terhubung',
      });
      expect(res.status, res.text.slice(0, 300)).toBe(400);
      expect(res.type).toMatch(/text\/html/);
      expectSafePage(res.text, res.csrf);
      expect(res.text).toMatch(
        new RegExp(
          `id="f-baris-${mandiriRow}-realisasi-galat">Realisasi (harus berupa angka|paling|terlalu kecil)`,
        ),
      );
      expect(res.text).toContain(`value="${realisasi}"`);
      expect(res.text).toContain('Sebagian &lt;aplikasi&gt; sudah terhubung');
    }
    expect((await getEvaluation(s.deps, s.cycle.id, pegawai.nip))!.penilaianMandiri).toBeUndefined();
  });

  it('still takes an Indonesian decimal comma', async () => {
    const res = await postForm(pegawai, `${web(pegawai)}/penilaian-mandiri`, {
      version: String(await version(pegawai)),
      aksi: 'simpan',
      [path()]: '2,5',
    });
    expect(res.status).toBe(303);
    const saved = (await getEvaluation(s.deps, s.cycle.id, pegawai.nip))!.penilaianMandiri!;
    expect(saved.baris[mandiriRow]!.realisasi).toBe(2.5);
  });
});

describe('an unexpected failure on a web page', () => {
  /** Makes the table refuse the next writes (or reads) the way an outage would. */
  function outage(commands: RegExp) {
    const name = `outage-${Math.random()}`;
    s.deps.ddb.middlewareStack.add(
      (next, context) => async (args) => {
        if (commands.test(String(context.commandName))) throw new Error('simulated outage');
        return next(args);
      },
      { step: 'initialize', name },
    );
    return () => s.deps.ddb.middlewareStack.remove(name);
  }

  it('shows the form again with what was typed, as HTML, when the write fails', async () => {
    const restore = outage(/Transact|Put|Update/);
    try {
      const res = await postForm(skpOwner, `${web(skpOwner)}/target`, {
        version: String(await version(skpOwner)),
        ...row,
        rhk: 'Teks yang tidak boleh hilang',
        target: '7',
      });
      expect(res.status).toBe(500);
      expectPage(res);
      expect(res.text).toContain('Terjadi kesalahan pada server');
      expect(res.text).toContain('value="Teks yang tidak boleh hilang"');
    } finally {
      restore();
    }
  });

  it('answers an Indonesian page, never JSON, when the page itself cannot be read', async () => {
    const restore = outage(/Query|GetItem|BatchGet/);
    try {
      const session = sessionFor(skpOwner);
      const res = await app.request(web(skpOwner), { headers: { cookie: session.cookie } });
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const html = await res.text();
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).toContain('Terjadi kesalahan');
      // The JSON API keeps its JSON.
      const api = await skp.get(ev(skpOwner));
      expect(api.status).toBe(500);
      expect(api.json).toMatchObject({ error: 'KESALAHAN_SERVER' });
    } finally {
      restore();
    }
  });
});
