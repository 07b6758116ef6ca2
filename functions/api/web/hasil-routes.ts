import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { putuskan } from '../../../shared/app/evaluation/keberatan.js';
import { kurvaOpd, tetapkanKurva } from '../../../shared/app/organisation/kurva.js';
import { evaluationDetail } from '../../../shared/app/evaluation/queries.js';
import { ringkasan } from '../../../shared/app/evaluation/ringkasan.js';
import { periksaSiklus, tutupSiklus } from '../../../shared/app/evaluation/tutup-siklus.js';
import { berikanUmpanBalik, simpanUmpanBalik, tanggapiPenilaian } from '../../../shared/app/evaluation/umpan-balik.js';
import type { Principal } from '../../../shared/app/actor.js';
import { listOpd } from '../../../shared/data/people.js';
import { DomainError, type Issue } from '../../../shared/domain/errors.js';
import { bolehTetapkanKurva } from '../../../shared/domain/evaluation/penutupan-siklus.js';
import type { Deps } from '../../../shared/runtime/deps.js';
import { EvaluationParams } from '../../../shared/schemas/api.js';
import { CycleOpdParams, CycleParams } from '../../../shared/schemas/hasil.js';
import type { AppEnv } from '../http/env.js';
import { statusOf, zodIssues } from '../http/errors.js';
import {
  type HasilFailure,
  type HasilFormName,
  parseKurva,
  parsePutusan,
  parseTanggapan,
  parseTutup,
  parseUmpanBalik,
} from './hasil-forms.js';
import { errorPage, readSignedForm, requireSession, sendPage, viewerOf } from './respond.js';
import { HasilFormPage } from './views/evaluation/hasil-page.js';
import { RingkasanPage } from './views/evaluation/ringkasan.js';
import { KurvaPage } from './views/kurva.js';
import { evaluationHref } from './views/status.js';
import { PenutupanPage } from './views/tutup-siklus.js';

type Ctx = Context<AppEnv>;
type Target = { cycleId: string; nip: string };
type Parsed<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

const TITLE: Record<DomainError['code'], string> = {
  VALIDASI: 'Isian tidak valid',
  KONFLIK: 'Tidak dapat diproses',
  TIDAK_DITEMUKAN: 'Tidak ditemukan',
  DILARANG: 'Tidak berhak',
};

/** Flash texts of these pages, by key: a crafted link cannot put words on the page. */
const PESAN = { disimpan: 'Predikat organisasi disimpan.', ditutup: 'Siklus ditutup.' } as const;
const pesanOf = (key: string | undefined) =>
  key && Object.hasOwn(PESAN, key) ? PESAN[key as keyof typeof PESAN] : undefined;

const notFound = (c: Ctx) => errorPage(c, 404, 'Tidak ditemukan', 'Halaman ini tidak ditemukan.');

/** Renders the page, or the error page when the domain refuses to show it. */
async function guarded(c: Ctx, render: () => Promise<Response>): Promise<Response> {
  try {
    return await render();
  } catch (err) {
    if (err instanceof DomainError) return errorPage(c, statusOf(err), TITLE[err.code], err.message);
    throw err;
  }
}

function messageOf(err: DomainError): string {
  if (err.code === 'KONFLIK' && 'currentVersion' in err.details)
    return 'Data sudah berubah, muat ulang. Halaman ini kini menampilkan data terbaru; periksa lalu kirim ulang isian Anda.';
  return err.message;
}

/**
 * A form POST: CSRF, parse, run; then redirect (so a reload does not post again) or render the
 * page again with the errors at their fields and what was typed.
 */
function formPost<P, T>(
  form: HasilFormName,
  params: (c: Ctx) => P | undefined,
  parse: (v: Record<string, string>) => Parsed<T>,
  run: (deps: Deps, p: Principal, params: P, data: T) => Promise<unknown>,
  done: (params: P) => string,
  again: (c: Ctx, params: P, status: ContentfulStatusCode, failure: HasilFailure) => Promise<Response>,
) {
  return async (c: Ctx) => {
    const t = params(c);
    if (!t) return notFound(c);
    const values = await readSignedForm(c);
    if (values instanceof Response) return values;
    const fail = (status: ContentfulStatusCode, message: string, issues: Issue[]) =>
      guarded(c, () => again(c, t, status, { form, message, issues, values }));
    const parsed = parse(values);
    if (!parsed.success) return fail(400, 'Periksa kembali isian formulir.', zodIssues(parsed.error));
    try {
      await run(c.var.config.deps(), c.var.principal, t, parsed.data);
    } catch (err) {
      if (err instanceof DomainError) return fail(statusOf(err), messageOf(err), err.issues);
      throw err;
    }
    return c.redirect(done(t), 303);
  };
}

const evaluationOf = (c: Ctx): Target | undefined => {
  const r = EvaluationParams.safeParse({ cycleId: c.req.param('cycleId'), nip: c.req.param('nip') });
  return r.success ? r.data : undefined;
};
const cycleOpdOf = (c: Ctx) => {
  const r = CycleOpdParams.safeParse({ cycleId: c.req.param('cycleId'), opd: c.req.param('opd') });
  return r.success ? r.data : undefined;
};
const cycleOf = (c: Ctx) => {
  const r = CycleParams.safeParse({ cycleId: c.req.param('cycleId') });
  return r.success ? r.data : undefined;
};

