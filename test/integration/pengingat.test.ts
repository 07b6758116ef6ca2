import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPLOYEES } from '../../infra/local/seed-data.js';
import { assignPlt } from '../../shared/app/people/mutasi.js';
import { kirimEmailNotifikasi } from '../../shared/app/notifikasi-email.js';
import { kirimPengingat } from '../../shared/app/evaluation/pengingat.js';
import * as skp from '../../shared/app/evaluation/skp.js';
import { getEvaluation, listByCycle } from '../../shared/data/evaluations.js';
import { keys } from '../../shared/data/keys.js';
import { listNotices, type Notice } from '../../shared/data/notices.js';
import { listPenilaianRekan } from '../../shared/data/penilaian-rekan.js';
import type { EmailMessage } from '../../shared/runtime/email.js';
import { driveTo } from '../support/cycle.js';
import { eventually, launchAndWait, startTestSystem, type TestSystem } from '../support/system.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const SCOPE = ['DISKOMINFO', 'DINKES'];
const IN_SCOPE = EMPLOYEES.filter((e) => SCOPE.includes(e.opd)).length;

let s: TestSystem;
/** The target-setting deadline every evaluation registered with. */
let deadline: number;
const before = (ms: number, from = deadline) => new Date(from - ms);
const nip = (key: string) => s.principal(key).nip;
const reminders = async (key: string): Promise<Notice[]> =>
  (await listNotices(s.deps, nip(key))).filter((n) => n.kind === 'PENGINGAT');
const about = (list: Notice[], key: string, tahap?: string) =>
  list.filter((n) => n.nip === nip(key) && (!tahap || n.tahap === tahap));

/** Records what would have been emailed, so the test sees exactly which reminders went out. */
function capturingEmail() {
  const sent: EmailMessage[] = [];
  return { sent, deps: { ...s.deps, email: { send: async (m: EmailMessage) => void sent.push(m) } } };
}

async function setEmail(key: string, email: string) {
  await s.deps.ddb.send(
    new UpdateCommand({
      TableName: s.deps.tableName,
      Key: keys.employee(nip(key)),
      UpdateExpression: 'SET email = :e',
      ExpressionAttributeValues: { ':e': email },
    }),
  );
}

beforeAll(async () => {
  s = await startTestSystem({ cycle: { scope: SCOPE } });
  await launchAndWait(s);
  // Every evaluation in scope waits at target setting before the job is looked at.
  const all = await eventually(async () => {
    const list = await listByCycle(s.deps, s.cycle.id);
    return list.length === IN_SCOPE && list.every((e) => e.taskToken) ? list : undefined;
  }, 20_000);
  deadline = new Date(all[0]!.deadline!).getTime();
  expect(new Set(all.map((e) => e.deadline)).size).toBe(1);
});
afterAll(() => s.stop());

