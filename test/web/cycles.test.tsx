import { describe, expect, it } from 'vitest';
import { hitungProgres } from '../../shared/app/evaluation/cycles.js';
import { type Cycle, jadwalBaku } from '../../shared/domain/evaluation/cycle.js';
import { OPD } from '../../infra/local/seed-data.js';
import { CyclePage, CyclesPage } from '../../functions/api/web/cycles/cycles.js';
import { ADMIN, render, viewer } from './fixtures.js';
import { expectSafePage, formWithAction } from './page-checks.js';

const cycle: Cycle = {
  id: '2028',
  nama: 'Penilaian Kinerja Tahunan 2028',
  tahun: 2028,
  periode: 'TAHUNAN',
  mulai: '2028-01-01',
  selesai: '2028-12-31',
  jadwal: jadwalBaku('2028-01-01', '2028-12-31'),
  graceDays: 7,
  scope: ['DISKOMINFO', 'DINKES'],
  status: 'DIBUKA',
};

describe('cycle pages', () => {
  it('pre-fills the create form and shows each problem next to its field', async () => {
    const html = await render(
      <CyclesPage
        viewer={viewer(ADMIN)}
        cycles={[cycle]}
        opd={OPD}
        values={{
          nama: 'Siklus',
          tahun: '2028',
          periode: 'TRIWULAN_II',
          mulai: '2028-04-01',
          selesai: '2028-06-30',
          graceDays: '7',
          cakupan: 'OPD',
          'opd.DINKES': 'ya',
          'jadwal.PENETAPAN_TARGET': '2028-05-01',
        }}
        failure={{
          message: 'Siklus tidak dapat dibuat',
          issues: [
            {
              path: 'jadwal.MENUNGGU_PENILAIAN',
              message: 'Masa penilaian dibuka harus setelah penetapan target',
            },
            { path: 'scope.0', message: 'OPD X tidak terdaftar' },
          ],
        }}
      />,
    );
    const forms = expectSafePage(html, viewer(ADMIN).csrf);
    expect(forms).toHaveLength(1 + 1); // sign-out and create (the pre-fill form is a GET)
    const create = formWithAction(html, '/admin/siklus')!;
    expect(create).toContain('value="2028-05-01"');
    expect(create).toMatch(/<option value="TRIWULAN_II" selected="">/);
    expect(create).toMatch(/name="opd\.DINKES" value="ya" checked=""/);
    expect(create).toMatch(/value="OPD" checked=""/);
    expect(html).toContain('href="#f-jadwal-MENUNGGU_PENILAIAN"');
    expect(html).toContain('href="#f-scope"');
    expect(html).toContain('<a href="/admin/siklus/2028">Penilaian Kinerja Tahunan 2028</a>');
  });

  it('shows the launch, the window and progress per stage and agency', async () => {
    const progres = hitungProgres([
      'PENETAPAN_TARGET#DRAFT#DINKES#1',
      'PENETAPAN_TARGET#DIAJUKAN#DINKES#2',
      'MENUNGGU_PENILAIAN#DRAFT#DISKOMINFO#3',
      'PENILAIAN_MANDIRI#DRAFT#DISKOMINFO#4',
    ]);
    const html = await render(
      <CyclePage
        viewer={viewer(ADMIN)}
        detail={{
          cycle,
          peluncuran: {
            eksekusi: 'luncur-2028-x',
            arn: 'arn',
            mulai: '2028-01-02T01:00:00.000Z',
            oleh: ADMIN.nip,
            status: 'SELESAI',
            hasil: {
              employees: 4,
              created: 4,
              started: 4,
              alreadyStarted: 0,
              selesai: '2028-01-02T01:01:00Z',
            },
          },
        }}
        progres={progres}
        opd={OPD}
      />,
    );
    expectSafePage(html, viewer(ADMIN).csrf);
    expect(formWithAction(html, '/admin/siklus/2028/luncurkan')).toContain('Luncurkan lagi');
    expect(formWithAction(html, '/admin/siklus/2028/buka-penilaian')).toContain(
      'Buka masa penilaian sekarang',
    );
    expect(html).toContain('4 pegawai aktif: 4 evaluasi baru, 4 alur kerja dimulai, 0 sudah berjalan');
    expect(html).toContain('Dinas Komunikasi dan Informatika, Dinas Kesehatan');
    // Only stages someone is at get a column; DINKES has 2 at target setting.
    expect(html).not.toContain('<th scope="col">Umpan balik atasan</th>');
    expect(html).toMatch(/Dinkes<\/a><\/th><td>2<\/td><td>2<\/td><td>0<\/td><td>0<\/td>/);
  });

  it('counts per stage, status and agency from index keys', () => {
    const p = hitungProgres(['UMPAN_BALIK#SELESAI#DISHUB#1', 'UMPAN_BALIK#DRAFT#DISHUB#2', 'junk']);
    expect(p.total).toBe(2);
    expect(p.perTahap.UMPAN_BALIK).toEqual({ DRAFT: 1, DIAJUKAN: 0, DIKEMBALIKAN: 0, SELESAI: 1 });
    expect(p.perOpd).toEqual([{ opd: 'DISHUB', total: 2, perTahap: { UMPAN_BALIK: 2 } }]);
  });
});
