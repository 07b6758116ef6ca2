import { z } from '@hono/zod-openapi';
import * as pengembangan from '../../../shared/app/development/pengembangan.js';
import { jpTotals } from '../../../shared/domain/development/index.js';
import type { RencanaTersimpan } from '../../../shared/data/rencana.js';
import { EvaluationParams, EvaluationSchema, Version } from '../../../shared/schemas/api.js';
import {
  BatalPelatihanBody,
  KatalogQuery,
  PelatihanSchema,
  RencanaWithJp,
  RencanaItemParams,
  RencanaSchema,
  JpTotalsSchema,
  SelesaiBody,
  TahunItemParams,
  TambahPelatihanBody,
} from '../../../shared/schemas/pengembangan.js';
import { apiRoute, body, depsOf, EV, evaluationAction, featureApp, json, listRoute } from './kit.js';

const withJp = (rencana: RencanaTersimpan, today: string) => ({
  rencana,
  jp: jpTotals(rencana.items, rencana.tahun, today),
});

/**
 * One rule for versions: every change of the plan (add, cancel, confirm, complete) is checked
 * against the version of the plan it changes, `rencana.version` (on an evaluation, its copy's
 * `rencanaVersion`), never the evaluation's. The OpenAPI document says so on each route.
 */
const VERSI_RENCANA =
  'Versi (`version`) adalah versi rencana pengembangan yang dibaca (`rencana.version`; pada evaluasi: ' +
  '`rencanaVersion` salinannya), bukan versi evaluasi. Versi lain dijawab 409 dengan `currentVersion`.';

const RencanaVersionBody = z
  .object({ version: Version.openapi({ description: 'Versi rencana pengembangan (`rencana.version`)' }) })
  .strict()
  .openapi('RencanaVersionBody');

/** Competency development: the training catalogue, the development plan and its 20 JP. */
export function pengembanganApi() {
  const app = featureApp();

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/pelatihan',
      summary: 'Katalog pelatihan (saring menurut jenis kompetensi, nilai BerAKHLAK, atau bentuk)',
      request: { query: KatalogQuery },
      responses: { 200: json(z.object({ items: z.array(PelatihanSchema) }), 'Katalog pelatihan') },
    }),
    (c) => c.json({ items: pengembangan.cariKatalog(c.req.valid('query')) }, 200),
  );

  app.openapi(
    apiRoute({
      method: 'get',
      path: `${EV}/rencana`,
      summary: 'Rencana pengembangan kompetensi yang diusulkan evaluasi ini, dengan JP terhadap hak 20 JP',
      request: { params: EvaluationParams },
      responses: {
        200: json(
          z.object({
            evaluation: EvaluationSchema,
            rencana: RencanaSchema.nullable(),
            jp: JpTotalsSchema.nullable(),
          }),
          'Rencana pengembangan (null bila rekomendasi belum disusun)',
        ),
      },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const out = await pengembangan.rencanaEvaluasi(depsOf(c), c.var.principal, cycleId, nip);
      return c.json({ evaluation: out.evaluation, rencana: out.rencana ?? null, jp: out.jp ?? null }, 200);
    },
  );

  app.openapi(
    apiRoute({
      method: 'post',
      path: `${EV}/rencana/items`,
      summary: 'Tambah pelatihan dari katalog ke rencana pengembangan (pegawai atau atasan)',
      description: VERSI_RENCANA,
      request: { params: EvaluationParams, ...body(TambahPelatihanBody) },
      responses: { 201: json(RencanaWithJp, 'Pelatihan ditambahkan') },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version, pelatihanId } = c.req.valid('json');
      const out = await pengembangan.addPelatihan(
        depsOf(c),
        c.var.principal,
        cycleId,
        nip,
        version,
        pelatihanId,
      );
      return c.json(withJp(out.rencana, pengembangan.hariIni(depsOf(c))), 201);
    },
  );

  app.openapi(
    apiRoute({
      method: 'post',
      path: `${EV}/rencana/items/{itemId}/cancel`,
      summary: 'Batalkan pelatihan dalam rencana pengembangan, dengan catatan (pegawai atau atasan)',
      description: VERSI_RENCANA,
      request: { params: RencanaItemParams, ...body(BatalPelatihanBody) },
      responses: { 200: json(RencanaWithJp, 'Pelatihan dibatalkan') },
    }),
    async (c) => {
      const { cycleId, nip, itemId } = c.req.valid('param');
      const { version, catatan } = c.req.valid('json');
      const out = await pengembangan.cancelPelatihan(
        depsOf(c),
        c.var.principal,
        cycleId,
        nip,
        version,
        itemId,
        catatan,
      );
      return c.json(withJp(out.rencana, pengembangan.hariIni(depsOf(c))), 200);
    },
  );

  evaluationAction(app, {
    method: 'post',
    path: 'rencana/confirm',
    summary:
      'Atasan mengonfirmasi rencana pengembangan (menyelesaikan tahap rencana pengembangan); versi: versi rencana',
    input: RencanaVersionBody,
    done: 'Rencana dikonfirmasi',
    run: pengembangan.confirmRencana,
  });

  listRoute(
    app,
    {
      path: '/pengembangan',
      summary: 'Rencana pengembangan kompetensi saya per tahun, dengan JP direncanakan dan selesai',
      item: RencanaWithJp,
      done: 'Rencana saya',
    },
    pengembangan.rencanaSaya,
  );

  app.openapi(
    apiRoute({
      method: 'post',
      path: '/pengembangan/{tahun}/items/{itemId}/complete',
      summary: 'Catat pelatihan dalam rencana saya sebagai selesai, dengan sertifikat',
      description:
        `${VERSI_RENCANA} Tanggal sertifikat dalam tahun rencana dan tidak setelah hari ini (WIB); ` +
        'JP dihitung terhadap hak 20 JP sejak tanggal sertifikatnya.',
      request: { params: TahunItemParams, ...body(SelesaiBody) },
      responses: { 200: json(RencanaWithJp, 'Pelatihan selesai') },
    }),
    async (c) => {
      const { tahun, itemId } = c.req.valid('param');
      const { version, sertifikat } = c.req.valid('json');
      const out = await pengembangan.completePelatihan(
        depsOf(c),
        c.var.principal,
        tahun,
        itemId,
        version,
        sertifikat,
      );
      return c.json(withJp(out.rencana, pengembangan.hariIni(depsOf(c))), 200);
    },
  );

  return app;
}
