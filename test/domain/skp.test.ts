import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain/errors.js';
import {
  assertCanSubmit,
  assertDeletable,
  checkTargetRow,
  resolveIntervensi,
  type TargetRow,
} from '../../shared/domain/evaluation/skp.js';
import * as evaluation from '../../shared/domain/evaluation/evaluation.js';
import { stageDeadline } from '../../shared/domain/evaluation/cycle.js';
import { executionName, secondsUntil } from '../../shared/app/evaluation/execution.js';
import { CYCLE } from '../../infra/local/seed-data.js';

const valid = {
  jenis: 'UTAMA' as const,
  rhk: 'RHK',
  aspek: 'KUANTITAS' as const,
  indikator: 'Indikator',
  target: 1,
  satuan: 'dokumen',
};
const row = (jenis: 'UTAMA' | 'TAMBAHAN'): TargetRow => ({ ...valid, jenis, id: jenis });

describe('SKP target rows', () => {
  it('accepts a complete row', () => expect(checkTargetRow(valid)).toEqual([]));
  it.each([
    [{ target: 0 }, 'target', 'Target harus berupa angka lebih dari 0'],
    [{ target: -3 }, 'target', 'Target harus berupa angka lebih dari 0'],
    [{ target: Number.NaN }, 'target', 'Target harus berupa angka lebih dari 0'],
    [{ rhk: '   ' }, 'rhk', 'Rencana hasil kerja wajib diisi'],
    [{ indikator: '' }, 'indikator', 'Indikator kinerja wajib diisi'],
    [{ satuan: 'x'.repeat(51) }, 'satuan', 'Satuan target paling banyak 50 karakter'],
    [{ aspek: 'BIAYA' }, 'aspek', 'Aspek harus kuantitas, kualitas, atau waktu'],
    [{ jenis: 'LAIN' }, 'jenis', 'Jenis harus UTAMA atau TAMBAHAN'],
  ])('rejects %o', (patch, path, message) => {
    expect(checkTargetRow({ ...valid, ...(patch as object) })).toContainEqual({ path, message });
  });
  it('needs at least one UTAMA row to submit', () => {
    expect(() => assertCanSubmit([])).toThrow(DomainError);
    expect(() => assertCanSubmit([row('TAMBAHAN')])).toThrow(/belum dapat diajukan/);
    expect(() => assertCanSubmit([row('TAMBAHAN'), row('UTAMA')])).not.toThrow();
  });
  it('links only to the supervisor, and keeps linked rows', () => {
    expect(resolveIntervensi('abc', '198011092005011001')).toEqual({
      nip: '198011092005011001',
      rowId: 'abc',
    });
    expect(() => resolveIntervensi('abc', undefined)).toThrow(/tidak memiliki atasan/);
    expect(() => resolveIntervensi('../x', '198011092005011001')).toThrow(/tidak valid/);
    expect(() => assertDeletable({ ...row('UTAMA'), linkCount: 2 })).toThrow(/diintervensi oleh 2/);
  });
});

