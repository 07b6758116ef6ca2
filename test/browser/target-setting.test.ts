import { serve } from '@hono/node-server';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import { launchCycle } from '../../shared/app/cycle-launch.js';
import { localAccounts } from '../../shared/auth/local-accounts.js';
import { getEvaluation } from '../../shared/data/evaluations.js';
import { DEMO_PASSWORD, nipOfKey } from '../../infra/local/seed-data.js';
import { PROJECT_ROOT } from '../../infra/lambda.js';
import { eventually, startTestSystem, type TestSystem } from '../support/system.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CI installs Chromium (.ci/run); elsewhere the browser test is skipped with a notice.
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}`);
if (!available) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

let s: TestSystem;
let browser: Browser;
let server: ReturnType<typeof serve>;
let origin: string;
const shots = path.join(PROJECT_ROOT, 'test-results');

describe.skipIf(!available)('web form in a real browser (phone viewport, JavaScript disabled)', () => {
  beforeAll(async () => {
    s = await startTestSystem({ cycle: { scope: ['DISKOMINFO'] }, passwords: true });
    await launchCycle(s.deps, s.cycle.id);
    await eventually(async () => (await getEvaluation(s.deps, s.cycle.id, nipOfKey('pranata2')))?.taskToken);
    const app = createApp({
      auth: localAccounts(() => s.deps),
      deps: () => s.deps,
      sessionSecret: 'browser-test-secret',
      secureCookies: false,
    });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    mkdirSync(shots, { recursive: true });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    s?.stop();
  });

  async function signIn(key: string): Promise<Page> {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
      locale: 'id-ID',
    });
    const page = await context.newPage();
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(origin)) external.push(r.url());
    });
    await page.goto(`${origin}/`);
    expect(page.url()).toContain('/masuk');
    await page.getByLabel('NIP').fill(nipOfKey(key));
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(external).toEqual([]);
    return page;
  }

  // Runs in the page, where DOM globals exist; typed loosely because the project has no DOM lib.
  const noSidewaysScroll = (page: Page) =>
    page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { documentElement: { scrollWidth: number } };
        innerWidth: number;
      };
      return g.document.documentElement.scrollWidth <= g.innerWidth;
    });

  it('drafts, submits, returns, resubmits and approves an SKP with plain HTML forms', async () => {
    const pegawai = await signIn('pranata2');
    expect(await pegawai.locator('html').getAttribute('lang')).toBe('id');
    await pegawai.getByRole('link', { name: /2027/ }).first().click();
    expect(await noSidewaysScroll(pegawai)).toBe(true);

    // Input the browser accepts but the rules refuse (a blank RHK) comes back next to its field,
    // with the other typed text kept.
    await pegawai.getByLabel('Rencana hasil kerja').fill('   ');
    await pegawai.getByLabel('Indikator kinerja').fill('Jumlah dataset yang dipublikasikan');
    await pegawai.getByLabel('Target (angka)').fill('25');
    await pegawai.getByLabel('Satuan').fill('dataset');
    await pegawai.getByRole('button', { name: /Tambah/ }).click();
    expect(await pegawai.getByRole('alert').first().innerText()).toMatch(/Rencana hasil kerja/);
    expect(await pegawai.getByLabel('Indikator kinerja').inputValue()).toBe(
      'Jumlah dataset yang dipublikasikan',
    );

    await pegawai.getByLabel('Rencana hasil kerja').fill('Tersedianya layanan data terbuka Kota Serang');
    await pegawai.getByRole('button', { name: /Tambah/ }).click();
    expect(await pegawai.getByRole('table').first().innerText()).toContain(
      'Jumlah dataset yang dipublikasikan',
    );
    await pegawai.getByRole('button', { name: 'Ajukan ke atasan' }).click();
    expect(await pegawai.locator('body').innerText()).toContain('Diajukan ke atasan');
    await pegawai.screenshot({ path: path.join(shots, 'skp-diajukan.png'), fullPage: true });

    const atasan = await signIn('kabidaptika');
    await atasan
      .getByRole('link', { name: /Kotak masuk/ })
      .first()
      .click();
    await atasan
      .getByRole('link', { name: /Dewi Lestari/ })
      .first()
      .click();
    await atasan.getByLabel(/Catatan pengembalian/).fill('Tambahkan target waktu publikasi dataset');
    await atasan.getByRole('button', { name: /Kembalikan/ }).click();
    expect(await atasan.locator('body').innerText()).toContain('Dikembalikan');

    await pegawai.reload();
    expect(await pegawai.locator('body').innerText()).toContain('Tambahkan target waktu publikasi dataset');
    await pegawai.getByLabel('Rencana hasil kerja').fill('Tersedianya layanan data terbuka Kota Serang');
    await pegawai.getByLabel('Aspek').selectOption('WAKTU');
    await pegawai.getByLabel('Indikator kinerja').fill('Bulan publikasi seluruh dataset');
    await pegawai.getByLabel('Target (angka)').fill('11');
    await pegawai.getByLabel('Satuan').fill('bulan');
    await pegawai.getByRole('button', { name: /Tambah/ }).click();
    // Three colleagues of the agency will rate behaviour in the review stage.
    const calon = pegawai.locator('input[type=checkbox][name^="rekan."]');
    for (const i of [0, 1, 2]) await calon.nth(i).check();
    await pegawai.getByRole('button', { name: 'Simpan rekan penilai' }).click();
    await pegawai.getByRole('button', { name: 'Ajukan ke atasan' }).click();

    await atasan.reload();
    await atasan.getByRole('button', { name: 'Setujui' }).click();
    expect(await atasan.locator('body').innerText()).toContain('Tahap penetapan target selesai');

    // The workflow moves on to the wait for the assessment window.
    await eventually(async () => {
      await pegawai.reload();
      return (await pegawai.locator('body').innerText()).includes('Pelaksanaan (menunggu masa penilaian)');
    });
    expect(await pegawai.getByRole('button', { name: 'Ajukan ke atasan' }).count()).toBe(0);
    const history = await pegawai.locator('body').innerText();
    for (const text of ['Mengajukan SKP ke atasan', 'Mengembalikan SKP untuk diperbaiki', 'Menyetujui SKP'])
      expect(history).toContain(text);
    expect(await noSidewaysScroll(pegawai)).toBe(true);
    await pegawai.screenshot({ path: path.join(shots, 'skp-selesai.png'), fullPage: true });
    const e = await getEvaluation(s.deps, s.cycle.id, nipOfKey('pranata2'));
    expect(e).toMatchObject({ stage: 'MENUNGGU_PENILAIAN', rekan: expect.any(Array) });
    expect(e!.rekan).toHaveLength(3);
  }, 90_000);
});
