import type { AuthzContext, RouteCase } from './types.js';

/**
 * Competency development. The fixture evaluation is still at target setting, so it has no plan:
 * allowed personas pass authorization and are then refused (409 "belum disusun", or 404 for a
 * plan of their own that does not exist), and nothing changes.
 */
export function pengembanganCases(ctx: AuthzContext): RouteCase[] {
  const { ev, page, STALE, READERS, json, form } = ctx;
  const item = '2028-pelayanan-publik-prima';
  const sertifikat = { nomor: '800/1/2028', tanggal: '2028-03-01', penyelenggara: 'BPSDMD Banten' };
  return [
    {
      method: 'GET',
      route: '/api/pelatihan',
      path: () => '/api/pelatihan?nilai=AKUNTABEL',
      allowed: 'any-signed-in',
    },
    {
      method: 'GET',
      route: '/api/evaluations/:cycleId/:nip/rencana',
      path: () => `${ev()}/rencana`,
      allowed: READERS,
    },
    {
      method: 'POST',
      route: '/api/evaluations/:cycleId/:nip/rencana/items',
      path: () => `${ev()}/rencana/items`,
      body: json({ version: STALE, pelatihanId: 'pelayanan-publik-prima' }),
      allowed: ['owner', 'atasan'],
    },
    {
      method: 'POST',
      route: '/api/evaluations/:cycleId/:nip/rencana/items/:itemId/cancel',
      path: () => `${ev()}/rencana/items/${item}/cancel`,
      body: json({ version: STALE, catatan: 'Jadwal bentrok dengan tugas lapangan' }),
      allowed: ['owner', 'atasan'],
    },
    {
      method: 'POST',
      route: '/api/evaluations/:cycleId/:nip/rencana/confirm',
      path: () => `${ev()}/rencana/confirm`,
      body: json({ version: STALE }),
      allowed: ['atasan'],
    },
    { method: 'GET', route: '/api/pengembangan', path: () => '/api/pengembangan', allowed: 'any-signed-in' },
    // Only one's own plan can be addressed: every signed-in person is "allowed" and finds none.
    {
      method: 'POST',
      route: '/api/pengembangan/:tahun/items/:itemId/complete',
      path: () => `/api/pengembangan/2028/items/${item}/complete`,
      body: json({ version: STALE, sertifikat }),
      allowed: 'any-signed-in',
    },
    {
      method: 'GET',
      route: '/evaluasi/:cycleId/:nip/rencana',
      path: () => `${page()}/rencana`,
      allowed: READERS,
    },
    {
      method: 'POST',
      route: '/evaluasi/:cycleId/:nip/rencana/tambah',
      path: () => `${page()}/rencana/tambah`,
      body: form({ version: STALE, pelatihanId: 'pelayanan-publik-prima' }),
      allowed: ['owner', 'atasan'],
    },
    {
      method: 'POST',
      route: '/evaluasi/:cycleId/:nip/rencana/:itemId/batal',
      path: () => `${page()}/rencana/${item}/batal`,
      body: form({ version: STALE, catatan: 'Jadwal bentrok dengan tugas lapangan' }),
      allowed: ['owner', 'atasan'],
    },
    {
      method: 'POST',
      route: '/evaluasi/:cycleId/:nip/rencana/konfirmasi',
      path: () => `${page()}/rencana/konfirmasi`,
      body: form({ version: STALE }),
      allowed: ['atasan'],
    },
    { method: 'GET', route: '/pengembangan', path: () => '/pengembangan', allowed: 'any-signed-in' },
    {
      method: 'POST',
      route: '/pengembangan/:tahun/:itemId/selesai',
      path: () => `/pengembangan/2028/${item}/selesai`,
      body: form({
        version: STALE,
        'sertifikat.nomor': sertifikat.nomor,
        'sertifikat.tanggal': sertifikat.tanggal,
        'sertifikat.penyelenggara': sertifikat.penyelenggara,
      }),
      allowed: 'any-signed-in',
    },
  ];
}
