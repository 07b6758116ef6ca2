import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import * as pengembangan from '../../../shared/app/development/pengembangan.js';
import { toView } from '../../../shared/app/evaluation/queries.js';
import { ringkasanJp } from '../../../shared/domain/development/index.js';
import type { RencanaTersimpan } from '../../../shared/data/rencana.js';
import { EvaluationParams, EvaluationSchema, VersionBody } from '../../../shared/schemas/api.js';
import {
  BatalPelatihanBody,
  KatalogQuery,
  PelatihanSchema,
  RencanaDenganRingkasan,
  RencanaItemParams,
  RencanaSchema,
  RingkasanJpSchema,
  SelesaiBody,
  TahunItemParams,
  TambahPelatihanBody,
} from '../../../shared/schemas/pengembangan.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses, jsonBody, jsonContent, security } from './openapi-parts.js';

const denganRingkasan = (rencana: RencanaTersimpan) => ({
  rencana,
  ringkasan: ringkasanJp(rencana.items, rencana.tahun),
});

/** Competency development: the training catalogue, the development plan and its 20 JP. */
export function pengembanganRoutes(api: OpenAPIHono<AppEnv>): void {
  const deps = (c: { var: AppEnv['Variables'] }) => c.var.config.deps();

  api.openapi(
    createRoute({
      method: 'get',
      path: '/pelatihan',
      summary: 'Katalog pelatihan (saring menurut jenis kompetensi, nilai BerAKHLAK, atau bentuk)',
      security,
      request: { query: KatalogQuery },
      responses: {
        200: jsonContent(z.object({ items: z.array(PelatihanSchema) }), 'Katalog pelatihan'),
        ...errorResponses,
      },
    }),
    (c) => c.json({ items: pengembangan.cariKatalog(c.req.valid('query')) }, 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{cycleId}/{nip}/rencana',
      summary: 'Rencana pengembangan kompetensi yang diusulkan evaluasi ini, dengan JP terhadap hak 20 JP',
      security,
      request: { params: EvaluationParams },
      responses: {
        200: jsonContent(
          z.object({
            evaluation: EvaluationSchema,
            rencana: RencanaSchema.nullable(),
            ringkasan: RingkasanJpSchema.nullable(),
          }),
          'Rencana pengembangan (null bila rekomendasi belum disusun)',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const out = await pengembangan.rencanaEvaluasi(deps(c), c.var.principal, cycleId, nip);
      return c.json(
        { evaluation: out.evaluation, rencana: out.rencana ?? null, ringkasan: out.ringkasan ?? null },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/evaluations/{cycleId}/{nip}/rencana/items',
      summary: 'Tambah pelatihan dari katalog ke rencana pengembangan (pegawai atau atasan)',
      security,
      request: { params: EvaluationParams, ...jsonBody(TambahPelatihanBody) },
      responses: { 201: jsonContent(RencanaDenganRingkasan, 'Pelatihan ditambahkan'), ...errorResponses },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version, pelatihanId } = c.req.valid('json');
      const out = await pengembangan.tambahPelatihan(
        deps(c),
        c.var.principal,
        cycleId,
        nip,
        version,
        pelatihanId,
      );
      return c.json(denganRingkasan(out.rencana), 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/evaluations/{cycleId}/{nip}/rencana/items/{itemId}/batal',
      summary: 'Batalkan pelatihan dalam rencana pengembangan, dengan catatan (pegawai atau atasan)',
      security,
      request: { params: RencanaItemParams, ...jsonBody(BatalPelatihanBody) },
      responses: { 200: jsonContent(RencanaDenganRingkasan, 'Pelatihan dibatalkan'), ...errorResponses },
    }),
    async (c) => {
      const { cycleId, nip, itemId } = c.req.valid('param');
      const { version, catatan } = c.req.valid('json');
      const out = await pengembangan.batalkanPelatihan(
        deps(c),
        c.var.principal,
        cycleId,
        nip,
        version,
        itemId,
        catatan,
      );
      return c.json(denganRingkasan(out.rencana), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/evaluations/{cycleId}/{nip}/rencana/konfirmasi',
      summary: 'Atasan mengonfirmasi rencana pengembangan (menyelesaikan tahap rencana pengembangan)',
      security,
      request: { params: EvaluationParams, ...jsonBody(VersionBody) },
      responses: {
        200: jsonContent(z.object({ evaluation: EvaluationSchema }), 'Rencana dikonfirmasi'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version } = c.req.valid('json');
      const e = await pengembangan.konfirmasiRencana(deps(c), c.var.principal, cycleId, nip, version);
      return c.json({ evaluation: toView(e) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/pengembangan',
      summary: 'Rencana pengembangan kompetensi saya per tahun, dengan JP direncanakan dan selesai',
      security,
      responses: {
        200: jsonContent(z.object({ items: z.array(RencanaDenganRingkasan) }), 'Rencana saya'),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await pengembangan.rencanaSaya(deps(c), c.var.principal) }, 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/pengembangan/{tahun}/items/{itemId}/selesai',
      summary: 'Catat pelatihan dalam rencana saya sebagai selesai, dengan sertifikat',
      security,
      request: { params: TahunItemParams, ...jsonBody(SelesaiBody) },
      responses: { 200: jsonContent(RencanaDenganRingkasan, 'Pelatihan selesai'), ...errorResponses },
    }),
    async (c) => {
      const { tahun, itemId } = c.req.valid('param');
      const { version, sertifikat } = c.req.valid('json');
      const out = await pengembangan.catatSelesai(
        deps(c),
        c.var.principal,
        tahun,
        itemId,
        version,
        sertifikat,
      );
      return c.json(denganRingkasan(out.rencana), 200);
    },
  );
}
