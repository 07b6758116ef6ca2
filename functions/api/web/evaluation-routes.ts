import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as skp from '../../../shared/app/evaluation/skp.js';
import { atasanRows, evaluationDetail } from '../../../shared/app/evaluation/queries.js';
import type { Principal } from '../../../shared/app/actor.js';
import { DomainError, type Issue } from '../../../shared/domain/errors.js';
import { EvaluationParams, RowId } from '../../../shared/schemas/api.js';
import type { Deps } from '../../../shared/runtime/deps.js';
import type { AppEnv } from '../http/env.js';
import { statusOf, zodIssues } from '../http/errors.js';
import { accessOf } from './access.js';
import { type FlashKey, flashText } from './flash.js';
import { parseEkspektasi, parseRekan, parseReturn, parseTarget, parseVersion } from './forms.js';
import { calonRekan, setRekan } from '../../../shared/app/evaluation/rekan.js';
import { errorPage, readSignedForm, requireSession, sendPage, viewerOf } from './respond.js';
import type { FormFailure, FormName } from './types.js';
import { EditTargetPage } from './views/evaluation/edit-target.js';
import { EvaluationPage } from './views/evaluation/page.js';
import { rowValues } from './views/evaluation/target-form.js';
import { evaluationHref } from './views/status.js';

type Ctx = Context<AppEnv>;
interface Target {
  cycleId: string;
  nip: string;
  rowId?: string | undefined;
}

const ERROR_TITLE: Record<DomainError['code'], string> = {
  VALIDASI: 'Isian tidak valid',
  KONFLIK: 'Tidak dapat diproses',
  TIDAK_DITEMUKAN: 'Tidak ditemukan',
  DILARANG: 'Tidak berhak',
};

/** URL parts are checked like the API's: a malformed one cannot name an evaluation. */
function targetOf(c: Ctx, withRow: boolean): Target | undefined {
  const params = EvaluationParams.safeParse({ cycleId: c.req.param('cycleId'), nip: c.req.param('nip') });
  if (!params.success) return undefined;
  if (!withRow) return params.data;
  const rowId = RowId.safeParse(c.req.param('rowId'));
  return rowId.success ? { ...params.data, rowId: rowId.data } : undefined;
}

const notFound = (c: Ctx) =>
  errorPage(c, 404, 'Tidak ditemukan', 'Evaluasi atau hasil kerja ini tidak ditemukan.');

function domainErrorPage(c: Ctx, err: DomainError) {
  return errorPage(c, statusOf(err), ERROR_TITLE[err.code], err.message);
}

async function load(c: Ctx, t: Target) {
  const deps = c.var.config.deps();
  const detail = await evaluationDetail(deps, c.var.principal, t.cycleId, t.nip);
  // Colleagues to pick from only when this person may set the list (one more Query).
  const candidates = accessOf(detail.evaluation, c.var.principal).canSetRekan
    ? await calonRekan(deps, detail.evaluation)
    : [];
  return { ...detail, atasanRows: await atasanRows(deps, detail.evaluation), candidates, now: deps.now() };
}

async function showEvaluation(c: Ctx, t: Target, status: ContentfulStatusCode, failure?: FormFailure) {
  try {
    const data = await load(c, t);
    const flash = failure ? undefined : flashText(c.req.query('pesan'));
    return sendPage(c, EvaluationPage({ viewer: viewerOf(c), ...data, flash, failure }), status);
  } catch (err) {
    if (err instanceof DomainError) return domainErrorPage(c, err);
    throw err;
  }
}

async function showEditTarget(
  c: Ctx,
  t: Target & { rowId: string },
  status: ContentfulStatusCode,
  failure?: FormFailure,
) {
  try {
    const data = await load(c, t);
    const access = accessOf(data.evaluation, c.var.principal);
    const row = data.rows.find((r) => r.id === t.rowId);
    // A refused change is shown even if the row has gone since, so the typed text is not lost.
    if (!failure) {
      if (!row) return notFound(c);
      if (!access.owner)
        return errorPage(
          c,
          403,
          'Tidak berhak',
          'Hanya pegawai yang bersangkutan yang dapat mengubah SKP-nya.',
        );
      if (!access.canEditTargets) {
        const back = { href: evaluationHref(data.evaluation), label: 'Kembali ke SKP' };
        return errorPage(
          c,
          409,
          'Tidak dapat diubah',
          'SKP pada tahap dan status ini tidak dapat diubah.',
          back,
        );
      }
    }
    const values = failure?.values ?? (row ? rowValues(row) : {});
    return sendPage(
      c,
      EditTargetPage({
        viewer: viewerOf(c),
        evaluation: data.evaluation,
        rowId: t.rowId,
        values,
        atasanRows: data.atasanRows,
        failure,
      }),
      status,
    );
  } catch (err) {
    if (err instanceof DomainError) return domainErrorPage(c, err);
    throw err;
  }
}

