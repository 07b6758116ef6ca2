import type { AuthzContext, RouteCase } from './types.js';

/**
 * The review stages. The fixture evaluation is still at target setting and has no approved
 * peers: the employee (self-assessment) and the atasan (review) pass authorization and are
 * refused with 409 for the stage; nobody may open or answer a peer review of it, the colleague
 * persona included (403), because only approved peers may.
 */
export function penilaianCases(ctx: AuthzContext): RouteCase[] {
  const { cycle, nip, ev, page, STALE, READERS, json, form } = ctx;
  const rekanApi = () => `/api/penilaian-rekan/${cycle()}/${nip()}`;
  const rekanPage = () => `/penilaian-rekan/${cycle()}/${nip()}`;
  const stage = (path: string, allowed: RouteCase['allowed']): RouteCase[] => [
    ...(['PUT', 'POST'] as const).map((method) => ({
      method,
      route: `/api/evaluations/:cycleId/:nip/${path}`,
      path: () => `${ev()}/${path}`,
      body: json({ version: STALE }),
      allowed,
    })),
    {
      method: 'GET',
      route: `/evaluasi/:cycleId/:nip/${path}`,
      path: () => `${page()}/${path}`,
      allowed: READERS,
    },
    {
      method: 'POST',
      route: `/evaluasi/:cycleId/:nip/${path}`,
      path: () => `${page()}/${path}`,
      body: form({ version: STALE, aksi: 'simpan' }),
      allowed,
    },
  ];
  return [
    ...stage('penilaian-mandiri', ['owner']),
    ...stage('penilaian-atasan', ['atasan']),
    {
      method: 'GET',
      route: '/api/penilaian-rekan',
      path: () => '/api/penilaian-rekan',
      allowed: 'any-signed-in',
    },
    { method: 'GET', route: '/api/penilaian-rekan/:cycleId/:nip', path: rekanApi, allowed: [] },
    ...(['PUT', 'POST'] as const).map((method) => ({
      method,
      route: '/api/penilaian-rekan/:cycleId/:nip',
      path: rekanApi,
      body: json({ version: STALE }),
      allowed: [],
    })),
    { method: 'GET', route: '/penilaian-rekan', path: () => '/penilaian-rekan', allowed: 'any-signed-in' },
    { method: 'GET', route: '/penilaian-rekan/:cycleId/:nip', path: rekanPage, allowed: [] },
    {
      method: 'POST',
      route: '/penilaian-rekan/:cycleId/:nip',
      path: rekanPage,
      body: form({ version: STALE, aksi: 'simpan' }),
      allowed: [],
    },
  ];
}
