import { type OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { putuskan } from '../../../shared/app/evaluation/keberatan.js';
import { kurvaOpd, tetapkanKurva } from '../../../shared/app/organisation/kurva.js';
import { toView } from '../../../shared/app/evaluation/queries.js';
import { ringkasan } from '../../../shared/app/evaluation/ringkasan.js';
import { periksaSiklus, tutupSiklus } from '../../../shared/app/evaluation/tutup-siklus.js';
import { berikanUmpanBalik, simpanUmpanBalik, tanggapiPenilaian } from '../../../shared/app/evaluation/umpan-balik.js';
import { EvaluationParams } from '../../../shared/schemas/api.js';
import {
  CycleOpdParams,
  CycleParams,
  HasilMutationResult,
  KurvaBody,
  KurvaOpdSchema,
  KurvaSchema,
  PemeriksaanSiklusSchema,
  PutusanKeberatanBody,
  RingkasanSchema,
  TanggapanBody,
  TutupSiklusBody,
  TutupSiklusResult,
  UmpanBalikBody,
} from '../../../shared/schemas/hasil.js';
import type { AppEnv } from '../http/env.js';
import {
  errorResponses as errors,
  jsonBody as body,
  jsonContent as json,
  security,
} from './openapi-parts.js';

/**
 * The outcome of an evaluation: the atasan's feedback, the employee's response or objection,
 * the decision on it, the one-page summary; and per cycle the agencies' kurva distribusi and
 * closing the cycle.
 */
export function hasilRoutes(api: OpenAPIHono<AppEnv>): void {
  const deps = (c: { var: AppEnv['Variables'] }) => c.var.config.deps();
  const ev = '/evaluations/{cycleId}/{nip}';

  api.openapi(
    createRoute({
      method: 'put',
      path: `${ev}/umpan-balik`,
      summary: 'Atasan menyimpan draf umpan balik (tahap tetap terbuka)',
      security,
      request: { params: EvaluationParams, ...body(UmpanBalikBody) },
      responses: { 200: json(HasilMutationResult, 'Draf disimpan'), ...errors },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      const e = await simpanUmpanBalik(deps(c), c.var.principal, cycleId, nip, version, input);
      return c.json({ evaluation: toView(e) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: `${ev}/umpan-balik`,
      summary:
        'Atasan memberi umpan balik per hasil kerja, umum, dan saran perbaikan (menyelesaikan tahap umpan balik)',
      security,
      request: { params: EvaluationParams, ...body(UmpanBalikBody) },
      responses: { 200: json(HasilMutationResult, 'Umpan balik diberikan'), ...errors },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      const e = await berikanUmpanBalik(deps(c), c.var.principal, cycleId, nip, version, input);
      return c.json({ evaluation: toView(e) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: `${ev}/tanggapan`,
      summary: 'Pegawai menerima penilaian atau mengajukan keberatan dengan alasan (dalam masa tanggapan)',
      security,
      request: { params: EvaluationParams, ...body(TanggapanBody) },
      responses: { 200: json(HasilMutationResult, 'Tanggapan dicatat'), ...errors },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      const e = await tanggapiPenilaian(deps(c), c.var.principal, cycleId, nip, version, input);
      return c.json({ evaluation: toView(e) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: `${ev}/keberatan/putusan`,
      summary:
        'Atasan dari atasan memutus keberatan: mempertahankan atau merevisi penilaian dengan alasan; predikat dihitung ulang',
      security,
      request: { params: EvaluationParams, ...body(PutusanKeberatanBody) },
      responses: { 200: json(HasilMutationResult, 'Keberatan diputus'), ...errors },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      const e = await putuskan(deps(c), c.var.principal, cycleId, nip, version, input);
      return c.json({ evaluation: toView(e) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: `${ev}/ringkasan`,
      summary:
        'Ringkasan satu halaman: target, realisasi, penilaian, predikat, keberatan, umpan balik, rencana pengembangan',
      security,
      request: { params: EvaluationParams },
      responses: { 200: json(RingkasanSchema, 'Ringkasan evaluasi'), ...errors },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      return c.json(await ringkasan(deps(c), c.var.principal, cycleId, nip), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/opd/{opd}/kurva/{cycleId}',
      summary: 'Kurva distribusi satu OPD: predikat organisasi, sebaran predikat pegawai, kesesuaian',
      security,
      request: { params: CycleOpdParams },
      responses: { 200: json(KurvaOpdSchema, 'Kurva distribusi OPD'), ...errors },
    }),
    async (c) => {
      const { cycleId, opd } = c.req.valid('param');
      const { cycle: _, ...out } = await kurvaOpd(deps(c), c.var.principal, cycleId, opd);
      return c.json(out, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/opd/{opd}/kurva/{cycleId}',
      summary: 'Kepala OPD atau BKPSDM menetapkan predikat kinerja organisasi untuk siklus ini',
      security,
      request: { params: CycleOpdParams, ...body(KurvaBody) },
      responses: { 200: json(KurvaSchema, 'Predikat organisasi ditetapkan'), ...errors },
    }),
    async (c) => {
      const { cycleId, opd } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      return c.json(await tetapkanKurva(deps(c), c.var.principal, cycleId, opd, version, input), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/admin/cycles/{cycleId}/penutupan',
      summary: 'Pemeriksaan penutupan siklus per OPD (BKPSDM, auditor)',
      security,
      request: { params: CycleParams },
      responses: { 200: json(PemeriksaanSiklusSchema, 'Pemeriksaan dan log siklus'), ...errors },
    }),
    async (c) => {
      const { cycleId } = c.req.valid('param');
      const out = await periksaSiklus(deps(c), c.var.principal, cycleId);
      return c.json({ status: out.cycle.status, pemeriksaan: out.pemeriksaan, log: out.log }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/admin/cycles/{cycleId}/tutup',
      summary:
        'BKPSDM menutup siklus; ditolak (409) dengan alasan per OPD bila kurva tidak sesuai atau ada evaluasi tanpa predikat, kecuali dengan alasan pengecualian',
      security,
      request: { params: CycleParams, ...body(TutupSiklusBody) },
      responses: { 200: json(TutupSiklusResult, 'Siklus ditutup'), ...errors },
    }),
    async (c) => {
      const { cycleId } = c.req.valid('param');
      const { alasanPengecualian } = c.req.valid('json');
      const out = await tutupSiklus(deps(c), c.var.principal, cycleId, alasanPengecualian);
      return c.json(
        {
          status: out.cycle.status,
          ditutupPada: out.ditutupPada,
          pengecualian: out.pengecualian,
          ...(out.alasan ? { alasan: out.alasan } : {}),
          pemeriksaan: out.pemeriksaan,
        },
        200,
      );
    },
  );
}
