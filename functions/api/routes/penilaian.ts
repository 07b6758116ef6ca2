import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import * as penilaian from '../../../shared/app/evaluation/penilaian.js';
import * as rekan from '../../../shared/app/evaluation/penilaian-rekan.js';
import { evaluasiUntuk } from '../../../shared/app/evaluation/penilaian-view.js';
import { toView } from '../../../shared/app/evaluation/queries.js';
import type { Evaluation } from '../../../shared/domain/evaluation/evaluation.js';
import { EvaluationParams, EvaluationSchema } from '../../../shared/schemas/api.js';
import {
  PenilaianAtasanBody,
  PenilaianMandiriBody,
  PenilaianRekanBody,
  TugasRekanSchema,
} from '../../../shared/schemas/penilaian.js';
import type { AppEnv } from '../http/env.js';
import {
  errorResponses as errors,
  jsonBody as body,
  jsonContent as json,
  security,
} from './openapi-parts.js';

const MutationResult = z.object({ evaluation: EvaluationSchema }).openapi('PenilaianMutationResult');
const DRAF = 'Draf disimpan; tahap tetap terbuka';
const DIAJUKAN = 'Diajukan; tahap selesai';

/**
 * The review stages: the employee's self-assessment, the atasan's review and the peers'
 * reviews. PUT saves a draft, POST submits (completes the stage or the peer's task). What each
 * reader may see of them comes with the evaluation detail (GET /evaluations/{cycleId}/{nip}).
 */
export function penilaianRoutes(api: OpenAPIHono<AppEnv>): void {
  type Ctx = { var: AppEnv['Variables'] };
  const deps = (c: Ctx) => c.var.config.deps();
  // The caller's own view: no peer identities and nobody else's draft.
  const shown = (c: Ctx, e: Evaluation) => ({
    evaluation: evaluasiUntuk(c.var.principal, toView(e), deps(c).now()),
  });
  const ev = '/evaluations/{cycleId}/{nip}';
  const stageRoute = <S extends z.ZodType>(
    method: 'put' | 'post',
    path: string,
    summary: string,
    schema: S,
  ) =>
    createRoute({
      method,
      path: `${ev}/${path}`,
      summary,
      security,
      request: { params: EvaluationParams, ...body(schema) },
      responses: { 200: json(MutationResult, method === 'put' ? DRAF : DIAJUKAN), ...errors },
    });

  api.openapi(
    stageRoute(
      'put',
      'penilaian-mandiri',
      'Pegawai menyimpan draf penilaian mandiri (realisasi, narasi, bukti dukung, perilaku)',
      PenilaianMandiriBody,
    ),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      const e = await penilaian.simpanPenilaianMandiri(
        deps(c),
        c.var.principal,
        cycleId,
        nip,
        version,
        input,
      );
      return c.json(shown(c, e), 200);
    },
  );
  api.openapi(
    stageRoute(
      'post',
      'penilaian-mandiri',
      'Pegawai mengajukan penilaian mandiri: setiap hasil kerja dan nilai BerAKHLAK lengkap (menyelesaikan tahap)',
      PenilaianMandiriBody,
    ),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      const e = await penilaian.ajukanPenilaianMandiri(
        deps(c),
        c.var.principal,
        cycleId,
        nip,
        version,
        input,
      );
      return c.json(shown(c, e), 200);
    },
  );
  api.openapi(
    stageRoute(
      'put',
      'penilaian-atasan',
      'Atasan (atau Plt/Plh yang berlaku) menyimpan draf penilaian kinerja; pegawai belum melihatnya',
      PenilaianAtasanBody,
    ),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      const e = await penilaian.simpanPenilaianAtasan(deps(c), c.var.principal, cycleId, nip, version, input);
      return c.json(shown(c, e), 200);
    },
  );
  api.openapi(
    stageRoute(
      'post',
      'penilaian-atasan',
      'Atasan mengajukan penilaian per hasil kerja, hasil kerja keseluruhan (berbeda dari saran sistem perlu alasan), perilaku per nilai BerAKHLAK dan keseluruhan (menyelesaikan tahap)',
      PenilaianAtasanBody,
    ),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      const e = await penilaian.ajukanPenilaianAtasan(deps(c), c.var.principal, cycleId, nip, version, input);
      return c.json(shown(c, e), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/penilaian-rekan',
      summary: 'Penilaian rekan yang diminta dari saya',
      security,
      responses: {
        200: json(z.object({ items: z.array(TugasRekanSchema) }), 'Tugas penilaian rekan'),
        ...errors,
      },
    }),
    async (c) => c.json({ items: await rekan.tugasRekan(deps(c), c.var.principal) }, 200),
  );

  const peer = '/penilaian-rekan/{cycleId}/{nip}';
  api.openapi(
    createRoute({
      method: 'get',
      path: peer,
      summary: 'Penilaian saya sebagai rekan untuk satu pegawai (hanya rekan yang disetujui)',
      security,
      request: { params: EvaluationParams },
      responses: { 200: json(TugasRekanSchema, 'Penilaian rekan'), ...errors },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      return c.json(await rekan.bukaPenilaianRekan(deps(c), c.var.principal, cycleId, nip), 200);
    },
  );
  const peerRoute = (method: 'put' | 'post', summary: string) =>
    createRoute({
      method,
      path: peer,
      summary,
      security,
      request: { params: EvaluationParams, ...body(PenilaianRekanBody) },
      responses: { 200: json(TugasRekanSchema, method === 'put' ? DRAF : 'Diajukan'), ...errors },
    });
  api.openapi(peerRoute('put', 'Rekan menyimpan draf penilaian perilaku kerja'), async (c) => {
    const { cycleId, nip } = c.req.valid('param');
    const { version, ...input } = c.req.valid('json');
    return c.json(
      await rekan.simpanPenilaianRekan(deps(c), c.var.principal, cycleId, nip, version, input),
      200,
    );
  });
  api.openapi(
    peerRoute('post', 'Rekan mengajukan penilaian perilaku kerja per nilai BerAKHLAK dengan komentar'),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      return c.json(
        await rekan.ajukanPenilaianRekan(deps(c), c.var.principal, cycleId, nip, version, input),
        200,
      );
    },
  );
}
