import type { AccountProvisioning, ProvisionReport } from '../../auth/cognito-accounts.js';
import type { PersonChange } from '../../domain/people/roster/index.js';

export interface AccountSync {
  created: ProvisionReport;
  disabled: ProvisionReport;
  enabled: ProvisionReport;
}

/**
 * Sign-in accounts follow the roster once its writes landed: new people are invited (by email
 * when the roster has one), deactivated people are disabled, reactivated people re-enabled.
 * Failures are reported, not thrown: the roster itself is already correct and a re-run fixes them.
 */
export async function syncAccounts(
  accounts: AccountProvisioning,
  written: PersonChange[],
): Promise<AccountSync> {
  const reactivated = (c: PersonChange) =>
    c.kind === 'UBAH' && c.changes.some((f) => f.field === 'aktif' && f.to === true);
  const created = written.filter((c) => c.kind === 'BARU' && c.after.aktif !== false);
  return {
    created: await accounts.createAccounts(
      created.map((c) => ({ nip: c.nip, ...(c.after.email ? { email: c.after.email } : {}) })),
    ),
    disabled: await accounts.disableAccounts(
      written
        .filter(
          (c) =>
            c.kind === 'NONAKTIF' ||
            (c.kind === 'UBAH' && c.changes.some((f) => f.field === 'aktif' && f.to === false)),
        )
        .map((c) => c.nip),
    ),
    enabled: await accounts.enableAccounts(written.filter(reactivated).map((c) => c.nip)),
  };
}
