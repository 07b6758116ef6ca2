import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.js';
import { fromItem } from './items.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';
import { putItem } from './write.js';

/** Recipient "BKPSDM" is the HR agency's shared box; otherwise a NIP. */
export interface Notice {
  recipient: string;
  at: string;
  kind: 'ESKALASI' | 'PENGINGAT';
  subject: string;
  body: string;
  cycleId: string;
  nip: string;
  /** The stage the notice is about; PENILAIAN_REKAN marks a peer's review (not the evaluation). */
  tahap?: string;
}

export function noticePut(deps: Deps, n: Notice): TransactItem {
  return {
    Put: {
      TableName: deps.tableName,
      Item: { ...keys.notice(n.recipient, n.at, deps.newId().slice(0, 8)), type: 'NOTICE', ...n },
    },
  };
}

/**
 * A notice written at most once: its key is given (e.g. stage + deadline + N days for a
 * reminder), so a job that runs again finds it there and adds nothing. True when it is new.
 */
export function noticeOnce(deps: Deps, n: Notice, key: { at: string; id: string }): Promise<boolean> {
  return putItem(deps, {
    Put: {
      TableName: deps.tableName,
      Item: { ...keys.notice(n.recipient, key.at, key.id), type: 'NOTICE', ...n },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
}

export async function listNotices(deps: Deps, recipient: string, limit = 50): Promise<Notice[]> {
  const out = await deps.ddb.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `NOTICE#${recipient}` },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((i) => fromItem<Notice>(i));
}
