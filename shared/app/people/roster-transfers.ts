import type { PersonChange } from '../../domain/people/roster/index.js';
import type { Deps } from '../../runtime/deps.js';
import { recordTransfer } from './mutasi.js';

const MOVING_FIELDS = new Set(['atasanNip', 'opd', 'unit']);

/**
 * A roster that gives someone a new atasan, OPD or unit is a transfer: their open evaluations
 * move exactly as with a transfer recorded by hand (docs/people.md), each with its audit entry.
 */
export async function moveOpenEvaluations(
  deps: Deps,
  written: PersonChange[],
  importId: string,
  actor?: string,
) {
  const moved: string[] = [];
  const failed: { nip: string; message: string }[] = [];
  const importer = { nip: actor ?? 'impor-roster', nama: `Impor roster ${importId}`, admin: true };
  for (const c of written) {
    if (c.kind !== 'UBAH' || !c.after.aktif) continue;
    const fields = c.changes.filter((f) => MOVING_FIELDS.has(f.field));
    if (!fields.length) continue;
    const has = (f: string) => fields.some((x) => x.field === f);
    try {
      await recordTransfer(deps, importer, c.nip, {
        ...(has('atasanNip') && c.after.atasanNip ? { atasanNip: c.after.atasanNip } : {}),
        ...(has('opd') ? { opd: c.after.opd } : {}),
        ...(has('unit') || has('opd') ? { unit: c.after.unit } : {}),
        alasan: `Impor roster ${importId}`,
      });
      moved.push(c.nip);
    } catch (err) {
      failed.push({ nip: c.nip, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return { moved, failed };
}
