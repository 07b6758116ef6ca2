import type { Context, Hono } from 'hono';
import { agencyEvaluations } from '../../../shared/app/evaluation/queries.js';
import { listCycles } from '../../../shared/data/cycles.js';
import { listOpd } from '../../../shared/data/people.js';
import { bolehLihatOpd } from '../../../shared/domain/people/policy.js';
import type { AppEnv } from '../http/env.js';
import { errorPage, requireSession, sendPage, viewerOf } from './respond.js';
import { AgencyPage } from './views/agency.js';

type Ctx = Context<AppEnv>;

const notAllowed = (c: Ctx) =>
  errorPage(c, 403, 'Tidak berhak', 'Daftar evaluasi OPD hanya untuk kepala OPD, BKPSDM, dan auditor.');

/** Agency overviews for its head, BKPSDM and auditors. */
export function agencyRoutes(web: Hono<AppEnv>) {
  web.get('/opd', requireSession, async (c) => {
    const p = c.var.principal;
    if (p.kepalaOpd) return c.redirect(`/opd/${p.kepalaOpd}`, 303);
    const first = (await listOpd(c.var.config.deps()))[0];
    if (!first || !(p.admin || p.auditor)) return notAllowed(c);
    return c.redirect(`/opd/${first.kode}`, 303);
  });

  web.get('/opd/:opd', requireSession, async (c) => {
    const p = c.var.principal;
    const deps = c.var.config.deps();
    const kode = c.req.param('opd');
    if (!bolehLihatOpd(p, kode)) return notAllowed(c);
    const [all, cycles] = await Promise.all([listOpd(deps), listCycles(deps)]);
    const opd = all.find((o) => o.kode === kode);
    const wanted = c.req.query('siklus');
    const cycle =
      cycles.find((x) => x.id === wanted) ?? cycles.find((x) => x.status === 'DIBUKA') ?? cycles[0];
    if (!opd || !cycle) return errorPage(c, 404, 'Tidak ditemukan', 'OPD atau siklus ini tidak ditemukan.');
    const evaluations = await agencyEvaluations(deps, p, opd.kode, cycle.id);
    const choices = all.filter((o) => bolehLihatOpd(p, o.kode));
    return sendPage(
      c,
      AgencyPage({ viewer: viewerOf(c), now: deps.now(), opd, cycle, choices, evaluations }),
    );
  });
}
