import { describe, expect, it } from 'vitest';
import { actorName, describeAudit } from '../../functions/api/web/evaluation/audit-text.js';
import { flashText } from '../../functions/api/web/common/kit.js';
import { FLASH } from '../../functions/api/web/evaluation/skp-routes.js';
import {
  angka,
  isOverdue,
  jpTerhadapHak,
  perubahanPredikat,
  tanggal,
  waktu,
} from '../../functions/api/web/common/format.js';
import { parseEkspektasi, parseReturn, parseTarget } from '../../functions/api/web/evaluation/skp-forms.js';
import { lanjutFor, safeLanjut, signInUrl } from '../../functions/api/web/common/lanjut.js';
import { APP_CSS } from '../../functions/api/web/common/styles.js';
import type { AuditEntry } from '../../shared/data/audit.js';

describe('safeLanjut', () => {
  it('keeps same-site paths', () => {
    expect(safeLanjut('/evaluasi/2027/198503142010011002?pesan=diubah')).toBe(
      '/evaluasi/2027/198503142010011002?pesan=diubah',
    );
    expect(safeLanjut('/kotak-masuk')).toBe('/kotak-masuk');
  });
  it.each([
    '//evil.example',
    '/\\evil.example',
    'http://evil.example',
    'https:evil',
    'javascript:alert(1)',
    'evil',
    '',
    '/\t/evil',
    '/masuk',
    undefined,
    42,
    `/${'a'.repeat(600)}`,
  ])('rejects %j', (v) => expect(safeLanjut(v)).toBe('/'));
  it('sends a refused POST back to its evaluation page', () => {
    expect(lanjutFor('POST', '/evaluasi/2027/198503142010011002/ajukan', '')).toBe(
      '/evaluasi/2027/198503142010011002',
    );
    expect(lanjutFor('GET', '/kotak-masuk', '?a=1')).toBe('/kotak-masuk?a=1');
    expect(signInUrl('/')).toBe('/masuk');
    expect(signInUrl('/a b')).toBe('/masuk?lanjut=%2Fa%20b');
  });
});

describe('Indonesian formats', () => {
  it('formats dates and times in WIB', () => {
    expect(tanggal('2027-01-31T16:59:59Z')).toBe('31 Januari 2027');
    // 17:00 UTC is already the next day in Serang.
    expect(tanggal('2027-01-31T17:00:00Z')).toBe('1 Februari 2027');
    expect(waktu('2027-03-05T01:02:00Z')).toBe('5 Maret 2027 pukul 08.02 WIB');
    expect(tanggal('bukan tanggal')).toBe('bukan tanggal');
    expect(angka(1234.5)).toBe('1.234,5');
  });
  it('counts a stage as overdue only while it is open', () => {
    const now = new Date('2027-02-01T00:00:00Z');
    expect(isOverdue({ deadline: '2027-01-31T00:00:00Z', status: 'DRAFT' }, now)).toBe(true);
    expect(isOverdue({ deadline: '2027-01-31T00:00:00Z', status: 'SELESAI' }, now)).toBe(false);
    expect(isOverdue({ deadline: '2027-02-02T00:00:00Z', status: 'DIAJUKAN' }, now)).toBe(false);
    expect(isOverdue({ status: 'DRAFT' }, now)).toBe(false);
  });
});

describe('flash messages', () => {
  it('only shows known keys', () => {
    expect(flashText(FLASH, 'diajukan')).toBe('SKP diajukan ke atasan.');
    expect(flashText(FLASH, 'Akun Anda diblokir, hubungi evil.example')).toBeUndefined();
    expect(flashText(FLASH, 'toString')).toBeUndefined();
    expect(flashText(FLASH, undefined)).toBeUndefined();
  });
});

