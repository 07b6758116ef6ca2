import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

export type AuditAction =
  | 'EVALUASI_DIBUAT'
  | 'TAHAP_DIBUKA'
  | 'TARGET_DITAMBAH'
  | 'TARGET_DIUBAH'
  | 'TARGET_DIHAPUS'
  | 'SKP_DIAJUKAN'
  | 'SKP_DIKEMBALIKAN'
  | 'SKP_DISETUJUI'
  | 'EKSPEKTASI_DITETAPKAN'
  | 'TAHAP_TERLAMBAT'
  | 'EVALUASI_DIBACA'
  | 'ATASAN_DIGANTI'
  | 'PLT_DITETAPKAN'
  | 'REKAN_DIUSULKAN'
  | 'PENILAIAN_MANDIRI_DISIMPAN'
  | 'PENILAIAN_MANDIRI_DIAJUKAN'
  | 'PENILAIAN_ATASAN_DISIMPAN'
  | 'PENILAIAN_ATASAN_DIAJUKAN'
  | 'PENILAIAN_REKAN_DIAJUKAN'
  | 'TAHAP_DITUTUP_OTOMATIS'
  | 'PENILAIAN_DIBUKA'
  | 'TANGGAPAN_DITERIMA_OTOMATIS'
  | 'REKAN_DILEWATI'
  | 'REKAN_DIMINTA'
  | 'PREDIKAT_DIHITUNG'
  | 'EVALUASI_SELESAI'
  | 'ALUR_GAGAL'
  | 'UMPAN_BALIK_DISIMPAN'
  | 'UMPAN_BALIK_DIBERIKAN'
  | 'PENILAIAN_DITERIMA'
  | 'KEBERATAN_DIAJUKAN'
  | 'KEBERATAN_DIPUTUS'
  | 'PELATIHAN_DIREKOMENDASIKAN'
  | 'PELATIHAN_DITAMBAH'
  | 'PELATIHAN_DIBATALKAN'
  | 'PELATIHAN_SELESAI'
  | 'RENCANA_DIKONFIRMASI';

export interface AuditEntry {
  cycleId: string;
  nip: string;
  at: string;
  actor: { nip: string; nama: string } | { sistem: string };
  action: AuditAction;
  detail: Record<string, unknown>;
  version: number;
}

/**
 * The trail is append-only: an entry is only ever Put once, never updated. Its key sorts by the
 * entry's own time (`at`), so the trail lists in the order things happened.
 */
export function auditPut(
  deps: Deps,
  entry: AuditEntry,
  key = keys.audit(entry.cycleId, entry.nip, entry.at, deps.newId().slice(0, 8)),
): TransactItem {
  return {
    Put: {
      TableName: deps.tableName,
      Item: {
        ...key,
        type: 'AUDIT',
        ...entry,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * The marker of "this already happened once in this period" (e.g. one audited read per reader
 * per WIB day). It sits beside the evaluation, outside its `EVAL#` prefix, so reading the trail
 * never reads markers; TTL removes it once its period is over.
 */
export const onceMarkerKey = (cycleId: string, nip: string, period: string, who: string) => ({
  pk: `EMP#${nip}`,
  sk: `ONCE#${cycleId}#${period}#${who}`,
});

/** How long a marker outlives the start of its period: a WIB day plus a margin for clock skew. */
const MARKER_TTL_SECONDS = 3 * 86_400;

/**
 * Appends the entry, keyed by its real time, unless the marker exists: one TransactWriteItems
 * (one request, as the single Put it replaces) that writes the marker on condition that it is
 * new, with the entry. The dedupe used to be done by keying the entry to the start of its day,
 * which listed a read before what happened earlier that day. False when the marker was there.
 */
export async function auditOnce(
  deps: Deps,
  entry: AuditEntry,
  marker: { pk: string; sk: string },
): Promise<boolean> {
  const expiresAt = Math.floor(new Date(entry.at).getTime() / 1000) + MARKER_TTL_SECONDS;
  try {
    await deps.ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: deps.tableName,
              Item: { ...marker, type: 'AUDIT_SEKALI', action: entry.action, at: entry.at, expiresAt },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          auditPut(deps, entry),
        ],
      }),
    );
    return true;
  } catch (err) {
    const e = err as { name?: string; CancellationReasons?: { Code?: string }[] };
    const codes = e.name === 'TransactionCanceledException' ? (e.CancellationReasons ?? []) : [];
    // Already marked; or the same marker being written by a concurrent request (the same reader
    // opening two tabs), whose entry is the one that counts.
    if (codes[0]?.Code === 'ConditionalCheckFailed' || codes[0]?.Code === 'TransactionConflict') return false;
    throw err;
  }
}
