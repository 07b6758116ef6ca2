import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { DomainError, konflik } from '../domain/errors.js';
import type { Deps } from '../runtime/deps.js';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** What to say when the condition of item i failed; items without one get the generic conflict. */
export type FailureMessages = Record<number, () => DomainError>;

/**
 * Writes all items or none. A failed condition becomes a 409/422 the user can act on,
 * not a 500.
 */
export async function transact(
  deps: Deps,
  items: TransactItem[],
  failures: FailureMessages = {},
): Promise<void> {
  try {
    await deps.ddb.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (err) {
    const e = err as { name?: string; CancellationReasons?: { Code?: string }[] };
    if (e.name === 'TransactionCanceledException') {
      const reasons = e.CancellationReasons ?? [];
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failed >= 0) {
        const message = failures[failed];
        throw message ? message() : konflik('Data sudah diubah oleh proses lain. Muat ulang lalu coba lagi.');
      }
      if (reasons.some((r) => r.Code === 'TransactionConflict')) {
        throw konflik('Data sedang diubah bersamaan oleh proses lain. Coba lagi.');
      }
    }
    throw err;
  }
}
