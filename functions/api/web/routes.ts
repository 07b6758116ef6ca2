import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { adminRoutes } from './admin-routes.js';
import { agencyRoutes } from './agency-routes.js';
import { alurRoutes } from './alur-routes.js';
import { cycleWebRoutes } from './cycle-routes.js';
import { authRoutes } from './auth-routes.js';
import { evaluationRoutes } from './evaluation-routes.js';
import { homeRoutes } from './home-routes.js';
import { pengembanganRoutes } from './pengembangan-routes.js';
import { penilaianWebRoutes } from './penilaian-routes.js';
import { tugasRoutes } from './tugas-routes.js';
import { hasilWebRoutes } from './hasil-routes.js';
import { APP_CSS, CSS_VERSION } from './styles.js';

/**
 * The server-rendered web pages. Mounted last, at "/". Middleware here is attached per route,
 * never with "*": a wildcard would also run for the API's unmatched paths.
 */
export function webRoutes() {
  const web = new Hono<AppEnv>();
  web.get('/static/app.css', (c) => {
    // Only a URL naming the current version may be cached for good.
    const immutable = c.req.query('v') === CSS_VERSION;
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(APP_CSS);
  });
  authRoutes(web);
  homeRoutes(web);
  evaluationRoutes(web);
  alurRoutes(web);
  adminRoutes(web);
  agencyRoutes(web);
  cycleWebRoutes(web);
  tugasRoutes(web);
  hasilWebRoutes(web);
  pengembanganRoutes(web);
  penilaianWebRoutes(web);
  return web;
}
