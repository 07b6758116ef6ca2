import { z } from '@hono/zod-openapi';
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  bukaPenilaian,
  createCycleFor,
  cycleDetail,
  cyclesFor,
  progresSiklus,
  startLaunch,
} from '../../../shared/app/evaluation/cycles.js';
import { listOpd } from '../../../shared/data/people.js';
import {
  PERIODE,
  type Periode,
  TAHAP_BERTENGGAT,
  idSiklusBaku,
  jadwalBaku,
  rentangPeriode,
  tanggalJadwal,
} from '../../../shared/domain/evaluation/cycle.js';
import { DomainError } from '../../../shared/domain/errors.js';
import { CycleBody } from '../../../shared/schemas/cycles.js';
import type { AppEnv } from '../http/env.js';
import { statusOf, zodIssues } from '../http/errors.js';
import { errorPage, readSignedForm, requireSession, sendPage, viewerOf } from './respond.js';
import { type CycleFailure, CyclePage, CyclesPage, PERIODE_LABEL } from './views/cycles.js';

type Ctx = Context<AppEnv>;

const INDONESIAN = { error: z.locales.id().localeError };

/** Flash texts by key, so a crafted link cannot make the page say anything else. */
const FLASH = {
  dibuat: 'Siklus dibuat. Periksa jadwalnya, lalu luncurkan.',
  diluncurkan: 'Peluncuran dimulai. Muat ulang halaman untuk melihat statusnya.',
  dibuka: 'Masa penilaian dibuka.',
} as const;

function flashOf(c: Ctx): string | undefined {
  const key = c.req.query('pesan');
  if (!key || !Object.hasOwn(FLASH, key)) return undefined;
  const n = Number(c.req.query('jumlah'));
  const text = FLASH[key as keyof typeof FLASH];
  return key === 'dibuka' && Number.isInteger(n) && n >= 0
    ? `${text} ${n} evaluasi yang menunggu dilanjutkan ke penilaian mandiri.`
    : text;
}

const adminOnly = (c: Ctx) =>
  errorPage(c, 403, 'Tidak berhak', 'Halaman ini hanya untuk pengelola kinerja BKPSDM.');

/** The create form pre-filled for a period: its dates and the default schedule, as WIB dates. */
function defaults(tahun: number, periode: Periode): Record<string, string> {
  const { mulai, selesai } = rentangPeriode(tahun, periode);
  const jadwal = jadwalBaku(mulai, selesai);
  return {
    nama: `Penilaian Kinerja ${PERIODE_LABEL[periode]} ${tahun}`,
    id: idSiklusBaku(tahun, periode),
    tahun: String(tahun),
    periode,
    mulai,
    selesai,
    graceDays: '7',
    cakupan: 'ALL',
    ...Object.fromEntries(TAHAP_BERTENGGAT.map((t) => [`jadwal.${t}`, tanggalJadwal(jadwal[t])])),
  };
}

/** Form fields to the API's JSON shape: empty means "default", checked OPDs make the scope. */
function cycleInputOf(values: Record<string, string>) {
  const filled = (k: string) => values[k]?.trim() || undefined;
  const jadwal = Object.fromEntries(
    TAHAP_BERTENGGAT.flatMap((t) => {
      const v = filled(`jadwal.${t}`);
      return v ? [[t, v]] : [];
    }),
  );
  const opd = Object.keys(values)
    .filter((k) => k.startsWith('opd.'))
    .map((k) => k.slice('opd.'.length));
  return {
    ...(filled('id') ? { id: filled('id') } : {}),
    nama: values.nama ?? '',
    tahun: values.tahun ?? '',
    periode: values.periode ?? '',
    mulai: values.mulai ?? '',
    selesai: values.selesai ?? '',
    jadwal,
    ...(filled('graceDays') ? { graceDays: filled('graceDays') } : {}),
    scope: values.cakupan === 'OPD' ? opd : 'ALL',
  };
}

