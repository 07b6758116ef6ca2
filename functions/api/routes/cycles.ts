import {
  openAssessment,
  createCycleFor,
  cycleDetail,
  cyclesFor,
  cycleProgress,
  startLaunch,
} from '../../../shared/app/evaluation/cycles.js';
import { closeCheck, closeCycle } from '../../../shared/app/evaluation/tutup-siklus.js';
import {
  CycleBody,
  CycleParams,
  CycleSchema,
  PeluncuranSchema,
  PembukaanSchema,
  CycleProgressSchema,
} from '../../../shared/schemas/cycles.js';
import { CloseCheckSchema, CloseCycleBody, CloseCycleResult } from '../../../shared/schemas/hasil.js';
import { apiRoute, body, depsOf, featureApp, json, listRoute } from './kit.js';

/**
 * BKPSDM's cycle administration, mounted at /admin/cycles: create, launch, open the assessment
 * window, follow the progress, check and close.
 */
export function cyclesApi() {
  const app = featureApp();
  const one = { params: CycleParams };

  app.openapi(
    apiRoute({
      method: 'post',
      path: '/',
      summary: 'BKPSDM membuat siklus penilaian (tahunan atau triwulan, jadwal per tahap, cakupan OPD)',
      request: body(CycleBody),
      responses: { 201: json(CycleSchema, 'Siklus dibuat (belum diluncurkan)') },
    }),
    async (c) => c.json(await createCycleFor(depsOf(c), c.var.principal, c.req.valid('json')), 201),
  );

  listRoute(
    app,
    { path: '/', summary: 'Daftar siklus penilaian, terbaru dahulu', item: CycleSchema, done: 'Siklus' },
    cyclesFor,
  );

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/{cycleId}',
      summary: 'Satu siklus dengan status peluncuran terakhirnya',
      request: one,
      responses: { 200: json(CycleSchema, 'Siklus') },
    }),
    async (c) => {
      const { cycle, peluncuran } = await cycleDetail(
        depsOf(c),
        c.var.principal,
        c.req.valid('param').cycleId,
      );
      return c.json({ ...cycle, ...(peluncuran ? { peluncuran } : {}) }, 200);
    },
  );

  app.openapi(
    apiRoute({
      method: 'post',
      path: '/{cycleId}/launch',
      summary:
        'Luncurkan siklus: satu eksekusi evaluasi per pegawai aktif dalam cakupan; aman diulang, pegawai baru ikut diluncurkan',
      request: one,
      responses: { 202: json(PeluncuranSchema, 'Peluncuran dimulai (eksekusi CycleLaunch)') },
    }),
    async (c) => c.json(await startLaunch(depsOf(c), c.var.principal, c.req.valid('param').cycleId), 202),
  );

  app.openapi(
    apiRoute({
      method: 'post',
      path: '/{cycleId}/open-assessment',
      summary: 'Buka masa penilaian sekarang untuk seluruh siklus (sebelum tanggal terjadwal)',
      request: one,
      responses: {
        200: json(PembukaanSchema, 'Masa penilaian dibuka; evaluasi yang menunggu dilanjutkan'),
      },
    }),
    async (c) => c.json(await openAssessment(depsOf(c), c.req.valid('param').cycleId, c.var.principal), 200),
  );

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/{cycleId}/progress',
      summary: 'Jumlah evaluasi per tahap dan status, dan per OPD (dari indeks siklus, tanpa Scan)',
      request: one,
      responses: { 200: json(CycleProgressSchema, 'Progres') },
    }),
    async (c) => c.json(await cycleProgress(depsOf(c), c.var.principal, c.req.valid('param').cycleId), 200),
  );

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/{cycleId}/close-check',
      summary: 'Pemeriksaan penutupan siklus per OPD (BKPSDM, auditor)',
      request: one,
      responses: { 200: json(CloseCheckSchema, 'Pemeriksaan dan log siklus') },
    }),
    async (c) => {
      const out = await closeCheck(depsOf(c), c.var.principal, c.req.valid('param').cycleId);
      return c.json({ status: out.cycle.status, pemeriksaan: out.pemeriksaan, log: out.log }, 200);
    },
  );

  app.openapi(
    apiRoute({
      method: 'post',
      path: '/{cycleId}/close',
      summary:
        'BKPSDM menutup siklus; ditolak (409) dengan alasan per OPD bila kurva tidak sesuai atau ada evaluasi tanpa predikat, kecuali dengan alasan pengecualian',
      request: { ...one, ...body(CloseCycleBody) },
      responses: { 200: json(CloseCycleResult, 'Siklus ditutup') },
    }),
    async (c) => {
      const { alasanPengecualian } = c.req.valid('json');
      const out = await closeCycle(
        depsOf(c),
        c.var.principal,
        c.req.valid('param').cycleId,
        alasanPengecualian,
      );
      return c.json(
        {
          status: out.cycle.status,
          ditutupPada: out.ditutupPada,
          pengecualian: out.pengecualian,
          ...(out.alasan ? { alasan: out.alasan } : {}),
          pemeriksaan: out.pemeriksaan,
          penghentianAlur: out.penghentianAlur,
        },
        200,
      );
    },
  );

  return app;
}
