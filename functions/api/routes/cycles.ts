import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  bukaPenilaian,
  createCycleFor,
  cycleDetail,
  cyclesFor,
  progresSiklus,
  startLaunch,
} from '../../../shared/app/evaluation/cycles.js';
import {
  CycleBody,
  CycleParams,
  CycleSchema,
  PeluncuranSchema,
  PembukaanSchema,
  ProgresSchema,
} from '../../../shared/schemas/cycles.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses, jsonBody, jsonContent, security } from './openapi-parts.js';

/** BKPSDM's cycle administration: create, launch, open the assessment window, progress. */
export function cycleRoutes(api: OpenAPIHono<AppEnv>): void {
  const deps = (c: { var: AppEnv['Variables'] }) => c.var.config.deps();

  api.openapi(
    createRoute({
      method: 'post',
      path: '/admin/cycles',
      summary: 'BKPSDM membuat siklus penilaian (tahunan atau triwulan, jadwal per tahap, cakupan OPD)',
      security,
      request: jsonBody(CycleBody),
      responses: { 201: jsonContent(CycleSchema, 'Siklus dibuat (belum diluncurkan)'), ...errorResponses },
    }),
    async (c) => c.json(await createCycleFor(deps(c), c.var.principal, c.req.valid('json')), 201),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/admin/cycles',
      summary: 'Daftar siklus penilaian, terbaru dahulu',
      security,
      responses: {
        200: jsonContent(z.object({ items: z.array(CycleSchema) }), 'Siklus'),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await cyclesFor(deps(c), c.var.principal) }, 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/admin/cycles/{cycleId}',
      summary: 'Satu siklus dengan status peluncuran terakhirnya',
      security,
      request: { params: CycleParams },
      responses: { 200: jsonContent(CycleSchema, 'Siklus'), ...errorResponses },
    }),
    async (c) => {
      const { cycle, peluncuran } = await cycleDetail(deps(c), c.var.principal, c.req.valid('param').cycleId);
      return c.json({ ...cycle, ...(peluncuran ? { peluncuran } : {}) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/admin/cycles/{cycleId}/launch',
      summary:
        'Luncurkan siklus: satu eksekusi evaluasi per pegawai aktif dalam cakupan; aman diulang, pegawai baru ikut diluncurkan',
      security,
      request: { params: CycleParams },
      responses: {
        202: jsonContent(PeluncuranSchema, 'Peluncuran dimulai (eksekusi CycleLaunch)'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await startLaunch(deps(c), c.var.principal, c.req.valid('param').cycleId), 202),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/admin/cycles/{cycleId}/open-assessment',
      summary: 'Buka masa penilaian sekarang untuk seluruh siklus (sebelum tanggal terjadwal)',
      security,
      request: { params: CycleParams },
      responses: {
        200: jsonContent(PembukaanSchema, 'Masa penilaian dibuka; evaluasi yang menunggu dilanjutkan'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await bukaPenilaian(deps(c), c.req.valid('param').cycleId, c.var.principal), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/admin/cycles/{cycleId}/progress',
      summary: 'Jumlah evaluasi per tahap dan status, dan per OPD (dari indeks siklus, tanpa Scan)',
      security,
      request: { params: CycleParams },
      responses: { 200: jsonContent(ProgresSchema, 'Progres'), ...errorResponses },
    }),
    async (c) => c.json(await progresSiklus(deps(c), c.var.principal, c.req.valid('param').cycleId), 200),
  );
}
