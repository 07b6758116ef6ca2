import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { closeCheck, closeCycle } from '../../../../shared/app/evaluation/tutup-siklus.js';
import { CloseCycleBody } from '../../../../shared/schemas/hasil.js';
import type { AppEnv } from '../../http/env.js';
import { INDONESIAN, filled, flashOf, formAction, notFound, showPage } from '../common/kit.js';
import { viewerOf } from '../common/respond.js';
import { cycleHref, cycleOf } from './routes.js';
import { type PenutupanFailure, PenutupanPage } from './tutup-siklus.js';

type Ctx = Context<AppEnv>;
type Target = { cycleId: string };

const FLASH = { ditutup: 'Siklus ditutup.' } as const;

const penutupanPage = (c: Ctx, t: Target, status: ContentfulStatusCode, failure?: PenutupanFailure) =>
  showPage(
    c,
    async () => {
      const { cycle, pemeriksaan, log } = await closeCheck(c.var.config.deps(), c.var.principal, t.cycleId);
      const flash = failure ? undefined : flashOf(c, FLASH);
      return PenutupanPage({ viewer: viewerOf(c), cycle, pemeriksaan, log, flash, failure });
    },
    status,
  );

/**
 * Closing the cycle: the check per agency (BKPSDM and auditors read it; the service decides who
 * may) and the close itself. Mounted at /admin/siklus/:cycleId/kurva.
 */
export function penutupanPages() {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => {
    const t = cycleOf(c);
    return t ? penutupanPage(c, t, 200) : notFound(c);
  });
  app.post(
    '/tutup',
    formAction({
      form: 'tutup',
      target: cycleOf,
      parse: (values) => {
        const alasan = filled(values.alasanPengecualian);
        return CloseCycleBody.safeParse(alasan ? { alasanPengecualian: alasan } : {}, INDONESIAN);
      },
      run: (deps, p, t, { alasanPengecualian }) => closeCycle(deps, p, t.cycleId, alasanPengecualian),
      done: (t) => `${cycleHref(t)}/kurva?pesan=ditutup`,
      again: penutupanPage,
    }),
  );
  return app;
}
