import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.js';
import { requireApiSession } from '../http/session.js';
import { adminApi } from './admin.js';
import { cyclesApi } from './cycles.js';
import { evaluationsApi } from './evaluations.js';
import { hasilApi } from './hasil.js';
import { meApi } from './me.js';
import { opdApi } from './opd.js';
import { pengembanganApi } from './pengembangan.js';
import { penilaianApi } from './penilaian.js';
import { revokeApi } from './revoke.js';
import { skpApi } from './skp.js';
import { tugasApi } from './tugas.js';

/**
 * The JSON API, mounted at /api: one sub-app per feature. Every route needs a session or a
 * bearer token, checked here once; who may do what is the services' decision (the domain's
 * policy), so no feature adds middleware of its own. A feature that owns a path prefix is
 * mounted there; those that add routes under one evaluation (/evaluations/{cycleId}/{nip}/...)
 * or under several prefixes are mounted at the root with full paths.
 */
export function apiRoutes() {
  return new OpenAPIHono<AppEnv>()
    .use('*', requireApiSession)
    .route('/', meApi())
    .route('/', revokeApi())
    .route('/', evaluationsApi())
    .route('/', skpApi())
    .route('/', penilaianApi())
    .route('/', hasilApi())
    .route('/', pengembanganApi())
    .route('/tasks', tugasApi())
    .route('/opd', opdApi())
    .route('/admin/cycles', cyclesApi())
    .route('/admin', adminApi());
}
