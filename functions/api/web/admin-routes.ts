import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { assignActing, recordMutasi } from '../../../shared/app/mutasi.js';
import { listOrg } from '../../../shared/data/people.js';
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

export function adminRoutes(web: Hono<AppEnv>) {
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
