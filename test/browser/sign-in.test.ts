import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP, nipOfKey } from '../../infra/local/seed-data.js';
import { totpCode } from '../../shared/auth/totp.js';
import { chromiumAvailable, noSidewaysScroll, openWeb, SHOTS, type WebHarness } from '../support/browser.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

let s: TestSystem;
let web: WebHarness;

/** A phone without JavaScript, on the sign-in page; nothing may be loaded from elsewhere. */
async function phone(): Promise<{ page: Page; external: string[] }> {
  const context = await web.browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
    locale: 'id-ID',
  });
  const page = await context.newPage();
  const external: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(web.origin)) external.push(r.url());
  });
  await page.goto(`${web.origin}/masuk`);
  return { page, external };
}

async function typePassword(page: Page, key: string, password = DEMO_PASSWORD) {
  await page.getByLabel('NIP').fill(nipOfKey(key));
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

describe.skipIf(!chromiumAvailable)('signing in on a phone without JavaScript', () => {
  beforeAll(async () => {
    s = await startTestSystem({ passwords: true });
    web = await openWeb(s);
  });
  afterAll(async () => {
    await web?.close();
    s?.stop();
  });

  it('asks the demo admin for the TOTP code, then lets them in', async () => {
    const { page, external } = await phone();
    await typePassword(page, DEMO_TOTP.key);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Verifikasi dua langkah');
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'masuk-kode.png') });
    await page.getByLabel('Kode verifikasi (6 digit)').fill(totpCode(DEMO_TOTP.secret, new Date()));
    await page.getByRole('button', { name: 'Verifikasi dan masuk' }).click();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(external).toEqual([]);
  });

  it('lets an admin set TOTP up from a QR code drawn by the app, and anyone change their password', async () => {
    const { page, external } = await phone();
    await typePassword(page, 'analissdm');
    await page.getByRole('link', { name: 'Verifikasi dua langkah' }).click();
    const qr = page.getByRole('img', { name: /Kode QR/ });
    expect(
      await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'verifikasi-dua-langkah.png'), fullPage: true });
    const secret = (await page.locator('code').innerText()).replace(/\s+/g, '');
    await page.getByLabel('Kode verifikasi (6 digit)').fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: 'Aktifkan verifikasi dua langkah' }).click();
    expect(await page.getByRole('status').innerText()).toContain('Verifikasi dua langkah sudah aktif.');

    await page.getByRole('link', { name: 'Ganti kata sandi' }).click();
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.getByLabel('Kata sandi saat ini').fill(DEMO_PASSWORD);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('Baru#Sekali2027');
    await page.getByLabel('Ulangi kata sandi baru').fill('Baru#Sekali2027');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    expect(await page.getByRole('status').innerText()).toContain('Kata sandi berhasil diganti.');
    await page.screenshot({ path: path.join(SHOTS, 'ganti-kata-sandi.png'), fullPage: true });
    expect(external).toEqual([]);
  });
});
