import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Principal } from '../../../../shared/app/actor.js';
import { putuskan } from '../../../../shared/app/evaluation/keberatan.js';
import { evaluationDetail } from '../../../../shared/app/evaluation/queries.js';
import { ringkasan } from '../../../../shared/app/evaluation/ringkasan.js';
import {
  berikanUmpanBalik,
  simpanUmpanBalik,
  tanggapiPenilaian,
} from '../../../../shared/app/evaluation/umpan-balik.js';
import type { Deps } from '../../../../shared/runtime/deps.js';
import type { AppEnv } from '../../http/env.js';
import { type Parsed, evaluationOf, formAction, notFound, showPage } from '../common/kit.js';
import { sendPage, viewerOf } from '../common/respond.js';
import {
  type HasilFailure,
  type HasilFormName,
  parsePutusan,
  parseTanggapan,
  parseUmpanBalik,
} from './hasil-forms.js';
import { HasilFormPage } from './hasil-page.js';
import { RingkasanPage } from './ringkasan.js';
import { evaluationHref } from './status.js';

type Ctx = Context<AppEnv>;
type Target = { cycleId: string; nip: string };

async function again(c: Ctx, t: Target, status: ContentfulStatusCode, failure: HasilFailure) {
  const deps = c.var.config.deps();
  const { evaluation, rows } = await evaluationDetail(deps, c.var.principal, t.cycleId, t.nip);
  return sendPage(
    c,
    HasilFormPage({ viewer: viewerOf(c), now: deps.now(), evaluation, rows, failure }),
    status,
  );
}

/** An outcome form: done, back to the evaluation's outcome section; refused, the section again. */
const hasilForm = <D>(
  form: HasilFormName,
  parse: (values: Record<string, string>) => Parsed<D>,
  run: (deps: Deps, p: Principal, t: Target, data: D) => Promise<unknown>,
) =>
  formAction({
    form,
    target: evaluationOf,
    parse,
    run,
    done: (t) => `${evaluationHref(t)}#hasil-penilaian`,
    again,
  });

/** The outcome stages: feedback, the employee's response, the objection, and the summary. */
export function hasilPages() {
  const app = new Hono<AppEnv>();
  app.post(
    '/:cycleId/:nip/umpan-balik',
    hasilForm('umpan-balik', parseUmpanBalik, (deps, p, t, { version, berikan, ...input }) =>
      (berikan ? berikanUmpanBalik : simpanUmpanBalik)(deps, p, t.cycleId, t.nip, version, input),
    ),
  );
  app.post(
    '/:cycleId/:nip/tanggapan',
    hasilForm('tanggapan', parseTanggapan, (deps, p, t, { version, ...input }) =>
      tanggapiPenilaian(deps, p, t.cycleId, t.nip, version, input),
    ),
  );
  app.post(
    '/:cycleId/:nip/keberatan',
    hasilForm('keberatan', parsePutusan, (deps, p, t, { version, ...input }) =>
      putuskan(deps, p, t.cycleId, t.nip, version, input),
    ),
  );
  app.get('/:cycleId/:nip/ringkasan', (c) => {
    const t = evaluationOf(c);
    if (!t) return notFound(c);
    return showPage(c, async () =>
      RingkasanPage({ r: await ringkasan(c.var.config.deps(), c.var.principal, t.cycleId, t.nip) }),
    );
  });
  return app;
}
