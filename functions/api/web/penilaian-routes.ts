import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as penilaian from '../../../shared/app/evaluation/penilaian.js';
import * as rekan from '../../../shared/app/evaluation/penilaian-rekan.js';
import { evaluationDetail } from '../../../shared/app/evaluation/queries.js';
import { DomainError } from '../../../shared/domain/errors.js';
import { EvaluationParams } from '../../../shared/schemas/api.js';
import type { AppEnv } from '../http/env.js';
import { statusOf, zodIssues } from '../http/errors.js';
import { aksiOf, parseAtasan, parseMandiri, parseRekan } from './penilaian-forms.js';
import { errorPage, readSignedForm, requireSession, sendPage, viewerOf } from './respond.js';
import { AtasanPage } from './views/evaluation/atasan-page.js';
import { MandiriPage } from './views/evaluation/mandiri-page.js';
import type { PenilaianFailure } from './views/evaluation/penilaian-parts.js';
import { atasanHref, mandiriHref } from './views/evaluation/penilaian-section.js';
import { PenilaianRekanPage, TugasRekanPage, rekanHref } from './views/rekan-tugas.js';
import { getCycle } from '../../../shared/data/cycles.js';
import { pelatihanSelesai } from '../../../shared/app/development/pengembangan.js';

type Ctx = Context<AppEnv>;
type Target = { cycleId: string; nip: string };

const FLASH = {
  disimpan: 'Draf disimpan.',
  diajukan: 'Penilaian diajukan. Terima kasih.',
} as const;
const flashOf = (c: Ctx) => {
  const key = c.req.query('pesan');
  return key && Object.hasOwn(FLASH, key) ? FLASH[key as keyof typeof FLASH] : undefined;
};

const TITLE: Record<DomainError['code'], string> = {
  VALIDASI: 'Isian tidak valid',
  KONFLIK: 'Tidak dapat diproses',
  TIDAK_DITEMUKAN: 'Tidak ditemukan',
  DILARANG: 'Tidak berhak',
};

function targetOf(c: Ctx): Target | undefined {
  const t = EvaluationParams.safeParse({ cycleId: c.req.param('cycleId'), nip: c.req.param('nip') });
  return t.success ? t.data : undefined;
}

const notFound = (c: Ctx) => errorPage(c, 404, 'Tidak ditemukan', 'Evaluasi ini tidak ditemukan.');

/** A stale form gets the data as it is now, with what was typed kept (the version field is fresh). */
function messageOf(err: DomainError): string {
  return err.code === 'KONFLIK' && 'currentVersion' in err.details
    ? 'Data sudah berubah, muat ulang. Halaman ini kini menampilkan data terbaru; periksa lalu kirim ulang isian Anda.'
    : err.message;
}

async function render(c: Ctx, draw: () => Promise<string | Promise<string>>, status: ContentfulStatusCode) {
  try {
    return sendPage(c, await draw(), status);
  } catch (err) {
    if (err instanceof DomainError) return errorPage(c, statusOf(err), TITLE[err.code], err.message);
    throw err;
  }
}

type Page = typeof MandiriPage | typeof AtasanPage;

function showReview(c: Ctx, t: Target, page: Page, status: ContentfulStatusCode, failure?: PenilaianFailure) {
  return render(
    c,
    async () => {
      const deps = c.var.config.deps();
      const detail = await evaluationDetail(deps, c.var.principal, t.cycleId, t.nip);
      // The self-assessment offers the year's completed trainings as evidence.
      const cycle = page === MandiriPage ? await getCycle(deps, t.cycleId) : undefined;
      const pelatihan = cycle && {
        tahun: cycle.tahun,
        items: await pelatihanSelesai(deps, t.nip, cycle.tahun),
      };
      return page({
        viewer: viewerOf(c),
        ...detail,
        pelatihan,
        flash: failure ? undefined : flashOf(c),
        failure,
      });
    },
    status,
  );
}

type Parsed<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

/**
 * One review form: CSRF, parse, save or submit (the button pressed), then redirect so a reload
 * does not post again; or show the form again with the messages at their fields.
 */
