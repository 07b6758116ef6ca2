import type { Hono } from 'hono';
import { lanjutkanAlur } from '../../../shared/app/evaluation/cycle-launch.js';
import { DomainError } from '../../../shared/domain/errors.js';
import type { AppEnv } from '../http/env.js';
import { statusOf } from '../http/errors.js';
import { errorPage, readSignedForm, requireSession } from './respond.js';

/** BKPSDM restarts a failed evaluation workflow at its recorded stage. */
export function alurRoutes(web: Hono<AppEnv>) {
  web.post('/evaluasi/:cycleId/:nip/lanjutkan', requireSession, async (c) => {
    const values = await readSignedForm(c);
    if (values instanceof Response) return values;
    const { cycleId, nip } = c.req.param();
    try {
      await lanjutkanAlur(c.var.config.deps(), c.var.principal, cycleId, nip);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return errorPage(c, statusOf(err), 'Tidak dapat melanjutkan alur', err.message);
    }
    return c.redirect(
      `/evaluasi/${encodeURIComponent(cycleId)}/${encodeURIComponent(nip)}?pesan=dilanjutkan`,
      303,
    );
  });
}
