import { tugasSaya } from '../../../shared/app/evaluation/tugas.js';
import { TAHAP_TUGAS_LABEL } from '../../../shared/domain/evaluation/tugas.js';
import { TugasSchema } from '../../../shared/schemas/tugas.js';
import { featureApp, listRoute } from './kit.js';

/** "Tugas saya", mounted at /tasks: every open stage waiting on the caller, earliest deadline first. */
export function tugasApi() {
  const app = featureApp();
  listRoute(
    app,
    {
      path: '/',
      summary: 'Tugas saya: tahap terbuka yang menunggu tindakan saya, urut tenggat',
      item: TugasSchema,
      done: 'Tugas saya',
    },
    async (deps, p) =>
      (await tugasSaya(deps, p)).map((t) => ({ ...t, tahapLabel: TAHAP_TUGAS_LABEL[t.tahap] })),
  );
  return app;
}
