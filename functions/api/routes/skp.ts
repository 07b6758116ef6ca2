import { z } from '@hono/zod-openapi';
import * as skp from '../../../shared/app/evaluation/skp.js';
import { setRekan } from '../../../shared/app/evaluation/rekan.js';
import { toView } from '../../../shared/app/evaluation/queries.js';
import {
  EkspektasiBody,
  EvaluationParams,
  EvaluationSchema,
  RekanBody,
  ReturnBody,
  RowParams,
  TargetRowInput,
  TargetRowSchema,
  VersionQuery,
} from '../../../shared/schemas/api.js';
import { apiRoute, body, depsOf, EV, evaluationAction, featureApp, json, MutationResult } from './kit.js';

const RowResult = z.object({ evaluation: EvaluationSchema, row: TargetRowSchema });

/** Drafting and deciding the SKP: its rows, the submission, the atasan's decision, ekspektasi, rekan. */
export function skpApi() {
  const app = featureApp();

  app.openapi(
    apiRoute({
      method: 'post',
      path: `${EV}/targets`,
      summary: 'Tambah baris hasil kerja',
      request: { params: EvaluationParams, ...body(TargetRowInput) },
      responses: { 201: json(RowResult, 'Baris ditambahkan') },
    }),
    async (c) => {
      const { cycleId, nip } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      const out = await skp.addTargetRow(depsOf(c), c.var.principal, cycleId, nip, version, input);
      return c.json({ evaluation: toView(out.evaluation), row: out.row }, 201);
    },
  );

  app.openapi(
    apiRoute({
      method: 'put',
      path: `${EV}/targets/{rowId}`,
      summary: 'Ubah baris hasil kerja',
      request: { params: RowParams, ...body(TargetRowInput) },
      responses: { 200: json(RowResult, 'Baris diubah') },
    }),
    async (c) => {
      const { cycleId, nip, rowId } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      const out = await skp.updateTargetRow(depsOf(c), c.var.principal, cycleId, nip, rowId, version, input);
      return c.json({ evaluation: toView(out.evaluation), row: out.row }, 200);
    },
  );

  app.openapi(
    apiRoute({
      method: 'delete',
      path: `${EV}/targets/{rowId}`,
      summary: 'Hapus baris hasil kerja',
      request: { params: RowParams, query: VersionQuery },
      responses: { 200: json(MutationResult, 'Baris dihapus') },
    }),
    async (c) => {
      const { cycleId, nip, rowId } = c.req.valid('param');
      const { version } = c.req.valid('query');
      const e = await skp.deleteTargetRow(depsOf(c), c.var.principal, cycleId, nip, rowId, version);
      return c.json({ evaluation: toView(e) }, 200);
    },
  );

  evaluationAction(app, {
    method: 'post',
    path: 'submit',
    summary: 'Ajukan SKP ke atasan',
    done: 'Berhasil',
    run: skp.submitSkp,
  });
  evaluationAction(app, {
    method: 'post',
    path: 'approve',
    summary: 'Atasan menyetujui SKP (menyelesaikan tahap penetapan target)',
    done: 'Berhasil',
    run: skp.approveSkp,
  });
  evaluationAction(app, {
    method: 'post',
    path: 'return',
    summary: 'Atasan mengembalikan SKP dengan catatan',
    input: ReturnBody,
    done: 'Dikembalikan',
    run: (deps, p, cycleId, nip, version, { comment }) =>
      skp.returnSkp(deps, p, cycleId, nip, version, comment),
  });
  evaluationAction(app, {
    method: 'put',
    path: 'ekspektasi',
    summary: 'Atasan menetapkan ekspektasi khusus per nilai BerAKHLAK',
    input: EkspektasiBody,
    done: 'Disimpan',
    run: (deps, p, cycleId, nip, version, { ekspektasi }) =>
      skp.setEkspektasi(deps, p, cycleId, nip, version, ekspektasi as Record<string, string>),
  });
  evaluationAction(app, {
    method: 'put',
    path: 'rekan',
    summary: 'Usulkan (pegawai) atau ubah (atasan) 3-5 rekan penilai perilaku kerja',
    input: RekanBody,
    done: 'Disimpan',
    run: (deps, p, cycleId, nip, version, { nips }) => setRekan(deps, p, cycleId, nip, version, nips),
  });

  return app;
}