describe('form parsing with the API schemas', () => {
  const row = {
    _csrf: 'x',
    version: '3',
    jenis: 'UTAMA',
    rhk: ' RHK ',
    intervensiRowId: '',
    aspek: 'KUALITAS',
    indikator: 'Ind',
    target: '2.5',
    satuan: 'dokumen',
  };
  it('ignores _csrf, turns "tidak ada" into no cascade, coerces numbers', () => {
    const r = parseTarget(row);
    expect(r.success && r.data).toEqual({
      version: 3,
      jenis: 'UTAMA',
      rhk: 'RHK',
      aspek: 'KUALITAS',
      indikator: 'Ind',
      target: 2.5,
      satuan: 'dokumen',
    });
    const comma = parseTarget({ ...row, target: '2,5' });
    expect(comma.success && comma.data.target).toBe(2.5);
    expect(parseTarget({ ...row, target: '1.000,5' }).success).toBe(false);
    const linked = parseTarget({ ...row, intervensiRowId: 'atasan-1' });
    expect(linked.success && linked.data.intervensiRowId).toBe('atasan-1');
  });
  it('reports each field in Indonesian', () => {
    const r = parseTarget({ ...row, target: '0', rhk: '', jenis: 'X', satuan: 'x'.repeat(51) });
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
    expect(Object.fromEntries(issues)).toMatchObject({
      target: 'Target harus lebih dari 0',
      rhk: 'Rencana hasil kerja wajib diisi',
      jenis: 'Jenis harus UTAMA atau TAMBAHAN',
    });
    const satuan = issues.find(([p]) => p === 'satuan')?.[1];
    expect(satuan).toMatch(/karakter/);
    expect(satuan).not.toMatch(/Too big/);
  });
  it('parses the return comment and the seven ekspektasi fields', () => {
    expect(parseReturn({ version: '2', comment: 'abc' }).success).toBe(false);
    const e = parseEkspektasi({ version: '2', 'ekspektasi.LOYAL': 'Setia', 'ekspektasi.BUKAN': 'x' });
    expect(e.success && Object.keys(e.data.ekspektasi)).toHaveLength(7);
    expect(e.success && e.data.ekspektasi.LOYAL).toBe('Setia');
  });
});

describe('audit descriptions', () => {
  const entry = (action: AuditEntry['action'], detail: Record<string, unknown> = {}): AuditEntry => ({
    cycleId: '2027',
    nip: '1',
    at: '2027-01-01T00:00:00Z',
    actor: { sistem: 'alur-kerja' },
    action,
    detail,
    version: 1,
  });
  it('has words for every action', () => {
    expect(
      describeAudit(entry('TAHAP_DIBUKA', { stage: 'PENETAPAN_TARGET', deadline: '2027-01-31T16:59:59Z' })),
    ).toBe('Tahap Penetapan target (SKP) dibuka, tenggat 31 Januari 2027 pukul 23.59 WIB');
    expect(describeAudit(entry('TARGET_DIUBAH', { after: { rhk: 'Baru' } }))).toBe(
      'Mengubah hasil kerja "Baru"',
    );
    expect(describeAudit(entry('TARGET_DIHAPUS', { row: { rhk: 'Lama' } }))).toBe(
      'Menghapus hasil kerja "Lama"',
    );
    expect(describeAudit(entry('SKP_DIAJUKAN'))).toBe('Mengajukan SKP ke atasan');
    expect(describeAudit(entry('SKP_DISETUJUI'))).toContain('tahap penetapan target selesai');
    expect(describeAudit(entry('EKSPEKTASI_DITETAPKAN'))).toContain('ekspektasi khusus');
    expect(describeAudit(entry('TAHAP_TERLAMBAT', { overdueCount: 2 }))).toContain('keterlambatan ke-2');
    expect(describeAudit(entry('TARGET_DITAMBAH'))).toBe('Menambah hasil kerja');
    expect(actorName(entry('EVALUASI_DIBUAT'))).toBe('Sistem');
  });
});

describe('stylesheet', () => {
  it('scrolls tables, shows focus, and loads nothing external', () => {
    expect(APP_CSS).toContain('.table-scroll{overflow-x:auto');
    expect(APP_CSS).toContain(':focus-visible{outline:3px');
    expect(APP_CSS).not.toMatch(/@import|url\(/);
  });
});

describe('words for numbers people read', () => {
  it('says an entitlement is met instead of "42 dari 20 JP"', () => {
    expect(jpTerhadapHak(6, 20)).toBe('6 dari 20 JP');
    expect(jpTerhadapHak(20, 20)).toBe('20 dari 20 JP');
    expect(jpTerhadapHak(42, 20)).toBe('42 JP (hak 20 JP terpenuhi)');
  });

  it('says a revision kept the predikat instead of "Baik menjadi Baik"', () => {
    expect(perubahanPredikat('Baik', 'Baik')).toBe('predikat tetap Baik');
    expect(perubahanPredikat('Baik', 'Sangat Baik')).toBe('predikat Baik menjadi Sangat Baik');
  });
});
