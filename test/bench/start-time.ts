/**
 * npm run bench:start — time from `npm start` to "ready" on a fresh DATA_DIR (first run: seed,
 * password hashes, launch) and on a restart (resume), and that Ctrl-C leaves no child behind.
 */
import { spawn, execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../infra/lambda.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kinerja-bench-start-'));

async function once(label: string): Promise<void> {
  const t0 = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '3999' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('siap dalam')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`npm start exited ${code}:\n${out}`)));
  });
  const ready = performance.now() - t0;
  const res = await fetch('http://127.0.0.1:3999/health');
  // Ctrl-C in a terminal signals the whole foreground process group, not just npm.
  process.kill(-child.pid!, 'SIGINT');
  await new Promise((r) => child.once('exit', r));
  await new Promise((r) => setTimeout(r, 1000));
  const leftovers = execSync(`ps -eo args | grep -c "[D]ynamoDBLocal.*${path.basename(dataDir)}" || true`)
    .toString()
    .trim();
  console.log(
    `${label.padEnd(10)} ready in ${(ready / 1000).toFixed(1)} s, /health ${res.status}, DynamoDB Local processes left after Ctrl-C: ${leftovers}`,
  );
}

try {
  await once('first run');
  await once('restart');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
