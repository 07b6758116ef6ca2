import { z } from '@hono/zod-openapi';
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Principal } from '../../../shared/app/actor.js';
import * as pengembangan from '../../../shared/app/development/pengembangan.js';
import { DomainError, type Issue } from '../../../shared/domain/errors.js';
import type { Deps } from '../../../shared/runtime/deps.js';
import { EvaluationParams, VersionBody } from '../../../shared/schemas/api.js';
import {
  BatalPelatihanBody,
  ItemId,
  KatalogQuery,
  SelesaiBody,
  Tahun,
  TambahPelatihanBody,
} from '../../../shared/schemas/pengembangan.js';
import type { AppEnv } from '../http/env.js';
import { statusOf, zodIssues } from '../http/errors.js';
import { errorPage, readSignedForm, requireSession, sendPage, viewerOf } from './respond.js';
import { type FormRencana, type GagalRencana, rencanaHref } from './views/pengembangan/parts.js';
import { RencanaPage } from './views/pengembangan/rencana-page.js';
import { PengembanganSayaPage } from './views/pengembangan/saya-page.js';
import { evaluationHref } from './views/status.js';

type Ctx = Context<AppEnv>;
interface Target {
  cycleId: string;
  nip: string;
  itemId?: string | undefined;
}

/** Flash messages travel as keys (see flash.ts for why), these for the plan's pages. */
const FLASH = {
  ditambah: 'Pelatihan ditambahkan ke rencana pengembangan.',
  dibatalkan: 'Pelatihan dibatalkan dari rencana pengembangan.',
  dikonfirmasi: 'Rencana pengembangan dikonfirmasi. Tahap rencana pengembangan selesai.',
  selesai: 'Sertifikat dicatat; JP pelatihan ini dihitung terhadap hak 20 JP.',
} as const;
type FlashKey = keyof typeof FLASH;
const flashText = (key: string | undefined) =>
  key && Object.hasOwn(FLASH, key) ? FLASH[key as FlashKey] : undefined;

const INDONESIAN = { error: z.locales.id().localeError };

const parseTambah = (v: Record<string, string>) =>
  TambahPelatihanBody.safeParse({ version: v.version ?? '', pelatihanId: v.pelatihanId ?? '' }, INDONESIAN);
const parseBatal = (v: Record<string, string>) =>
  BatalPelatihanBody.safeParse({ version: v.version ?? '', catatan: v.catatan ?? '' }, INDONESIAN);
const parseVersion = (v: Record<string, string>) =>
  VersionBody.safeParse({ version: v.version ?? '' }, INDONESIAN);
const parseSelesai = (v: Record<string, string>) =>
  SelesaiBody.safeParse(
    {
      version: v.version ?? '',
      sertifikat: {
        nomor: v['sertifikat.nomor'] ?? '',
        tanggal: v['sertifikat.tanggal'] ?? '',
        penyelenggara: v['sertifikat.penyelenggara'] ?? '',
      },
    },
    INDONESIAN,
  );

function targetOf(c: Ctx, withItem: boolean): Target | undefined {
  const params = EvaluationParams.safeParse({ cycleId: c.req.param('cycleId'), nip: c.req.param('nip') });
  if (!params.success) return undefined;
  if (!withItem) return params.data;
  const itemId = ItemId.safeParse(c.req.param('itemId'));
  return itemId.success ? { ...params.data, itemId: itemId.data } : undefined;
}

const notFound = (c: Ctx) =>
  errorPage(c, 404, 'Tidak ditemukan', 'Rencana pengembangan atau pelatihan ini tidak ditemukan.');

const ERROR_TITLE: Record<DomainError['code'], string> = {
  VALIDASI: 'Isian tidak valid',
  KONFLIK: 'Tidak dapat diproses',
  TIDAK_DITEMUKAN: 'Tidak ditemukan',
  DILARANG: 'Tidak berhak',
};

async function showRencana(c: Ctx, t: Target, status: ContentfulStatusCode, failure?: GagalRencana) {
  const deps = c.var.config.deps();
  try {
    const data = await pengembangan.rencanaEvaluasi(deps, c.var.principal, t.cycleId, t.nip);
    // "Semua" posts an empty value; a malformed filter in a hand-edited URL shows everything.
    const q = KatalogQuery.safeParse(
      Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== '')),
    );
    const saringan = q.success ? q.data : {};
    const katalog = data.rencana
      ? pengembangan.cariKatalog({ ...saringan, profil: data.rencana.profil })
      : [];
    const flash = failure ? undefined : flashText(c.req.query('pesan'));
    return sendPage(
      c,
      RencanaPage({
        viewer: viewerOf(c),
        now: deps.now(),
        evaluation: data.evaluation,
        rencana: data.rencana,
        ringkasan: data.ringkasan,
        katalog,
        saringan,
        flash,
        failure,
      }),
      status,
    );
  } catch (err) {
    if (err instanceof DomainError) return errorPage(c, statusOf(err), ERROR_TITLE[err.code], err.message);
    throw err;
  }
}