async function listPage(
  c: Ctx,
  values: Record<string, string>,
  status: ContentfulStatusCode = 200,
  failure?: CycleFailure,
) {
  const deps = c.var.config.deps();
  const [cycles, opd] = await Promise.all([cyclesFor(deps, c.var.principal), listOpd(deps)]);
  return sendPage(
    c,
    CyclesPage({ viewer: viewerOf(c), cycles, opd, values, failure, flash: flashOf(c) }),
    status,
  );
}

async function cyclePage(c: Ctx, id: string, status: ContentfulStatusCode = 200, failure?: string) {
  const deps = c.var.config.deps();
  const p = c.var.principal;
  try {
    const [detail, progres, opd] = await Promise.all([
      cycleDetail(deps, p, id),
      progresSiklus(deps, p, id),
      listOpd(deps),
    ]);
    return sendPage(
      c,
      CyclePage({
        viewer: viewerOf(c),
        detail,
        progres,
        opd,
        flash: failure ? undefined : flashOf(c),
        failure,
      }),
      status,
    );
  } catch (err) {
    if (err instanceof DomainError && err.code === 'TIDAK_DITEMUKAN')
      return errorPage(c, 404, 'Tidak ditemukan', err.message, {
        href: '/admin/siklus',
        label: 'Semua siklus',
      });
    throw err;
  }
}

/** A cycle action from its page: done, then back to the page; refused, the page says why. */
function action(run: (c: Ctx, id: string) => Promise<string>) {
  return async (c: Ctx) => {
    if (!c.var.principal.admin) return adminOnly(c);
    const values = await readSignedForm(c);
    if (values instanceof Response) return values;
    const id = c.req.param('cycleId')!;
    try {
      const query = await run(c, id);
      return c.redirect(`/admin/siklus/${encodeURIComponent(id)}?${query}`, 303);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      if (err.code === 'TIDAK_DITEMUKAN') return cyclePage(c, id);
      return cyclePage(c, id, statusOf(err), err.message);
    }
  };
}

/** BKPSDM's cycle pages: list and create, one cycle with launch, window and progress. */
export function cycleWebRoutes(web: Hono<AppEnv>) {
  web.get('/admin/siklus', requireSession, (c) => {
    if (!c.var.principal.admin) return adminOnly(c);
    const now = c.var.config.deps().now();
    const tahun = Number(c.req.query('tahun'));
    const periode = c.req.query('periode') as Periode;
    return listPage(
      c,
      defaults(
        Number.isInteger(tahun) && tahun >= 2000 && tahun <= 2100 ? tahun : now.getUTCFullYear() + 1,
        PERIODE.includes(periode) ? periode : 'TAHUNAN',
      ),
    );
  });

  web.post('/admin/siklus', requireSession, async (c) => {
    if (!c.var.principal.admin) return adminOnly(c);
    const values = await readSignedForm(c);
    if (values instanceof Response) return values;
    const parsed = CycleBody.safeParse(cycleInputOf(values), INDONESIAN);
    if (!parsed.success)
      return listPage(c, values, 400, {
        message: 'Isian belum lengkap atau tidak valid',
        issues: zodIssues(parsed.error),
      });
    try {
      const cycle = await createCycleFor(c.var.config.deps(), c.var.principal, parsed.data);
      return c.redirect(`/admin/siklus/${encodeURIComponent(cycle.id)}?pesan=dibuat`, 303);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const issues = err.details.field
        ? [{ path: String(err.details.field), message: err.message }]
        : err.issues;
      return listPage(c, values, statusOf(err), { message: err.message, issues });
    }
  });

  web.get('/admin/siklus/:cycleId', requireSession, (c) =>
    c.var.principal.admin ? cyclePage(c, c.req.param('cycleId')) : adminOnly(c),
  );

  web.post(
    '/admin/siklus/:cycleId/luncurkan',
    requireSession,
    action(async (c, id) => {
      await startLaunch(c.var.config.deps(), c.var.principal, id);
      return 'pesan=diluncurkan';
    }),
  );

  web.post(
    '/admin/siklus/:cycleId/buka-penilaian',
    requireSession,
    action(async (c, id) => {
      const out = await bukaPenilaian(c.var.config.deps(), id, c.var.principal);
      return `pesan=dibuka&jumlah=${out.dilanjutkan}`;
    }),
  );
}
