import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { accountItem, getAccount } from '../../shared/data/accounts.js';
import { createCycleIfAbsent } from '../../shared/data/cycle-status.js';
import { keys } from '../../shared/data/keys.js';
import { employeeItem } from '../../shared/data/people.js';
import { rencanaItem } from '../../shared/data/rencana.js';
import type { Cycle } from '../../shared/domain/evaluation/cycle.js';
import { hashPassword } from '../../shared/auth/session.js';
import type { Deps } from '../../shared/runtime/deps.js';
import { tanggalWib } from '../../shared/domain/wib.js';
import { CYCLE, DEMO_PASSWORD, DEMO_TOTP, EMPLOYEES, OPD, UNIT, rencanaDemo } from './seed-data.js';

async function putIfAbsent(deps: Deps, item: Record<string, unknown>): Promise<boolean> {
  try {
    await deps.ddb.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (err) {
    if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

/** Idempotent: what exists is left as it is (people may have changed it since). */
export async function seed(
  deps: Deps,
  options: { cycle?: Cycle; passwords?: boolean } = {},
): Promise<{ created: number }> {
  let created = 0;
  const count = (b: boolean) => (created += b ? 1 : 0);
  await Promise.all([
    ...OPD.map(async (o) => count(await putIfAbsent(deps, { ...keys.opd(o.kode), type: 'OPD', ...o }))),
    ...UNIT.map(async (u) =>
      count(await putIfAbsent(deps, { ...keys.unit(u.opd, u.kode), type: 'UNIT', ...u })),
    ),
  ]);
  await Promise.all(
    EMPLOYEES.map(async ({ key, ...e }) => {
      count(await putIfAbsent(deps, employeeItem(e)));
      if (options.passwords !== false && !(await getAccount(deps, e.nip))) {
        const totp = key === DEMO_TOTP.key ? { totpSecret: DEMO_TOTP.secret } : {};
        count(
          await putIfAbsent(
            deps,
            accountItem({ nip: e.nip, passwordHash: await hashPassword(DEMO_PASSWORD), ...totp }),
          ),
        );
      }
    }),
  );
  count(await createCycleIfAbsent(deps, options.cycle ?? CYCLE));
  // Dated from the seeding day: a certificate never lies in the future (seed-data.ts rencanaDemo).
  for (const r of rencanaDemo(tanggalWib(deps.now()))) count(await putIfAbsent(deps, rencanaItem(r)));
  return { created };
}
