import { z } from '@hono/zod-openapi';
import { agencyEvaluations } from '../../../shared/app/evaluation/queries.js';
import { kurvaOpd, tetapkanKurva } from '../../../shared/app/organisation/kurva.js';
import { CycleId, EvaluationListItemSchema, KodeOpd } from '../../../shared/schemas/api.js';
import { CycleOpdParams, KurvaBody, KurvaOpdSchema, KurvaSchema } from '../../../shared/schemas/hasil.js';
import { apiRoute, body, depsOf, featureApp, json } from './kit.js';

/**
 * One agency (OPD), mounted at /opd: its evaluations in a cycle and its kurva distribusi. For
 * the kepala OPD, BKPSDM and auditors.
 */
export function opdApi() {
  const app = featureApp();

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/{opd}/evaluations',
      summary: 'Evaluasi pegawai aktif satu OPD dalam satu siklus (kepala OPD, BKPSDM, auditor)',
      request: { params: z.object({ opd: KodeOpd }), query: z.object({ cycleId: CycleId }) },
      responses: {
        200: json(
          z.object({ items: z.array(EvaluationListItemSchema) }),
          'Evaluasi OPD: tahap dan status saja',
        ),
      },
    }),
    async (c) => {
      const { opd } = c.req.valid('param');
      const { cycleId } = c.req.valid('query');
      return c.json({ items: await agencyEvaluations(depsOf(c), c.var.principal, opd, cycleId) }, 200);
    },
  );

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/{opd}/kurva/{cycleId}',
      summary: 'Kurva distribusi satu OPD: predikat organisasi, sebaran predikat pegawai, kesesuaian',
      request: { params: CycleOpdParams },
      responses: { 200: json(KurvaOpdSchema, 'Kurva distribusi OPD') },
    }),
    async (c) => {
      const { cycleId, opd } = c.req.valid('param');
      const { cycle: _, ...out } = await kurvaOpd(depsOf(c), c.var.principal, cycleId, opd);
      return c.json(out, 200);
    },
  );

  app.openapi(
    apiRoute({
      method: 'put',
      path: '/{opd}/kurva/{cycleId}',
      summary: 'Kepala OPD atau BKPSDM menetapkan predikat kinerja organisasi untuk siklus ini',
      request: { params: CycleOpdParams, ...body(KurvaBody) },
      responses: { 200: json(KurvaSchema, 'Predikat organisasi ditetapkan') },
    }),
    async (c) => {
      const { cycleId, opd } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      return c.json(await tetapkanKurva(depsOf(c), c.var.principal, cycleId, opd, version, input), 200);
    },
  );

  return app;
}
