import { describe, expect, it } from 'vitest';
import { putuskanKeberatan } from '../../shared/domain/evaluation/keberatan.js';
import { atasan, atasanAtasan, errorOf, evaluasi, hasilSesuai, pegawai } from './hasil-fixtures.js';

const AT = '2028-02-20T02:00:00.000Z';
const alasan = 'Bukti dukung menunjukkan capaian di atas target untuk dua RHK utama';
const e = evaluasi({
  stage: 'KEBERATAN',
  tanggapan: { jenis: 'KEBERATAN', alasan: 'Capaian melebihi target tetapi dinilai sesuai', pada: AT },
});
const sebelum = { hasilKerja: 'SESUAI_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI', predikat: 'BAIK' };

describe('putusan keberatan by the atasan of the atasan', () => {
  it('upholds: the result stays as the atasan rated it, before equals after', () => {
    const { hasil, putusan } = putuskanKeberatan(e, atasanAtasan, { keputusan: 'DIPERTAHANKAN', alasan }, AT);
    expect(hasil).toBe(hasilSesuai);
    expect(putusan).toEqual({
      keputusan: 'DIPERTAHANKAN',
      alasan,
      oleh: atasanAtasan.nip,
      pada: AT,
      sebelum,
      sesudah: sebelum,
    });
  });

  it('revises: new levels, predikat recomputed by the matrix, source KEBERATAN', () => {
    const { hasil, putusan } = putuskanKeberatan(
      e,
      atasanAtasan,
      { keputusan: 'DIREVISI', alasan, hasilKerja: 'DI_ATAS_EKSPEKTASI', perilaku: 'DI_ATAS_EKSPEKTASI' },
      AT,
    );
    expect(hasil).toEqual({
      hasilKerja: 'DI_ATAS_EKSPEKTASI',
      perilaku: 'DI_ATAS_EKSPEKTASI',
      predikat: 'SANGAT_BAIK',
      dihitungPada: AT,
      sumber: 'KEBERATAN',
    });
    expect(putusan.sebelum).toEqual(sebelum);
    expect(putusan.sesudah).toEqual({
      hasilKerja: 'DI_ATAS_EKSPEKTASI',
      perilaku: 'DI_ATAS_EKSPEKTASI',
      predikat: 'SANGAT_BAIK',
    });
  });

  it('keeps a level left out of a revision', () => {
    const { hasil } = putuskanKeberatan(
      e,
      atasanAtasan,
      { keputusan: 'DIREVISI', alasan, perilaku: 'DI_BAWAH_EKSPEKTASI' },
      AT,
    );
    expect(hasil).toMatchObject({
      hasilKerja: 'SESUAI_EKSPEKTASI',
      perilaku: 'DI_BAWAH_EKSPEKTASI',
      predikat: 'KURANG',
    });
  });

  it('requires a reason of at least 20 characters', () => {
    const err = errorOf(() =>
      putuskanKeberatan(e, atasanAtasan, { keputusan: 'DIPERTAHANKAN', alasan: 'Tetap' }, AT),
    );
    expect(err).toMatchObject({ code: 'VALIDASI', issues: [{ path: 'alasan' }] });
  });

  it('refuses a revision that changes nothing and an upheld decision that changes something', () => {
    expect(
      errorOf(() =>
        putuskanKeberatan(
          e,
          atasanAtasan,
          { keputusan: 'DIREVISI', alasan, hasilKerja: 'SESUAI_EKSPEKTASI' },
          AT,
        ),
      ),
    ).toMatchObject({ code: 'VALIDASI', issues: [{ path: 'hasilKerja' }] });
    expect(
      errorOf(() =>
        putuskanKeberatan(
          e,
          atasanAtasan,
          { keputusan: 'DIPERTAHANKAN', alasan, perilaku: 'DI_ATAS_EKSPEKTASI' },
          AT,
        ),
      ),
    ).toMatchObject({ code: 'VALIDASI', issues: [{ path: 'perilaku' }] });
  });

  it('is decided one level up: not by the atasan, not by the employee', () => {
    for (const who of [atasan, pegawai])
      expect(errorOf(() => putuskanKeberatan(e, who, { keputusan: 'DIPERTAHANKAN', alasan }, AT)).code).toBe(
        'DILARANG',
      );
  });

  it('needs an open objection stage with a filed objection and a waiting workflow', () => {
    expect(
      errorOf(() =>
        putuskanKeberatan(
          evaluasi({ stage: 'TANGGAPAN' }),
          atasanAtasan,
          { keputusan: 'DIPERTAHANKAN', alasan },
          AT,
        ),
      ).code,
    ).toBe('KONFLIK');
    const diterima = { ...e, tanggapan: { jenis: 'DITERIMA' as const, pada: AT } };
    expect(
      errorOf(() => putuskanKeberatan(diterima, atasanAtasan, { keputusan: 'DIPERTAHANKAN', alasan }, AT))
        .message,
    ).toMatch(/tidak memiliki keberatan/);
    const { taskToken: _, ...tanpaToken } = e;
    expect(
      errorOf(() => putuskanKeberatan(tanpaToken, atasanAtasan, { keputusan: 'DIPERTAHANKAN', alasan }, AT))
        .code,
    ).toBe('KONFLIK');
  });
});
