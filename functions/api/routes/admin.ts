import { z } from '@hono/zod-openapi';
import { resumeWorkflow } from '../../../shared/app/evaluation/cycle-launch.js';
import { assignPlt, recordTransfer } from '../../../shared/app/people/mutasi.js';
import { toView } from '../../../shared/app/evaluation/queries.js';
import {
  EvaluationParams,
  EvaluationSchema,
  TransferBody,
  NipParams,
  PenugasanBody,
} from '../../../shared/schemas/api.js';
import { apiRoute, body, depsOf, featureApp, json } from './kit.js';

/**
 * BKPSDM's changes in the middle of a cycle, mounted at /admin: a transfer, a Plt/Plh, and
 * resuming an evaluation whose workflow failed.
 */
export function adminApi() {
  const app = featureApp();

  app.openapi(
    apiRoute({
      method: 'post',
      path: '/employees/{nip}/transfer',
      summary:
        'BKPSDM mencatat mutasi (pindah unit/OPD atau ganti atasan); evaluasi yang terbuka ikut pindah',
      request: { params: NipParams, ...body(TransferBody) },
      responses: {
        200: json(z.object({ nip: z.string(), evaluations: z.array(EvaluationSchema) }), 'Mutasi dicatat'),
      },
    }),
    async (c) => {
      const { nip } = c.req.valid('param');
      const out = await recordTransfer(depsOf(c), c.var.principal, nip, c.req.valid('json'));
      return c.json({ nip, evaluations: out.evaluations.map(toView) }, 200);
    },
  );

  app.openapi(
    apiRoute({
      method: 'post',
      path: '/plt',
      summary:
        'BKPSDM menetapkan Plt/Plh atasan untuk rentang tanggal; evaluasi tim yang terbuka diputuskan oleh Plt/Plh',
      request: body(PenugasanBody),
      responses: { 201: json(z.object({ evaluations: z.number() }), 'Penugasan dicatat') },
    }),
    async (c) => c.json(await assignPlt(depsOf(c), c.var.principal, c.req.valid('json')), 201),
  );

  app.openapi(
    apiRoute({
      method: 'post',
      path: '/evaluations/{cycleId}/{nip}/resume',
      summary:
        'BKPSDM melanjutkan alur evaluasi yang gagal dari tahap yang tercatat (data yang sudah diisi tetap)',
      request: { params: EvaluationParams },
      responses: {
        202: json(
          z.object({ started: z.boolean(), stage: z.string() }),
          'Eksekusi baru dimulai dari tahap yang tercatat',
        ),
      },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      return c.json(await resumeWorkflow(depsOf(c), c.var.principal, cycleId, nip), 202);
    },
  );

  return app;
}
