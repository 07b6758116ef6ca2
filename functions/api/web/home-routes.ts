import type { Context, Hono } from 'hono';
import { inbox, myEvaluations, team } from '../../../shared/app/evaluation/queries.js';
import { listNotices } from '../../../shared/data/notices.js';
import type { AppEnv } from '../http/env.js';
import { requireSession, sendPage, viewerOf } from './respond.js';
import { HomePage } from './views/home.js';
import { InboxPage } from './views/inbox.js';

async function noticesFor(c: Context<AppEnv>) {
  const deps = c.var.config.deps();
  const p = c.var.principal;
  const [mine, shared] = await Promise.all([
    listNotices(deps, p.nip),
    p.admin ? listNotices(deps, 'BKPSDM') : [],
  ]);
  return [...mine, ...shared].sort((a, b) => b.at.localeCompare(a.at));
}

export function homeRoutes(web: Hono<AppEnv>) {
  web.get('/', requireSession, async (c) => {
    const deps = c.var.config.deps();
    const p = c.var.principal;
    // The whole team, not the inbox query: it also tells whether this person is an atasan at all.
    const [evaluations, notices, members] = await Promise.all([
      myEvaluations(deps, p),
      noticesFor(c),
      team(deps, p),
    ]);
    return sendPage(
      c,
      HomePage({
        viewer: viewerOf(c),
        now: deps.now(),
        evaluations,
        notices,
        teamSize: members.length,
        waitingCount: members.filter((e) => e.status === 'DIAJUKAN').length,
      }),
    );
  });

  web.get('/kotak-masuk', requireSession, async (c) => {
    const deps = c.var.config.deps();
    const p = c.var.principal;
    const [waiting, members] = await Promise.all([inbox(deps, p), team(deps, p)]);
    return sendPage(c, InboxPage({ viewer: viewerOf(c), now: deps.now(), waiting, team: members }));
  });
}
