import { Hono } from 'hono';
import { resumeWorkflow } from '../../../../shared/app/evaluation/cycle-launch.js';
import type { AppEnv } from '../../http/env.js';
import { rencanaPages } from '../development/routes.js';
import { evaluationOf, formAction, noFields } from '../common/kit.js';
import { errorPage, requireSession } from '../common/respond.js';
import { hasilPages } from './hasil-routes.js';
import { penilaianPages } from './penilaian-routes.js';
import { skpPages } from './skp-routes.js';
import { evaluationHref } from './status.js';

/** One evaluation's pages, stage by stage. Mounted at /evaluasi; every page needs a signed-in person. */
export function evaluationPages() {
  const app = new Hono<AppEnv>();
  app.use('*', requireSession);
  app.route('/', skpPages());
  app.route('/', penilaianPages());
  app.route('/', hasilPages());
  // The development plan is a stage of the evaluation, kept with its own context.
  app.route('/:cycleId/:nip/rencana', rencanaPages());
  // BKPSDM restarts a failed evaluation workflow at its recorded stage.
  app.post(
    '/:cycleId/:nip/lanjutkan',
    formAction({
      form: 'lanjutkan',
      target: evaluationOf,
      parse: noFields,
      run: (deps, p, t) => resumeWorkflow(deps, p, t.cycleId, t.nip),
      done: (t) => `${evaluationHref(t)}?pesan=dilanjutkan`,
      again: (c, _t, status, failure) =>
        errorPage(c, status, 'Tidak dapat melanjutkan alur', failure.message),
    }),
  );
  return app;
}
