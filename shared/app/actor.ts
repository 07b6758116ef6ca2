import type { Employee } from '../domain/people/employee.js';

/** Who is acting, as established by sign-in and refreshed from the roster. */
export interface Principal {
  nip: string;
  nama: string;
  admin: boolean;
  auditor?: boolean;
  /** The OPD this person heads: a JPT heads their own agency. */
  kepalaOpd?: string;
}

/** How a person is written into the audit trail. */
export const actorOf = (p: Principal) => ({ nip: p.nip, nama: p.nama });

/** Standing comes from the roster, so a change there (or a deactivation) takes effect at once. */
export function principalOf(e: Employee): Principal {
  return {
    nip: e.nip,
    nama: e.nama,
    admin: !!e.admin,
    ...(e.auditor ? { auditor: true } : {}),
    ...(e.jenisJabatan === 'JPT' ? { kepalaOpd: e.opd } : {}),
  };
}
