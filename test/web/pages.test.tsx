import { describe, expect, it } from 'vitest';
import { ErrorPage } from '../../functions/api/web/common/error-page.js';
import { HomePage } from '../../functions/api/web/home/home.js';
import { InboxPage } from '../../functions/api/web/home/inbox.js';
import { SignInPage } from '../../functions/api/web/auth/sign-in.js';
import { ATASAN, PEGAWAI, evaluation, render, viewer } from './fixtures.js';
import { expectSafePage, formWithAction } from './page-checks.js';

const NOW = new Date('2027-02-10T00:00:00Z');

describe('sign-in page', () => {
  it('carries the double-submit token and the return path, and keeps the NIP after a failure', async () => {
    const html = await render(
      <SignInPage
        formToken="tok123"
        lanjut="/kotak-masuk"
        nip="198503142010011002"
        error="NIP atau kata sandi salah"
        cloud={false}
      />,
    );
    expectSafePage(html, 'tok123');
    expect(html).toContain('<input type="hidden" name="lanjut" value="/kotak-masuk"/>');
    expect(html).toContain('value="198503142010011002"');
    expect(html).toMatch(/role="alert"[\s\S]*NIP atau kata sandi salah/);
    expect(html).toContain('autocomplete="current-password"');
    // The header has no sign-out form before sign-in.
    expect(html).not.toContain('/keluar');
  });

  it('shows field errors next to their fields', async () => {
    const html = await render(
      <SignInPage
        formToken="t"
        lanjut="/"
        error="Lengkapi isian berikut."
        fieldErrors={{ password: 'Kata sandi wajib diisi' }}
        cloud={false}
      />,
    );
    expect(html).toMatch(
      /<p class="field-error" id="f-password-galat">Kata sandi wajib diisi<\/p><input type="password" id="f-password"[^>]*aria-describedby="f-password-galat"/,
    );
  });

  it('says that cloud sign-in is not available yet instead of showing a form', async () => {
    const html = await render(<SignInPage formToken="" lanjut="/" cloud />);
    expectSafePage(html);
    expect(html).toContain('Cognito');
    expect(html).toContain('belum tersedia');
    expect(html).not.toContain('<form');
  });
});

describe('home page', () => {
  const props = {
    viewer: viewer(ATASAN),
    now: NOW,
    evaluations: [evaluation({ nip: ATASAN.nip, nama: ATASAN.nama })],
    notices: [
      {
        recipient: ATASAN.nip,
        at: '2027-02-01T00:00:00.000Z',
        kind: 'ESKALASI' as const,
        subject: 'Tenggat terlewati',
        body: 'Menunggu tindakan',
        cycleId: '2027',
        nip: PEGAWAI.nip,
      },
    ],
    teamSize: 3,
    waitingCount: 2,
  };

  it('lists my evaluations with Indonesian dates, overdue marker, notices and the inbox count', async () => {
    const html = await render(<HomePage {...props} />);
    expectSafePage(html, `csrf-${ATASAN.nip}`);
    expect(html).toContain('<title>Evaluasi saya - Kinerja ASN Kota Serang</title>');
    expect(html).toContain(`href="/evaluasi/2027/${ATASAN.nip}"`);
    expect(html).toContain('31 Januari 2027');
    expect(html).toContain('Terlambat');
    expect(html).toContain('Draf');
    expect(html).toContain('2 SKP menunggu persetujuan Anda');
    expect(html).toContain('Eskalasi: Tenggat terlewati');
    expect(html).toContain('1 Februari 2027 pukul 07.00 WIB');
    expect(html).toContain(`href="/evaluasi/2027/${PEGAWAI.nip}"`);
    // Header: app name, my name, sign-out.
    expect(html).toContain('Kinerja ASN Kota Serang');
    expect(html).toContain(ATASAN.nama);
    expect(formWithAction(html, '/keluar')).toContain('Keluar');
  });

  it('leaves out the inbox link for someone without subordinates', async () => {
    const html = await render(
      <HomePage
        {...props}
        viewer={viewer(PEGAWAI)}
        teamSize={0}
        waitingCount={0}
        notices={[]}
        evaluations={[]}
      />,
    );
    expect(html).not.toContain('menunggu persetujuan Anda');
    expect(html).toContain('Tidak ada notifikasi');
    expect(html).toContain('Belum ada evaluasi');
  });
});

describe('inbox page', () => {
  it('lists SKPs waiting for me and my whole team', async () => {
    const waiting = evaluation({ status: 'DIAJUKAN' });
    const html = await render(
      <InboxPage
        viewer={viewer(ATASAN)}
        now={NOW}
        waiting={[waiting]}
        team={[waiting, evaluation({ nip: '199207252019022001', nama: 'Dewi Lestari', status: 'SELESAI' })]}
      />,
    );
    expectSafePage(html, `csrf-${ATASAN.nip}`);
    expect(html).toContain('Menunggu persetujuan Anda (1)');
    expect(html).toContain('10 Januari 2027 pukul 10.30 WIB');
    expect(html).toContain('Tim saya (2)');
    expect(html).toContain('Dewi Lestari');
    expect(html).toContain('Selesai');
    expect(html).toContain('Diajukan ke atasan');
  });
});

describe('error page', () => {
  it('renders without a viewer and with one', async () => {
    expectSafePage(await render(<ErrorPage title="Permintaan ditolak" message="Token salah" />));
    const html = await render(<ErrorPage title="Tidak berhak" message="x" viewer={viewer(PEGAWAI)} />);
    expectSafePage(html, `csrf-${PEGAWAI.nip}`);
  });
});
