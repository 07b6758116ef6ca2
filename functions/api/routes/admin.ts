import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { lanjutkanAlur } from '../../../shared/app/evaluation/cycle-launch.js';
import { assignActing, recordMutasi } from '../../../shared/app/people/mutasi.js';
import { agencyEvaluations, toView } from '../../../shared/app/evaluation/queries.js';
import {
  CycleId,
  EvaluationParams,
  EvaluationSchema,
  EvaluationSummarySchema,
  MutasiBody,
  NipParams,
  PenugasanBody,
} from '../../../shared/schemas/api.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses, jsonContent, jsonBody, security } from './openapi-parts.js';

/** BKPSDM's changes to the organisation in the middle of a cycle, and agency overviews. */
export function adminRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/opd/{opd}/evaluations',
      summary: 'Evaluasi pegawai aktif satu OPD dalam satu siklus (kepala OPD, BKPSDM, auditor)',
      security,
      request: {
        params: z.object({ opd: z.string().regex(/^[A-Z0-9-]{2,30}$/, 'Kode OPD tidak valid') }),
        query: z.object({ cycleId: CycleId }),
      },
      responses: {
        200: jsonContent(
          z.object({ items: z.array(EvaluationSummarySchema) }),
          'Evaluasi OPD: tahap dan status saja',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { opd } = c.req.valid('param');
      const { cycleId } = c.req.valid('query');
      return c.json(
        { items: await agencyEvaluations(c.var.config.deps(), c.var.principal, opd, cycleId) },
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/admin/employees/{nip}/mutasi',
      summary:
        'BKPSDM mencatat mutasi (pindah unit/OPD atau ganti atasan); evaluasi yang terbuka ikut pindah',
      security,
      request: { params: NipParams, ...jsonBody(MutasiBody) },
      responses: {
        200: jsonContent(
          z.object({ nip: z.string(), evaluations: z.array(EvaluationSchema) }),
          'Mutasi dicatat',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { nip } = c.req.valid('param');
      const out = await recordMutasi(c.var.config.deps(), c.var.principal, nip, c.req.valid('json'));
      return c.json({ nip, evaluations: out.evaluations.map(toView) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/admin/acting',
      summary:
        'BKPSDM menetapkan Plt/Plh atasan untuk rentang tanggal; evaluasi tim yang terbuka diputuskan oleh Plt/Plh',
      security,
      request: jsonBody(PenugasanBody),
      responses: {
        201: jsonContent(z.object({ evaluations: z.number() }), 'Penugasan dicatat'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await assignActing(c.var.config.deps(), c.var.principal, c.req.valid('json')), 201),
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/admin/evaluations/{cycleId}/{nip}/lanjutkan',
      summary:
        'BKPSDM melanjutkan alur evaluasi yang gagal dari tahap yang tercatat (data yang sudah diisi tetap)',
      security,
      request: { params: EvaluationParams },
      responses: {
        202: jsonContent(
          z.object({ started: z.boolean(), stage: z.string() }),
          'Eksekusi baru dimulai dari tahap yang tercatat',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      return c.json(await lanjutkanAlur(c.var.config.deps(), c.var.principal, cycleId, nip), 202);
    },
  );
}
