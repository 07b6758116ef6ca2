import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import { DEMO_PASSWORD, DEMO_TOTP, EMPLOYEES } from '../../infra/local/seed-data.js';
import { localAccounts } from '../../shared/auth/local-accounts.js';
import { openGate, THROTTLE } from '../../shared/auth/sign-in-throttle.js';
import { totpCode } from '../../shared/auth/totp.js';
import { listAccountLog } from '../../shared/data/accounts.js';
import { keys } from '../../shared/data/keys.js';
import { throttleState } from '../../shared/data/sign-in-throttle.js';
import type { Deps } from '../../shared/runtime/deps.js';
import { expectSafePage } from '../web/page-checks.js';
import { SECRET, withTestSessions } from '../support/api.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { browserLike, csrfOf, hiddenOf } from './browser-like.js';

/**
 * Local sign-in on DynamoDB Local with the seeded accounts. The authenticator runs on a clock
 * the test moves itself (the waits are seconds to minutes): a wait ends where the test says,
 * never while a slow machine is still sending the attempts.
 */
let s: TestSystem;
let app: ReturnType<typeof createApp>;
let deps: Deps;
const clock = { t: Date.parse('2027-01-15T02:00:00Z'), pass: (ms: number) => (clock.t += ms) };
const WRONG = 'Salah#Sandi2026';
const nip = (key: string) => s.principal(key).nip;
const auth = () => localAccounts(() => deps);

beforeAll(async () => {
  s = await startTestSystem({ passwords: true });
  deps = { ...s.deps, now: () => new Date(clock.t) };
  app = withTestSessions(
    createApp({ auth: auth(), deps: () => s.deps, sessionSecret: SECRET, secureCookies: false }),
    s,
  );
});
afterAll(() => s.stop());
afterEach(() => vi.restoreAllMocks());

/**
 * An office behind one NAT address signs in at 07:30: many right passwords at once. They are no
 * failures, so the rule lets every one in, however many arrive together; parallel wrong ones
 * still reach the password check only as often as the rule allows. First in the file, while
 * every seeded account is untouched.
 */
describe('many sign-ins at once from one address', () => {
  const context = (ip: string) => ({ ip, serverName: 'localhost', serverPath: '/masuk', headers: {} });
  const people = () => EMPLOYEES.map((e) => e.nip);
  /** Everyone's right password at once; the demo admin with TOTP is asked for the code. */
  async function allAtOnce(nips: string[], ip: string) {
    const outcomes = await Promise.all(nips.map((n) => auth().attemptSignIn!(n, DEMO_PASSWORD, context(ip))));
    return outcomes.map((o) => (o.ok ? 'in' : o.reason));
  }
  const expected = (nips: string[]) => nips.map((n) => (n === nip(DEMO_TOTP.key) ? 'MFA_REQUIRED' : 'in'));

  it('lets 12, then all 30, right passwords of different people in at once', async () => {
    const twelve = people().slice(0, 12);
    expect(await allAtOnce(twelve, '203.0.113.70')).toEqual(expected(twelve));
    expect(await allAtOnce(people(), '203.0.113.71')).toEqual(expected(people()));
    expect(people()).toHaveLength(30);
    for (const ip of ['203.0.113.70', '203.0.113.71'])
      expect(await throttleState(deps, 'ADDR', ip)).toMatchObject({ failures: 0, blockedUntil: 0 });
  });

  it('lets them in even when the office has used all its free failures', async () => {
    const ip = '203.0.113.72';
    for (let i = 0; i < THROTTLE.ADDR.free; i++)
      expect(await auth().attemptSignIn!(`19800101200501${2001 + i}`, WRONG, context(ip))).toMatchObject({
        reason: 'INVALID_CREDENTIALS',
      });
    const twelve = people().slice(12, 24);
    expect(await allAtOnce(twelve, ip)).toEqual(expected(twelve));
    // Nobody's right password was counted, and the failures before them still stand.
    expect((await throttleState(deps, 'ADDR', ip)).failures).toBe(THROTTLE.ADDR.free);
  });

  it('lets only the free wrong passwords of one NIP reach the check, from one address too', async () => {
    const who = nip('pranata3');
    const ip = '203.0.113.73';
    const results = await Promise.all(
      Array.from({ length: 20 }, () => auth().attemptSignIn!(who, WRONG, context(ip))),
    );
    const reasons = results.map((r) => (r.ok ? 'in' : r.reason));
    expect(reasons.filter((r) => r === 'INVALID_CREDENTIALS')).toHaveLength(THROTTLE.NIP.free + 1);
    expect(reasons.filter((r) => r === 'THROTTLED')).toHaveLength(20 - THROTTLE.NIP.free - 1);
    expect((await throttleState(deps, 'NIP', who)).failures).toBe(THROTTLE.NIP.free + 1);
    // Refused before their password was tried: the address counts only the tried ones.
    expect((await throttleState(deps, 'ADDR', ip)).failures).toBe(THROTTLE.NIP.free + 1);
  });

  it('lets only the free wrong passwords of one address reach the check, whatever NIPs they name', async () => {
    const ip = '203.0.113.74';
    const guessed = Array.from({ length: 20 }, (_, i) => `19800101200501${3001 + i}`);
    const results = await Promise.all(guessed.map((n) => auth().attemptSignIn!(n, WRONG, context(ip))));
    const tried = results.filter((r) => !r.ok && r.reason === 'INVALID_CREDENTIALS').length;
    expect(tried).toBe(THROTTLE.ADDR.free + 1);
    expect(results.filter((r) => !r.ok && r.reason === 'THROTTLED')).toHaveLength(20 - tried);
    expect((await throttleState(deps, 'ADDR', ip)).failures).toBe(tried);
    let nipFailures = 0;
    for (const n of guessed) nipFailures += (await throttleState(deps, 'NIP', n)).failures;
    expect(nipFailures).toBe(tried);
  });
});

