/**
 * npm run bench:cycle — 6,000 generated employees (valid NIPs, a supervisor tree over the
 * seeded OPDs and units) in a fresh DynamoDB Local table; one cycle launched through the local
 * CycleLaunch machine (plan -> Map of NIP batches -> summary); the time until every evaluation
 * is registered at target setting, and peak RSS.
 */
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { OPD, UNIT } from '../../infra/local/seed-data.js';
import { ensureTable, startDynamo, useLocalAwsEnvironment } from '../../infra/local/dynamo.js';
import { UKURAN_KELOMPOK } from '../../shared/app/evaluation/cycle-launch.js';
import { keys } from '../../shared/data/keys.js';
import { employeeItem } from '../../shared/data/people.js';
import { TABLE } from '../../shared/data/table.js';
import type { Employee } from '../../shared/domain/people/employee.js';
import { formatNipPns } from '../../shared/domain/people/nip.js';
import { createDynamoClient } from '../../shared/runtime/deps.js';

const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 6000);
const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Distinct valid PNS NIPs: one birth date per person from 1966 on, TMT CPNS 2005-01. */
function nip(n: number): string {
  const born = new Date(Date.UTC(1966, 0, 1 + n)).toISOString().slice(0, 10);
  return formatNipPns({ tanggalLahir: born, tmtCpns: '2005-01', jenisKelamin: n % 2 ? 'P' : 'L', urutan: 1 });
}

/** Sekda -> kepala OPD -> kepala bidang per unit -> 3 kepala seksi -> staff, to EMPLOYEES people. */
function people(): Employee[] {
  let n = 0;
  const person = (opd: string, unit: string, jabatan: string, atasanNip?: string): Employee => ({
    nip: nip(n++),
    nama: `Pegawai Uji ${n}`,
    status: 'PNS',
    golongan: 'III/a',
    jabatan,
    jenisJabatan: 'PELAKSANA',
    opd,
    unit,
    ...(atasanNip ? { atasanNip } : {}),
    aktif: true,
  });
  const sekda = { ...person('SETDA', 'PIMPINAN', 'Sekretaris Daerah'), jenisJabatan: 'JPT' as const };
  const out: Employee[] = [sekda];
  const leads: Employee[] = [];
  for (const o of OPD.filter((x) => x.kode !== 'SETDA')) {
    const head = {
      ...person(o.kode, 'PIMPINAN', `Kepala ${o.nama}`, sekda.nip),
      jenisJabatan: 'JPT' as const,
    };
    out.push(head);
    for (const u of UNIT.filter((x) => x.opd === o.kode && x.kode !== 'PIMPINAN')) {
      const kabid = person(o.kode, u.kode, `Kepala ${u.nama}`, head.nip);
      out.push(kabid);
      for (let k = 1; k <= 3; k++) {
        const kasi = person(o.kode, u.kode, `Kepala Seksi ${k} ${u.nama}`, kabid.nip);
        out.push(kasi);
        leads.push(kasi);
      }
    }
  }
  for (let i = 0; out.length < EMPLOYEES; i++) {
    const lead = leads[i % leads.length]!;
    out.push(person(lead.opd, lead.unit, 'Pengadministrasi Perkantoran', lead.nip));
  }
  return out;
}

/** Evaluations of the cycle with registeredAt set: a COUNT query, so polling stays cheap. */
async function registeredCount(ddb: ReturnType<typeof createDynamoClient>, table: string, cycleId: string) {
  const { name, partitionKey } = TABLE.indexes.byCycle;
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(
      new QueryCommand({
        TableName: table,
        IndexName: name,
        KeyConditionExpression: `${partitionKey} = :pk`,
        FilterExpression: 'attribute_exists(registeredAt)',
        ExpressionAttributeValues: { ':pk': `CYCLE#${cycleId}` },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}

/** Peak RSS of DynamoDB Local's JVM, when the child is the java process itself. */
function jvmPeak(pid: number | undefined): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    if (!/^Name:\s+java/m.test(status)) return 'n/a';
    return mib(Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0));
  } catch {
    return 'n/a';
  }
}

/**
 * The launch runs in a child process, so that its peak RSS is the local runtime's (engine,
 * 6,000 executions in memory, handlers), not the CDK synth's that the parent needed.
 */