describe('evaluation stage rules', () => {
  const base: evaluation.Evaluation = {
    cycleId: '2027',
    nip: '199004122015031001',
    nama: 'P',
    opd: 'X',
    unit: 'U',
    jabatan: 'J',
    atasanNip: '198011092005011001',
    atasanNama: 'A',
    stage: 'PENETAPAN_TARGET',
    status: 'DRAFT',
    taskToken: 't',
    overdueCount: 0,
    ekspektasi: {},
    version: 3,
    createdAt: '',
    updatedAt: '',
  };
  const owner = { nip: base.nip, nama: 'P' };
  const atasan = { nip: base.atasanNip!, nama: 'A' };
  const other = { nip: '199201012019022001', nama: 'O' };
  const now = new Date('2027-01-15T03:00:00Z');

  it('lets only the owner edit, only while drafting or returned', () => {
    expect(() => evaluation.assertCanEditTargets(base, owner, now)).not.toThrow();
    expect(() =>
      evaluation.assertCanEditTargets({ ...base, status: 'DIKEMBALIKAN' }, owner, now),
    ).not.toThrow();
    expect(() => evaluation.assertCanEditTargets({ ...base, status: 'DIAJUKAN' }, owner, now)).toThrow(
      expect.objectContaining({ code: 'KONFLIK' }),
    );
    expect(() => evaluation.assertCanEditTargets({ ...base, status: 'SELESAI' }, owner, now)).toThrow(
      expect.objectContaining({ code: 'KONFLIK' }),
    );
    expect(() => evaluation.assertCanEditTargets(base, atasan, now)).toThrow(
      expect.objectContaining({ code: 'DILARANG' }),
    );
  });
  it('moves DRAFT -> DIAJUKAN -> DIKEMBALIKAN -> DIAJUKAN -> SELESAI', () => {
    expect(evaluation.submit(base, owner, now)).toEqual({ status: 'DIAJUKAN' });
    const submitted = { ...base, status: 'DIAJUKAN' as const };
    expect(evaluation.returnToEmployee(submitted, atasan, '  Perbaiki indikator  ', now)).toEqual({
      status: 'DIKEMBALIKAN',
      lastComment: 'Perbaiki indikator',
    });
    expect(evaluation.submit({ ...base, status: 'DIKEMBALIKAN' }, owner, now)).toEqual({
      status: 'DIAJUKAN',
    });
    const rekan = ['a', 'b', 'c'].map((x) => ({ nip: x, nama: x }));
    expect(evaluation.approve({ ...submitted, rekan }, atasan, now)).toEqual({ status: 'SELESAI' });
  });
  it('needs 3 peers to approve, or as many as the agency has', () => {
    const submitted = { ...base, status: 'DIAJUKAN' as const };
    expect(() => evaluation.approve(submitted, atasan, now)).toThrow(
      expect.objectContaining({
        code: 'VALIDASI',
        issues: [
          expect.objectContaining({ path: 'rekan', message: expect.stringMatching(/minimal 3 rekan/) }),
        ],
      }),
    );
    const two = [
      { nip: 'a', nama: 'a' },
      { nip: 'b', nama: 'b' },
    ];
    expect(() => evaluation.approve({ ...submitted, rekan: two }, atasan, now)).toThrow(
      /Rekan penilai belum lengkap/,
    );
    expect(evaluation.approve({ ...submitted, rekan: two }, atasan, now, 2)).toEqual({ status: 'SELESAI' });
  });
  it('refuses out-of-order, foreign and empty actions', () => {
    expect(() => evaluation.approve(base, atasan, now)).toThrow(/menyetujui SKP/);
    expect(() => evaluation.approve({ ...base, status: 'DIAJUKAN' }, other, now)).toThrow(
      expect.objectContaining({ code: 'DILARANG' }),
    );
    expect(() => evaluation.approve({ ...base, status: 'DIAJUKAN' }, owner, now)).toThrow(
      expect.objectContaining({ code: 'DILARANG' }),
    );
    expect(() =>
      evaluation.approve({ ...base, status: 'DIAJUKAN', taskToken: undefined }, atasan, now),
    ).toThrow(/tidak menunggu/);
    expect(() => evaluation.returnToEmployee({ ...base, status: 'DIAJUKAN' }, atasan, 'ok', now)).toThrow(
      expect.objectContaining({ code: 'VALIDASI' }),
    );
    expect(() => evaluation.submit({ ...base, atasanNip: undefined }, owner, now)).toThrow(
      /Atasan langsung belum tercatat/,
    );
    expect(() => evaluation.submit(base, other, now)).toThrow(expect.objectContaining({ code: 'DILARANG' }));
  });
  it('checks the version for optimistic locking', () => {
    expect(() => evaluation.assertVersion(base, 3)).not.toThrow();
    expect(() => evaluation.assertVersion(base, 2)).toThrow(
      expect.objectContaining({ code: 'KONFLIK', details: expect.objectContaining({ currentVersion: 3 }) }),
    );
  });
  it('validates ekspektasi khusus per BerAKHLAK value', () => {
    expect(
      evaluation.setEkspektasi(base, atasan, { AKUNTABEL: ' Laporan tepat waktu ', LOYAL: '' }, now),
    ).toEqual({ AKUNTABEL: 'Laporan tepat waktu' });
    expect(() => evaluation.setEkspektasi(base, atasan, { JUJUR: 'x' }, now)).toThrow(
      expect.objectContaining({ issues: [{ path: 'ekspektasi.JUJUR', message: 'Bukan nilai BerAKHLAK' }] }),
    );
    expect(() => evaluation.setEkspektasi(base, owner, {}, now)).toThrow(
      expect.objectContaining({ code: 'DILARANG' }),
    );
  });
});

describe('cycle schedule', () => {
  it('counts whole seconds to a deadline, at least one', () => {
    const now = new Date('2027-01-31T16:00:00.000Z');
    expect(secondsUntil('2027-01-31T16:59:59.000Z', now)).toBe(3599);
    expect(secondsUntil('2020-01-01T00:00:00.000Z', now)).toBe(1);
  });
  it('moves the deadline by the grace period after each escalation', () => {
    expect(stageDeadline(CYCLE, 'PENETAPAN_TARGET', 0)).toBe(CYCLE.jadwal.PENETAPAN_TARGET);
    expect(stageDeadline(CYCLE, 'PENETAPAN_TARGET', 1, '2027-02-01T00:00:00.000Z')).toBe(
      '2027-02-08T00:00:00.000Z',
    );
  });
  it('names executions deterministically within Step Functions limits', () => {
    expect(executionName('2027', '199004122015031001')).toBe('2027-199004122015031001');
    expect(executionName('2027 TW/1', '199004122015031001', 'r4')).toBe('2027_TW_1-199004122015031001-r4');
    expect(executionName('x'.repeat(100), '1').length).toBe(80);
  });
});
