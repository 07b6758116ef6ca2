import type { Stage } from './evaluation.js';

/** The parts of an audit entry that can name a peer (shared/data/audit.ts AuditEntry fits). */
export interface Jejak {
  action: string;
  actor: { nip: string; nama: string } | { sistem: string };
  detail: Record<string, unknown>;
}

export const DIRAHASIAKAN = '(dirahasiakan)';
/** Stands in for a peer who acted, in the trail as the evaluated employee sees it. */
export const AKTOR_REKAN = { sistem: 'rekan-penilai' } as const;

interface Rekan {
  nip: string;
  nama: string;
}

/** Every peer NIP and name the evaluation or its trail mentions, including earlier proposals. */
export function identitasRekan(
  e: { rekan?: readonly Rekan[] | undefined },
  history: readonly Jejak[],
): Set<string> {
  const out = new Set<string>();
  const add = (r: unknown) => {
    if (!r || typeof r !== 'object') return;
    const { nip, nama } = r as Partial<Rekan>;
    if (typeof nip === 'string' && nip) out.add(nip);
    if (typeof nama === 'string' && nama) out.add(nama);
  };
  (e.rekan ?? []).forEach(add);
  for (const h of history) {
    if (Array.isArray(h.detail?.rekan)) h.detail.rekan.forEach(add);
  }
  return out;
}

function samarkan(value: unknown, identitas: Set<string>): unknown {
  if (typeof value === 'string') return identitas.has(value) ? DIRAHASIAKAN : value;
  if (Array.isArray(value)) return value.map((v) => samarkan(v, identitas));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, samarkan(v, identitas)]));
  }
  return value;
}

/**
 * The evaluation and its trail for a reader who may not know who the peers are (everyone but
 * the atasan or the Plt in force). The list is visible only while the employee may still edit
 * their proposal; entries about peers' actions are left out, and peers' NIPs and names are
 * blanked wherever else the trail mentions them.
 */
export function sembunyikanRekan<
  E extends { stage: Stage; rekan?: readonly Rekan[] | undefined },
  J extends Jejak,
>(
  e: E,
  history: readonly J[],
  /** Peers known from elsewhere (the stored list, the review items), in case the view lacks them. */
  dikenal: readonly Rekan[] = [],
): { evaluation: E; history: J[] } {
  const identitas = identitasRekan({ rekan: [...(e.rekan ?? []), ...dikenal] }, history);
  // The employee sees the list only while they may still edit it; the atasan's final list (and
  // its edits on the trail) stays with the atasan.
  const daftarTerbuka =
    e.stage === 'PENETAPAN_TARGET' &&
    ['DRAFT', 'DIKEMBALIKAN'].includes((e as { status?: string }).status ?? '');
  const { rekan: _rekan, ...rest } = e;
  return {
    evaluation: (daftarTerbuka ? e : rest) as E,
    history: history
      // Peer actions (asked, answered, skipped) leave no trace here: their times would tell who.
      .filter((h) => !h.detail?.rahasiaRekan)
      .map((h) => {
        const olehAtasan = h.action === 'REKAN_DIUSULKAN' && h.detail?.oleh === 'ATASAN';
        // People who act in another role keep their name: that role says nothing of peers.
        const detail = olehAtasan
          ? { oleh: 'ATASAN' }
          : (samarkan(h.detail ?? {}, identitas) as Record<string, unknown>);
        return { ...h, detail };
      }),
  };
}
