import { launchBatch } from '../../shared/app/evaluation/cycle-launch.js';
import type { KelompokPeluncuran } from '../../shared/domain/evaluation/cycle.js';
import { getDeps } from '../../shared/runtime/deps.js';

/** One Distributed Map item: evaluations and EmployeeEvaluation executions for one batch. */
export const handler = (event: { cycleId: string; kelompok: KelompokPeluncuran }) =>
  launchBatch(getDeps(), event.cycleId, event.kelompok);
