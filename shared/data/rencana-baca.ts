import type { RencanaTersimpan } from '../domain/evaluation/ringkasan.js';
import type { Deps } from '../runtime/deps.js';
import { fromItem } from './items.js';
import { keys } from './keys.js';
import { queryPrefix } from './query.js';

/**
 * The employee's development plans, all years (one item per year, a handful at most), read
 * for the evaluation summary. The plan's owner module writes them; this only reads.
 */
export async function listRencana(deps: Deps, nip: string): Promise<RencanaTersimpan[]> {
  // The key of a year, with the year cut off, is the prefix of them all.
  const { pk, sk } = keys.rencana(nip, 2000);
  const prefix = sk.slice(0, -'2000'.length);
  const items = await queryPrefix(deps, pk, prefix);
  // Only the plan items themselves (RENCANA#<year>), should the owner keep more under the prefix.
  return items.filter((i) => /#\d{4}$/.test(String(i.sk))).map((i) => fromItem<RencanaTersimpan>(i));
}
