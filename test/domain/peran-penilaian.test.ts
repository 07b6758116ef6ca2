import { describe, expect, it } from 'vitest';
import { putuskanKeberatan } from '../../shared/domain/evaluation/keberatan.js';
import { decide } from '../../shared/domain/people/policy.js';
import { checkRekan } from '../../shared/domain/evaluation/rekan.js';
import type { Employee } from '../../shared/domain/people/employee.js';
import { atasan, errorOf, evaluasi, pegawai, plt } from './penilaian-fixtures.js';

const NOW = new Date('2027-06-15T03:00:00Z');
const inForce = {
  nip: pegawai.nip,
  nama: pegawai.nama,
  mulai: '2027-06-01',
  selesai: '2027-06-30',
  jenis: 'PLH' as const,
};

describe('who rates whom (review findings, regression)', () => {
  it('never lets a Plt/Plh rate their own evaluation: the definitive atasan keeps it', () => {
    const own = evaluasi({ stage: 'PENILAIAN_ATASAN', plt: inForce });
    expect(decide(pegawai, 'NILAI_KINERJA', own, NOW).boleh).toBe(false);
    expect(decide(atasan, 'NILAI_KINERJA', own, NOW).boleh).toBe(true);
  });

  it("refuses the atasan's atasan as a peer: they decide objections", () => {
    const e = evaluasi({ atasanAtasanNip: plt.nip });
    const profile = (nip: string) => ({ nip, nama: nip, opd: e.opd, aktif: true }) as Employee;
    const nips = [plt.nip, '199207252019022001', '199301012019021001'];
    const err = errorOf(() => checkRekan(e, nips, new Map(nips.map((n) => [n, profile(n)]))));
    expect(err.issues).toEqual([{ path: 'nips.0', message: expect.stringMatching(/memutus keberatan/) }]);
  });

  it('does not let whoever rated decide the objection to that rating', () => {
    const e = evaluasi({
      stage: 'KEBERATAN',
      status: 'DRAFT',
      taskToken: 't',
      atasanAtasanNip: plt.nip,
      tanggapan: { jenis: 'KEBERATAN', alasan: 'Capaian melebihi target', pada: NOW.toISOString() },
      hasil: {
        hasilKerja: 'SESUAI_EKSPEKTASI',
        perilaku: 'SESUAI_EKSPEKTASI',
        predikat: 'BAIK',
        dihitungPada: NOW.toISOString(),
        sumber: 'ATASAN',
      },
      penilaianAtasan: {
        baris: {},
        hasilKerja: { level: 'SESUAI_EKSPEKTASI', saran: 'SESUAI_EKSPEKTASI' },
        perilaku: {},
        perilakuKerja: { level: 'SESUAI_EKSPEKTASI' },
        oleh: plt.nip,
      },
    });
    const input = { keputusan: 'DIPERTAHANKAN' as const, alasan: 'Bukti dukung sudah diperiksa ulang' };
    expect(errorOf(() => putuskanKeberatan(e, plt, input, NOW.toISOString())).code).toBe('DILARANG');
  });
});
