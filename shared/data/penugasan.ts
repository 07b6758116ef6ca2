import type { Penugasan } from '../domain/people/mutasi.js';
import type { Deps } from '../runtime/deps.js';
import { fromItem } from './items.js';
import { keys } from './keys.js';
import { queryPrefix } from './query.js';
import { putItem } from './write.js';

/**
 * Plt/Plh assignments (penugasan), kept under the acting person (ACTING#<nip>): one Query tells
 * whose teams they stand in for. The evaluations of those teams carry their own copy (plt).
 */
export async function savePenugasan(
  deps: Deps,
  a: Penugasan,
  dicatat: { pada: string; oleh: string },
): Promise<void> {
  await putItem(deps, {
    Put: {
      TableName: deps.tableName,
      Item: {
        ...keys.penugasan(a.nip, a.menggantikanNip, a.mulai),
        type: 'ACTING',
        ...a,
        dicatatPada: dicatat.pada,
        dicatatOleh: dicatat.oleh,
      },
    },
  });
}

/** The assignments in which this person acts for someone, past and present. */
export async function listPenugasan(deps: Deps, nip: string): Promise<Penugasan[]> {
  // Every assignment of this person shares the partition key: the whole partition is theirs.
  const { pk } = keys.penugasan(nip, '', '');
  const items = await queryPrefix(deps, pk);
  return items.map((i) => fromItem<Penugasan>(i));
}
