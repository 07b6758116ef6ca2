import type { AuthzContext, RouteCase } from './types.js';

/** BKPSDM restarts a failed evaluation at its recorded stage (409 here: nothing has failed). */
export const alurCases = ({ cycle, nip, page, form }: AuthzContext): RouteCase[] => [
  {
    method: 'POST',
    route: '/api/admin/evaluations/:cycleId/:nip/resume',
    path: () => `/api/admin/evaluations/${cycle()}/${nip()}/resume`,
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/evaluasi/:cycleId/:nip/lanjutkan',
    path: () => `${page()}/lanjutkan`,
    body: form({}),
    allowed: ['admin'],
  },
];
