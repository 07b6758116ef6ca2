import { Hono, type Context } from 'hono';
import type { Principal } from '../../../../shared/app/actor.js';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  openAssessment,
  createCycleFor,
  cycleDetail,
  cyclesFor,
  cycleProgress,
  startLaunch,
} from '../../../../shared/app/evaluation/cycles.js';
import { listOpd } from '../../../../shared/data/people.js';
import {
  PERIODE,
  type Periode,
  DEADLINE_STAGES,
  defaultCycleId,
  jadwalBaku,
  rentangPeriode,
  tanggalJadwal,
} from '../../../../shared/domain/evaluation/cycle.js';
import { DomainError } from '../../../../shared/domain/errors.js';
import type { Deps } from '../../../../shared/runtime/deps.js';
import { CycleBody } from '../../../../shared/schemas/cycles.js';
import { CycleParams } from '../../../../shared/schemas/hasil.js';
import type { AppEnv } from '../../http/env.js';
import {
  INDONESIAN,
  angkaFormulir,
  filled,
  flashOf,
  formAction,
  noFields,
  notFound,
  paramsOf,
} from '../common/kit.js';
import { errorPage, sendPage, viewerOf } from '../common/respond.js';
import type { FormFailure } from '../common/types.js';
import { CyclePage, CyclesPage, PERIODE_LABEL } from './cycles.js';

type Ctx = Context<AppEnv>;
type Target = { cycleId: string };

const FLASH = {
  dibuat: 'Siklus dibuat. Periksa jadwalnya, lalu luncurkan.',
  diluncurkan: 'Peluncuran dimulai. Muat ulang halaman untuk melihat statusnya.',
  dibuka: 'Masa penilaian dibuka.',
} as const;

/** Opening the assessment window also says how many evaluations it moved on. */
function cycleFlash(c: Ctx): string | undefined {
  const text = flashOf(c, FLASH);
  const n = Number(c.req.query('jumlah'));
  return text && c.req.query('pesan') === 'dibuka' && Number.isInteger(n) && n >= 0
    ? `${text} ${n} evaluasi yang menunggu dilanjutkan ke penilaian mandiri.`
    : text;
}

export const cycleOf = paramsOf(CycleParams);
export const cycleHref = (t: Target) => `/admin/siklus/${encodeURIComponent(t.cycleId)}`;

/** The create form pre-filled for a period: its dates and the default schedule, as WIB dates. */
function defaults(tahun: number, periode: Periode): Record<string, string> {
  const { mulai, selesai } = rentangPeriode(tahun, periode);
  const jadwal = jadwalBaku(mulai, selesai);
  return {
    nama: `Penilaian Kinerja ${PERIODE_LABEL[periode]} ${tahun}`,
    id: defaultCycleId(tahun, periode),
    tahun: String(tahun),
    periode,
    mulai,
    selesai,
    graceDays: '7',
    cakupan: 'ALL',
    ...Object.fromEntries(DEADLINE_STAGES.map((t) => [`jadwal.${t}`, tanggalJadwal(jadwal[t])])),
  };
}

/** Form fields to the API's JSON shape: empty means "default", checked OPDs make the scope. */
function cycleInputOf(values: Record<string, string>) {
  const jadwal = Object.fromEntries(
    DEADLINE_STAGES.flatMap((t) => {
      const v = filled(values[`jadwal.${t}`])?.trim();
      return v ? [[t, v]] : [];
    }),
  );
  const opd = Object.keys(values)
    .filter((k) => k.startsWith('opd.'))
    .map((k) => k.slice('opd.'.length));
  const id = filled(values.id)?.trim();
  const graceDays = filled(values.graceDays)?.trim();
  return {
    ...(id ? { id } : {}),
    nama: values.nama ?? '',
    tahun: angkaFormulir(values.tahun),
    periode: values.periode ?? '',
    mulai: values.mulai ?? '',
    selesai: values.selesai ?? '',
    jadwal,
    ...(graceDays ? { graceDays: angkaFormulir(graceDays) } : {}),
    scope: values.cakupan === 'OPD' ? opd : 'ALL',
  };
}

async function listPage(
  c: Ctx,
  values: Record<string, string>,
  status: ContentfulStatusCode = 200,
  failure?: FormFailure,
) {
  const deps = c.var.config.deps();
  const [cycles, opd] = await Promise.all([cyclesFor(deps, c.var.principal), listOpd(deps)]);
  return sendPage(
    c,
    CyclesPage({ viewer: viewerOf(c), cycles, opd, values, failure, flash: cycleFlash(c) }),
    status,
  );
}

async function cyclePage(c: Ctx, t: Target, status: ContentfulStatusCode = 200, failure?: string) {
  const deps = c.var.config.deps();
  const p = c.var.principal;
  try {
    const [detail, progres, opd] = await Promise.all([
      cycleDetail(deps, p, t.cycleId),
      cycleProgress(deps, p, t.cycleId),
      listOpd(deps),
    ]);
    const flash = failure ? undefined : cycleFlash(c);
    return sendPage(c, CyclePage({ viewer: viewerOf(c), detail, progres, opd, flash, failure }), status);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'TIDAK_DITEMUKAN')
      return errorPage(c, 404, 'Tidak ditemukan', err.message, {
        href: '/admin/siklus',
        label: 'Semua siklus',
      });
    throw err;
  }
}

/** A cycle action from its page (a button): done, back to the page; refused, the page says why. */
const cycleAction = (form: string, run: (deps: Deps, p: Principal, t: Target) => Promise<string>) =>
  formAction({
    form,
    target: cycleOf,
    parse: noFields,
    run: (deps, p, t) => run(deps, p, t),
    done: (t, query) => `${cycleHref(t)}?${query}`,
    // A cycle that is not there gets the page's own 404, with its way back.
    again: (c, t, status, failure) =>
      status === 404 ? cyclePage(c, t) : cyclePage(c, t, status, failure.message),
  });

/** BKPSDM's cycle pages: list and create, one cycle with launch, window and progress. */
export function cyclePages() {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => {
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
  app.post(
    '/',
    formAction({
      form: 'siklus',
      target: () => ({}),
      parse: (values) => CycleBody.safeParse(cycleInputOf(values), INDONESIAN),
      run: (deps, p, _t, input) => createCycleFor(deps, p, input),
      done: (_t, cycle) => `${cycleHref({ cycleId: cycle.id })}?pesan=dibuat`,
      again: (c, _t, status, failure) => listPage(c, failure.values, status, failure),
      invalid: 'Isian belum lengkap atau tidak valid',
    }),
  );
  app.get('/:cycleId', (c) => {
    const t = cycleOf(c);
    return t ? cyclePage(c, t) : notFound(c);
  });
  app.post(
    '/:cycleId/luncurkan',
    cycleAction('luncurkan', async (deps, p, t) => {
      await startLaunch(deps, p, t.cycleId);
      return 'pesan=diluncurkan';
    }),
  );
  app.post(
    '/:cycleId/buka-penilaian',
    cycleAction('buka-penilaian', async (deps, p, t) => {
      const out = await openAssessment(deps, t.cycleId, p);
      return `pesan=dibuka&jumlah=${out.dilanjutkan}`;
    }),
  );
  return app;
}
