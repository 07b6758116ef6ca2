import { Hono, type Context } from 'hono';
import { inbox, myEvaluations, team } from '../../../../shared/app/evaluation/queries.js';
import { notifikasiSaya, tugasSaya } from '../../../../shared/app/evaluation/tugas.js';
import { listNotices } from '../../../../shared/data/notices.js';
import type { AppEnv } from '../../http/env.js';
import { showPage } from '../common/kit.js';
import { requireSession, viewerOf } from '../common/respond.js';
import { HomePage } from './home.js';
import { InboxPage } from './inbox.js';
import { NotifikasiPage } from './notifikasi.js';
import { TugasPage } from './tugas.js';

async function noticesFor(c: Context<AppEnv>) {
  const deps = c.var.config.deps();
  const p = c.var.principal;
  const [mine, shared] = await Promise.all([
    listNotices(deps, p.nip),
    p.admin ? listNotices(deps, 'BKPSDM') : [],
  ]);
  return [...mine, ...shared].sort((a, b) => b.at.localeCompare(a.at));
}

/** The pages of this sub-app; they share no prefix, so the sign-in check names each of them. */
const PAGES = ['/', '/kotak-masuk', '/tugas', '/notifikasi'] as const;

/**
 * Every signed-in person's own lists: their evaluations, the atasan's inbox, "Tugas saya" and
 * "Notifikasi saya". Mounted at "/", where a "*" check would also catch the API's unknown paths.
 */
export function homePages() {
  const app = new Hono<AppEnv>();
  for (const path of PAGES) app.use(path, requireSession);

  app.get('/', (c) =>
    showPage(c, async () => {
      const deps = c.var.config.deps();
      const p = c.var.principal;
      // The whole team, not the inbox query: it also tells whether this person is an atasan at all.
      const [evaluations, notices, members] = await Promise.all([
        myEvaluations(deps, p),
        noticesFor(c),
        team(deps, p),
      ]);
      return HomePage({
        viewer: viewerOf(c),
        now: deps.now(),
        evaluations,
        notices,
        teamSize: members.length,
        waitingCount: members.filter((e) => e.status === 'DIAJUKAN').length,
      });
    }),
  );

  app.get('/kotak-masuk', (c) =>
    showPage(c, async () => {
      const deps = c.var.config.deps();
      const p = c.var.principal;
      const [waiting, members] = await Promise.all([inbox(deps, p), team(deps, p)]);
      return InboxPage({ viewer: viewerOf(c), now: deps.now(), waiting, team: members });
    }),
  );

  app.get('/tugas', (c) =>
    showPage(c, async () =>
      TugasPage({ viewer: viewerOf(c), tugas: await tugasSaya(c.var.config.deps(), c.var.principal) }),
    ),
  );

  app.get('/notifikasi', (c) =>
    showPage(c, async () =>
      NotifikasiPage({
        viewer: viewerOf(c),
        notices: await notifikasiSaya(c.var.config.deps(), c.var.principal),
      }),
    ),
  );
  return app;
}
