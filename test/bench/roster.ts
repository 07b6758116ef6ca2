/**
 * npm run bench:roster — a 6,000-row XLSX roster (valid NIPs, a supervisor tree over the seeded
 * OPDs and units) imported into a fresh DynamoDB Local: time and peak RSS of the import, then
 * the same file again, which must write nothing.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { OPD, UNIT } from '../../infra/local/seed-data.js';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTable, startDynamo, useLocalAwsEnvironment } from '../../infra/local/dynamo.js';
import { apply, dryRun } from '../../shared/app/people/roster-import.js';
import { keys } from '../../shared/data/keys.js';
import { formatNipPns } from '../../shared/domain/people/nip.js';
import { ROSTER_COLUMN_KEYS, type RosterColumn } from '../../shared/domain/people/roster/index.js';
import { clientDeps, createDynamoClient, type Deps } from '../../shared/runtime/deps.js';
import { PutCommand } from '@aws-sdk/lib-dynamodb';

const ROWS = 6000;
/** Transactions in flight (apply's default is 4); BENCH_CONCURRENCY to compare. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Deterministic, so every run imports the same roster. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(2027);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const taken = new Set<string>();
function newNip(status: 'PNS' | 'PPPK'): string {
  const y = int(1966, 1998);
  const birth = `${y}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
  const jk = random() < 0.5 ? 'L' : 'P';
  for (let urutan = 1; ; urutan++) {
    const nip =
      status === 'PNS'
        ? formatNipPns({
            tanggalLahir: birth,
            tmtCpns: `${Math.min(y + int(22, 32), 2024)}-${pad(int(1, 12))}`,
            jenisKelamin: jk,
            urutan,
          })
        : `${birth.replaceAll('-', '')}202421${jk === 'L' ? 1 : 2}${pad(urutan, 3)}`;
    if (!taken.has(nip)) {
      taken.add(nip);
      return nip;
    }
  }
}

type Row = Record<RosterColumn, string>;
const NAMES = [
  'Ahmad',
  'Siti',
  'Budi',
  'Dewi',
  'Rina',
  'Agus',
  'Nur',
  'Hendra',
  'Yuli',
  'Rahmat',
  'Fitri',
  'Dedi',
];
const FAMILY = ['Hidayat', 'Lestari', 'Santoso', 'Wulandari', 'Saputra', 'Maulana', 'Rahayu', 'Firmansyah'];
const FUNGSIONAL = [
  ['Pranata Komputer', 'ahli pertama', 'III/a'],
  ['Analis Kebijakan', 'ahli muda', 'III/c'],
  ['Perencana', 'ahli madya', 'IV/a'],
  ['Arsiparis', 'terampil', 'II/c'],
  ['Guru', 'ahli pertama', 'III/b'],
  ['Perawat', 'mahir', 'III/a'],
] as const;

function person(over: Partial<Row> & Pick<Row, 'opd' | 'unit_kerja' | 'atasan_nip'>): Row {
  const status = over.status ?? 'PNS';
  return {
    nip: newNip(status as 'PNS' | 'PPPK'),
    nama: `${pick(NAMES)} ${pick(FAMILY)}`,
    status,
    golongan: status === 'PNS' ? 'III/a' : '',
    jabatan: 'Pengadministrasi Perkantoran',
    jenis_jabatan: 'PELAKSANA',
    level: '',
    email: '',
    aktif: 'ya',
    ...over,
  };
}

/** Sekda -> kepala OPD (JPT pratama) -> kepala bidang -> 3 kepala seksi -> staff. */
function roster(): Row[] {
  const rows: Row[] = [];
  const sekda = person({
    opd: 'SETDA',
    unit_kerja: 'PIMPINAN',
    atasan_nip: '',
    golongan: 'IV/d',
    jabatan: 'Sekretaris Daerah',
    jenis_jabatan: 'JPT',
    level: 'pratama',
  });
  rows.push(sekda);
  const leads: Row[] = [];
  for (const opd of OPD.filter((o) => o.kode !== 'SETDA')) {
    const head = person({
      opd: opd.kode,
      unit_kerja: 'PIMPINAN',
      atasan_nip: sekda.nip,
      golongan: 'IV/c',
      jabatan: `Kepala ${opd.nama}`,
      jenis_jabatan: 'JPT',
      level: 'pratama',
    });
    rows.push(head);
    for (const unit of UNIT.filter((u) => u.opd === opd.kode && u.kode !== 'PIMPINAN')) {
      const kabid = person({
        opd: opd.kode,
        unit_kerja: unit.kode,
        atasan_nip: head.nip,
        golongan: 'IV/a',
        jabatan: `Kepala ${unit.nama}`,
        jenis_jabatan: 'ADMINISTRATOR',
      });
      rows.push(kabid);
      for (let k = 1; k <= 3; k++) {
        const kasi = person({
          opd: opd.kode,
          unit_kerja: unit.kode,
          atasan_nip: kabid.nip,
          golongan: 'III/d',
          jabatan: `Kepala Seksi ${k} ${unit.nama}`,
          jenis_jabatan: 'PENGAWAS',
        });
        rows.push(kasi);
        leads.push(kasi);
      }
    }
  }
  for (let i = 0; rows.length < ROWS; i++) {
    const lead = leads[i % leads.length]!;
    const status = random() < 0.25 ? 'PPPK' : 'PNS';
    const base = { opd: lead.opd, unit_kerja: lead.unit_kerja, atasan_nip: lead.nip, status };
    if (random() < 0.5) {
      const [jabatan, level, golongan] = pick(FUNGSIONAL);
      rows.push(
        person({
          ...base,
          jabatan: `${jabatan} ${level}`,
          jenis_jabatan: 'FUNGSIONAL',
          level,
          golongan: status === 'PNS' ? golongan : '',
        }),
      );
    } else rows.push(person({ ...base, email: random() < 0.3 ? `pegawai${i}@serangkota.go.id` : '' }));
  }
  return rows;
}