async function evaluationAgain(c: Ctx, t: Target, status: ContentfulStatusCode, failure: HasilFailure) {
  const deps = c.var.config.deps();
  const detail = await evaluationDetail(deps, c.var.principal, t.cycleId, t.nip);
  return sendPage(
    c,
    HasilFormPage({
      viewer: viewerOf(c),
      now: deps.now(),
      evaluation: detail.evaluation,
      rows: detail.rows,
      failure,
    }),
    status,
  );
}

const kurvaHref = (t: { cycleId: string; opd: string }) =>
  `/opd/${encodeURIComponent(t.opd)}/kurva/${encodeURIComponent(t.cycleId)}`;
const penutupanHref = (t: { cycleId: string }) => `/admin/siklus/${encodeURIComponent(t.cycleId)}/kurva`;

async function kurvaPage(
  c: Ctx,
  t: { cycleId: string; opd: string },
  status: ContentfulStatusCode,
  failure?: HasilFailure,
) {
  const deps = c.var.config.deps();
  const p = c.var.principal;
  const [data, agencies] = await Promise.all([kurvaOpd(deps, p, t.cycleId, t.opd), listOpd(deps)]);
  const opd = agencies.find((o) => o.kode === t.opd);
  if (!opd) return notFound(c);
  return sendPage(
    c,
    KurvaPage({
      viewer: viewerOf(c),
      ...data,
      opd,
      bolehUbah: bolehTetapkanKurva(p, t.opd) && data.cycle.status !== 'DITUTUP',
      flash: failure ? undefined : pesanOf(c.req.query('pesan')),
      failure,
    }),
    status,
  );
}

async function penutupanPage(
  c: Ctx,
  t: { cycleId: string },
  status: ContentfulStatusCode,
  failure?: HasilFailure,
) {
  const out = await periksaSiklus(c.var.config.deps(), c.var.principal, t.cycleId);
  return sendPage(
    c,
    PenutupanPage({
      viewer: viewerOf(c),
      cycle: out.cycle,
      pemeriksaan: out.pemeriksaan,
      log: out.log,
      flash: failure ? undefined : pesanOf(c.req.query('pesan')),
      failure,
    }),
    status,
  );
}

export function hasilWebRoutes(web: Hono<AppEnv>) {
  const base = '/evaluasi/:cycleId/:nip';
  const backToEvaluation = (t: Target) => `${evaluationHref(t)}#hasil-penilaian`;

  web.post(
    `${base}/umpan-balik`,
    requireSession,
    formPost(
      'umpan-balik',
      evaluationOf,
      parseUmpanBalik,
      (deps, p, t, { version, berikan, ...input }) =>
        (berikan ? berikanUmpanBalik : simpanUmpanBalik)(deps, p, t.cycleId, t.nip, version, input),
      backToEvaluation,
      evaluationAgain,
    ),
  );
  web.post(
    `${base}/tanggapan`,
    requireSession,
    formPost(
      'tanggapan',
      evaluationOf,
      parseTanggapan,
      (deps, p, t, { version, ...input }) => tanggapiPenilaian(deps, p, t.cycleId, t.nip, version, input),
      backToEvaluation,
      evaluationAgain,
    ),
  );
  web.post(
    `${base}/keberatan`,
    requireSession,
    formPost(
      'keberatan',
      evaluationOf,
      parsePutusan,
      (deps, p, t, { version, ...input }) => putuskan(deps, p, t.cycleId, t.nip, version, input),
      backToEvaluation,
      evaluationAgain,
    ),
  );
  web.get(`${base}/ringkasan`, requireSession, (c) => {
    const t = evaluationOf(c);
    if (!t) return notFound(c);
    return guarded(c, async () =>
      sendPage(
        c,
        RingkasanPage({ r: await ringkasan(c.var.config.deps(), c.var.principal, t.cycleId, t.nip) }),
      ),
    );
  });

  web.get('/opd/:opd/kurva/:cycleId', requireSession, (c) => {
    const t = cycleOpdOf(c);
    return t ? guarded(c, () => kurvaPage(c, t, 200)) : notFound(c);
  });
  web.post(
    '/opd/:opd/kurva/:cycleId',
    requireSession,
    formPost(
      'kurva',
      cycleOpdOf,
      parseKurva,
      (deps, p, t, { version, ...input }) => tetapkanKurva(deps, p, t.cycleId, t.opd, version, input),
      (t) => `${kurvaHref(t)}?pesan=disimpan`,
      kurvaPage,
    ),
  );

  web.get('/admin/siklus/:cycleId/kurva', requireSession, (c) => {
    const t = cycleOf(c);
    return t ? guarded(c, () => penutupanPage(c, t, 200)) : notFound(c);
  });
  web.post(
    '/admin/siklus/:cycleId/kurva/tutup',
    requireSession,
    formPost(
      'tutup',
      cycleOf,
      parseTutup,
      (deps, p, t, { alasanPengecualian }) => tutupSiklus(deps, p, t.cycleId, alasanPengecualian),
      (t) => `${penutupanHref(t)}?pesan=ditutup`,
      penutupanPage,
    ),
  );
}
