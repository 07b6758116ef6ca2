import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Principal } from '../../../../shared/app/actor.js';
import { atasanRows, evaluationDetail } from '../../../../shared/app/evaluation/queries.js';
import { calonRekan, setRekan } from '../../../../shared/app/evaluation/rekan.js';
import * as skp from '../../../../shared/app/evaluation/skp.js';
import type { Deps } from '../../../../shared/runtime/deps.js';
import { RowParams } from '../../../../shared/schemas/api.js';
import type { AppEnv } from '../../http/env.js';
import {
  type Parsed,
  evaluationOf,
  flashOf,
  formAction,
  guarded,
  notFound,
  paramsOf,
} from '../common/kit.js';
import { errorPage, sendPage, viewerOf } from '../common/respond.js';
import { accessOf } from './access.js';
import { EditTargetPage } from './edit-target.js';
import { EvaluationPage } from './page.js';
import {
  type SkpFailure,
  type SkpForm,
  parseEkspektasi,
  parseRekan,
  parseReturn,
  parseTarget,
  parseVersion,
} from './skp-forms.js';
import { evaluationHref } from './status.js';
import { rowValues } from './target-form.js';

type Ctx = Context<AppEnv>;
interface Target {
  cycleId: string;
  nip: string;
  rowId?: string;
}

/** The evaluation page's flash texts, by key. */
export const FLASH = {
  ditambah: 'Hasil kerja ditambahkan.',
  diubah: 'Hasil kerja diperbarui.',
  dihapus: 'Hasil kerja dihapus.',
  diajukan: 'SKP diajukan ke atasan.',
  disetujui: 'SKP disetujui. Tahap penetapan target selesai.',
  dikembalikan: 'SKP dikembalikan ke pegawai dengan catatan.',
  ekspektasi: 'Ekspektasi khusus disimpan.',
  rekan: 'Rekan penilai disimpan.',
  dilanjutkan: 'Alur evaluasi dilanjutkan dari tahap yang tercatat.',
} as const;

const rowOf = paramsOf(RowParams);
const NOT_FOUND = 'Evaluasi atau hasil kerja ini tidak ditemukan.';

async function load(c: Ctx, t: Target) {
  const deps = c.var.config.deps();
  // One moment per request: the page and what it offers are decided on the same clock reading.
  const now = deps.now();
  const detail = await evaluationDetail(deps, c.var.principal, t.cycleId, t.nip);
  // Colleagues to pick from only when this person may set the list (one more Query).
  const candidates = accessOf(detail.evaluation, c.var.principal, now).canSetRekan
    ? await calonRekan(deps, detail.evaluation)
    : [];
  return { ...detail, atasanRows: await atasanRows(deps, detail.evaluation), candidates, now };
}

const showEvaluation = (c: Ctx, t: Target, status: ContentfulStatusCode, failure?: SkpFailure) =>
  guarded(c, async () => {
    const flash = failure ? undefined : flashOf(c, FLASH);
    return sendPage(
      c,
      EvaluationPage({ viewer: viewerOf(c), ...(await load(c, t)), flash, failure }),
      status,
    );
  });

const showEditTarget = (
  c: Ctx,
  t: Target & { rowId: string },
  status: ContentfulStatusCode,
  failure?: SkpFailure,
) =>
  guarded(c, async () => {
    const data = await load(c, t);
    const access = accessOf(data.evaluation, c.var.principal, data.now);
    const row = data.rows.find((r) => r.id === t.rowId);
    // A refused change is shown even if the row has gone since, so the typed text is not lost.
    if (!failure) {
      if (!row) return notFound(c, NOT_FOUND);
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
  });

/** One SKP form: done, back to the evaluation with its flash; refused, the page (or row) again. */
function skpForm<D, T extends Target = Target>(
  form: SkpForm,
  pesan: keyof typeof FLASH,
  parse: (values: Record<string, string>) => Parsed<D>,
  run: (deps: Deps, p: Principal, t: T, data: D) => Promise<unknown>,
  target: (c: Ctx) => T | undefined = evaluationOf as (c: Ctx) => T | undefined,
) {
  return formAction({
    form,
    target,
    missing: NOT_FOUND,
    rowId: (t) => t.rowId,
    parse,
    run,
    done: (t) => `${evaluationHref(t)}?pesan=${pesan}`,
    again: (c, t, status, failure) =>
      t.rowId && form === 'ubah'
        ? showEditTarget(c, { ...t, rowId: t.rowId }, status, failure)
        : showEvaluation(c, t, status, failure),
    stale:
      'Data sudah berubah, muat ulang. Evaluasi ini diubah di tempat lain sejak halaman Anda dibuka; halaman ini kini menampilkan data terbaru. Periksa lalu kirim ulang isian Anda.',
  });
}

/** Target setting: the evaluation page, its rows, the submission and the atasan's decision. */
export function skpPages() {
  const app = new Hono<AppEnv>();
  app.get('/:cycleId/:nip', (c) => {
    const t = evaluationOf(c);
    return t ? showEvaluation(c, t, 200) : notFound(c, NOT_FOUND);
  });
  app.get('/:cycleId/:nip/target/:rowId/ubah', (c) => {
    const t = rowOf(c);
    return t ? showEditTarget(c, t, 200) : notFound(c, NOT_FOUND);
  });
  app.post(
    '/:cycleId/:nip/target',
    skpForm('tambah', 'ditambah', parseTarget, (deps, p, t, { version, ...input }) =>
      skp.addTargetRow(deps, p, t.cycleId, t.nip, version, input),
    ),
  );
  app.post(
    '/:cycleId/:nip/target/:rowId',
    skpForm(
      'ubah',
      'diubah',
      parseTarget,
      (deps, p, t, { version, ...input }) =>
        skp.updateTargetRow(deps, p, t.cycleId, t.nip, t.rowId, version, input),
      rowOf,
    ),
  );
  app.post(
    '/:cycleId/:nip/target/:rowId/hapus',
    skpForm(
      'hapus',
      'dihapus',
      parseVersion,
      (deps, p, t, { version }) => skp.deleteTargetRow(deps, p, t.cycleId, t.nip, t.rowId, version),
      rowOf,
    ),
  );
  app.post(
    '/:cycleId/:nip/ajukan',
    skpForm('ajukan', 'diajukan', parseVersion, (deps, p, t, { version }) =>
      skp.submitSkp(deps, p, t.cycleId, t.nip, version),
    ),
  );
  app.post(
    '/:cycleId/:nip/setujui',
    skpForm('setujui', 'disetujui', parseVersion, (deps, p, t, { version }) =>
      skp.approveSkp(deps, p, t.cycleId, t.nip, version),
    ),
  );
  app.post(
    '/:cycleId/:nip/kembalikan',
    skpForm('kembalikan', 'dikembalikan', parseReturn, (deps, p, t, { version, comment }) =>
      skp.returnSkp(deps, p, t.cycleId, t.nip, version, comment),
    ),
  );
  app.post(
    '/:cycleId/:nip/rekan',
    skpForm('rekan', 'rekan', parseRekan, (deps, p, t, { version, nips }) =>
      setRekan(deps, p, t.cycleId, t.nip, version, nips),
    ),
  );
  app.post(
    '/:cycleId/:nip/ekspektasi',
    skpForm('ekspektasi', 'ekspektasi', parseEkspektasi, (deps, p, t, { version, ekspektasi }) =>
      skp.setEkspektasi(deps, p, t.cycleId, t.nip, version, ekspektasi as Record<string, string>),
    ),
  );
  return app;
}
