import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../../shared/app/actor.js';
import { evaluationItem } from '../../shared/data/evaluations.js';
import { keys } from '../../shared/data/keys.js';
import type { AuditEntry } from '../../shared/data/audit.js';
import type { Evaluation } from '../../shared/domain/evaluation/evaluation.js';
import type { TargetRow } from '../../shared/domain/evaluation/skp.js';
import type { Deps } from '../../shared/runtime/deps.js';

type Item = Record<string, unknown>;

/**
 * Read-only stand-in for the table: enough Query semantics for the pages to load, so route
 * tests need no DynamoDB. Any write fails loudly, which also proves a refused form wrote nothing;
 * the one exception is the session items that signing in and out write and delete.
 */
export function fakeDeps(
  now: Date,
  data: {
    evaluations: Evaluation[];
    rows: Record<string, TargetRow[]>;
    history: AuditEntry[];
    people?: Principal[];
  },
): Deps {
  const items: Item[] = [
    // The evaluations' cycle, open: pages offer actions only on an open cycle's evaluations.
    { ...keys.cycle('2027'), type: 'CYCLE', id: '2027', status: 'DIBUKA' },
    ...data.evaluations.map(evaluationItem),
    ...Object.entries(data.rows).flatMap(([nip, rows]) =>
      rows.map((r, i) => ({ ...keys.targetRow('2027', nip, r.id), type: 'TARGET_ROW', urutan: i + 1, ...r })),
    ),
    ...data.history.map((h, i) => ({
      ...keys.audit(h.cycleId, h.nip, h.at, String(i)),
      type: 'AUDIT',
      ...h,
    })),
  ];
  const profile = (key: Item): Item | undefined => {
    const p = data.people?.find((x) => key.pk === `EMP#${x.nip}`);
    return p && key.sk === 'PROFILE'
      ? {
          ...keys.employee(p.nip),
          nip: p.nip,
          nama: p.nama,
          admin: p.admin,
          aktif: true,
          jenisJabatan: 'FUNGSIONAL',
          opd: 'DISKOMINFO',
        }
      : undefined;
  };
  /** Session items by `pk|sk`: sign-in puts one, sign-out deletes it. */
  const sessions = new Map<string, Item>();
  const isSession = (key: Item | undefined) => String(key?.sk ?? '').startsWith(keys.sessionPrefix());
  const id = (key: Item) => `${String(key.pk)}|${String(key.sk)}`;
  const send = async (cmd: unknown) => {
    if (cmd instanceof PutCommand && isSession(cmd.input.Item)) {
      sessions.set(id(cmd.input.Item!), { ...cmd.input.Item });
      return {};
    }
    if (cmd instanceof DeleteCommand && isSession(cmd.input.Key)) {
      sessions.delete(id(cmd.input.Key!));
      return {};
    }
    // Every signed-in request reads its session item and the profile in one BatchGet.
    if (cmd instanceof BatchGetCommand) {
      const [table, { Keys = [] } = {}] = Object.entries(cmd.input.RequestItems ?? {})[0] ?? [];
      const found = (Keys as Item[])
        .map((k) => profile(k) ?? sessions.get(id(k)) ?? items.find((i) => id(i) === id(k)))
        .filter((i) => !!i);
      return { Responses: { [String(table)]: found.map((i) => ({ ...i })) } };
    }
    if (cmd instanceof GetCommand && (cmd.input.Key as Item).sk === 'PROFILE') {
      const p = profile(cmd.input.Key as Item);
      return p ? { Item: p } : {};
    }
    if (!(cmd instanceof QueryCommand))
      throw new Error(`fake store: unexpected ${(cmd as object).constructor.name}`);
    const v = (cmd.input.ExpressionAttributeValues ?? {}) as Record<string, string>;
    const pkAttr =
      cmd.input.IndexName === 'gsi1' ? 'gsi1pk' : cmd.input.IndexName === 'gsi2' ? 'gsi2pk' : 'pk';
    const skAttr = cmd.input.IndexName === 'gsi2' ? 'gsi2sk' : 'sk';
    const found = items.filter((i) => {
      const sk = String(i[skAttr] ?? '');
      if (i[pkAttr] !== v[':pk']) return false;
      if (v[':prefix'] && !sk.startsWith(v[':prefix'])) return false;
      if (v[':s'] && !sk.startsWith(v[':s'])) return false;
      if (v[':from'] && v[':to'] && (sk < v[':from'] || sk > v[':to'])) return false;
      return true;
    });
    return { Items: found.map((i) => ({ ...i })) };
  };
  return {
    ddb: { send } as unknown as DynamoDBDocumentClient,
    tableName: 'palsu',
    sfn: { send: async () => Promise.reject(new Error('fake store: no workflow')) },
    stateMachines: { employeeEvaluation: '' },
    now: () => now,
    newId: () => 'baru-1',
  };
}
