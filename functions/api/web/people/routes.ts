import { Hono, type Context } from 'hono';
import type { Principal } from '../../../../shared/app/actor.js';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { assignPlt, recordTransfer } from '../../../../shared/app/people/mutasi.js';
import { apply, dryRun, rosterTemplate } from '../../../../shared/app/people/roster-import.js';
import { accountProvisioning } from '../../../../shared/auth/cognito-accounts.js';
import { checkCsrf } from '../../../../shared/auth/session.js';
import { listOrg } from '../../../../shared/data/people.js';
import { DomainError } from '../../../../shared/domain/errors.js';
import type { Deps } from '../../../../shared/runtime/deps.js';
import { TransferForm, PenugasanBody } from '../../../../shared/schemas/api.js';
import type { AppEnv } from '../../http/env.js';
import { statusOf } from '../../http/errors.js';
import { type Parsed, type Values, filled, flashOf, formAction } from '../common/kit.js';
import { errorPage, sendPage, viewerOf } from '../common/respond.js';
import { type AdminFailure, AdminPage } from './admin.js';
import { RosterPreviewPage, RosterResultPage } from './roster.js';

type Ctx = Context<AppEnv>;

const FLASH = {
  mutasi: 'Mutasi dicatat; evaluasi yang terbuka ikut pindah ke atasan baru.',
  plt: 'Penugasan Plt/Plh dicatat pada evaluasi tim yang terbuka.',
} as const;

async function show(c: Ctx, status: ContentfulStatusCode = 200, failure?: AdminFailure) {
  const org = await listOrg(c.var.config.deps());
  const flash = failure ? undefined : flashOf(c, FLASH);
  return sendPage(
    c,
    AdminPage({ viewer: viewerOf(c), opd: org.opd, units: org.units, flash, failure }),
    status,
  );
}

/** Empty optional fields mean "unchanged", not "set to empty". */
const present = (values: Values) =>
  Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (filled(v) ? [[k, v.trim()]] : [])));

/** A roster refusal is shown at the upload form; it keeps nothing typed. */
const rosterFailure = (message: string): AdminFailure => ({
  form: 'roster',
  message,
  issues: [],
  values: {},
});

/** The uploaded roster file of a multipart form, with its CSRF token checked. */
async function rosterUpload(c: Ctx) {
  let body: Record<string, string | File>;
  try {
    body = (await c.req.parseBody()) as Record<string, string | File>;
  } catch {
    return errorPage(c, 400, 'Formulir tidak dapat dibaca', 'Unggahan tidak dapat dibaca. Coba lagi.');
  }
  const session = c.var.session;
  if (
    !session ||
    typeof body._csrf !== 'string' ||
    !checkCsrf(c.var.config.sessionSecret, session.sid, body._csrf)
  ) {
    return errorPage(
      c,
      403,
      'Permintaan ditolak',
      'Formulir ini kedaluwarsa. Muat ulang halaman lalu coba lagi.',
    );
  }
  const file = body.berkas;
  if (!(file instanceof File) || file.size === 0) {
    return show(c, 400, {
      ...rosterFailure('Pilih berkas roster (XLSX atau CSV)'),
      issues: [{ path: 'berkas', message: 'Berkas belum dipilih' }],
    });
  }
  return { file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, fields: body };
}

/** A roster step: the upload checked, then the step; a refusal is shown at the upload form. */
const rosterStep =
  (
    step: (c: Ctx, upload: Exclude<Awaited<ReturnType<typeof rosterUpload>>, Response>) => Promise<Response>,
  ) =>
  async (c: Ctx) => {
    const upload = await rosterUpload(c);
    if (upload instanceof Response) return upload;
    try {
      return await step(c, upload);
    } catch (err) {
      if (err instanceof DomainError) return show(c, statusOf(err), rosterFailure(err.message));
      throw err;
    }
  };

const flag = (v: unknown) => v === 'ya';

/** A form of the admin page: done, back to it with its flash; refused, the page says why at the form. */
const adminForm = <D>(
  form: 'mutasi' | 'plt',
  schema: { safeParse: (v: unknown) => Parsed<D> },
  run: (deps: Deps, p: Principal, data: D) => Promise<unknown>,
) =>
  formAction({
    form,
    target: () => ({}),
    parse: (values) => schema.safeParse(present(values)),
    run: (deps, p, _t, data) => run(deps, p, data),
    done: () => `/admin?pesan=${form}`,
    again: (c, _t, status, failure) => show(c, status, failure),
    invalid: 'Isian belum lengkap atau tidak valid',
  });

/** BKPSDM's people pages: the roster, transfers (mutasi) and acting assignments (Plt/Plh). */
export function peoplePages() {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => show(c));
  app.post(
    '/mutasi',
    adminForm('mutasi', TransferForm, (deps, p, { nip, ...m }) => recordTransfer(deps, p, nip, m)),
  );
  app.post('/plt', adminForm('plt', PenugasanBody, assignPlt));

  app.get('/roster/templat', async (c) => {
    const xlsx = await rosterTemplate(c.var.config.deps());
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', 'attachment; filename="templat-roster-kinerja.xlsx"');
    c.header('Cache-Control', 'no-store');
    return c.body(new Uint8Array(xlsx));
  });
  app.post(
    '/roster/periksa',
    rosterStep(async (c, upload) => {
      // The importing admin is named: the plan refuses to deactivate them (or the last admins).
      const plan = await dryRun(c.var.config.deps(), upload.file, { actor: c.var.principal.nip });
      return sendPage(c, RosterPreviewPage({ viewer: viewerOf(c), plan }));
    }),
  );
  app.post(
    '/roster/terapkan',
    rosterStep(async (c, upload) => {
      const deps = c.var.config.deps();
      const plan = await dryRun(deps, upload.file, { actor: c.var.principal.nip });
      // Apply exactly what was previewed: another file (or a changed one) must be checked first.
      if (plan.file.sha256 !== upload.fields.sha256)
        return show(
          c,
          409,
          rosterFailure('Berkas berbeda dengan yang diperiksa. Periksa berkas ini terlebih dahulu.'),
        );
      const result = await apply(deps, plan, {
        skipInvalid: flag(upload.fields.skipInvalid),
        allowMassDeactivation: flag(upload.fields.allowMassDeactivation),
        actor: c.var.principal.nip,
        accounts: accountProvisioning(),
      });
      return sendPage(
        c,
        RosterResultPage({ viewer: viewerOf(c), result }),
        result.failedBatches.length ? 207 : 200,
      );
    }),
  );
  return app;
}
