import { z } from '@hono/zod-openapi';
import { listNotices } from '../../../shared/data/notices.js';
import { getEmployee } from '../../../shared/data/people.js';
import { apiRoute, depsOf, featureApp, json } from './kit.js';

const Profile = z.object({
  nip: z.string(),
  nama: z.string(),
  admin: z.boolean(),
  jabatan: z.string().optional(),
  opd: z.string().optional(),
  unit: z.string().optional(),
  atasanNip: z.string().optional(),
});
const Notices = z.object({
  items: z.array(z.object({ at: z.string(), kind: z.string(), subject: z.string(), body: z.string() })),
});

/** Who the caller is, and the notices addressed to them. */
export function meApi() {
  const app = featureApp();

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/me',
      summary: 'Siapa saya',
      responses: { 200: json(Profile, 'Profil pengguna') },
    }),
    async (c) => {
      const p = c.var.principal;
      const emp = await getEmployee(depsOf(c), p.nip);
      return c.json(
        { ...p, jabatan: emp?.jabatan, opd: emp?.opd, unit: emp?.unit, atasanNip: emp?.atasanNip },
        200,
      );
    },
  );

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/notices',
      summary: 'Notifikasi saya (eskalasi, pengingat)',
      responses: { 200: json(Notices, 'Notifikasi') },
    }),
    async (c) => {
      const p = c.var.principal;
      const mine = await listNotices(depsOf(c), p.nip);
      // BKPSDM's shared notices go to every admin.
      const items = p.admin ? [...mine, ...(await listNotices(depsOf(c), 'BKPSDM'))] : mine;
      return c.json(
        { items: items.map(({ at, kind, subject, body }) => ({ at, kind, subject, body })) },
        200,
      );
    },
  );

  return app;
}