async function showSaya(c: Ctx, status: ContentfulStatusCode, failure?: GagalRencana) {
  const daftar = await pengembangan.rencanaSaya(c.var.config.deps(), c.var.principal);
  const flash = failure ? undefined : flashText(c.req.query('pesan'));
  return sendPage(c, PengembanganSayaPage({ viewer: viewerOf(c), daftar, flash, failure }), status);
}

type Parsed<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

/** A stale version gets the sentence people know; the re-rendered page shows the current plan. */
function failureMessage(err: DomainError): string {
  return err.code === 'KONFLIK' && 'currentVersion' in err.details
    ? 'Data sudah berubah, muat ulang. Rencana atau evaluasi ini diubah di tempat lain sejak halaman Anda dibuka; halaman ini kini menampilkan data terbaru.'
    : err.message;
}

/**
 * CSRF, parse, run, then redirect (back to the page the form was on) or re-render with the
 * errors and what was typed.
 */
function mutation<T>(
  form: FormRencana,
  pesan: FlashKey,
  parse: (v: Record<string, string>) => Parsed<T>,
  run: (deps: Deps, p: Principal, t: Target, data: T) => Promise<unknown>,
) {
  return async (c: Ctx) => {
    const t = targetOf(c, form === 'batal');
    if (!t) return notFound(c);
    const values = await readSignedForm(c);
    if (values instanceof Response) return values;
    const fail = (status: ContentfulStatusCode, message: string, issues: Issue[]) =>
      showRencana(c, t, status, { form, itemId: t.itemId, message, issues, values });
    const parsed = parse(values);
    if (!parsed.success) return fail(400, 'Periksa kembali isian formulir.', zodIssues(parsed.error));
    try {
      await run(c.var.config.deps(), c.var.principal, t, parsed.data);
    } catch (err) {
      if (err instanceof DomainError) return fail(statusOf(err), failureMessage(err), err.issues);
      throw err;
    }
    const back =
      values.dari === 'evaluasi' ? `${evaluationHref(t)}#rencana` : `${rencanaHref(t)}?pesan=${pesan}`;
    return c.redirect(back, 303);
  };
}

export function pengembanganRoutes(web: Hono<AppEnv>) {
  const base = '/evaluasi/:cycleId/:nip/rencana';
  web.get(base, requireSession, (c) => {
    const t = targetOf(c, false);
    return t ? showRencana(c, t, 200) : notFound(c);
  });
  web.post(
    `${base}/tambah`,
    requireSession,
    mutation('tambah', 'ditambah', parseTambah, (deps, p, t, { version, pelatihanId }) =>
      pengembangan.tambahPelatihan(deps, p, t.cycleId, t.nip, version, pelatihanId),
    ),
  );
  web.post(
    `${base}/konfirmasi`,
    requireSession,
    mutation('konfirmasi', 'dikonfirmasi', parseVersion, (deps, p, t, { version }) =>
      pengembangan.konfirmasiRencana(deps, p, t.cycleId, t.nip, version),
    ),
  );
  web.post(
    `${base}/:itemId/batal`,
    requireSession,
    mutation('batal', 'dibatalkan', parseBatal, (deps, p, t, { version, catatan }) =>
      pengembangan.batalkanPelatihan(deps, p, t.cycleId, t.nip, version, t.itemId ?? '', catatan),
    ),
  );

  web.get('/pengembangan', requireSession, (c) => showSaya(c, 200));
  web.post('/pengembangan/:tahun/:itemId/selesai', requireSession, async (c) => {
    const tahun = Tahun.safeParse(c.req.param('tahun'));
    const itemId = ItemId.safeParse(c.req.param('itemId'));
    if (!tahun.success || !itemId.success) return notFound(c);
    const values = await readSignedForm(c);
    if (values instanceof Response) return values;
    const fail = (status: ContentfulStatusCode, message: string, issues: Issue[]) =>
      showSaya(c, status, { form: 'selesai', itemId: itemId.data, message, issues, values });
    const parsed = parseSelesai(values);
    if (!parsed.success) return fail(400, 'Periksa kembali isian formulir.', zodIssues(parsed.error));
    try {
      const { version, sertifikat } = parsed.data;
      await pengembangan.catatSelesai(
        c.var.config.deps(),
        c.var.principal,
        tahun.data,
        itemId.data,
        version,
        sertifikat,
      );
    } catch (err) {
      if (err instanceof DomainError) return fail(statusOf(err), failureMessage(err), err.issues);
      throw err;
    }
    return c.redirect('/pengembangan?pesan=selesai', 303);
  });
}
