import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../shared/app/people/roster-import.js';
import type { AccountProvisioning } from '../../shared/auth/cognito-accounts.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { csvFile, nipOf, pnsNip, seededRows } from './fixtures.js';

/** Records what the import asks of the identity provider (Cognito in the cloud). */
function recordingAccounts() {
  const calls = {
    created: [] as { nip: string; email?: string }[],
    disabled: [] as string[],
    enabled: [] as string[],
  };
  const ok = (nips: string[]) => ({ done: nips, skipped: [], failed: [] });
  const accounts: AccountProvisioning = {
    createAccounts: async (people) => (calls.created.push(...people), ok(people.map((p) => p.nip))),
    disableAccounts: async (nips) => (calls.disabled.push(...nips), ok(nips)),
    enableAccounts: async (nips) => (calls.enabled.push(...nips), ok(nips)),
  };
  return { accounts, calls };
}

let s: TestSystem;
beforeAll(async () => {
  s = await startTestSystem();
});
afterAll(() => s.stop());

describe('roster import keeps sign-in accounts in step (DynamoDB Local)', () => {
  it('invites new people, disables the deactivated, re-enables the reactivated, and nothing on re-import', async () => {
    const newcomer = {
      ...seededRows()[5]!,
      nip: pnsNip(1),
      nama: 'Siti Aminah, S.Kom.',
      email: 'siti.aminah@serangkota.go.id',
    };
    const leaving = nipOf('pranata3');
    const rows = [...seededRows().filter((r) => r.nip !== leaving), newcomer];
    const first = recordingAccounts();
    const r1 = await apply(s.deps, csvFile(rows), { accounts: first.accounts });
    expect(r1.created).toBe(1);
    expect(first.calls.created).toEqual([{ nip: newcomer.nip, email: 'siti.aminah@serangkota.go.id' }]);
    expect(first.calls.disabled).toEqual([leaving]);
    expect(r1.accounts?.created.done).toEqual([newcomer.nip]);

    const again = recordingAccounts();
    const r2 = await apply(s.deps, csvFile(rows), { accounts: again.accounts });
    expect(r2.writes).toBe(0);
    expect(again.calls).toEqual({ created: [], disabled: [], enabled: [] });

    const back = recordingAccounts();
    await apply(s.deps, csvFile([...rows, seededRows().find((r) => r.nip === leaving)!]), {
      accounts: back.accounts,
    });
    expect(back.calls.enabled).toEqual([leaving]);
    expect(back.calls.created).toEqual([]);
  });
});