async function launchChild(endpoint: string, tableName: string, templatesPath: string): Promise<void> {
  const { createLocalSystem } = await import('../../infra/local/system.js');
  const { createCycleFor, startLaunch } = await import('../../shared/app/evaluation/cycles.js');
  const templates = JSON.parse(await readFile(templatesPath, 'utf8'));
  const system = await createLocalSystem({ synth: { templates }, endpoint, tableName });
  const rssAtStart = process.resourceUsage().maxRSS;
  const admin = { nip: nip(0), nama: 'Bench', admin: true };
  const cycle = await createCycleFor(system.deps, admin, {
    nama: 'Bench Tahunan 2028',
    tahun: 2028,
    periode: 'TAHUNAN',
    mulai: '2028-01-01',
    selesai: '2028-12-31',
    scope: 'ALL',
  });

  const t0 = performance.now();
  const launch = await startLaunch(system.deps, admin, cycle.id);
  const execution = system.engine.executions.get(launch.arn)!;
  await execution.done;
  const launched = performance.now() - t0;
  if (execution.status !== 'SUCCEEDED')
    throw new Error(`CycleLaunch ${execution.status}: ${JSON.stringify(execution.error)}`);
  const report = execution.output as { employees: number; created: number; started: number };
  const batches = execution.events.filter((e) => e.type === 'MapIterationStarted').length;

  let registered = 0;
  let polls = 0;
  while ((registered = await registeredCount(system.deps.ddb, tableName, cycle.id)) < report.employees) {
    polls++;
    if (performance.now() - t0 > 30 * 60_000) throw new Error(`only ${registered} registered after 30 min`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const total = performance.now() - t0;
  const evaluationExecutions = [...system.engine.executions.values()].filter(
    (e) => e.machine.endsWith('employee-evaluation') && e.status === 'RUNNING',
  ).length;
  console.log(
    `launch:    CycleLaunch execution ${secs(launched)}: ${report.employees} employees in ` +
      `${batches} batches of <= ${UKURAN_KELOMPOK}, ${report.created} evaluations created, ` +
      `${report.started} executions started`,
  );
  console.log(
    `registered: all ${registered} at PENETAPAN_TARGET after ${secs(total)} ` +
      `(${(registered / (total / 1000)).toFixed(0)} evaluations/s; ${polls} polls); ` +
      `${evaluationExecutions} EmployeeEvaluation executions waiting`,
  );
  console.log(
    `memory:    peak RSS ${mib(process.resourceUsage().maxRSS)} (process before the launch: ${mib(rssAtStart)})`,
  );
  system.stop();
  // Aborted executions leave their (24-day) callback timers behind: leave explicitly.
  process.exit(registered === EMPLOYEES && report.created === EMPLOYEES ? 0 : 1);
}

async function main(): Promise<void> {
  const dynamo = await startDynamo();
  const dir = await mkdtemp(join(tmpdir(), 'kinerja-bench-cycle-'));
  try {
    // Imported here, not at the top: the child loads only what the local runtime loads.
    const { synthesize } = await import('../../infra/local/synth.js');
    const { localTableDefinition } = await import('../../infra/local/localise.js');
    const synth = synthesize('local', { nag: false });
    const tableName = `bench-cycle-${randomUUID().slice(0, 8)}`;
    await ensureTable(dynamo.endpoint, tableName, localTableDefinition(synth.templates));
    const templatesPath = join(dir, 'templates.json');
    await writeFile(templatesPath, JSON.stringify(synth.templates));

    const t = performance.now();
    const ddb = createDynamoClient(dynamo.endpoint);
    const items = [
      ...OPD.map((o) => ({ ...keys.opd(o.kode), type: 'OPD', ...o })),
      ...UNIT.map((u) => ({ ...keys.unit(u.opd, u.kode), type: 'UNIT', ...u })),
      ...people().map(employeeItem),
    ];
    for (let i = 0; i < items.length; i += 25) {
      let request: Record<string, unknown[]> | undefined = {
        [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
      };
      while (request && Object.keys(request).length) {
        const out = await ddb.send(new BatchWriteCommand({ RequestItems: request as never }));
        request = out.UnprocessedItems as typeof request;
      }
    }
    ddb.destroy();
    console.log(
      `generated: ${EMPLOYEES} employees over ${OPD.length} OPDs written in ${secs(performance.now() - t)}`,
    );

    const child = spawn(
      process.execPath,
      [...process.execArgv, process.argv[1]!, 'launch', dynamo.endpoint, tableName, templatesPath],
      { stdio: ['inherit', 'inherit', 'pipe'] },
    );
    // The SDK warns each time requests queue for a socket: expected here, where DynamoDB Local
    // is the bottleneck. Counted instead of printed.
    let queued = 0;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) {
        if (/socket usage at capacity/.test(line)) queued++;
        else if (line && !/node-configuring-maxsockets|socketAcquisitionWarningTimeout/.test(line))
          process.stderr.write(`${line}\n`);
      }
    });
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    console.log(`sdk:       ${queued} warnings that requests queued for one of the client's 50 sockets`);
    console.log(`dynamodb:  DynamoDB Local JVM peak RSS ${jvmPeak(dynamo.process.pid)}`);
    process.exitCode = code ?? 1;
  } finally {
    dynamo.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const [mode, endpoint, table, templates] = process.argv.slice(2);
if (mode === 'launch') {
  useLocalAwsEnvironment();
  await launchChild(endpoint!, table!, templates!);
} else await main();
