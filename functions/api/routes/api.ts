import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import * as skp from '../../../shared/app/evaluation/skp.js';
import { setRekan } from '../../../shared/app/evaluation/rekan.js';
import { evaluationDetail, inbox, myEvaluations, team, toView } from '../../../shared/app/evaluation/queries.js';
import { listNotices } from '../../../shared/data/notices.js';
import { getEmployee } from '../../../shared/data/people.js';
import {
  EkspektasiBody,
  EvaluationDetailSchema,
  EvaluationParams,
  EvaluationSchema,
  RekanBody,
  ReturnBody,
  RowParams,
  TargetRowInput,
  TargetRowSchema,
  VersionBody,
  VersionQuery,
} from '../../../shared/schemas/api.js';
import type { AppEnv } from '../http/env.js';
import { validationHook } from '../http/validation.js';
import { requireApiSession } from '../http/session.js';
import { adminRoutes } from './admin.js';
import { cycleRoutes } from './cycles.js';
import { tugasRoutes } from './tugas.js';
import { hasilRoutes } from './hasil.js';
import { pengembanganRoutes } from './pengembangan.js';
import { penilaianRoutes } from './penilaian.js';
import { errorResponses, jsonBody, jsonContent, security } from './openapi-parts.js';

const errors = errorResponses;
const json = jsonContent;
const body = jsonBody;
const MutationResult = z.object({ evaluation: EvaluationSchema }).openapi('MutationResult');

