import { describe, expect, it } from 'vitest';
import { jadwalBaku } from '../../shared/domain/evaluation/cycle.js';
import { IZIN, type Peran } from '../../shared/domain/people/policy.js';
import {
  type StageActions,
  JADWAL_LABEL,
  PELAKSANA,
  ON_DEADLINE,
  DECLARED_STAGES,
  STAGES,
  STAGE_LABEL,
  STAGE_REGISTRY,
  DEADLINE_STAGES,
  skipped,
  jadwalOf,
  opensAssessment,
  stageOrder,
} from '../../shared/domain/evaluation/stages.js';
import { TAHAP_TUGAS_LABEL } from '../../shared/domain/evaluation/tugas.js';

describe('stage registry', () => {
  it('walks the stages in this order; the recorded ones are the start states', () => {
    expect(DECLARED_STAGES).toEqual([
      'PENETAPAN_TARGET',
      'MENUNGGU_PENILAIAN',
      'PENILAIAN_MANDIRI',
      'PENILAIAN_ATASAN',
      'PENILAIAN_REKAN',
      'HITUNG_PREDIKAT',
      'UMPAN_BALIK',
      'TANGGAPAN',
      'KEBERATAN',
      'REKOMENDASI_PELATIHAN',
      'RENCANA_PENGEMBANGAN',
      'SELESAI',
    ]);
    expect(STAGES).toEqual([
      'PENETAPAN_TARGET',
      'MENUNGGU_PENILAIAN',
      'PENILAIAN_MANDIRI',
      'PENILAIAN_ATASAN',
      'UMPAN_BALIK',
      'TANGGAPAN',
      'KEBERATAN',
      'RENCANA_PENGEMBANGAN',
      'SELESAI',
    ]);
    expect(DEADLINE_STAGES).toEqual([
      'PENETAPAN_TARGET',
      'MENUNGGU_PENILAIAN',
      'PENILAIAN_MANDIRI',
      'PENILAIAN_ATASAN',
      'PENILAIAN_REKAN',
      'UMPAN_BALIK',
      'TANGGAPAN',
      'KEBERATAN',
      'RENCANA_PENGEMBANGAN',
    ]);
  });

  it.each(DECLARED_STAGES)('%s: its next stages come after it, and only the last has none', (t) => {
    const next: readonly string[] = STAGE_REGISTRY[t].next;
    for (const n of next) expect(stageOrder(n as typeof t)).toBeGreaterThan(stageOrder(t));
    expect(next.length === 0).toBe(t === 'SELESAI');
  });

  it.each(DEADLINE_STAGES)('%s: its date follows only earlier dates', (t) => {
    for (const p of jadwalOf(t).after) {
      expect(DEADLINE_STAGES).toContain(p);
      expect(stageOrder(p)).toBeLessThan(stageOrder(t));
    }
  });

  it('gives an action only to a role the permission table allows it (IZIN)', () => {
    for (const t of DECLARED_STAGES) {
      const aksi: StageActions = STAGE_REGISTRY[t].aksi;
      for (const [status, perPeran] of Object.entries(aksi)) {
        for (const [peran, list] of Object.entries(perPeran ?? {})) {
          for (const a of list ?? [])
            expect(IZIN[a], `${t}/${status}/${peran}/${a}`).toContain(peran as Peran);
        }
      }
    }
  });

  it('keeps the tables the callers read: labels, who acts, what a missed date does', () => {
    expect(STAGE_LABEL.PENILAIAN_ATASAN).toBe('Penilaian atasan dan rekan kerja');
    expect(TAHAP_TUGAS_LABEL.PENILAIAN_REKAN).toBe('Penilaian perilaku sebagai rekan kerja');
    expect(JADWAL_LABEL.KEBERATAN).toBe('Putusan keberatan');
    expect(ON_DEADLINE).toEqual({
      PENETAPAN_TARGET: 'ESKALASI',
      MENUNGGU_PENILAIAN: 'LANJUT',
      PENILAIAN_MANDIRI: 'ESKALASI',
      PENILAIAN_ATASAN: 'ESKALASI',
      PENILAIAN_REKAN: 'DILEWATI',
      UMPAN_BALIK: 'ESKALASI',
      TANGGAPAN: 'DITERIMA_OTOMATIS',
      KEBERATAN: 'ESKALASI',
      RENCANA_PENGEMBANGAN: 'LANJUT',
    });
    expect(PELAKSANA.MENUNGGU_PENILAIAN).toEqual({});
    expect(PELAKSANA.SELESAI).toEqual({});
    expect(DECLARED_STAGES.filter(opensAssessment)).toEqual(['MENUNGGU_PENILAIAN']);
  });

  it('passes the objection by only when none was filed', () => {
    expect(skipped('KEBERATAN', {})).toBe(true);
    expect(skipped('KEBERATAN', { tanggapan: { jenis: 'DITERIMA', pada: '2028-02-01' } })).toBe(true);
    expect(skipped('KEBERATAN', { tanggapan: { jenis: 'KEBERATAN', alasan: 'x', pada: '2028-02-01' } })).toBe(
      false,
    );
    for (const t of DECLARED_STAGES.filter((x) => x !== 'KEBERATAN')) expect(skipped(t, {})).toBe(false);
  });

  it('schedules by default 30 days after the start, the window on the last day, then by stage', () => {
    expect(jadwalBaku('2027-01-01', '2027-12-31')).toEqual({
      PENETAPAN_TARGET: '2027-01-31T16:59:59.000Z',
      MENUNGGU_PENILAIAN: '2027-12-30T17:00:00.000Z',
      PENILAIAN_MANDIRI: '2028-01-07T16:59:59.000Z',
      PENILAIAN_ATASAN: '2028-01-21T16:59:59.000Z',
      PENILAIAN_REKAN: '2028-01-21T16:59:59.000Z',
      UMPAN_BALIK: '2028-01-28T16:59:59.000Z',
      TANGGAPAN: '2028-02-04T16:59:59.000Z',
      KEBERATAN: '2028-02-18T16:59:59.000Z',
      RENCANA_PENGEMBANGAN: '2028-02-25T16:59:59.000Z',
    });
  });
});