describe('reminder job on DynamoDB Local', () => {
  it('reminds nobody more than 7 days before a deadline', async () => {
    const r = await kirimPengingat(s.deps, before(7 * DAY + HOUR));
    expect(r).toMatchObject({ cycles: 1, diperiksa: IN_SCOPE, dibuat: 0, sudahAda: 0, tanpaPenerima: 0 });
    expect(await reminders('pranata1')).toEqual([]);
  });

  it('reminds whoever acts, exactly once however often the job runs, and emails only new ones', async () => {
    // pranata2 submits: the stage now waits on the atasan, not on pranata2.
    const p2 = s.principal('pranata2');
    const e = (await getEvaluation(s.deps, s.cycle.id, p2.nip))!;
    const added = await skp.addTargetRow(s.deps, p2, s.cycle.id, p2.nip, e.version, {
      jenis: 'UTAMA',
      rhk: 'Terintegrasinya layanan aplikasi perangkat daerah',
      aspek: 'KUANTITAS',
      indikator: 'Jumlah aplikasi terintegrasi',
      target: 4,
      satuan: 'aplikasi',
    });
    await skp.submitSkp(s.deps, p2, s.cycle.id, p2.nip, added.evaluation.version);
    await setEmail('pranata1', 'pranata1@serangkota.go.id');

    const mail = capturingEmail();
    const first = await kirimPengingat(mail.deps, before(3 * DAY));
    const again = await kirimPengingat(mail.deps, before(3 * DAY - 2 * HOUR));
    const third = await kirimPengingat(mail.deps, before(2 * DAY));
    expect(first).toMatchObject({ dibuat: IN_SCOPE, sudahAda: 0 });
    expect(first.email).toEqual({ terkirim: 1, tanpaAlamat: IN_SCOPE - 1, gagal: 0 });
    for (const r of [again, third]) {
      expect(r).toMatchObject({ dibuat: 0, sudahAda: IN_SCOPE });
      expect(r.email.terkirim).toBe(0);
    }
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]).toMatchObject({
      to: 'pranata1@serangkota.go.id',
      subject: expect.stringContaining('Penetapan target'),
    });

    const own = await reminders('pranata1');
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({
      recipient: nip('pranata1'),
      nip: nip('pranata1'),
      cycleId: s.cycle.id,
      tahap: 'PENETAPAN_TARGET',
      at: before(3 * DAY).toISOString(),
      subject: expect.stringContaining('3 hari lagi'),
    });
    expect(own[0]!.body).toMatch(/Tenggat: \d{1,2} \p{L}+ 2027 pukul \d{2}\.\d{2} WIB\.$/u);
    // The submitted SKP waits on the atasan: the reminder is theirs, about pranata2.
    expect(await reminders('pranata2')).toEqual([]);
    const atasan = await reminders('kabidaptika');
    expect(about(atasan, 'pranata2')).toHaveLength(1);
    expect(about(atasan, 'pranata2')[0]!.body).toContain('sebagai atasan langsung');
    expect(about(atasan, 'kabidaptika')).toHaveLength(1);
  });

  it('sends the reminder to the Plt/Plh in force instead of the atasan', async () => {
    await assignPlt(s.deps, s.principal('analissdm'), {
      jenis: 'PLT',
      nip: nip('sekdiskominfo'),
      menggantikanNip: nip('kabidaptika'),
      mulai: '2027-01-25',
      selesai: '2027-02-05',
      alasan: 'Surat perintah Sekda nomor 800/45/2027',
    });
    const r = await kirimPengingat(s.deps, before(12 * HOUR));
    // The 1-day reminder: a new key for every open stage.
    expect(r).toMatchObject({ dibuat: IN_SCOPE, sudahAda: 0 });
    const plt = about(await reminders('sekdiskominfo'), 'pranata2');
    expect(plt).toHaveLength(1);
    expect(plt[0]!.subject).toContain('1 hari lagi');
    // The definitive atasan keeps only the earlier 7-day reminder about pranata2.
    expect(about(await reminders('kabidaptika'), 'pranata2')).toHaveLength(1);
    expect(await reminders('pranata1')).toHaveLength(2);
    // After the deadline, reminders stop: a missed deadline is the escalation's business.
    expect(await kirimPengingat(s.deps, before(-HOUR))).toMatchObject({ dibuat: 0 });
  });

  it("reminds waiting peers and, for an objection, the atasan's atasan", { timeout: 120_000 }, async () => {
    await driveTo(s, 'pranata1', 'PENILAIAN_ATASAN');
    await driveTo(s, 'bidan1', 'KEBERATAN', { keberatan: true });
    const rekanReviews = await eventually(async () => {
      const list = await listPenilaianRekan(s.deps, s.cycle.id, nip('pranata1'));
      return list.length === 3 && list.every((x) => x.taskToken && x.deadline) ? list : undefined;
    });
    const rekanDeadline = new Date(rekanReviews[0]!.deadline!).getTime();
    const r = await kirimPengingat(s.deps, before(2 * DAY, rekanDeadline));
    expect(r).toMatchObject({ dibuat: 4, sudahAda: 0 });
    for (const key of ['pranata2', 'pranata3', 'pppkaptika']) {
      const got = about(await reminders(key), 'pranata1', 'PENILAIAN_REKAN');
      expect(got, key).toHaveLength(1);
      expect(got[0]!.body).toContain('sebagai rekan kerja');
    }
    // The atasan's own review runs beside the peers' and is reminded too.
    expect(about(await reminders('kabidaptika'), 'pranata1', 'PENILAIAN_ATASAN')).toHaveLength(1);
    expect((await kirimPengingat(s.deps, before(2 * DAY - HOUR, rekanDeadline))).dibuat).toBe(0);

    const objection = (await getEvaluation(s.deps, s.cycle.id, nip('bidan1')))!;
    expect(objection).toMatchObject({ stage: 'KEBERATAN', atasanAtasanNip: nip('kabidp2p') });
    await kirimPengingat(s.deps, before(DAY, new Date(objection.deadline!).getTime()));
    const decide = about(await reminders('kabidp2p'), 'bidan1', 'KEBERATAN');
    expect(decide).toHaveLength(1);
    expect(decide[0]!.body).toContain('atasan dari atasan langsung');
    expect(about(await reminders('kapkm'), 'bidan1', 'KEBERATAN')).toEqual([]);
    expect(about(await reminders('bidan1'), 'bidan1', 'KEBERATAN')).toEqual([]);
  });
});

describe('email of stored notices (reminders and escalations)', () => {
  const notice = (recipient: string): Notice => ({
    recipient,
    at: new Date().toISOString(),
    kind: 'ESKALASI',
    subject: 'Tenggat terlewati: Umpan balik atasan',
    body: 'Tahap umpan balik melewati tenggat.',
    cycleId: s.cycle.id,
    nip: nip('pranata3'),
  });

  it('emails people with an address, skips the rest and BKPSDM’s box, and survives a failed send', async () => {
    await setEmail('kadiskominfo', 'kadis@serangkota.go.id');
    await setEmail('pranatahumas', 'humas@serangkota.go.id');
    const sent: string[] = [];
    const deps = {
      ...s.deps,
      email: {
        send: async (m: EmailMessage) => {
          if (m.to.startsWith('humas'))
            throw Object.assign(new Error('throttled'), { name: 'TooManyRequests' });
          sent.push(m.to);
        },
      },
    };
    const notices = ['BKPSDM', nip('kadiskominfo'), nip('pranata3'), nip('pranatahumas')].map(notice);
    expect(await kirimEmailNotifikasi(deps, notices)).toEqual({ terkirim: 1, tanpaAlamat: 2, gagal: 1 });
    expect(sent).toEqual(['kadis@serangkota.go.id']);
    // Local mode has no sender: notices stay in the table only.
    expect(await kirimEmailNotifikasi(s.deps, notices)).toEqual({ terkirim: 0, tanpaAlamat: 0, gagal: 0 });
  });
});
