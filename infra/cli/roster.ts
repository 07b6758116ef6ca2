/**
 * npm run roster -- import FILE [--dry-run] [--skip-invalid] [--opd KODE,KODE]
 *                             [--allow-mass-deactivation] [--json]
 * npm run roster -- template OUT.xlsx [--with-opd]
 *
 * Talks to the table named by TABLE_NAME (default "kinerja-local" when DYNAMODB_ENDPOINT is set,
 * i.e. the DynamoDB Local that `npm start` prints); in AWS it uses the default credentials chain.
 * Exit codes: 0 done, 1 the roster has errors or a batch failed, 2 unusable file or usage.
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  apply,
  dryRun,
  rosterTemplate,
  type ApplyResult,
  type RosterImportPlan,
  type RosterProgress,
} from '../../shared/app/people/roster-import.js';
import { accountProvisioning } from '../../shared/auth/cognito-accounts.js';
import { DomainError } from '../../shared/domain/errors.js';
import { clientDeps, type Deps } from '../../shared/runtime/deps.js';

const USAGE = `Pemakaian:
  npm run roster -- import BERKAS.xlsx|BERKAS.csv [--dry-run] [--skip-invalid] [--opd KODE,KODE]
                                      [--allow-mass-deactivation] [--json]
  npm run roster -- template KELUARAN.xlsx [--with-opd]

Lingkungan: DYNAMODB_ENDPOINT (DynamoDB Local, dicetak oleh npm start), TABLE_NAME (bawaan kinerja-local).`;

const LIST_LIMIT = 30;

function connect(): Deps {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (endpoint) {
    // DynamoDB Local ignores credentials, but the SDK insists on having some.
    process.env.AWS_REGION ??= 'ap-southeast-3';
    process.env.AWS_ACCESS_KEY_ID ??= 'local';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  }
  const tableName = process.env.TABLE_NAME ?? (endpoint ? 'kinerja-local' : undefined);
  if (!tableName)
    throw new DomainError('VALIDASI', 'Set TABLE_NAME (dan DYNAMODB_ENDPOINT untuk DynamoDB Local).');
  return clientDeps(tableName, endpoint);
}

/** A bar redrawn in place on a terminal; on a pipe, a line every 10%. */
function progressBar(): (p: RosterProgress) => void {
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  let lastPhase = '';
  return (p) => {
    if (p.phase !== 'menulis') {
      if (p.phase !== lastPhase) process.stderr.write(`${p.phase}...\n`);
      lastPhase = p.phase;
      return;
    }
    const share = p.total ? p.done / p.total : 1;
    if (tty) {
      const width = 30;
      const full = Math.round(share * width);
      process.stderr.write(
        `\rmenulis [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${p.done}/${p.total} pegawai`,
      );
      if (p.done === p.total) process.stderr.write('\n');
    } else if (Math.floor(share * 10) !== lastTenth) {
      lastTenth = Math.floor(share * 10);
      process.stderr.write(`menulis ${Math.round(share * 100)}% (${p.done}/${p.total} pegawai)\n`);
    }
  };
}

const show = (v: unknown) => (v === undefined || v === '' ? '(kosong)' : String(v));

function printPlan(plan: RosterImportPlan): void {
  const out: string[] = [];
  const more = (n: number) => (n > LIST_LIMIT ? [`  ... dan ${n - LIST_LIMIT} lainnya`] : []);
  out.push(
    `Berkas ${plan.file.name}: ${plan.rows} baris, cakupan ${plan.scope === 'SEMUA' ? 'seluruh OPD' : plan.scope.join(', ')}`,
    `  baru ${plan.creates.length}, diubah ${plan.updates.length}, dinonaktifkan ${plan.deactivations.length}, ` +
      `tetap ${plan.unchanged}, kesalahan ${plan.errors.length} (${plan.skippedRows.length} baris)`,
  );
  if (plan.errors.length) {
    out.push('', 'Kesalahan:');
    for (const e of plan.errors.slice(0, LIST_LIMIT))
      out.push(
        `  ${e.row ? `baris ${e.row}` : 'tidak ada di berkas'}${e.column ? `, kolom ${e.column}` : ''}` +
          `${e.cell ? ` (${e.cell})` : ''}: ${e.message}`,
      );
    out.push(...more(plan.errors.length));
  }
  const list = (title: string, items: RosterImportPlan['creates'], detail: boolean) => {
    if (!items.length) return;
    out.push('', `${title}:`);
    for (const c of items.slice(0, LIST_LIMIT)) {
      const where = c.row ? `baris ${c.row}` : 'tidak ada di berkas';
      const fields = detail
        ? `: ${c.changes.map((f) => `${f.field} ${show(f.from)} → ${show(f.to)}`).join(', ')}`
        : '';
      out.push(`  ${c.nip} ${c.nama} (${c.opd}, ${where})${fields}`);
    }
    out.push(...more(items.length));
  };
  list('Baru', plan.creates, false);
  list('Diubah', plan.updates, true);
  list('Dinonaktifkan', plan.deactivations, true);
  for (const w of plan.warnings) out.push('', `Peringatan: ${w}`);
  console.log(out.join('\n'));
}

