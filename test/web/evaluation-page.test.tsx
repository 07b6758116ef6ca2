import { describe, expect, it } from 'vitest';
import { EvaluationPage, type EvaluationPageProps } from '../../functions/api/web/evaluation/page.js';
import { EditTargetPage } from '../../functions/api/web/evaluation/edit-target.js';
import {
  ADMIN,
  ATASAN,
  ATASAN_ROWS,
  HISTORY,
  PEGAWAI,
  ROWS,
  evaluation,
  render,
  viewer,
} from './fixtures.js';
import { expectSafePage, formWithAction } from './page-checks.js';

const NOW = new Date('2027-01-15T00:00:00Z');
const BASE = `/evaluasi/2027/${PEGAWAI.nip}`;

function page(over: Partial<EvaluationPageProps> = {}) {
  return render(
    <EvaluationPage
      viewer={viewer(PEGAWAI)}
      now={NOW}
      evaluation={evaluation()}
      rows={ROWS}
      history={HISTORY}
      atasanRows={ATASAN_ROWS}
      {...over}
    />,
  );
}

describe('evaluation page', () => {
  it('shows the employee, stage, deadline and SKP rows with the cascaded atasan RHK', async () => {
    const html = await page();
    expectSafePage(html, `csrf-${PEGAWAI.nip}`);
    expect(html).toContain(PEGAWAI.nip);
    expect(html).toContain('Pranata Komputer Ahli Pertama');
    expect(html).toContain(ATASAN.nama);
    expect(html).toContain('Penetapan target (SKP)');
    expect(html).toContain('Draf');
    expect(html).toContain('31 Januari 2027');
    expect(html).not.toContain('Terlambat');
    expect(html).toContain('Meningkatnya layanan aplikasi pemerintahan');
    expect(html).toContain('1.500 modul');
    expect(html).toContain('2,5 bulan');
    expect(html).toContain('class="table-scroll"');
  });

  it('offers the owner the add form, edit links, delete buttons and submit while DRAFT', async () => {
    const html = await page();
    const add = formWithAction(html, `${BASE}/target`);
    expect(add).toBeDefined();
    expect(add).toContain('name="version" value="7"');
    expect(add).toContain('<option value="" selected="">— tidak ada —</option>');
    expect(add).toContain('<option value="atasan-1">Meningkatnya layanan aplikasi pemerintahan</option>');
    expect(add).toMatch(/type="number"[^>]*min="0.0001"[^>]*max="1000000000"[^>]*step="0.0001"/);
    expect(html).toContain(`href="${BASE}/target/row-1/ubah"`);
    expect(formWithAction(html, `${BASE}/target/row-1/hapus`)).toBeDefined();
    // A row that subordinates cascade from cannot be deleted, so no button is offered.
    expect(formWithAction(html, `${BASE}/target/row-2/hapus`)).toBeUndefined();
    expect(html).toContain('Diintervensi 2 RHK bawahan');
    expect(formWithAction(html, `${BASE}/ajukan`)).toContain('Ajukan ke atasan');
    expect(formWithAction(html, `${BASE}/setujui`)).toBeUndefined();
    expect(formWithAction(html, `${BASE}/ekspektasi`)).toBeUndefined();
  });

  it('shows the return comment and keeps editing open when DIKEMBALIKAN', async () => {
    const html = await page({
      evaluation: evaluation({ status: 'DIKEMBALIKAN', lastComment: 'Perbaiki <indikator>' }),
    });
    expect(html).toContain('Catatan pengembalian dari atasan');
    expect(html).toContain('Perbaiki &lt;indikator&gt;');
    expect(formWithAction(html, `${BASE}/target`)).toBeDefined();
  });

  it('freezes the owner view once submitted', async () => {
    const html = await page({ evaluation: evaluation({ status: 'DIAJUKAN' }) });
    expect(formWithAction(html, `${BASE}/target`)).toBeUndefined();
    expect(formWithAction(html, `${BASE}/ajukan`)).toBeUndefined();
    expect(html).not.toContain('/ubah"');
    expect(formWithAction(html, `${BASE}/setujui`)).toBeUndefined();
  });

  it('gives the atasan approve, return and ekspektasi forms when DIAJUKAN', async () => {
    const html = await page({
      viewer: viewer(ATASAN),
      evaluation: evaluation({ status: 'DIAJUKAN', ekspektasi: { AKUNTABEL: 'Laporan tepat waktu' } }),
    });
    expectSafePage(html, `csrf-${ATASAN.nip}`);
    expect(formWithAction(html, `${BASE}/setujui`)).toContain('Setujui');
    const kembalikan = formWithAction(html, `${BASE}/kembalikan`);
    expect(kembalikan).toMatch(/<textarea[^>]*name="comment"[^>]*required/);
    const ekspektasi = formWithAction(html, `${BASE}/ekspektasi`)!;
    expect(ekspektasi.match(/<textarea/g)).toHaveLength(7);
    expect(ekspektasi).toContain('Laporan tepat waktu</textarea>');
    expect(formWithAction(html, `${BASE}/target`)).toBeUndefined();
    expect(formWithAction(html, `${BASE}/ajukan`)).toBeUndefined();
  });

  it('lets the atasan set ekspektasi but not decide while the employee drafts', async () => {
    const html = await page({ viewer: viewer(ATASAN) });
    expect(formWithAction(html, `${BASE}/ekspektasi`)).toBeDefined();
    expect(formWithAction(html, `${BASE}/setujui`)).toBeUndefined();
    expect(formWithAction(html, `${BASE}/kembalikan`)).toBeUndefined();
  });

  it('says the stage is done and offers no forms when SELESAI', async () => {
    for (const who of [PEGAWAI, ATASAN]) {
      const html = await page({
        viewer: viewer(who),
        evaluation: evaluation({ status: 'SELESAI', ekspektasi: { LOYAL: 'Menjaga rahasia' } }),
      });
      expect(html).toContain('Tahap penetapan target selesai');
      // Only the header's sign-out form remains.
      expect(html.match(/<form\b/g)).toHaveLength(1);
      expect(html).toContain('Menjaga rahasia');
    }
  });

  it('shows the seven BerAKHLAK values read-only to the owner and to an admin', async () => {
    for (const who of [PEGAWAI, ADMIN]) {
      const html = await page({ viewer: viewer(who), evaluation: evaluation({ status: 'DIAJUKAN' }) });
      for (const nama of [
        'Berorientasi Pelayanan',
        'Akuntabel',
        'Kompeten',
        'Harmonis',
        'Loyal',
        'Adaptif',
        'Kolaboratif',
      ])
        expect(html).toContain(nama);
      expect(html).toContain('belum ditetapkan');
      expect(html).not.toContain('<textarea');
    }
  });

  it('marks an overdue deadline', async () => {
    const html = await page({
      now: new Date('2027-02-02T00:00:00Z'),
      evaluation: evaluation({ overdueCount: 1 }),
    });
    expect(html).toContain('Terlambat');
    expect(html).toContain('diperpanjang 1×');
  });

  it('describes the history in Indonesian, in WIB, newest first', async () => {
    const html = await page();
    const riwayat = html.slice(html.indexOf('id="riwayat"'));
    expect(riwayat).toContain('5 Januari 2027 pukul 14.15 WIB');
    expect(riwayat).toContain(
      'Mengembalikan SKP untuk diperbaiki dengan catatan: &quot;Indikator kurang terukur&quot;',
    );
    expect(riwayat).toContain('Menambah hasil kerja &quot;Tersusunnya aplikasi antrean puskesmas&quot;');
    expect(riwayat).toContain('<strong>Sistem</strong>: Evaluasi dibuat');
    expect(riwayat.indexOf('Mengembalikan')).toBeLessThan(riwayat.indexOf('Evaluasi dibuat'));
  });

  it('escapes user text', async () => {
    const html = await page({ rows: [{ ...ROWS[0]!, rhk: '<script>alert(1)</script>' }] });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('evaluation page with a refused form', () => {
  it('puts an alert summary first, each message at its field, and keeps what was typed', async () => {
    const html = await page({
      failure: {
        form: 'tambah',
        message: 'Periksa kembali isian formulir.',
        issues: [
          { path: 'rhk', message: 'Rencana hasil kerja wajib diisi' },
          { path: 'target', message: 'Target harus lebih dari 0' },
        ],
        values: {
          jenis: 'TAMBAHAN',
          rhk: '',
          intervensiRowId: 'atasan-1',
          aspek: 'WAKTU',
          indikator: 'Ketepatan "waktu"',
          target: '0',
          satuan: 'hari',
        },
      },
    });
    expectSafePage(html, `csrf-${PEGAWAI.nip}`);
    const summary = html.indexOf('role="alert"');
    expect(summary).toBeGreaterThan(-1);
    expect(summary).toBeLessThan(html.indexOf('<h1>'));
    expect(html).toContain('<a href="#f-rhk">Rencana hasil kerja wajib diisi</a>');
    const add = formWithAction(html, `${BASE}/target`)!;
    expect(add).toMatch(
      /<p class="field-error" id="f-target-galat">Target harus lebih dari 0<\/p><input type="number" id="f-target"[^>]*aria-invalid="true" aria-describedby="f-target-galat"/,
    );
    expect(add).toContain('id="f-rhk-galat">Rencana hasil kerja wajib diisi');
    expect(add).toContain('value="Ketepatan &quot;waktu&quot;"');
    expect(add).toContain('value="hari"');
    expect(add).toContain('<option value="TAMBAHAN" selected="">');
    expect(add).toContain('<option value="WAKTU" selected="">');
    expect(add).toContain('<option value="atasan-1" selected="">');
  });

  it('shows a refused delete at its row, and a refused submit at its button', async () => {
    const hapus = await page({
      failure: {
        form: 'hapus',
        rowId: 'row-1',
        message: 'RHK ini sedang diintervensi',
        issues: [],
        values: {},
      },
    });
    const row = hapus.match(/<tr id="baris-row-1">[\s\S]*?<\/tr>/)![0];
    expect(row).toContain('RHK ini sedang diintervensi');
    const ajukan = await page({
      failure: {
        form: 'ajukan',
        message: 'SKP belum dapat diajukan',
        issues: [{ path: 'rows', message: 'Minimal satu hasil kerja UTAMA' }],
        values: {},
      },
    });
    expect(formWithAction(ajukan, `${BASE}/ajukan`)).toContain('Minimal satu hasil kerja UTAMA');
  });

  it('keeps the atasan comment and ekspektasi text after a refusal', async () => {
    const e = evaluation({ status: 'DIAJUKAN', ekspektasi: { KOMPETEN: 'tersimpan' } });
    const kembali = await page({
      viewer: viewer(ATASAN),
      evaluation: e,
      failure: {
        form: 'kembalikan',
        message: 'Catatan pengembalian wajib diisi',
        issues: [{ path: 'comment', message: 'Minimal 5 karakter' }],
        values: { comment: 'abc' },
      },
    });
    expect(formWithAction(kembali, `${BASE}/kembalikan`)).toMatch(
      /Minimal 5 karakter<\/p><textarea id="f-comment"[^>]*>abc<\/textarea>/,
    );
    const eks = await page({
      viewer: viewer(ATASAN),
      evaluation: e,
      failure: {
        form: 'ekspektasi',
        message: 'Ekspektasi khusus tidak valid',
        issues: [{ path: 'ekspektasi.LOYAL', message: 'Paling banyak 1000 karakter' }],
        values: { 'ekspektasi.LOYAL': 'panjang sekali', 'ekspektasi.KOMPETEN': 'diketik ulang' },
      },
    });
    expect(eks).toContain('<a href="#f-ekspektasi-LOYAL">Paling banyak 1000 karakter</a>');
    expect(eks).toContain('diketik ulang</textarea>');
    expect(eks).not.toContain('tersimpan</textarea>');
    expect(eks).toMatch(
      /id="f-ekspektasi-LOYAL-galat">Paling banyak 1000 karakter<\/p><textarea id="f-ekspektasi-LOYAL"[^>]*aria-describedby="f-ekspektasi-LOYAL-petunjuk f-ekspektasi-LOYAL-galat"/,
    );
  });
});

describe('edit target page', () => {
  it('prefills the row and posts to the row URL with CSRF and version', async () => {
    const html = await render(
      <EditTargetPage
        viewer={viewer(PEGAWAI)}
        evaluation={evaluation()}
        rowId="row-1"
        values={{
          jenis: 'UTAMA',
          rhk: 'Tersusunnya aplikasi',
          intervensiRowId: 'atasan-1',
          aspek: 'KUANTITAS',
          indikator: 'Modul',
          target: '3',
          satuan: 'modul',
        }}
        atasanRows={ATASAN_ROWS}
      />,
    );
    expectSafePage(html, `csrf-${PEGAWAI.nip}`);
    const form = formWithAction(html, `${BASE}/target/row-1`)!;
    expect(form).toContain('name="version" value="7"');
    expect(form).toContain('value="Tersusunnya aplikasi"');
    expect(form).toContain('<option value="atasan-1" selected="">');
    expect(form).toContain(`href="${BASE}">Batal`);
  });
});
