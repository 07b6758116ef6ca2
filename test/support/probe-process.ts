import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../../infra/lambda.js';

/**
 * The local system as `npm start` runs it (infra/local/start.ts), in a process group of its own
 * so that a test can kill all of it at once, DynamoDB Local's JVM included, the way a power cut
 * or `kill -9` would. And a browser-like client for it: sign-in through /masuk, cookies, and the
 * CSRF token of a signed-in page for the JSON API.
 */
export interface LocalProcess {
  child: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

export function startLocal(env: { dataDir: string; port: number; dynamoPort: number }): LocalProcess {
  let out = '';
  const child = spawn(path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['infra/local/start.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      DATA_DIR: env.dataDir,
      PORT: String(env.port),
      DYNAMODB_PORT: String(env.dynamoPort),
      DDB_LOCAL_TELEMETRY: '0',
      CDK_DISABLE_CLI_TELEMETRY: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: -pid reaches tsx, node and the JVM together.
    detached: true,
  });
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // The group outlives a test runner that dies or is stopped: take it along.
  const reap = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', reap);
  void exited.then(() => process.off('exit', reap));
  return { child, base: `http://127.0.0.1:${env.port}`, output: () => out, exited };
}

/** Polls /health until it answers (bounded); fails at once, with the output, if the process ends. */
export async function waitReady(p: LocalProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void p.exited.then(() => (ended = true));
  for (;;) {
    if (ended) throw new Error(`the local system exited before it was ready:\n${p.output()}`);
    try {
      const res = await fetch(`${p.base}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Whether something listens on the port. */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** Kills the whole process group with `signal` and waits until it and its DynamoDB port are gone. */
export async function killGroup(p: LocalProcess, dynamoPort: number, signal: NodeJS.Signals = 'SIGKILL') {
  if (p.child.exitCode === null && p.child.signalCode === null) {
    try {
      process.kill(-p.child.pid!, signal);
    } catch {
      // already gone
    }
    await p.exited;
  }
  const deadline = Date.now() + 30_000;
  while (await listening(dynamoPort)) {
    if (Date.now() > deadline)
      throw new Error(`DynamoDB Local still listens on ${dynamoPort} after ${signal}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A person signed in through the web form, with the cookie and the page's CSRF token. */
export class WebSession {
  private cookie = '';
  private csrf = '';
  constructor(
    private readonly base: string,
    readonly nip: string,
  ) {}

  private static cookies(res: Response): string[] {
    return res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  }

  async signIn(password: string): Promise<this> {
    const form = await fetch(`${this.base}/masuk`);
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
    const pre = WebSession.cookies(form).join('; ');
    const res = await fetch(`${this.base}/masuk`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: pre, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token ?? '', nip: this.nip, password, lanjut: '/' }),
    });
    if (res.status !== 303)
      throw new Error(`sign-in of ${this.nip}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    this.cookie = WebSession.cookies(res)
      .filter((c) => c.includes('kinerja_sesi'))
      .join('; ');
    const page = await fetch(`${this.base}/`, { headers: { cookie: this.cookie } });
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    if (!this.csrf) throw new Error(`no CSRF token on the home page of ${this.nip}`);
    return this;
  }

  async api(method: string, urlPath: string, body?: unknown) {
    const res = await fetch(`${this.base}${urlPath}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not JSON: kept as text
    }
    return { status: res.status, json, text };
  }
}