function printResult(r: ApplyResult): void {
  console.log(
    `\nDiterapkan${r.importId ? ` (impor ${r.importId})` : ''}: baru ${r.created}, diubah ${r.updated}, ` +
      `dinonaktifkan ${r.deactivated}, tetap ${r.unchanged}, dilewati ${r.skippedRows.length} baris; ` +
      `${r.writes} item ditulis dalam ${r.transactions} transaksi.`,
  );
  for (const f of r.failedBatches)
    console.log(`  batch ${f.batch} GAGAL (${f.nips.length} pegawai): ${f.reason}`);
}

async function importCommand(
  file: string,
  flags: Record<string, string | boolean | undefined>,
): Promise<number> {
  const deps = connect();
  const opdScope = typeof flags.opd === 'string' ? flags.opd.split(',').filter(Boolean) : undefined;
  const onProgress = progressBar();
  const actor = `cli:${os.userInfo().username}`;
  // Not a NIP: the plan still refuses to deactivate the last active BKPSDM admins.
  const plan = await dryRun(
    deps,
    { name: path.basename(file), bytes: await readFile(file) },
    { ...(opdScope ? { opdScope } : {}), onProgress, actor },
  );
  if (flags.json) console.log(JSON.stringify(plan, null, 2));
  else printPlan(plan);
  if (flags['dry-run']) return plan.errors.length ? 1 : 0;
  if (plan.errors.length && !flags['skip-invalid']) {
    console.log('\nTidak ada yang diterapkan: perbaiki kesalahan, atau ulangi dengan --skip-invalid.');
    return 1;
  }
  if (plan.massDeactivation && !flags['allow-mass-deactivation']) {
    console.log(
      '\nTidak ada yang diterapkan: ulangi dengan --allow-mass-deactivation bila memang disengaja.',
    );
    return 1;
  }
  const result = await apply(deps, plan, {
    skipInvalid: !!flags['skip-invalid'],
    allowMassDeactivation: !!flags['allow-mass-deactivation'],
    actor,
    onProgress,
    // With USER_POOL_ID set (cloud), new people are invited and deactivated ones disabled.
    accounts: accountProvisioning(),
  });
  printResult(result);
  return result.failedBatches.length ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      'skip-invalid': { type: 'boolean' },
      'allow-mass-deactivation': { type: 'boolean' },
      'with-opd': { type: 'boolean' },
      json: { type: 'boolean' },
      opd: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, target] = positionals;
  if (values.help || !command || !target) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (command === 'import') return importCommand(target, values);
  if (command === 'template') {
    const xlsx = await rosterTemplate(values['with-opd'] ? connect() : undefined);
    await writeFile(target, xlsx);
    console.log(`Templat roster ditulis ke ${target} (${xlsx.length} byte).`);
    return 0;
  }
  console.error(`Perintah "${command}" tidak dikenal.\n${USAGE}`);
  return 2;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof DomainError) {
    console.error(`Gagal: ${err.message}`);
    for (const i of err.issues.slice(0, LIST_LIMIT)) console.error(`  ${i.path}: ${i.message}`);
    process.exitCode = 2;
  } else if ((err as { code?: string }).code === 'ENOENT') {
    console.error(`Gagal: berkas tidak ditemukan (${(err as { path?: string }).path ?? ''}).`);
    process.exitCode = 2;
  } else if ((err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exitCode = 2;
  } else throw err;
}
