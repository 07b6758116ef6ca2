import { z } from '@hono/zod-openapi';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Principal } from '../../../../shared/app/actor.js';
import * as pengembangan from '../../../../shared/app/development/pengembangan.js';
import type { Deps } from '../../../../shared/runtime/deps.js';
import { EvaluationParams, VersionBody } from '../../../../shared/schemas/api.js';
import {
  BatalPelatihanBody,
  ItemId,
  KatalogQuery,
  SelesaiBody,
  Tahun,
  TambahPelatihanBody,
} from '../../../../shared/schemas/pengembangan.js';
import type { AppEnv } from '../../http/env.js';
import {
  INDONESIAN,
  type Parsed,
  angkaFormulir,
  evaluationOf,
  flashOf,
  formAction,
  notFound,
  paramsOf,
  showPage,
} from '../common/kit.js';
import { requireSession, viewerOf } from '../common/respond.js';
import { evaluationHref } from '../evaluation/status.js';
import { type FormRencana, type GagalRencana, rencanaHref } from './parts.js';
import { RencanaPage } from './rencana-page.js';
import { PengembanganSayaPage } from './saya-page.js';

type Ctx = Context<AppEnv>;
interface Target {
  cycleId: string;
  nip: string;
  itemId?: string;
}

const FLASH = {
  ditambah: 'Pelatihan ditambahkan ke rencana pengembangan.',
  dibatalkan: 'Pelatihan dibatalkan dari rencana pengembangan.',
  dikonfirmasi: 'Rencana pengembangan dikonfirmasi. Tahap rencana pengembangan selesai.',
  selesai: 'Sertifikat dicatat; JP pelatihan ini dihitung terhadap hak 20 JP.',
} as const;
const NOT_FOUND = 'Rencana pengembangan atau pelatihan ini tidak ditemukan.';
const STALE =
  'Data sudah berubah, muat ulang. Rencana atau evaluasi ini diubah di tempat lain sejak halaman Anda dibuka; halaman ini kini menampilkan data terbaru.';

const itemOf = paramsOf(EvaluationParams.extend({ itemId: ItemId }));
const selesaiOf = paramsOf(z.object({ tahun: Tahun, itemId: ItemId }));

const parseTambah = (v: Record<string, string>) =>
  TambahPelatihanBody.safeParse(
    { version: angkaFormulir(v.version), pelatihanId: v.pelatihanId ?? '' },
    INDONESIAN,
  );
const parseBatal = (v: Record<string, string>) =>
  BatalPelatihanBody.safeParse({ version: angkaFormulir(v.version), catatan: v.catatan ?? '' }, INDONESIAN);
const parseVersion = (v: Record<string, string>) =>
  VersionBody.safeParse({ version: angkaFormulir(v.version) }, INDONESIAN);
const parseSelesai = (v: Record<string, string>) =>
  SelesaiBody.safeParse(
    {
      version: angkaFormulir(v.version),
      sertifikat: {
        nomor: v['sertifikat.nomor'] ?? '',
        tanggal: v['sertifikat.tanggal'] ?? '',
        penyelenggara: v['sertifikat.penyelenggara'] ?? '',
      },
    },
    INDONESIAN,
  );

const showRencana = (c: Ctx, t: Target, status: ContentfulStatusCode, failure?: GagalRencana) =>
  showPage(
    c,
    async () => {
      const deps = c.var.config.deps();
      const data = await pengembangan.rencanaEvaluasi(deps, c.var.principal, t.cycleId, t.nip);
      // "Semua" posts an empty value; a malformed filter in a hand-edited URL shows everything.
      const q = KatalogQuery.safeParse(
        Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== '')),
      );
      const saringan = q.success ? q.data : {};
      const katalog = data.rencana
        ? pengembangan.cariKatalog({ ...saringan, profil: data.rencana.profil })
        : [];
      return RencanaPage({
        viewer: viewerOf(c),
        now: deps.now(),
        evaluation: data.evaluation,
        rencana: data.rencana,
        jp: data.jp,
        katalog,
        saringan,
        flash: failure ? undefined : flashOf(c, FLASH),
        failure,
      });
    },
    status,
  );

const showSaya = (c: Ctx, status: ContentfulStatusCode, failure?: GagalRencana) =>
  showPage(
    c,
    async () => {
      const daftar = await pengembangan.rencanaSaya(c.var.config.deps(), c.var.principal);
      const flash = failure ? undefined : flashOf(c, FLASH);
      return PengembanganSayaPage({ viewer: viewerOf(c), daftar, flash, failure });
    },
    status,
  );

/** A plan form: done, back where it was posted from (the evaluation page or the plan page). */
const rencanaForm = <D, T extends Target>(
  form: FormRencana,
  pesan: keyof typeof FLASH,
  target: (c: Ctx) => T | undefined,
  parse: (values: Record<string, string>) => Parsed<D>,
  run: (deps: Deps, p: Principal, t: T, data: D) => Promise<unknown>,
) =>
  formAction({
    form,
    target,
    missing: NOT_FOUND,
    rowId: (t) => t.itemId,
    parse,
    run,
    done: (t, _, values) =>
      values.dari === 'evaluasi' ? `${evaluationHref(t)}#rencana` : `${rencanaHref(t)}?pesan=${pesan}`,
    again: showRencana,
    stale: STALE,
  });

/** One evaluation's development plan. Mounted below the evaluation, whose sign-in check it shares. */
export function rencanaPages() {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => {
    const t = evaluationOf(c);
    return t ? showRencana(c, t, 200) : notFound(c, NOT_FOUND);
  });
  app.post(
    '/tambah',
    rencanaForm('tambah', 'ditambah', evaluationOf, parseTambah, (deps, p, t, { version, pelatihanId }) =>
      pengembangan.addPelatihan(deps, p, t.cycleId, t.nip, version, pelatihanId),
    ),
  );
  app.post(
    '/konfirmasi',
    rencanaForm('konfirmasi', 'dikonfirmasi', evaluationOf, parseVersion, (deps, p, t, { version }) =>
      pengembangan.confirmRencana(deps, p, t.cycleId, t.nip, version),
    ),
  );
  app.post(
    '/:itemId/batal',
    rencanaForm('batal', 'dibatalkan', itemOf, parseBatal, (deps, p, t, { version, catatan }) =>
      pengembangan.cancelPelatihan(deps, p, t.cycleId, t.nip, version, t.itemId, catatan),
    ),
  );
  return app;
}

/** My trainings across the years, with the certificate that completes one. Mounted at /pengembangan. */
export function pengembanganPages() {
  const app = new Hono<AppEnv>();
  app.use('*', requireSession);
  app.get('/', (c) => showSaya(c, 200));
  app.post(
    '/:tahun/:itemId/selesai',
    formAction({
      form: 'selesai',
      target: selesaiOf,
      missing: NOT_FOUND,
      rowId: (t) => t.itemId,
      parse: parseSelesai,
      run: (deps, p, t, { version, sertifikat }) =>
        pengembangan.completePelatihan(deps, p, t.tahun, t.itemId, version, sertifikat),
      done: () => '/pengembangan?pesan=selesai',
      again: (c, _t, status, failure) => showSaya(c, status, failure),
      stale: STALE,
    }),
  );
  return app;
}