async function xlsxOf(rows: Row[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Roster');
  sheet.addRow([...ROSTER_COLUMN_KEYS]);
  for (const r of rows) sheet.addRow(ROSTER_COLUMN_KEYS.map((k) => r[k]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The import runs in a child process so that its peak RSS is the import's own (exceljs, the
 * plan, the writes), not the CDK synth's (~400 MB) that the parent needs to create the table.
 */
async function importChild(endpoint: string, tableName: string, path: string): Promise<void> {
  const deps: Deps = clientDeps(tableName, endpoint);
  const writes = { commands: 0 };
  deps.ddb.middlewareStack.add(
    (next, context) => async (args) => {
      if (
        /^(TransactWriteItems|PutItem|UpdateItem|DeleteItem|BatchWriteItem)Command$/.test(
          String(context.commandName),
        )
      )
        writes.commands++;
      return next(args);
    },
    { step: 'initialize', name: 'bench-count-writes' },
  );
  const file = { name: 'roster-6000.xlsx', bytes: await readFile(path) };
  const rssAtStart = process.resourceUsage().maxRSS;

  let t = performance.now();
  const plan = await dryRun(deps, file);
  const planned = performance.now() - t;
  if (plan.errors.length) throw new Error(`unexpected errors: ${JSON.stringify(plan.errors.slice(0, 5))}`);
  t = performance.now();
  const first = await apply(deps, plan, { actor: 'bench', concurrency: CONCURRENCY });
  const applied = performance.now() - t;
  console.log(
    `import:    dry run ${secs(planned)} + apply ${secs(applied)} = ${secs(planned + applied)}; ` +
      `created ${first.created}, ${first.writes} items in ${first.transactions} transactions, ` +
      `failed batches ${first.failedBatches.length}`,
  );
  console.log(
    `           peak RSS ${mib(process.resourceUsage().maxRSS)} (process at start: ${mib(rssAtStart)})`,
  );

  const before = writes.commands;
  t = performance.now();
  const again = await apply(deps, file, { actor: 'bench' });
  console.log(
    `re-import: ${secs(performance.now() - t)} (dry run + apply); unchanged ${again.unchanged}, ` +
      `created ${again.created}, updated ${again.updated}, deactivated ${again.deactivated}, ` +
      `items written ${again.writes}, write commands sent ${writes.commands - before}`,
  );
  console.log(
    `           peak RSS ${mib(process.resourceUsage().maxRSS)} (DynamoDB Local's JVM not included)`,
  );
  if (first.created !== ROWS || again.writes !== 0 || writes.commands !== before) process.exitCode = 1;
}

async function main(): Promise<void> {
  const dynamo = await startDynamo();
  const dir = await mkdtemp(join(tmpdir(), 'kinerja-bench-roster-'));
  try {
    // Imported here, not at the top: the child must not load aws-cdk-lib.
    const { synthesize } = await import('../../infra/local/synth.js');
    const { localTableDefinition } = await import('../../infra/local/localise.js');
    const synth = synthesize('local', { nag: false });
    const tableName = `bench-roster-${randomUUID().slice(0, 8)}`;
    await ensureTable(dynamo.endpoint, tableName, localTableDefinition(synth.templates));
    const ddb = createDynamoClient(dynamo.endpoint);
    for (const o of OPD)
      await ddb.send(
        new PutCommand({ TableName: tableName, Item: { ...keys.opd(o.kode), type: 'OPD', ...o } }),
      );
    for (const u of UNIT)
      await ddb.send(
        new PutCommand({ TableName: tableName, Item: { ...keys.unit(u.opd, u.kode), type: 'UNIT', ...u } }),
      );
    ddb.destroy();

    const t = performance.now();
    const bytes = await xlsxOf(roster());
    const path = join(dir, 'roster-6000.xlsx');
    await writeFile(path, bytes);
    console.log(
      `generated ${ROWS} rows over ${OPD.length} OPDs: ${(bytes.length / 1024).toFixed(0)} KiB XLSX in ` +
        `${secs(performance.now() - t)}`,
    );
    const child = spawn(
      process.execPath,
      [...process.execArgv, process.argv[1]!, 'import', dynamo.endpoint, tableName, path],
      {
        stdio: 'inherit',
      },
    );
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    process.exitCode = code ?? 1;
  } finally {
    dynamo.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const [mode, endpoint, table, path] = process.argv.slice(2);
if (mode === 'import') {
  useLocalAwsEnvironment();
  await importChild(endpoint!, table!, path!);
} else await main();
