import { serve } from '@hono/node-server';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { expect } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import { localAccounts } from '../../shared/auth/local-accounts.js';
import { DEMO_PASSWORD, nipOfKey } from '../../infra/local/seed-data.js';
import { PROJECT_ROOT } from '../../infra/lambda.js';
import type { TestSystem } from './system.js';

/** The browser tests' shared harness: the app served over HTTP and a headless Chromium. */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CI installs Chromium (.ci/run); elsewhere the browser tests are skipped with a notice.
export const chromiumAvailable = existsSync(CHROMIUM);
if (!chromiumAvailable && process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}`);
if (!chromiumAvailable)
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

export const SHOTS = path.join(PROJECT_ROOT, 'test-results');

export interface WebHarness {
  origin: string;
  browser: Browser;
  close: () => Promise<void>;
}

export async function openWeb(s: TestSystem): Promise<WebHarness> {
  const app = createApp({
    auth: localAccounts(() => s.deps),
    deps: () => s.deps,
    sessionSecret: 'browser-test-secret',
    secureCookies: false,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
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
  mkdirSync(SHOTS, { recursive: true });
  return {
    origin,
    browser,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

/**
 * A phone-sized context with JavaScript disabled, signed in through the form. Asserts that no
 * request leaves the app.
 */
export async function signIn(
  web: WebHarness,
  key: string,
  options: { timeoutMs?: number; onResponse?: (r: Response) => void } = {},
): Promise<Page> {
  const context = await web.browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
    locale: 'id-ID',
  });
  if (options.timeoutMs) context.setDefaultTimeout(options.timeoutMs);
  const page = await context.newPage();
  const external: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(web.origin)) external.push(r.url());
  });
  if (options.onResponse) page.on('response', options.onResponse);
  await page.goto(`${web.origin}/`);
  expect(page.url()).toContain('/masuk');
  await page.getByLabel('NIP').fill(nipOfKey(key));
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  expect(new URL(page.url()).pathname).toBe('/');
  expect(external).toEqual([]);
  return page;
}

// Runs in the page, where DOM globals exist; typed loosely because the project has no DOM lib.
export const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => {
    const g = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number } };
      innerWidth: number;
    };
    return g.document.documentElement.scrollWidth <= g.innerWidth;
  });
