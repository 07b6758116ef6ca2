import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES, createApp, ROSTER_UPLOAD_LIMIT_BYTES } from '../../functions/api/app.js';
import { fakeDeps } from './fake-store.js';

/**
 * A body above the limit on the real Node server (@hono/node-server, as `npm start` runs it), with
 * a keep-alive agent: the 413 must not promise a socket the server then closes, so the client's
 * next request succeeds. Bodies well past what the server drains before it gives up (3 MB), sent
 * with a Content-Length (refused unread) and chunked (refused after the limit).
 */
const app = createApp({
  auth: { mode: 'local', signIn: async () => null },
  deps: () => fakeDeps(new Date('2027-01-15T00:00:00Z'), { evaluations: [], rows: {}, history: [] }),
  sessionSecret: 'uji-rahasia-sesi-yang-cukup-panjang',
  secureCookies: false,
});

let server: ReturnType<typeof serve>;
let port = 0;
let agent: http.Agent;
beforeAll(async () => {
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  agent?.destroy();
  server?.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(
  path: string,
  options: { method?: string; body?: Buffer; headers?: Record<string, string>; chunked?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...options.headers };
    if (options.body && !options.chunked) headers['content-length'] = String(options.body.length);
    const req = http.request({
      host: '127.0.0.1',
      port,
      path,
      method: options.method ?? 'GET',
      agent,
      headers,
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    // The server may stop reading the rest of a refused body: once the answer is in, that is fine.
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const big = (n: number) => Buffer.alloc(n, 'a');

describe('413: a body above the limit on a keep-alive connection', () => {
  beforeAll(() => {
    agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  });

  for (const chunked of [false, true]) {
    const how = chunked ? 'chunked' : 'with Content-Length';
    it(`JSON API (${how}): 413 in JSON with Connection: close, then the next request works`, async () => {
      const refused = await send('/api/me', {
        method: 'POST',
        body: big(3_000_000),
        headers: { 'content-type': 'application/json' },
        chunked,
      });
      expect(refused.status).toBe(413);
      expect(refused.headers.connection).toBe('close');
      expect(refused.headers['content-type']).toMatch(/application\/json/);
      expect(JSON.parse(refused.body)).toMatchObject({
        error: 'TERLALU_BESAR',
        message: `Isi permintaan melebihi ${BODY_LIMIT_BYTES / 1024} KiB`,
      });
      const next = await send('/health');
      expect(next.status).toBe(200);
      expect(JSON.parse(next.body)).toEqual({ status: 'ok' });
    });

    it(`web form (${how}): 413 as an Indonesian page with Connection: close, then the next request works`, async () => {
      const refused = await send('/evaluasi/2027/199004122015031001/target', {
        method: 'POST',
        body: big(3_000_000),
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        chunked,
      });
      expect(refused.status).toBe(413);
      expect(refused.headers.connection).toBe('close');
      expect(refused.headers['content-type']).toMatch(/text\/html/);
      expect(refused.body).toContain('<html lang="id"');
      expect(refused.body).toContain('Isian formulir melebihi 64 KiB');
      expect(refused.body).not.toContain('TERLALU_BESAR');
      const next = await send('/health');
      expect(next.status).toBe(200);
    });
  }

  it('roster upload: its own limit, an Indonesian page naming it, then the next request works', async () => {
    const refused = await send('/admin/roster/periksa', {
      method: 'POST',
      body: big(ROSTER_UPLOAD_LIMIT_BYTES + 1),
      headers: { 'content-type': 'multipart/form-data; boundary=x', accept: 'text/html' },
    });
    expect(refused.status).toBe(413);
    expect(refused.headers.connection).toBe('close');
    expect(refused.body).toContain('Berkas roster paling besar 4 MB');
    expect((await send('/health')).status).toBe(200);
  });

  it('a body within the limit keeps the connection open', async () => {
    const ok = await send('/health', { method: 'GET' });
    expect(ok.headers.connection).toBe('keep-alive');
  });
});
