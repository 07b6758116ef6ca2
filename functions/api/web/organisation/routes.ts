import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { agencyEvaluations } from '../../../../shared/app/evaluation/queries.js';
import { kurvaOpd, tetapkanKurva } from '../../../../shared/app/organisation/kurva.js';
import { listCycles } from '../../../../shared/data/cycles.js';
import { listOpd } from '../../../../shared/data/people.js';
import { bolehTetapkanKurva } from '../../../../shared/domain/evaluation/penutupan-siklus.js';
import { bolehLihatOpd } from '../../../../shared/domain/people/policy.js';
import { CycleOpdParams, KurvaBody } from '../../../../shared/schemas/hasil.js';
import type { AppEnv } from '../../http/env.js';
import {
  INDONESIAN,
  angkaFormulir,
  flashOf,
  formAction,
  guarded,
  notFound,
  paramsOf,
} from '../common/kit.js';
import { errorPage, requireSession, sendPage, viewerOf } from '../common/respond.js';
import { AgencyPage } from './agency.js';
import { type KurvaFailure, KurvaPage } from './kurva.js';

type Ctx = Context<AppEnv>;
type Target = { cycleId: string; opd: string };

const FLASH = { disimpan: 'Predikat organisasi disimpan.' } as const;

const notAllowed = (c: Ctx) =>
  errorPage(c, 403, 'Tidak berhak', 'Daftar evaluasi OPD hanya untuk kepala OPD, BKPSDM, dan auditor.');

const kurvaOf = paramsOf(CycleOpdParams);
const kurvaHref = (t: Target) => `/opd/${encodeURIComponent(t.opd)}/kurva/${encodeURIComponent(t.cycleId)}`;

const parseKurva = (values: Record<string, string>) =>
  KurvaBody.safeParse(
    { version: angkaFormulir(values.version), predikat: values.predikat ?? '', alasan: values.alasan ?? '' },
    INDONESIAN,
  );

const kurvaPage = (c: Ctx, t: Target, status: ContentfulStatusCode, failure?: KurvaFailure) =>
  guarded(c, async () => {
    const deps = c.var.config.deps();
    const p = c.var.principal;
    const [data, agencies] = await Promise.all([kurvaOpd(deps, p, t.cycleId, t.opd), listOpd(deps)]);
    const opd = agencies.find((o) => o.kode === t.opd);
    if (!opd) return notFound(c);
    const bolehUbah = bolehTetapkanKurva(p, t.opd) && data.cycle.status !== 'DITUTUP';
    const flash = failure ? undefined : flashOf(c, FLASH);
    return sendPage(c, KurvaPage({ viewer: viewerOf(c), ...data, opd, bolehUbah, flash, failure }), status);
  });

/** Agency overviews for its head, BKPSDM and auditors, and the agency's distribution curve. */
export function opdPages() {
  const app = new Hono<AppEnv>();
  app.use('*', requireSession);
  app.get('/', async (c) => {
    const p = c.var.principal;
    if (p.kepalaOpd) return c.redirect(`/opd/${p.kepalaOpd}`, 303);
    const first = (await listOpd(c.var.config.deps()))[0];
    if (!first || !(p.admin || p.auditor)) return notAllowed(c);
    return c.redirect(`/opd/${first.kode}`, 303);
  });

  app.get('/:opd', (c) =>
    guarded(c, async () => {
      const p = c.var.principal;
      const deps = c.var.config.deps();
      const kode = c.req.param('opd');
      if (!bolehLihatOpd(p, kode)) return notAllowed(c);
      const [all, cycles] = await Promise.all([listOpd(deps), listCycles(deps)]);
      const opd = all.find((o) => o.kode === kode);
      const wanted = c.req.query('siklus');
      const cycle =
        cycles.find((x) => x.id === wanted) ?? cycles.find((x) => x.status === 'DIBUKA') ?? cycles[0];
      if (!opd || !cycle) return notFound(c, 'OPD atau siklus ini tidak ditemukan.');
      const evaluations = await agencyEvaluations(deps, p, opd.kode, cycle.id);
      const choices = all.filter((o) => bolehLihatOpd(p, o.kode));
      return sendPage(
        c,
        AgencyPage({ viewer: viewerOf(c), now: deps.now(), opd, cycle, choices, evaluations }),
      );
    }),
  );

  app.get('/:opd/kurva/:cycleId', (c) => {
    const t = kurvaOf(c);
    return t ? kurvaPage(c, t, 200) : notFound(c);
  });
  app.post(
    '/:opd/kurva/:cycleId',
    formAction({
      form: 'kurva',
      target: kurvaOf,
      parse: parseKurva,
      run: (deps, p, t, { version, ...input }) => tetapkanKurva(deps, p, t.cycleId, t.opd, version, input),
      done: (t) => `${kurvaHref(t)}?pesan=disimpan`,
      again: kurvaPage,
    }),
  );
  return app;
}