function post<T extends { version: number }>(
  parse: (values: Record<string, string>) => Parsed<T>,
  run: (c: Ctx, t: Target, aksi: 'simpan' | 'ajukan', data: T) => Promise<unknown>,
  again: (
    c: Ctx,
    t: Target,
    status: ContentfulStatusCode,
    failure: PenilaianFailure,
  ) => Response | Promise<Response>,
  href: (t: Target) => string,
) {
  return async (c: Ctx) => {
    const t = targetOf(c);
    if (!t) return notFound(c);
    const values = await readSignedForm(c);
    if (values instanceof Response) return values;
    const aksi = aksiOf(values);
    const parsed = parse(values);
    if (!parsed.success) {
      return again(c, t, 400, {
        message: 'Periksa kembali isian formulir.',
        issues: zodIssues(parsed.error),
        values,
      });
    }
    try {
      await run(c, t, aksi, parsed.data);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return again(c, t, statusOf(err), { message: messageOf(err), issues: err.issues, values });
    }
    return c.redirect(`${href(t)}?pesan=${aksi === 'ajukan' ? 'diajukan' : 'disimpan'}`, 303);
  };
}

function showRekan(c: Ctx, t: Target, status: ContentfulStatusCode, failure?: PenilaianFailure) {
  return render(
    c,
    async () => {
      const tugas = await rekan.bukaPenilaianRekan(c.var.config.deps(), c.var.principal, t.cycleId, t.nip);
      return PenilaianRekanPage({
        viewer: viewerOf(c),
        tugas,
        flash: failure ? undefined : flashOf(c),
        failure,
      });
    },
    status,
  );
}

export function penilaianWebRoutes(web: Hono<AppEnv>) {
  const base = '/evaluasi/:cycleId/:nip';
  const pages = [
    ['penilaian-mandiri', MandiriPage],
    ['penilaian-atasan', AtasanPage],
  ] as const;
  for (const [path, page] of pages) {
    web.get(`${base}/${path}`, requireSession, (c) => {
      const t = targetOf(c);
      return t ? showReview(c, t, page, 200) : notFound(c);
    });
  }
  const deps = (c: Ctx) => c.var.config.deps();
  web.post(
    `${base}/penilaian-mandiri`,
    requireSession,
    post(
      parseMandiri,
      (c, t, aksi, { version, ...input }) =>
        (aksi === 'ajukan' ? penilaian.ajukanPenilaianMandiri : penilaian.simpanPenilaianMandiri)(
          deps(c),
          c.var.principal,
          t.cycleId,
          t.nip,
          version,
          input,
        ),
      (c, t, status, failure) => showReview(c, t, MandiriPage, status, failure),
      mandiriHref,
    ),
  );
  web.post(
    `${base}/penilaian-atasan`,
    requireSession,
    post(
      parseAtasan,
      (c, t, aksi, { version, ...input }) =>
        (aksi === 'ajukan' ? penilaian.ajukanPenilaianAtasan : penilaian.simpanPenilaianAtasan)(
          deps(c),
          c.var.principal,
          t.cycleId,
          t.nip,
          version,
          input,
        ),
      (c, t, status, failure) => showReview(c, t, AtasanPage, status, failure),
      atasanHref,
    ),
  );

  web.get('/penilaian-rekan', requireSession, (c) =>
    render(
      c,
      async () =>
        TugasRekanPage({
          viewer: viewerOf(c),
          items: await rekan.tugasRekan(deps(c), c.var.principal),
          now: deps(c).now(),
        }),
      200,
    ),
  );
  web.get('/penilaian-rekan/:cycleId/:nip', requireSession, (c) => {
    const t = targetOf(c);
    return t ? showRekan(c, t, 200) : notFound(c);
  });
  web.post(
    '/penilaian-rekan/:cycleId/:nip',
    requireSession,
    post(
      parseRekan,
      (c, t, aksi, { version, ...input }) =>
        (aksi === 'ajukan' ? rekan.ajukanPenilaianRekan : rekan.simpanPenilaianRekan)(
          deps(c),
          c.var.principal,
          t.cycleId,
          t.nip,
          version,
          input,
        ),
      // A refusal of the person (not of the answers) is a plain error page: there is no form for them.
      (c, t, status, failure) =>
        status === 403 || status === 404
          ? errorPage(c, status, TITLE[status === 403 ? 'DILARANG' : 'TIDAK_DITEMUKAN'], failure.message)
          : showRekan(c, t, status, failure),
      rekanHref,
    ),
  );
}
