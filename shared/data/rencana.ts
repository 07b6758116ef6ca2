import type { Evaluation } from '../domain/evaluation/evaluation.js';
import { konflik } from '../domain/errors.js';
import type { RencanaEvaluasi, RencanaTersimpan } from '../domain/development/tersimpan.js';
import type { Deps } from '../runtime/deps.js';
import { fromItem } from './items.js';
import { keys } from './keys.js';
import { getItem, queryBetween } from './query.js';
import type { TransactItem } from './transact.js';
import { versionCondition } from './write.js';

export type {
  KonfirmasiRencana,
  RencanaEvaluasi,
  RencanaTersimpan,
  SaranPelatihan,
  UsulanRencana,
} from '../domain/development/tersimpan.js';

/**
 * The development plan (rencana pengembangan kompetensi) of one employee for one year. It is an
 * item of its own because it outlives the evaluation that proposed it: trainings are done and
 * certified during the following year, long after that evaluation is closed.
 */

export function salinanRencana(r: RencanaTersimpan): RencanaEvaluasi {
  const { nip: _nip, version, createdAt: _c, updatedAt: _u, ...rest } = r;
  return { ...rest, rencanaVersion: version };
}

/** The evaluation's copy of its plan, if a recommendation was made (see RencanaEvaluasi). */
export function rencanaPada(e: object): RencanaEvaluasi | undefined {
  return (e as { rencanaPengembangan?: RencanaEvaluasi }).rencanaPengembangan;
}

/** An evaluation patch carrying the plan's copy, beside any other stage fields. */
export function denganRencana(r: RencanaTersimpan, patch: Partial<Evaluation> = {}): Partial<Evaluation> {
  const withCopy = { ...patch, rencanaPengembangan: salinanRencana(r) };
  return withCopy;
}

export function rencanaItem(r: RencanaTersimpan): Record<string, unknown> {
  return { ...keys.rencana(r.nip, r.tahun), type: 'RENCANA', ...r };
}

/**
 * Writes the whole plan (its items are a list edited as one): a new plan only if none exists
 * for that year, a changed one only if nobody changed it since `expected` was read.
 */
export function rencanaSimpan(deps: Deps, r: RencanaTersimpan, expected?: number): TransactItem {
  return {
    Put: {
      TableName: deps.tableName,
      Item: rencanaItem(r),
      ...versionCondition(expected),
    },
  };
}

export const staleRencana = () =>
  konflik('Rencana pengembangan sudah berubah sejak Anda membukanya. Muat ulang halaman lalu coba lagi.');

export function getRencana(deps: Deps, nip: string, tahun: number): Promise<RencanaTersimpan | undefined> {
  return getItem<RencanaTersimpan>(deps, keys.rencana(nip, tahun));
}

/** Plans of the years from `dari` to `sampai` (inclusive), one Query. */
export async function listRencana(
  deps: Deps,
  nip: string,
  dari = 2000,
  sampai = 2100,
): Promise<RencanaTersimpan[]> {
  const items = await queryBetween(
    deps,
    keys.employee(nip).pk,
    keys.rencana(nip, dari).sk,
    keys.rencana(nip, sampai).sk,
    { newestFirst: true },
  );
  return items.map((i) => fromItem<RencanaTersimpan>(i));
}
