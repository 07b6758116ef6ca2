import type { AuthzContext, RouteCase } from './types.js';

/**
 * Cycle administration is BKPSDM's alone. Mutations by the admin change nothing: the new
 * cycle breaks a rule (422), and launching or opening a cycle that does not exist is a 404;
 * everyone else is refused before any lookup.
 */
export function cycleCases(ctx: AuthzContext): RouteCase[] {
  const { cycle, json, form } = ctx;
  const ADMIN: RouteCase['allowed'] = ['admin'];
  const missing = 'TIDAK-ADA';
  // Ends before it starts: valid JSON and form, refused by the domain.
  const invalid = {
    nama: 'Siklus uji otorisasi',
    tahun: 2028,
    periode: 'TAHUNAN',
    mulai: '2028-06-01',
    selesai: '2028-01-31',
  };
  return [
    {
      method: 'POST',
      route: '/api/admin/cycles',
      path: () => '/api/admin/cycles',
      body: json({ ...invalid, scope: 'ALL' }),
      allowed: ADMIN,
    },
    { method: 'GET', route: '/api/admin/cycles', path: () => '/api/admin/cycles', allowed: ADMIN },
    {
      method: 'GET',
      route: '/api/admin/cycles/:cycleId',
      path: () => `/api/admin/cycles/${cycle()}`,
      allowed: ADMIN,
    },
    {
      method: 'POST',
      route: '/api/admin/cycles/:cycleId/launch',
      path: () => `/api/admin/cycles/${missing}/launch`,
      allowed: ADMIN,
    },
    {
      method: 'POST',
      route: '/api/admin/cycles/:cycleId/open-assessment',
      path: () => `/api/admin/cycles/${missing}/open-assessment`,
      allowed: ADMIN,
    },
    {
      method: 'GET',
      route: '/api/admin/cycles/:cycleId/progress',
      path: () => `/api/admin/cycles/${cycle()}/progress`,
      allowed: ADMIN,
    },
    { method: 'GET', route: '/admin/siklus', path: () => '/admin/siklus', allowed: ADMIN },
    {
      method: 'POST',
      route: '/admin/siklus',
      path: () => '/admin/siklus',
      body: form({ ...invalid, cakupan: 'ALL' }),
      allowed: ADMIN,
    },
    {
      method: 'GET',
      route: '/admin/siklus/:cycleId',
      path: () => `/admin/siklus/${cycle()}`,
      allowed: ADMIN,
    },
    {
      method: 'POST',
      route: '/admin/siklus/:cycleId/luncurkan',
      path: () => `/admin/siklus/${missing}/luncurkan`,
      body: form({}),
      allowed: ADMIN,
    },
    {
      method: 'POST',
      route: '/admin/siklus/:cycleId/buka-penilaian',
      path: () => `/admin/siklus/${missing}/buka-penilaian`,
      body: form({}),
      allowed: ADMIN,
    },
  ];
}
