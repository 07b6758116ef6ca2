import { describe, expect, it } from 'vitest';
import type { Cycle } from '../../shared/domain/evaluation/cycle.js';
import { jadwalBaku } from '../../shared/domain/evaluation/cycle.js';
import {
  type RencanaTersimpan,
  pilihRencana,
  susunRingkasan,
} from '../../shared/domain/evaluation/ringkasan.js';
import { evaluasi, rows } from './hasil-fixtures.js';

const cycle: Cycle = {
  id: '2027',
  nama: 'Penilaian Kinerja Tahunan 2027',
  tahun: 2027,
  periode: 'TAHUNAN',
  mulai: '2027-01-01',
  selesai: '2027-12-31',
  jadwal: jadwalBaku('2027-01-01', '2027-12-31'),
  graceDays: 7,
  scope: 'ALL',
  status: 'DIBUKA',
};
const rencana = (tahun: number, extra: Partial<RencanaTersimpan> = {}) => ({
  tahun,
  jpSudah: 0,
  kebutuhan: 20,
  jpDirencanakan: 24,
  terpenuhi: true,
  items: [],
  ...extra,
});
const penilaianAtasan = {
  baris: { r1: { level: 'DI_ATAS_EKSPEKTASI' as const }, r2: { level: 'SESUAI_EKSPEKTASI' as const } },
  hasilKerja: { level: 'SESUAI_EKSPEKTASI' as const, saran: 'SESUAI_EKSPEKTASI' as const },
  perilaku: { AKUNTABEL: { level: 'DI_ATAS_EKSPEKTASI' as const } },
  perilakuKerja: { level: 'SESUAI_EKSPEKTASI' as const },
};
const penilaianMandiri = {
  baris: {
    r1: { realisasi: 12, narasi: 'Dua aplikasi tambahan', bukti: [] },
    r2: { realisasi: 0, narasi: 'Belum diisi', bukti: [] },
  },
  perilaku: { AKUNTABEL: { level: 'SESUAI_EKSPEKTASI' as const, contoh: 'Laporan tepat waktu' } },
};
const umpanBalik = {
  baris: { r1: 'Bagus' },
  umum: 'Kinerja stabil sepanjang tahun',
  saran: 'Ikuti pelatihan',
};

describe('ringkasan: one page of a closed evaluation', () => {
  it('puts targets, realisation with capaian, ratings, predikat, feedback, objection and plan together', () => {
    const e = evaluasi({
      stage: 'SELESAI',
      status: 'SELESAI',
      selesaiPada: '2028-03-01T00:00:00.000Z',
      penilaianMandiri,
      penilaianAtasan,
      umpanBalik: { ...umpanBalik, diberikanPada: '2028-01-25T00:00:00.000Z' },
      tanggapan: { jenis: 'DITERIMA', pada: '2028-01-26T00:00:00.000Z' },
      jumlahRekan: { diminta: 3, menjawab: 2, dilewati: 1 },
      rekan: [{ nip: '199207252019022001', nama: 'Dewi Lestari' }],
    });
    const r = susunRingkasan(e, rows, cycle, rencana(2028));
    expect(r.final).toBe(true);
    expect(r.cycle).toMatchObject({ nama: cycle.nama });
    expect(r.hasilKerja[0]).toMatchObject({
      realisasi: 12,
      capaian: 120,
      levelAtasan: 'DI_ATAS_EKSPEKTASI',
      umpanBalik: 'Bagus',
    });
    // A realisation that cannot give a capaian (0 months of WAKTU) shows without one.
    expect(r.hasilKerja[1]).toMatchObject({ realisasi: 0, levelAtasan: 'SESUAI_EKSPEKTASI' });
    expect(r.hasilKerja[1]).not.toHaveProperty('capaian');
    expect(r.perilaku.find((p) => p.kode === 'AKUNTABEL')).toMatchObject({
      levelMandiri: 'SESUAI_EKSPEKTASI',
      levelAtasan: 'DI_ATAS_EKSPEKTASI',
    });
    expect(r.hasil?.predikat).toBe('BAIK');
    expect(r.umpanBalik).toEqual({
      umum: umpanBalik.umum,
      saran: umpanBalik.saran,
      diberikanPada: '2028-01-25T00:00:00.000Z',
    });
    expect(r.rekan).toEqual({ diminta: 3, menjawab: 2, dilewati: 1 });
    expect(r.rencana?.tahun).toBe(2028);
    // Who the peers are is never part of it.
    expect(JSON.stringify(r)).not.toContain('Dewi');
  });

  it('shows no draft: no ratings before a result, no feedback before it is given', () => {
    const r = susunRingkasan(
      evaluasi({ stage: 'UMPAN_BALIK', hasil: undefined, penilaianAtasan, umpanBalik }),
      rows,
      cycle,
    );
    expect(r.final).toBe(false);
    expect(r.hasilKerja.map((b) => b.levelAtasan)).toEqual([undefined, undefined]);
    expect(r.perilaku.every((p) => p.levelAtasan === undefined)).toBe(true);
    expect(r).not.toHaveProperty('umpanBalik');
    expect(r).not.toHaveProperty('hasil');
  });

  it('shows the objection decision with before and after', () => {
    const putusanKeberatan = {
      keputusan: 'DIREVISI' as const,
      alasan: 'Bukti dukung menunjukkan capaian di atas target',
      oleh: '197508212000121001',
      pada: '2028-02-20T00:00:00.000Z',
      sebelum: {
        hasilKerja: 'SESUAI_EKSPEKTASI' as const,
        perilaku: 'SESUAI_EKSPEKTASI' as const,
        predikat: 'BAIK' as const,
      },
      sesudah: {
        hasilKerja: 'DI_ATAS_EKSPEKTASI' as const,
        perilaku: 'DI_ATAS_EKSPEKTASI' as const,
        predikat: 'SANGAT_BAIK' as const,
      },
    };
    expect(susunRingkasan(evaluasi({ putusanKeberatan }), rows).putusanKeberatan).toEqual(putusanKeberatan);
  });
});

describe('pilihRencana: the plan this evaluation proposed', () => {
  it('prefers the stored plan that names this cycle, as it stands now', () => {
    const salinan = rencana(2028);
    const tersimpan = [
      rencana(2027, { usulan: [{ cycleId: '2026' }] }),
      rencana(2028, { usulan: [{ cycleId: '2027' }], jpSudah: 12 }),
    ];
    expect(pilihRencana(tersimpan, '2027', salinan)).toMatchObject({ tahun: 2028, jpSudah: 12 });
  });

  it("falls back to the evaluation's own copy, or nothing", () => {
    const salinan = rencana(2028);
    expect(pilihRencana([rencana(2028, { usulan: [{ cycleId: '2026' }] })], '2027', salinan)).toBe(salinan);
    expect(pilihRencana([], '2027')).toBeUndefined();
  });
});
