import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { tugasSaya } from '../../../shared/app/evaluation/tugas.js';
import { TAHAP_TUGAS_LABEL } from '../../../shared/domain/evaluation/tugas.js';
import { TugasSchema } from '../../../shared/schemas/tugas.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses, jsonContent, security } from './openapi-parts.js';

/** "Tugas saya": every open stage waiting on the caller, earliest deadline first. */
export function tugasRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/tasks',
      summary: 'Tugas saya: tahap terbuka yang menunggu tindakan saya, urut tenggat',
      security,
      responses: {
        200: jsonContent(z.object({ items: z.array(TugasSchema) }), 'Tugas saya'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const items = await tugasSaya(c.var.config.deps(), c.var.principal);
      return c.json({ items: items.map((t) => ({ ...t, tahapLabel: TAHAP_TUGAS_LABEL[t.tahap] })) }, 200);
    },
  );
}
