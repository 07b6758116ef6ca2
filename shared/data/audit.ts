import type { Deps } from '../runtime/deps.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';
import { putItem } from './write.js';

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
 * The trail is append-only: an entry is only ever Put once, never updated. A caller may give
 * the key, to make the condition refuse a repeat (e.g. one audited read per reader per day).
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
 * Appends the entry on its own (not with a change) unless an entry with this key exists, e.g.
 * one audited read per reader per day. False when it was there already.
 */
export function auditOnce(deps: Deps, entry: AuditEntry, key: { pk: string; sk: string }): Promise<boolean> {
  return putItem(deps, auditPut(deps, entry, key));
}