export function apiRoutes() {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.use('*', requireApiSession);
  const deps = (c: { var: AppEnv['Variables'] }) => c.var.config.deps();

  api.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      summary: 'Siapa saya',
      security,
      responses: {
        200: json(
          z.object({
            nip: z.string(),
            nama: z.string(),
            admin: z.boolean(),
            jabatan: z.string().optional(),
            opd: z.string().optional(),
            unit: z.string().optional(),
            atasanNip: z.string().optional(),
          }),
          'Profil pengguna',
        ),
        ...errors,
      },
    }),
    async (c) => {
      const p = c.var.principal;
      const emp = await getEmployee(deps(c), p.nip);
      return c.json(
        { ...p, jabatan: emp?.jabatan, opd: emp?.opd, unit: emp?.unit, atasanNip: emp?.atasanNip },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations',
      summary: 'Evaluasi saya',
      security,
      responses: { 200: json(z.object({ items: z.array(EvaluationSchema) }), 'Daftar evaluasi'), ...errors },
    }),
    async (c) => c.json({ items: await myEvaluations(deps(c), c.var.principal) }, 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/inbox',
      summary: 'Kotak masuk atasan: SKP yang menunggu persetujuan',
      security,
      responses: {
        200: json(z.object({ items: z.array(EvaluationSchema) }), 'Menunggu persetujuan'),
        ...errors,
      },
    }),
    async (c) => c.json({ items: await inbox(deps(c), c.var.principal) }, 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/team',
      summary: 'Evaluasi seluruh bawahan langsung',
      security,
      responses: { 200: json(z.object({ items: z.array(EvaluationSchema) }), 'Tim'), ...errors },
    }),
    async (c) => c.json({ items: await team(deps(c), c.var.principal) }, 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/notices',
      summary: 'Notifikasi saya (eskalasi, pengingat)',
      security,
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({ at: z.string(), kind: z.string(), subject: z.string(), body: z.string() }),
            ),
          }),
          'Notifikasi',
        ),
        ...errors,
      },
    }),
    async (c) => {
      const p = c.var.principal;
      const mine = await listNotices(deps(c), p.nip);
      const items = p.admin ? [...mine, ...(await listNotices(deps(c), 'BKPSDM'))] : mine;
      return c.json(
        { items: items.map(({ at, kind, subject, body }) => ({ at, kind, subject, body })) },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{cycleId}/{nip}',
      summary: 'Satu evaluasi dengan baris SKP dan riwayatnya',
      security,
      request: { params: EvaluationParams },
      responses: { 200: json(EvaluationDetailSchema, 'Evaluasi'), ...errors },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      return c.json(await evaluationDetail(deps(c), c.var.principal, cycleId, nip), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/evaluations/{cycleId}/{nip}/targets',
      summary: 'Tambah baris hasil kerja',
      security,
      request: { params: EvaluationParams, ...body(TargetRowInput) },
      responses: {
        201: json(z.object({ evaluation: EvaluationSchema, row: TargetRowSchema }), 'Baris ditambahkan'),
        ...errors,
      },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      const out = await skp.addTargetRow(deps(c), c.var.principal, cycleId, nip, version, input);
      return c.json({ evaluation: toView(out.evaluation), row: out.row }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/evaluations/{cycleId}/{nip}/targets/{rowId}',
      summary: 'Ubah baris hasil kerja',
      security,
      request: { params: RowParams, ...body(TargetRowInput) },
      responses: {
        200: json(z.object({ evaluation: EvaluationSchema, row: TargetRowSchema }), 'Baris diubah'),
        ...errors,
      },
    }),
    async (c) => {
      const { cycleId, nip, rowId } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      const out = await skp.updateTargetRow(deps(c), c.var.principal, cycleId, nip, rowId, version, input);
      return c.json({ evaluation: toView(out.evaluation), row: out.row }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/evaluations/{cycleId}/{nip}/targets/{rowId}',
      summary: 'Hapus baris hasil kerja',
      security,
      request: { params: RowParams, query: VersionQuery },
      responses: { 200: json(MutationResult, 'Baris dihapus'), ...errors },
    }),
    async (c) => {
      const { cycleId, nip, rowId } = c.req.valid('param');
      const { version } = c.req.valid('query');
      const e = await skp.deleteTargetRow(deps(c), c.var.principal, cycleId, nip, rowId, version);
      return c.json({ evaluation: toView(e) }, 200);
    },
  );

  const transition = (path: string, summary: string, run: typeof skp.submitSkp) =>
    api.openapi(
      createRoute({
        method: 'post',
        path: `/evaluations/{cycleId}/{nip}/${path}`,
        summary,
        security,
        request: { params: EvaluationParams, ...body(VersionBody) },
        responses: { 200: json(MutationResult, 'Berhasil'), ...errors },
      }),
      async (c) => {
        const { cycleId, nip } = c.req.valid('param');
        const { version } = c.req.valid('json');
        return c.json(
          { evaluation: toView(await run(deps(c), c.var.principal, cycleId, nip, version)) },
          200,
        );
      },
    );
  transition('submit', 'Ajukan SKP ke atasan', skp.submitSkp);
  transition('approve', 'Atasan menyetujui SKP (menyelesaikan tahap penetapan target)', skp.approveSkp);

  api.openapi(
    createRoute({
      method: 'post',
      path: '/evaluations/{cycleId}/{nip}/return',
      summary: 'Atasan mengembalikan SKP dengan catatan',
      security,
      request: { params: EvaluationParams, ...body(ReturnBody) },
      responses: { 200: json(MutationResult, 'Dikembalikan'), ...errors },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version, comment } = c.req.valid('json');
      return c.json(
        { evaluation: toView(await skp.returnSkp(deps(c), c.var.principal, cycleId, nip, version, comment)) },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/evaluations/{cycleId}/{nip}/ekspektasi',
      summary: 'Atasan menetapkan ekspektasi khusus per nilai BerAKHLAK',
      security,
      request: { params: EvaluationParams, ...body(EkspektasiBody) },
      responses: { 200: json(MutationResult, 'Disimpan'), ...errors },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version, ekspektasi } = c.req.valid('json');
      const e = await skp.setEkspektasi(
        deps(c),
        c.var.principal,
        cycleId,
        nip,
        version,
        ekspektasi as Record<string, string>,
      );
      return c.json({ evaluation: toView(e) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/evaluations/{cycleId}/{nip}/rekan',
      summary: 'Usulkan (pegawai) atau ubah (atasan) 3-5 rekan penilai perilaku kerja',
      security,
      request: { params: EvaluationParams, ...body(RekanBody) },
      responses: { 200: json(MutationResult, 'Disimpan'), ...errors },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version, nips } = c.req.valid('json');
      return c.json(
        { evaluation: toView(await setRekan(deps(c), c.var.principal, cycleId, nip, version, nips)) },
        200,
      );
    },
  );

  adminRoutes(api);
  cycleRoutes(api);
  tugasRoutes(api);
  hasilRoutes(api);
  pengembanganRoutes(api);
  penilaianRoutes(api);
  return api;
}
