import { IZIN, type Aksi, type Peran } from '../../shared/domain/people/policy.js';
import { STAGE_REGISTRY, type DeclaredStage, type Stage } from '../../shared/domain/evaluation/stages.js';

/**
 * The JSON API's routes that change a stage, each with the stage it acts in and the action it
 * is (the policy's Aksi): who may take it comes from the policy table (IZIN), when from the
 * stage registry. The probes read this to aim requests at the people and evaluations that can
 * reach a route's writes; a test fails when the OpenAPI document has a changing route under an
 * evaluation that is not listed here.
 */
export type VersionKind = 'evaluation' | 'rekan' | 'rencana';

export interface StageRoute {
  /** `POST /api/evaluations/{cycleId}/{nip}/submit`, as operationsOf names it. */
  id: string;
  stage: DeclaredStage;
  aksi: Aksi;
  /** Which record's version the body carries. */
  version: VersionKind;
  /** The change completes the stage (or the peer's task): the workflow moves on. */
  completes: boolean;
  /** What the trail records for it; none for a peer's draft (their own business until submitted). */
  audit: string | null;
}

const EV = '/api/evaluations/{cycleId}/{nip}';
const REKAN = '/api/penilaian-rekan/{cycleId}/{nip}';
const row = (
  id: string,
  stage: DeclaredStage,
  aksi: Aksi,
  audit: string | null,
  { version = 'evaluation', completes = false }: { version?: VersionKind; completes?: boolean } = {},
): StageRoute => ({ id, stage, aksi, version, completes, audit });

export const STAGE_ROUTES: StageRoute[] = [
  row(`POST ${EV}/targets`, 'PENETAPAN_TARGET', 'UBAH_SKP', 'TARGET_DITAMBAH'),
  row(`PUT ${EV}/targets/{rowId}`, 'PENETAPAN_TARGET', 'UBAH_SKP', 'TARGET_DIUBAH'),
  row(`DELETE ${EV}/targets/{rowId}`, 'PENETAPAN_TARGET', 'UBAH_SKP', 'TARGET_DIHAPUS'),
  row(`PUT ${EV}/rekan`, 'PENETAPAN_TARGET', 'USULKAN_REKAN', 'REKAN_DIUSULKAN'),
  row(`PUT ${EV}/ekspektasi`, 'PENETAPAN_TARGET', 'TETAPKAN_EKSPEKTASI', 'EKSPEKTASI_DITETAPKAN'),
  row(`POST ${EV}/submit`, 'PENETAPAN_TARGET', 'AJUKAN_SKP', 'SKP_DIAJUKAN'),
  row(`POST ${EV}/return`, 'PENETAPAN_TARGET', 'PUTUSKAN_SKP', 'SKP_DIKEMBALIKAN'),
  row(`POST ${EV}/approve`, 'PENETAPAN_TARGET', 'PUTUSKAN_SKP', 'SKP_DISETUJUI', { completes: true }),
  row(
    `PUT ${EV}/penilaian-mandiri`,
    'PENILAIAN_MANDIRI',
    'ISI_PENILAIAN_MANDIRI',
    'PENILAIAN_MANDIRI_DISIMPAN',
  ),
  row(
    `POST ${EV}/penilaian-mandiri`,
    'PENILAIAN_MANDIRI',
    'ISI_PENILAIAN_MANDIRI',
    'PENILAIAN_MANDIRI_DIAJUKAN',
    {
      completes: true,
    },
  ),
  row(`PUT ${REKAN}`, 'PENILAIAN_REKAN', 'NILAI_SEBAGAI_REKAN', null, { version: 'rekan' }),
  row(`POST ${REKAN}`, 'PENILAIAN_REKAN', 'NILAI_SEBAGAI_REKAN', 'PENILAIAN_REKAN_DIAJUKAN', {
    version: 'rekan',
    completes: true,
  }),
  row(`PUT ${EV}/penilaian-atasan`, 'PENILAIAN_ATASAN', 'NILAI_KINERJA', 'PENILAIAN_ATASAN_DISIMPAN'),
  row(`POST ${EV}/penilaian-atasan`, 'PENILAIAN_ATASAN', 'NILAI_KINERJA', 'PENILAIAN_ATASAN_DIAJUKAN', {
    completes: true,
  }),
  row(`PUT ${EV}/umpan-balik`, 'UMPAN_BALIK', 'BERI_UMPAN_BALIK', 'UMPAN_BALIK_DISIMPAN'),
  row(`POST ${EV}/umpan-balik`, 'UMPAN_BALIK', 'BERI_UMPAN_BALIK', 'UMPAN_BALIK_DIBERIKAN', {
    completes: true,
  }),
  row(`POST ${EV}/tanggapan`, 'TANGGAPAN', 'TANGGAPI_PENILAIAN', 'KEBERATAN_DIAJUKAN', { completes: true }),
  row(`POST ${EV}/keberatan/putusan`, 'KEBERATAN', 'PUTUSKAN_KEBERATAN', 'KEBERATAN_DIPUTUS', {
    completes: true,
  }),
  row(`POST ${EV}/rencana/items`, 'RENCANA_PENGEMBANGAN', 'UBAH_RENCANA', 'PELATIHAN_DITAMBAH', {
    version: 'rencana',
  }),
  row(
    `POST ${EV}/rencana/items/{itemId}/cancel`,
    'RENCANA_PENGEMBANGAN',
    'UBAH_RENCANA',
    'PELATIHAN_DIBATALKAN',
    {
      version: 'rencana',
    },
  ),
  // Every change of the plan carries the plan's version, confirming it too (issue 9, item 10).
  row(`POST ${EV}/rencana/confirm`, 'RENCANA_PENGEMBANGAN', 'KONFIRMASI_RENCANA', 'RENCANA_DIKONFIRMASI', {
    version: 'rencana',
    completes: true,
  }),
];

/** The stage recorded on the evaluation while a route's stage is open (a peer's review runs beside the atasan's). */
export const recordedStage = (r: StageRoute): Stage =>
  r.stage === 'PENILAIAN_REKAN' ? 'PENILAIAN_ATASAN' : (r.stage as Stage);

/**
 * Who may take the route's action at a status of its stage: the registry's actions for that
 * status, intersected with the policy table. Plan changes (UBAH_RENCANA) are allowed in any
 * stage by the policy (actions.ts), so for them it is the policy alone.
 */
export function actorsAt(r: StageRoute, status: string): Peran[] {
  if (r.aksi === 'UBAH_RENCANA') return [...IZIN.UBAH_RENCANA];
  const byStatus = (
    STAGE_REGISTRY[r.stage].aksi as Partial<Record<string, Partial<Record<Peran, readonly Aksi[]>>>>
  )[r.stage === 'PENILAIAN_REKAN' ? 'MENUNGGU' : status];
  return IZIN[r.aksi].filter((p) => byStatus?.[p]?.includes(r.aksi));
}

export const stageRouteOf = (opId: string) => STAGE_ROUTES.find((r) => r.id === opId);
