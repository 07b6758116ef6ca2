import { describe, expect, it } from 'vitest';
import { NotifikasiPage } from '../../functions/api/web/home/notifikasi.js';
import { TugasPage } from '../../functions/api/web/home/tugas.js';
import type { Notice } from '../../shared/data/notices.js';
import type { Tugas } from '../../shared/domain/evaluation/tugas.js';
import { ADMIN, ATASAN, PEGAWAI, render, viewer } from './fixtures.js';
import { expectSafePage } from './page-checks.js';

const task = (over: Partial<Tugas>): Tugas => ({
  peran: 'ATASAN',
  tahap: 'UMPAN_BALIK',
  status: 'DRAFT',
  cycleId: '2027',
  nip: PEGAWAI.nip,
  nama: PEGAWAI.nama,
  deadline: '2028-01-28T16:59:59.000Z',
  terlambat: false,
  ...over,
});

describe('"Tugas saya" page', () => {
  it('shows each task with its stage, whose evaluation, the WIB deadline and where to act', async () => {
    const html = await render(
      <TugasPage
        viewer={viewer(ATASAN)}
        tugas={[
          task({
            terlambat: true,
            deadline: '2027-01-31T16:59:59.000Z',
            tahap: 'PENETAPAN_TARGET',
            status: 'DIAJUKAN',
          }),
          task({
            peran: 'REKAN',
            tahap: 'PENILAIAN_REKAN',
            status: 'MENUNGGU',
            nip: '199207252019022001',
            nama: 'Dewi Lestari, S.Kom.',
          }),
          task({ peran: 'PEGAWAI', nip: ATASAN.nip, nama: ATASAN.nama, tahap: 'TANGGAPAN' }),
        ]}
      />,
    );
    expectSafePage(html, `csrf-${ATASAN.nip}`);
    expect(html).toContain('<a href="/tugas">Tugas saya</a>');
    expect(html).toContain('<a href="/notifikasi">Notifikasi</a>');
    expect(html).toContain('Penetapan target (SKP)');
    expect(html).toContain('Diajukan ke atasan');
    expect(html).toContain(`Evaluasi ${PEGAWAI.nama} (NIP ${PEGAWAI.nip})`);
    expect(html).toContain('Tenggat: 31 Januari 2027 pukul 23.59 WIB <span class="badge">Terlambat</span>');
    expect(html.match(/class="badge"/g)).toHaveLength(1);
    expect(html).toContain(`href="/evaluasi/2027/${PEGAWAI.nip}"`);
    // A peer's task opens the peer form, never the evaluation the peer may not read.
    expect(html).toContain('href="/penilaian-rekan/2027/199207252019022001"');
    expect(html).not.toContain('href="/evaluasi/2027/199207252019022001"');
    expect(html).toContain('Menunggu penilaian Anda');
    expect(html).toContain('Evaluasi Anda');
  });

  it('says so when nothing waits', async () => {
    const html = await render(<TugasPage viewer={viewer(PEGAWAI)} tugas={[]} />);
    expect(html).toContain('Tidak ada tugas yang menunggu Anda saat ini.');
  });
});

describe('"Notifikasi saya" page', () => {
  const notice = (over: Partial<Notice>): Notice => ({
    recipient: ADMIN.nip,
    at: '2027-01-24T00:00:00.000Z',
    kind: 'PENGINGAT',
    subject: 'Tenggat 7 hari lagi: Penetapan target (SKP)',
    body: 'Tahap Penetapan target (SKP) evaluasi Anda menunggu tindakan Anda.',
    cycleId: '2027',
    nip: ADMIN.nip,
    tahap: 'PENETAPAN_TARGET',
    ...over,
  });

  it('lists reminders and escalations (and the BKPSDM box for admins) with links to act', async () => {
    const html = await render(
      <NotifikasiPage
        viewer={viewer(ADMIN)}
        notices={[
          notice({}),
          notice({ kind: 'ESKALASI', recipient: 'BKPSDM', subject: 'Tenggat terlewati', nip: PEGAWAI.nip }),
          notice({ tahap: 'PENILAIAN_REKAN', nip: PEGAWAI.nip, subject: 'Tenggat 1 hari lagi: rekan' }),
        ]}
      />,
    );
    expectSafePage(html, `csrf-${ADMIN.nip}`);
    expect(html).toContain('Pengingat: Tenggat 7 hari lagi: Penetapan target (SKP)');
    expect(html).toContain('24 Januari 2027 pukul 07.00 WIB');
    expect(html).toContain('Eskalasi: Tenggat terlewati');
    expect(html).toContain('kotak BKPSDM');
    expect(html).toContain('Buka evaluasi saya');
    expect(html).toContain(`href="/evaluasi/2027/${PEGAWAI.nip}">Buka evaluasi terkait`);
    expect(html).toContain(`href="/penilaian-rekan/2027/${PEGAWAI.nip}">Buka penilaian rekan`);
  });
});
