import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { assignActing, recordMutasi } from '../../../shared/app/people/mutasi.js';
import { listOrg } from '../../../shared/data/people.js';
import { apply, dryRun, rosterTemplate } from '../../../shared/app/people/roster-import.js';
import { accountProvisioning } from '../../../shared/auth/cognito-accounts.js';
import { checkCsrf } from '../../../shared/auth/session.js';
import { RosterPreviewPage, RosterResultPage } from './views/roster.js';
import { DomainError } from '../../../shared/domain/errors.js';
import { MutasiForm, PenugasanBody } from '../../../shared/schemas/api.js';
import type { AppEnv } from '../http/env.js';
import { statusOf, zodIssues } from '../http/errors.js';
import { flashText } from './flash.js';
import { errorPage, readSignedForm, requireSession, sendPage, viewerOf } from './respond.js';
import { AdminPage, type AdminFailure, type AdminForm } from './views/admin.js';

type Ctx = Context<AppEnv>;

async function show(c: Ctx, status: ContentfulStatusCode = 200, failure?: AdminFailure) {
  const org = await listOrg(c.var.config.deps());
  const flash = failure ? undefined : flashText(c.req.query('pesan'));
  return sendPage(
    c,
    AdminPage({ viewer: viewerOf(c), opd: org.opd, units: org.units, flash, failure }),
    status,
  );
}

const adminOnly = (c: Ctx) =>
  errorPage(c, 403, 'Tidak berhak', 'Halaman ini hanya untuk pengelola kinerja BKPSDM.');

/** Empty optional fields mean "unchanged", not "set to empty". */
const present = (values: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  );

function post(
  form: AdminForm,
  schema: typeof MutasiForm | typeof PenugasanBody,
  run: (c: Ctx, input: never) => Promise<unknown>,
) {
  return async (c: Ctx) => {
    if (!c.var.principal.admin) return adminOnly(c);
    const values = await readSignedForm(c);
    if (values instanceof Response) return values;
    const parsed = schema.safeParse(present(values));
    if (!parsed.success)
      return show(c, 400, {
        form,
        message: 'Isian belum lengkap atau tidak valid',
        issues: zodIssues(parsed.error),
        values,
      });
    try {
      await run(c, parsed.data as never);
    } catch (err) {
      if (err instanceof DomainError)
        return show(c, statusOf(err), { form, message: err.message, issues: err.issues, values });
      throw err;
    }
    return c.redirect(`/admin?pesan=${form}`, 303);
  };
}

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
      form: 'roster',
      message: 'Pilih berkas roster (XLSX atau CSV)',
      issues: [{ path: 'berkas', message: 'Berkas belum dipilih' }],
      values: {},
    });
  }
  return { file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, fields: body };
}

const flag = (v: unknown) => v === 'ya';

export function adminRoutes(web: Hono<AppEnv>) {
  web.get('/admin/roster/templat', requireSession, async (c) => {
    if (!c.var.principal.admin) return adminOnly(c);
    const xlsx = await rosterTemplate(c.var.config.deps());
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', 'attachment; filename="templat-roster-kinerja.xlsx"');
    c.header('Cache-Control', 'no-store');
    return c.body(new Uint8Array(xlsx));
  });
  web.post('/admin/roster/periksa', requireSession, async (c) => {
    if (!c.var.principal.admin) return adminOnly(c);
    const upload = await rosterUpload(c);
    if (upload instanceof Response) return upload;
    try {
      const plan = await dryRun(c.var.config.deps(), upload.file);
      return sendPage(c, RosterPreviewPage({ viewer: viewerOf(c), plan }));
    } catch (err) {
      if (err instanceof DomainError)
        return show(c, statusOf(err), { form: 'roster', message: err.message, issues: [], values: {} });
      throw err;
    }
  });
  web.post('/admin/roster/terapkan', requireSession, async (c) => {
    if (!c.var.principal.admin) return adminOnly(c);
    const upload = await rosterUpload(c);
    if (upload instanceof Response) return upload;
    const deps = c.var.config.deps();
    try {
      const plan = await dryRun(deps, upload.file);
      // Apply exactly what was previewed: another file (or a changed one) must be checked first.
      if (plan.file.sha256 !== upload.fields.sha256) {
        return show(c, 409, {
          form: 'roster',
          message: 'Berkas berbeda dengan yang diperiksa. Periksa berkas ini terlebih dahulu.',
          issues: [],
          values: {},
        });
      }
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
    } catch (err) {
      if (err instanceof DomainError)
        return show(c, statusOf(err), { form: 'roster', message: err.message, issues: [], values: {} });
      throw err;
    }
  });

  web.get('/admin', requireSession, (c) => (c.var.principal.admin ? show(c) : adminOnly(c)));
  web.post(
    '/admin/mutasi',
    requireSession,
    post(
      'mutasi',
      MutasiForm,
      (c, input: { nip: string; opd?: string; unit?: string; atasanNip?: string; alasan: string }) => {
        const { nip, ...m } = input;
        return recordMutasi(c.var.config.deps(), c.var.principal, nip, m);
      },
    ),
  );
  web.post(
    '/admin/plt',
    requireSession,
    post('plt', PenugasanBody, (c, input: Parameters<typeof assignActing>[2]) =>
      assignActing(c.var.config.deps(), c.var.principal, input),
    ),
  );
}
