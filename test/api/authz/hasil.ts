import type { AuthzContext, RouteCase } from './types.js';

/**
 * Feedback, response, objection, summary, kurva and close. The fixture evaluation is still in
 * target setting, so an allowed persona passes the policy and is then refused with 409 (wrong
 * stage, stale version, or a cycle that cannot close yet): the matrix changes no data.
 */
export function hasilCases({ cycle, ev, page, STALE, READERS, json, form }: AuthzContext): RouteCase[] {
  const umpanBalik = { version: STALE, baris: {}, umum: '', saran: '' };
  const putusan = {
    version: STALE,
    keputusan: 'DIPERTAHANKAN',
    alasan: 'Penilaian atasan sudah sesuai bukti',
  };
  const kurva = { version: STALE, predikat: 'BAIK', alasan: 'Nilai SAKIP 2027: BB' };
  const AGENCY = ['kepalaOpd', 'admin', 'auditor'] as const;
  return [
    {
      method: 'PUT',
      route: '/api/evaluations/:cycleId/:nip/umpan-balik',
      path: () => `${ev()}/umpan-balik`,
      body: json(umpanBalik),
      allowed: ['atasan'],
    },
    {
      method: 'POST',
      route: '/api/evaluations/:cycleId/:nip/umpan-balik',
      path: () => `${ev()}/umpan-balik`,
      body: json(umpanBalik),
      allowed: ['atasan'],
    },
    {
      method: 'POST',
      route: '/api/evaluations/:cycleId/:nip/tanggapan',
      path: () => `${ev()}/tanggapan`,
      body: json({ version: STALE, jenis: 'DITERIMA' }),
      allowed: ['owner'],
    },
    {
      method: 'POST',
      route: '/api/evaluations/:cycleId/:nip/keberatan/putusan',
      path: () => `${ev()}/keberatan/putusan`,
      body: json(putusan),
      allowed: ['atasanAtasan'],
    },
    {
      method: 'GET',
      route: '/api/evaluations/:cycleId/:nip/ringkasan',
      path: () => `${ev()}/ringkasan`,
      allowed: READERS,
    },
    {
      method: 'GET',
      route: '/api/opd/:opd/kurva/:cycleId',
      path: () => `/api/opd/DINKES/kurva/${cycle()}`,
      allowed: [...AGENCY],
    },
    {
      method: 'PUT',
      route: '/api/opd/:opd/kurva/:cycleId',
      path: () => `/api/opd/DINKES/kurva/${cycle()}`,
      body: json(kurva),
      allowed: ['kepalaOpd', 'admin'],
    },
    {
      method: 'GET',
      route: '/api/admin/cycles/:cycleId/close-check',
      path: () => `/api/admin/cycles/${cycle()}/close-check`,
      allowed: ['admin', 'auditor'],
    },
    // Unrated evaluations: the admin's close is refused (409) and the cycle stays open.
    {
      method: 'POST',
      route: '/api/admin/cycles/:cycleId/close',
      path: () => `/api/admin/cycles/${cycle()}/close`,
      body: json({}),
      allowed: ['admin'],
    },
    {
      method: 'POST',
      route: '/evaluasi/:cycleId/:nip/umpan-balik',
      path: () => `${page()}/umpan-balik`,
      body: form({ version: STALE, aksi: 'berikan' }),
      allowed: ['atasan'],
    },
    {
      method: 'POST',
      route: '/evaluasi/:cycleId/:nip/tanggapan',
      path: () => `${page()}/tanggapan`,
      body: form({ version: STALE, jenis: 'DITERIMA' }),
      allowed: ['owner'],
    },
    {
      method: 'POST',
      route: '/evaluasi/:cycleId/:nip/keberatan',
      path: () => `${page()}/keberatan`,
      body: form(putusan),
      allowed: ['atasanAtasan'],
    },
    {
      method: 'GET',
      route: '/evaluasi/:cycleId/:nip/ringkasan',
      path: () => `${page()}/ringkasan`,
      allowed: READERS,
    },
    {
      method: 'GET',
      route: '/opd/:opd/kurva/:cycleId',
      path: () => `/opd/DINKES/kurva/${cycle()}`,
      allowed: [...AGENCY],
    },
    {
      method: 'POST',
      route: '/opd/:opd/kurva/:cycleId',
      path: () => `/opd/DINKES/kurva/${cycle()}`,
      body: form(kurva),
      allowed: ['kepalaOpd', 'admin'],
    },
    {
      method: 'GET',
      route: '/admin/siklus/:cycleId/kurva',
      path: () => `/admin/siklus/${cycle()}/kurva`,
      allowed: ['admin', 'auditor'],
    },
    {
      method: 'POST',
      route: '/admin/siklus/:cycleId/kurva/tutup',
      path: () => `/admin/siklus/${cycle()}/kurva/tutup`,
      body: form({}),
      allowed: ['admin'],
    },
  ];
}