describe('local sign-in throttling', () => {
  it('refuses the right password after 20 wrong ones, says how long to wait (429), then lets it in', async () => {
    const b = browserLike(app);
    const who = nip('pranata1');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await b.signIn(who, WRONG)).status);
    // Three free failures, a fourth that starts a one-second wait, then only refusals.
    expect(statuses).toEqual([...Array(4).fill(401), ...Array(16).fill(429)]);

    const refused = await b.signIn(who, DEMO_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.html).toContain(
      'Terlalu banyak percobaan masuk yang gagal. Tunggu 1 detik, lalu coba lagi.',
    );
    expect(refused.html).toContain(`value="${who}"`);
    expectSafePage(refused.html, csrfOf(refused.html));

    clock.pass(1000);
    const accepted = await b.signIn(who, DEMO_PASSWORD);
    expect(accepted.status).toBe(303);
    expect(b.jar.has('kinerja_sesi')).toBe(true);
    // Proving the password starts the NIP's count again.
    expect((await throttleState(deps, 'NIP', who)).failures).toBe(0);
  });

  it('counts 20 parallel wrong passwords one by one: only the free attempts reach the password', async () => {
    const who = nip('pranata2');
    const results = await Promise.all(Array.from({ length: 20 }, () => auth().attemptSignIn!(who, WRONG)));
    const tried = results.filter((r) => !r.ok && r.reason === 'INVALID_CREDENTIALS').length;
    expect(tried).toBe(THROTTLE.NIP.free + 1);
    expect(results.filter((r) => !r.ok && r.reason === 'THROTTLED')).toHaveLength(20 - tried);
    expect((await throttleState(deps, 'NIP', who)).failures).toBe(tried);
    expect(await auth().attemptSignIn!(who, DEMO_PASSWORD)).toMatchObject({ ok: false, reason: 'THROTTLED' });
  });

  it('locks a NIP for 15 minutes from the 10th failure in a row, records the lock once, and unlocks by itself', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const who = nip('kabidaptika');
    const b = browserLike(app);
    let failures = 0;
    while (failures < THROTTLE.NIP.lockAt) {
      const outcome = await auth().attemptSignIn!(who, WRONG);
      if (!outcome.ok && outcome.reason === 'THROTTLED') clock.pass(outcome.retryAfterSeconds! * 1000);
      else failures++;
    }
    const locked = await b.signIn(who, DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.html).toContain('Tunggu 15 menit');
    clock.pass(14 * 60_000);
    expect((await b.signIn(who, DEMO_PASSWORD)).html).toContain('Tunggu 1 menit');

    const trail = await listAccountLog(s.deps, who);
    expect(trail.map((e) => e.action)).toEqual(['AKUN_DIKUNCI']);
    expect(trail[0]!.detail).toMatchObject({ gagalBerturutTurut: 10 });
    const locks = warn.mock.calls.map((c) => String(c[0])).filter((line) => line.includes('SIGN_IN_LOCKED'));
    expect(locks.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ event: 'SIGN_IN_LOCKED', scope: 'NIP', nip: who, failures: 10 }),
    ]);

    clock.pass(60_000);
    expect((await b.signIn(who, DEMO_PASSWORD)).status).toBe(303);
  });

  it('throttles an address that tries many NIPs, without counting against a NIP it was refused for', async () => {
    const sprayer = browserLike(app, { address: '203.0.113.50' });
    // Guessed NIPs (birth date, appointment, sequence), as someone spraying them would type.
    const targets = Array.from({ length: THROTTLE.ADDR.free + 1 }, (_, i) => `19800101200501${1001 + i}`);
    targets[0] = nip('lalin2');
    const statuses: number[] = [];
    for (const t of targets) statuses.push((await sprayer.signIn(t, WRONG)).status);
    expect(statuses).toEqual(Array(THROTTLE.ADDR.free + 1).fill(401));

    // From that address even the right password of someone else waits now ...
    const colleague = nip('lalin1');
    expect((await sprayer.signIn(colleague, DEMO_PASSWORD)).status).toBe(429);
    expect((await throttleState(deps, 'NIP', colleague)).failures).toBe(0);
    // ... while the same person from elsewhere signs in at once.
    expect(
      (await browserLike(app, { address: '203.0.113.51' }).signIn(colleague, DEMO_PASSWORD)).status,
    ).toBe(303);
    // Each sprayed NIP holds one failure: nobody was locked out by it.
    for (const t of targets) expect((await throttleState(deps, 'NIP', t)).failures).toBe(1);
  });

  it('gives an address its attempt back when the password is right (an office shares one)', async () => {
    for (let i = 0; i < 3 * THROTTLE.ADDR.free; i++) {
      const colleague = browserLike(app, { address: '203.0.113.60' });
      expect((await colleague.signIn(nip('bidan1'), DEMO_PASSWORD)).status).toBe(303);
    }
    expect((await throttleState(deps, 'ADDR', '203.0.113.60')).failures).toBe(0);
  });
});

