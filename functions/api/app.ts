import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppConfig, AppEnv } from './http/env.js';
import { errorBody, onError } from './http/errors.js';
import { tooLarge } from './http/too-large.js';
import { sessionMiddleware } from './http/session.js';
import { validationHook } from './http/validation.js';
import { apiRoutes } from './routes/api.js';
import { apiReference } from './routes/reference.js';
import { webApp } from './web/app.js';

export const BODY_LIMIT_BYTES = 64 * 1024;
export const ROSTER_UPLOAD_LIMIT_BYTES = 4 * 1024 * 1024;

/** One app for both runtimes: Lambda (hono/aws-lambda) and Node (@hono/node-server). */
export function createApp(config: AppConfig) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(onError);
  app.notFound((c) =>
    c.req.path.startsWith('/api/') || c.req.header('accept')?.includes('application/json')
      ? c.json(errorBody('TIDAK_DITEMUKAN', `Tidak ada rute ${c.req.method} ${c.req.path}`), 404)
      : c.html(
          '<!doctype html><html lang="id"><meta charset="utf-8"><title>Tidak ditemukan</title><p>Halaman tidak ditemukan. <a href="/">Kembali ke beranda</a></p></html>',
          404,
        ),
  );
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );
  // Roster uploads are the one place for big bodies; Lambda accepts ~6 MB, base64 included.
  app.use(
    '/admin/roster/*',
    bodyLimit({ maxSize: ROSTER_UPLOAD_LIMIT_BYTES, onError: tooLarge(ROSTER_UPLOAD_LIMIT_BYTES) }),
  );
  app.use('*', async (c, next) =>
    c.req.path.startsWith('/admin/roster/')
      ? next()
      : bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: tooLarge(BODY_LIMIT_BYTES) })(c, next),
  );
  // Session (or bearer token) and the roster re-check together: at most one DynamoDB read.
  app.use('*', sessionMiddleware(config));

  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route('/api', apiRoutes());
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'kinerja_sesi',
    description:
      'Sesi dari halaman masuk. Permintaan yang mengubah data juga wajib membawa header x-csrf-token.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Token akses Cognito (cloud). Permintaan dengan bearer token tidak memerlukan x-csrf-token.',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Kinerja ASN Kota Serang API',
      version: '0.1.0',
      description: 'SKP, evaluasi berkala, dan alur kerja penilaian kinerja ASN Pemerintah Kota Serang.',
    },
    servers: [{ url: '/' }],
  });
  app.get('/api-docs', (c) =>
    c.html(
      apiReference(
        app.getOpenAPI31Document({
          openapi: '3.1.0',
          info: { title: 'Kinerja ASN Kota Serang API', version: '0.1.0' },
        }),
      ),
    ),
  );
  app.route('/', webApp());
  return app;
}

export type KinerjaApp = ReturnType<typeof createApp>;