/** A stale version gets the wording people know from other apps; the page shows current data. */
function failureMessage(err: DomainError): string {
  if (err.code === 'KONFLIK' && 'currentVersion' in err.details) {
    return 'Data sudah berubah, muat ulang. Evaluasi ini diubah di tempat lain sejak halaman Anda dibuka; halaman ini kini menampilkan data terbaru. Periksa lalu kirim ulang isian Anda.';
  }
  return err.message;
}

type Parsed<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
type Run<T> = (deps: Deps, p: Principal, t: Target, data: T) => Promise<unknown>;

/**
 * Every evaluation form: CSRF, parse, run the domain action, then redirect (so a reload does
 * not post again) or re-render the page with the errors and what was typed.
 */
function mutation<T>(
  form: FormName,
  pesan: FlashKey,
  parse: (v: Record<string, string>) => Parsed<T>,
  run: Run<T>,
) {
  const withRow = form === 'ubah' || form === 'hapus';
  return async (c: Ctx) => {
    const t = targetOf(c, withRow);
    if (!t) return notFound(c);
    const values = await readSignedForm(c);
    if (values instanceof Response) return values;
    const fail = (status: ContentfulStatusCode, message: string, issues: Issue[]) => {
      const failure: FormFailure = { form, rowId: t.rowId, message, issues, values };
      return form === 'ubah' && t.rowId
        ? showEditTarget(c, { ...t, rowId: t.rowId }, status, failure)
        : showEvaluation(c, t, status, failure);
    };
    const parsed = parse(values);
    if (!parsed.success) return fail(400, 'Periksa kembali isian formulir.', zodIssues(parsed.error));
    try {
      await run(c.var.config.deps(), c.var.principal, t, parsed.data);
    } catch (err) {
      if (err instanceof DomainError) return fail(statusOf(err), failureMessage(err), err.issues);
      throw err;
    }
    return c.redirect(`${evaluationHref(t)}?pesan=${pesan}`, 303);
  };
}

export function evaluationRoutes(web: Hono<AppEnv>) {
  const base = '/evaluasi/:cycleId/:nip';
  web.get(base, requireSession, (c) => {
    const t = targetOf(c, false);
    return t ? showEvaluation(c, t, 200) : notFound(c);
  });
  web.get(`${base}/target/:rowId/ubah`, requireSession, (c) => {
    const t = targetOf(c, true);
    return t?.rowId ? showEditTarget(c, { ...t, rowId: t.rowId }, 200) : notFound(c);
  });

  web.post(
    `${base}/target`,
    requireSession,
    mutation('tambah', 'ditambah', parseTarget, (deps, p, t, { version, ...input }) =>
      skp.addTargetRow(deps, p, t.cycleId, t.nip, version, input),
    ),
  );
  web.post(
    `${base}/target/:rowId`,
    requireSession,
    mutation('ubah', 'diubah', parseTarget, (deps, p, t, { version, ...input }) =>
      skp.updateTargetRow(deps, p, t.cycleId, t.nip, t.rowId ?? '', version, input),
    ),
  );
  web.post(
    `${base}/target/:rowId/hapus`,
    requireSession,
    mutation('hapus', 'dihapus', parseVersion, (deps, p, t, { version }) =>
      skp.deleteTargetRow(deps, p, t.cycleId, t.nip, t.rowId ?? '', version),
    ),
  );
  web.post(
    `${base}/ajukan`,
    requireSession,
    mutation('ajukan', 'diajukan', parseVersion, (deps, p, t, { version }) =>
      skp.submitSkp(deps, p, t.cycleId, t.nip, version),
    ),
  );
  web.post(
    `${base}/setujui`,
    requireSession,
    mutation('setujui', 'disetujui', parseVersion, (deps, p, t, { version }) =>
      skp.approveSkp(deps, p, t.cycleId, t.nip, version),
    ),
  );
  web.post(
    `${base}/kembalikan`,
    requireSession,
    mutation('kembalikan', 'dikembalikan', parseReturn, (deps, p, t, { version, comment }) =>
      skp.returnSkp(deps, p, t.cycleId, t.nip, version, comment),
    ),
  );
  web.post(
    `${base}/rekan`,
    requireSession,
    mutation('rekan', 'rekan', parseRekan, (deps, p, t, { version, nips }) =>
      setRekan(deps, p, t.cycleId, t.nip, version, nips),
    ),
  );
  web.post(
    `${base}/ekspektasi`,
    requireSession,
    mutation('ekspektasi', 'ekspektasi', parseEkspektasi, (deps, p, t, { version, ekspektasi }) =>
      skp.setEkspektasi(deps, p, t.cycleId, t.nip, version, ekspektasi as Record<string, string>),
    ),
  );
}