describe('an attempt whose request died between claim and answer', () => {
  it('holds the attempts behind it up for a minute at most, then counts as failed', async () => {
    const who = '198001012005013999';
    // Four claims let through (the free three, and one that would start the first wait) ...
    for (let i = 0; i <= THROTTLE.NIP.free; i++) expect((await openGate(deps, who)).ok).toBe(true);
    expect(await throttleState(deps, 'NIP', who)).toMatchObject({ failures: 0, pending: 4 });
    // ... never answered: a minute later (the API's Lambda stops after 15 s) they count as failed.
    clock.pass(60_000);
    expect(await openGate(deps, who)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(await throttleState(deps, 'NIP', who)).toMatchObject({ failures: 4, pending: 0 });
    clock.pass(1000);
    const gate = await openGate(deps, who);
    expect(gate.ok).toBe(true);
    if (gate.ok) await gate.attempt.failed(false);
    expect(await throttleState(deps, 'NIP', who)).toMatchObject({ failures: 5, pending: 0 });
  });
});

describe('who is told "Akun Anda tidak aktif"', () => {
  it('only someone who gave the right password', async () => {
    const who = nip('vaksinator');
    await s.deps.ddb.send(
      new UpdateCommand({
        TableName: s.deps.tableName,
        Key: keys.employee(who),
        UpdateExpression: 'SET aktif = :f',
        ExpressionAttributeValues: { ':f': false },
      }),
    );
    const b = browserLike(app);
    for (const [nipTried, password] of [
      [who, WRONG],
      ['197001011995031999', DEMO_PASSWORD],
    ] as const) {
      const res = await b.signIn(nipTried, password);
      expect(res.status).toBe(401);
      expect(res.html).toContain('NIP atau kata sandi salah');
      expect(res.html).not.toContain('tidak aktif');
    }
    const right = await b.signIn(who, DEMO_PASSWORD);
    expect(right.status).toBe(403);
    expect(right.html).toContain('Akun Anda tidak aktif. Hubungi BKPSDM.');
    expect(b.jar.has('kinerja_sesi')).toBe(false);
  });
});

describe('local second factor (TOTP)', () => {
  const wawan = () => nip(DEMO_TOTP.key);

  it('asks the demo admin for the code after the password, refuses a wrong one and a code used before', async () => {
    const b = browserLike(app);
    const step = await b.signIn(wawan(), DEMO_PASSWORD, '/admin');
    expect(step.status).toBe(200);
    expect(step.html).toContain('<h1>Verifikasi dua langkah</h1>');
    expect(step.html).toContain('action="/masuk/kode"');
    expect(step.html).not.toContain(DEMO_TOTP.secret);
    expectSafePage(step.html, csrfOf(step.html));
    expect(b.jar.has('kinerja_sesi')).toBe(false);

    const code = totpCode(DEMO_TOTP.secret, new Date(clock.t));
    const wrongCode = code === '000000' ? '111111' : '000000';
    const wrong = await b.answerCode(step.html, '/masuk/kode', wrongCode);
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('Kode verifikasi salah.');
    expect(hiddenOf(wrong.html, 'session')).toBe(hiddenOf(step.html, 'session'));
    const typo = await b.answerCode(wrong.html, '/masuk/kode', '12a');
    expect(typo.status).toBe(401);
    expect(typo.html).toContain('Kode terdiri dari 6 angka');

    const done = await b.answerCode(typo.html, '/masuk/kode', code);
    expect(done.status).toBe(303);
    expect(done.location).toBe('/admin');
    expect(b.jar.has('kinerja_sesi')).toBe(true);
    // The challenge was used up.
    expect(await auth().respondToTotp!(wawan(), hiddenOf(step.html, 'session'), code)).toEqual({
      ok: false,
      reason: 'SESSION_EXPIRED',
    });

    // The same code again, by someone who saw it: refused, although it is still the current one.
    const other = browserLike(app);
    const again = await other.signIn(wawan(), DEMO_PASSWORD);
    const replay = await other.answerCode(again.html, '/masuk/kode', code);
    expect(replay.status).toBe(401);
    clock.pass(30_000);
    const next = await other.answerCode(
      replay.html,
      '/masuk/kode',
      totpCode(DEMO_TOTP.secret, new Date(clock.t)),
    );
    expect(next.status).toBe(303);
  });

  it('lets a BKPSDM admin turn TOTP on from "Verifikasi dua langkah", with a QR code drawn in the app', async () => {
    const b = browserLike(app);
    expect((await b.signIn(nip('analissdm'), DEMO_PASSWORD)).status).toBe(303);
    const page = await b.get('/akun/verifikasi-dua-langkah');
    expect(page.status).toBe(200);
    expectSafePage(page.html, csrfOf(page.html));
    const qr = /<img src="data:image\/svg\+xml;base64,([^"]+)"[^>]*alt="Kode QR/.exec(page.html);
    expect(Buffer.from(qr![1]!, 'base64').toString()).toMatch(/^<svg/);
    const secret = hiddenOf(page.html, 'secret');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(page.html).toContain(secret.slice(0, 4) + ' ' + secret.slice(4, 8));

    const code = totpCode(secret, new Date(clock.t));
    const wrong = await b.post('/akun/verifikasi-dua-langkah', {
      _csrf: csrfOf(page.html),
      secret,
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('Kode verifikasi tidak cocok.');
    expect(hiddenOf(wrong.html, 'secret')).toBe(secret);

    const on = await b.post('/akun/verifikasi-dua-langkah', { _csrf: csrfOf(page.html), secret, code });
    expect(on.status).toBe(303);
    expect(on.location).toBe('/akun/verifikasi-dua-langkah?pesan=aktif');
    const after = await b.get(on.location);
    expect(after.html).toContain('Verifikasi dua langkah sudah aktif.');
    expect(after.html).not.toContain(secret);
    expect((await listAccountLog(s.deps, nip('analissdm'))).map((e) => e.action)).toEqual([
      'VERIFIKASI_DUA_LANGKAH_DIAKTIFKAN',
    ]);

    // From now on the password alone is not enough.
    expect((await browserLike(app).signIn(nip('analissdm'), DEMO_PASSWORD)).html).toContain(
      'action="/masuk/kode"',
    );
  });

  it('keeps the page for BKPSDM admins', async () => {
    const b = browserLike(app);
    await b.signIn(nip('bidan1'), DEMO_PASSWORD);
    expect((await b.get('/akun/verifikasi-dua-langkah')).status).toBe(403);
  });
});
