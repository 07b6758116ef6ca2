import { Hono } from 'hono';
import { except } from 'hono/combine';
import type { AppEnv } from '../http/env.js';
import { accountPages } from './auth/account-routes.js';
import { authPages } from './auth/routes.js';
import { bkpsdmOnly, requireSession } from './common/respond.js';
import { APP_CSS, CSS_VERSION } from './common/styles.js';
import { penutupanPages } from './cycles/penutupan-routes.js';
import { cyclePages } from './cycles/routes.js';
import { pengembanganPages } from './development/routes.js';
import { rekanPages } from './evaluation/penilaian-routes.js';
import { evaluationPages } from './evaluation/routes.js';
import { homePages } from './home/routes.js';
import { opdPages } from './organisation/routes.js';
import { peoplePages } from './people/routes.js';

/** BKPSDM's pages, except the cycle-closing check, which auditors read too (the service decides). */
function adminPages() {
  const admin = new Hono<AppEnv>();
  admin.use('*', requireSession, except('/admin/siklus/:cycleId/kurva/*', bkpsdmOnly));
  admin.route('/', peoplePages());
  admin.route('/siklus', cyclePages());
  admin.route('/siklus/:cycleId/kurva', penutupanPages());
  return admin;
}

/**
 * The server-rendered web pages, one sub-app per feature, mounted last at "/". Each sub-app
 * attaches the middleware it needs below its own prefix; none uses "*" at "/", which would also
 * run for the API's unmatched paths.
 */
export function webApp() {
  const web = new Hono<AppEnv>();
  web.get('/static/app.css', (c) => {
    // Only a URL naming the current version may be cached for good.
    const immutable = c.req.query('v') === CSS_VERSION;
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(APP_CSS);
  });
  web.route('/', authPages());
  web.route('/akun', accountPages());
  web.route('/', homePages());
  web.route('/evaluasi', evaluationPages());
  web.route('/penilaian-rekan', rekanPages());
  web.route('/pengembangan', pengembanganPages());
  web.route('/opd', opdPages());
  web.route('/admin', adminPages());
  return web;
}
