import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Principal } from '../../../../shared/app/actor.js';
import { pelatihanSelesai } from '../../../../shared/app/development/pengembangan.js';
import * as penilaian from '../../../../shared/app/evaluation/penilaian.js';
import * as rekan from '../../../../shared/app/evaluation/penilaian-rekan.js';
import { evaluationDetail } from '../../../../shared/app/evaluation/queries.js';
import { getCycle } from '../../../../shared/data/cycles.js';
import type { Deps } from '../../../../shared/runtime/deps.js';
import type { AppEnv } from '../../http/env.js';
import { type Parsed, evaluationOf, flashOf, formAction, notFound, showPage } from '../common/kit.js';
import { requireSession, viewerOf } from '../common/respond.js';
import { AtasanPage } from './atasan-page.js';
import { MandiriPage } from './mandiri-page.js';
import { type Aksi, aksiOf, parseAtasan, parseMandiri, parseRekan } from './penilaian-forms.js';
import type { PenilaianFailure, PenilaianForm } from './penilaian-parts.js';
import { atasanHref, mandiriHref } from './penilaian-section.js';
import { PenilaianRekanPage, TugasRekanPage, rekanHref } from './rekan-tugas.js';

type Ctx = Context<AppEnv>;
type Target = { cycleId: string; nip: string };
type Again = (
  c: Ctx,
  t: Target,
  status: ContentfulStatusCode,
  failure?: PenilaianFailure,
) => Promise<Response>;
/** A review service: save a draft, or submit. */
type Service<I> = (
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  input: I,
) => Promise<unknown>;

const FLASH = {
  disimpan: 'Draf disimpan.',
  diajukan: 'Penilaian diajukan. Terima kasih.',
} as const;
const NOT_FOUND = 'Evaluasi ini tidak ditemukan.';

/**
 * A review form with its two buttons, "Simpan draf" and "Ajukan": the one pressed picks the
 * service; done, back to the form with the flash that says which.
 */
function reviewForm<D extends { version: number }>(
  form: PenilaianForm,
  parse: (values: Record<string, string>) => Parsed<D>,
  services: Record<Aksi, Service<Omit<D, 'version'>>>,
  href: (t: Target) => string,
  again: Again,
  refusalAsPage = false,
) {
  return formAction({
    form,
    target: evaluationOf,
    missing: NOT_FOUND,
    parse,
    run: (deps, p, t, { version, ...input }, values) =>
      services[aksiOf(values)](deps, p, t.cycleId, t.nip, version, input),
    done: (t, _, values) => `${href(t)}?pesan=${aksiOf(values) === 'ajukan' ? 'diajukan' : 'disimpan'}`,
    again,
    refusalAsPage,
  });
}

type ReviewPage = typeof MandiriPage | typeof AtasanPage;

const showReview =
  (page: ReviewPage): Again =>
  (c, t, status, failure) =>
    showPage(
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
        const flash = failure ? undefined : flashOf(c, FLASH);
        return page({ viewer: viewerOf(c), now: deps.now(), ...detail, pelatihan, flash, failure });
      },
      status,
    );

const showMandiri = showReview(MandiriPage);
const showAtasan = showReview(AtasanPage);

const showRekan: Again = (c, t, status, failure) =>
  showPage(
    c,
    async () => {
      const tugas = await rekan.bukaPenilaianRekan(c.var.config.deps(), c.var.principal, t.cycleId, t.nip);
      const flash = failure ? undefined : flashOf(c, FLASH);
      return PenilaianRekanPage({ viewer: viewerOf(c), tugas, flash, failure });
    },
    status,
  );

/** A GET of a review page: the page with no failure. */
const page = (show: Again) => (c: Ctx) => {
  const t = evaluationOf(c);
  return t ? show(c, t, 200) : notFound(c, NOT_FOUND);
};

/** The self-assessment and the atasan's review of one evaluation. */
export function penilaianPages() {
  const app = new Hono<AppEnv>();
  app.get('/:cycleId/:nip/penilaian-mandiri', page(showMandiri));
  app.post(
    '/:cycleId/:nip/penilaian-mandiri',
    reviewForm(
      'penilaian-mandiri',
      parseMandiri,
      { simpan: penilaian.simpanPenilaianMandiri, ajukan: penilaian.ajukanPenilaianMandiri },
      mandiriHref,
      showMandiri,
    ),
  );
  app.get('/:cycleId/:nip/penilaian-atasan', page(showAtasan));
  app.post(
    '/:cycleId/:nip/penilaian-atasan',
    reviewForm(
      'penilaian-atasan',
      parseAtasan,
      { simpan: penilaian.simpanPenilaianAtasan, ajukan: penilaian.ajukanPenilaianAtasan },
      atasanHref,
      showAtasan,
    ),
  );
  return app;
}

/** Peers' reviews: the list of those asked of me, and one form per colleague. Mounted at /penilaian-rekan. */
export function rekanPages() {
  const app = new Hono<AppEnv>();
  app.use('*', requireSession);
  app.get('/', (c) =>
    showPage(c, async () => {
      const deps = c.var.config.deps();
      const items = await rekan.tugasRekan(deps, c.var.principal);
      return TugasRekanPage({ viewer: viewerOf(c), items, now: deps.now() });
    }),
  );
  app.get('/:cycleId/:nip', page(showRekan));
  app.post(
    '/:cycleId/:nip',
    // A refusal of the person (not of the answers) is a plain error page: there is no form for them.
    reviewForm(
      'penilaian-rekan',
      parseRekan,
      { simpan: rekan.simpanPenilaianRekan, ajukan: rekan.ajukanPenilaianRekan },
      rekanHref,
      showRekan,
      true,
    ),
  );
  return app;
}
