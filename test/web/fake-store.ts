import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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
 * tests need no DynamoDB. Any write fails loudly, which also proves a refused form wrote nothing.
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
  const send = async (cmd: unknown) => {
    // The roster check of every signed-in request reads the profile.
    if (cmd instanceof GetCommand && (cmd.input.Key as Item).sk === 'PROFILE') {
      const p = data.people?.find((x) => (cmd.input.Key as Item).pk === `EMP#${x.nip}`);
      return p
        ? {
            Item: {
              ...keys.employee(p.nip),
              nip: p.nip,
              nama: p.nama,
              admin: p.admin,
              aktif: true,
              jenisJabatan: 'FUNGSIONAL',
              opd: 'DISKOMINFO',
            },
          }
        : {};
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
