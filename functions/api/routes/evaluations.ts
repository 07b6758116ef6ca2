import { evaluationDetail, inbox, myEvaluations, team } from '../../../shared/app/evaluation/queries.js';
import { EvaluationDetailSchema, EvaluationSchema } from '../../../shared/schemas/api.js';
import { EV, evaluationRead, featureApp, listRoute } from './kit.js';

/** Reading evaluations: mine, those waiting on me as atasan, my team's, and one in full. */
export function evaluationsApi() {
  const app = featureApp();
  const list = (path: string, summary: string, done: string) => ({
    path,
    summary,
    item: EvaluationSchema,
    done,
  });
  listRoute(app, list('/evaluations', 'Evaluasi saya', 'Daftar evaluasi'), myEvaluations);
  listRoute(
    app,
    list('/inbox', 'Kotak masuk atasan: SKP yang menunggu persetujuan', 'Menunggu persetujuan'),
    inbox,
  );
  listRoute(app, list('/team', 'Evaluasi seluruh bawahan langsung', 'Tim'), team);
  evaluationRead(
    app,
    {
      path: EV,
      summary: 'Satu evaluasi dengan baris SKP dan riwayatnya',
      result: EvaluationDetailSchema,
      done: 'Evaluasi',
    },
    evaluationDetail,
  );

  return app;
}
