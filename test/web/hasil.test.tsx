import { describe, expect, it } from 'vitest';
import { HasilFormPage } from '../../functions/api/web/evaluation/hasil-page.js';
import { EvaluationPage } from '../../functions/api/web/evaluation/page.js';
import { parseTanggapan } from '../../functions/api/web/evaluation/hasil-forms.js';
import { RingkasanPage } from '../../functions/api/web/evaluation/ringkasan.js';
import { KurvaPage } from '../../functions/api/web/organisation/kurva.js';
import { PenutupanPage } from '../../functions/api/web/cycles/tutup-siklus.js';
import type { Principal } from '../../shared/app/actor.js';
import { CYCLE } from '../../infra/local/seed-data.js';
import { periksaKurva } from '../../shared/domain/organisation/kurva.js';
import { periksaPenutupan } from '../../shared/domain/evaluation/penutupan-siklus.js';
import { susunRingkasan } from '../../shared/domain/evaluation/ringkasan.js';
import { ADMIN, ATASAN, PEGAWAI, ROWS, evaluation, render, viewer } from './fixtures.js';
import { expectSafePage, formWithAction } from './page-checks.js';

const NOW = new Date('2028-01-25T00:00:00Z');
const ATASAN_ATASAN: Principal = {
  nip: '197508212000121001',
  nama: 'Hendra Gunawan, S.Kom., M.T.',
  admin: false,
};
const hasil = {
  hasilKerja: 'DI_BAWAH_EKSPEKTASI' as const,
  perilaku: 'SESUAI_EKSPEKTASI' as const,
  predikat: 'BUTUH_PERBAIKAN' as const,
  dihitungPada: '2028-01-20T00:00:00.000Z',
  sumber: 'ATASAN' as const,
};
const dinilai = evaluation({
  stage: 'UMPAN_BALIK',
  atasanAtasanNip: ATASAN_ATASAN.nip,
  hasil,
  penilaianAtasan: {
    baris: { 'row-1': { level: 'DI_BAWAH_EKSPEKTASI' }, 'row-2': { level: 'SESUAI_EKSPEKTASI' } },
    hasilKerja: { level: 'DI_BAWAH_EKSPEKTASI', saran: 'DI_BAWAH_EKSPEKTASI' },
    perilaku: {},
    perilakuKerja: { level: 'SESUAI_EKSPEKTASI' },
  },
});
const page = (user: Principal, e = dinilai) =>
  render(
    <EvaluationPage
      viewer={viewer(user)}
      now={NOW}
      evaluation={e}
      rows={ROWS}
      history={[]}
      atasanRows={[]}
    />,
  );
const base = `/evaluasi/2027/${PEGAWAI.nip}`;

describe('outcome sections of the evaluation page', () => {
  it('gives the atasan the feedback form with a field per row, the row below expectation marked', async () => {
    const html = await page(ATASAN);
    expectSafePage(html, `csrf-${ATASAN.nip}`);
    const form = formWithAction(html, `${base}/umpan-balik`)!;
    expect(form).toContain('name="baris.row-1"');
    expect(form).toContain('Tersusunnya aplikasi antrean puskesmas (wajib)');
    expect(form).toContain('value="berikan"');
    expect(form).toContain('value="simpan"');
    expect(html).toContain('Butuh Perbaikan');
  });

  it('shows the employee the predikat but never the draft feedback', async () => {
    const html = await page(PEGAWAI, {
      ...dinilai,
      umpanBalik: { baris: {}, umum: 'Draf yang belum diberikan', saran: '' },
    });
    expectSafePage(html, `csrf-${PEGAWAI.nip}`);
    expect(html).not.toContain('Draf yang belum diberikan');
    expect(html).not.toContain(`${base}/umpan-balik`);
    expect(html).toContain('Menunggu umpan balik atasan');
  });

  it('offers the response form to the employee and the decision form to the atasan of the atasan', async () => {
    const tanggapan = { ...dinilai, stage: 'TANGGAPAN' as const };
    const own = await page(PEGAWAI, tanggapan);
    expectSafePage(own, `csrf-${PEGAWAI.nip}`);
    const response = formWithAction(own, `${base}/tanggapan`)!;
    expect(response).toContain('value="KEBERATAN"');
    // Accepting or objecting decides a right: neither is ticked until the person chooses.
    expect(response).not.toMatch(/\bchecked\b/);
    const keberatan = {
      ...dinilai,
      stage: 'KEBERATAN' as const,
      tanggapan: {
        jenis: 'KEBERATAN' as const,
        alasan: 'Capaian terhambat server pusat',
        pada: NOW.toISOString(),
      },
    };
    const html = await page(ATASAN_ATASAN, keberatan);
    expectSafePage(html, `csrf-${ATASAN_ATASAN.nip}`);
    const form = formWithAction(html, `${base}/keberatan`)!;
    expect(form).toContain('Capaian terhambat server pusat');
    expect(form).toContain('Tidak berubah (di bawah ekspektasi)');
    expect(await page(ATASAN, keberatan)).not.toContain(`${base}/keberatan`);
    expect(form).not.toMatch(/name="keputusan"[^>]*\bchecked\b|\bchecked\b[^>]*name="keputusan"/);
  });

  it('asks again when the response has no choice, or an objection\'s reason with "menerima" ticked', () => {
    const none = parseTanggapan({ version: '3', alasan: '' });
    expect(none.success).toBe(false);
    expect(none.error?.issues.map((i) => i.path.join('.'))).toEqual(['jenis']);
    const slip = parseTanggapan({
      version: '3',
      jenis: 'DITERIMA',
      alasan: 'Perilaku kerja dinilai sesuai ekspektasi padahal rekan menilai di atas.',
    });
    expect(slip.success).toBe(false);
    expect(slip.error?.issues[0]).toMatchObject({ path: ['jenis'] });
    expect(slip.error?.issues[0]?.message).toMatch(/memilih menerima/);
    expect(parseTanggapan({ version: '3', jenis: 'DITERIMA', alasan: '' }).success).toBe(true);
  });

  it('re-renders a refused form with the message at its field and the typed text', async () => {
    const html = await render(
      <HasilFormPage
        viewer={viewer(ATASAN)}
        now={NOW}
        evaluation={dinilai}
        rows={ROWS}
        failure={{
          form: 'umpan-balik',
          message: 'Umpan balik belum lengkap atau tidak valid',
          issues: [{ path: 'baris.row-1', message: 'Tuliskan umpan baliknya' }],
          values: { umum: 'Teks yang sudah diketik', 'baris.row-1': '' },
        }}
      />,
    );
    expectSafePage(html, `csrf-${ATASAN.nip}`);
    expect(html).toContain('<a href="#f-baris-row-1">Tuliskan umpan baliknya</a>');
    expect(html).toContain('Teks yang sudah diketik');
  });
});

describe('summary, kurva and close pages', () => {
  it('prints the summary without the site menu or any form', async () => {
    const r = susunRingkasan({ ...dinilai, stage: 'SELESAI', status: 'SELESAI' }, ROWS, CYCLE);
    const html = await render(<RingkasanPage r={r} />);
    expectSafePage(html);
    expect(html).not.toContain('<nav');
    expect(html).not.toContain('<form');
    expect(html).toContain('Butuh Perbaikan');
  });

  it("shows the agency's predikat, its rules and what breaks them, with the form for its head", async () => {
    const kepala = { ...ATASAN_ATASAN, kepalaOpd: 'DISKOMINFO' };
    const kurva = {
      cycleId: '2027',
      opd: 'DISKOMINFO',
      predikat: 'BAIK' as const,
      alasan: 'Nilai SAKIP 2027: BB',
      oleh: { nip: kepala.nip, nama: kepala.nama },
      pada: NOW.toISOString(),
      version: 2,
    };
    const pemeriksaan = periksaKurva('BAIK', ['BAIK', 'BAIK']);
    const html = await render(
      <KurvaPage
        viewer={viewer(kepala)}
        opd={{ kode: 'DISKOMINFO', nama: 'Dinas Komunikasi dan Informatika', singkatan: 'Diskominfo' }}
        cycle={CYCLE}
        kurva={kurva}
        pemeriksaan={pemeriksaan}
        distribusi={pemeriksaan.distribusi}
        jumlahEvaluasi={3}
        belumDinilai={1}
        riwayat={[]}
        bolehUbah
      />,
    );
    expectSafePage(html, `csrf-${kepala.nip}`);
    expect(html).toContain('Baik paling banyak 70%');
    expect(html).toContain('BAIK 2 dari 2 pegawai (100%) melebihi batas 70%');
    expect(formWithAction(html, '/opd/DISKOMINFO/kurva/2027')).toContain('name="version" value="2"');
  });

  it('lists per agency what stops the close, and offers the close with an exception to BKPSDM', async () => {
    const pm = periksaPenutupan(
      [
        {
          nip: PEGAWAI.nip,
          nama: PEGAWAI.nama,
          opd: 'DISKOMINFO',
          stage: 'UMPAN_BALIK',
          predikat: 'BAIK',
          keberatanTertunda: false,
        },
        {
          nip: ATASAN.nip,
          nama: ATASAN.nama,
          opd: 'DISKOMINFO',
          stage: 'PENILAIAN_ATASAN',
          keberatanTertunda: false,
        },
      ],
      {},
    );
    const html = await render(
      <PenutupanPage viewer={viewer(ADMIN)} cycle={CYCLE} pemeriksaan={pm} log={[]} />,
    );
    expectSafePage(html, `csrf-${ADMIN.nip}`);
    expect(html).toContain('Predikat kinerja organisasi DISKOMINFO belum ditetapkan');
    expect(html).toContain('Evaluasi tanpa predikat (1)');
    expect(formWithAction(html, '/admin/siklus/2027/kurva/tutup')).toContain('name="alasanPengecualian"');
  });
});
