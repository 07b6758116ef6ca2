import { z } from '@hono/zod-openapi';
import type { BearerRevocation } from '../../../shared/auth/authenticator.js';
import { errorBody } from '../http/errors.js';
import { bearerToken, endSession } from '../http/session.js';
import { apiRoute, featureApp, json } from './kit.js';

const RevokeBody = z
  .object({
    refreshToken: z.string().min(1).max(8192).optional().openapi({
      description: 'Refresh token Cognito yang melahirkan token akses ini (wajib untuk bearer).',
    }),
  })
  .openapi('RevokeBody');
const Revoked = z
  .object({ dicabut: z.enum(['SESI', 'TOKEN']) })
  .openapi('Revoked', { description: 'Yang dicabut: sesi cookie ini, atau token bearer ini' });

const REFUSED: Record<Exclude<BearerRevocation, 'REVOKED'>, { status: 400 | 503; message: string }> = {
  REFRESH_TOKEN_INVALID: { status: 400, message: 'Refresh token tidak valid untuk aplikasi ini' },
  UNAVAILABLE: { status: 503, message: 'Layanan masuk sedang tidak tersedia. Coba lagi beberapa saat lagi.' },
};

/**
 * Ends the credential the request came with, at once. A bearer client sends the refresh token
 * its access token came from: Cognito revokes it and this API refuses every access token issued
 * from it (docs/sessions.md). A cookie session is signed out, as POST /keluar does on the web.
 */
export function revokeApi() {
  const app = featureApp();
  app.openapi(
    apiRoute({
      method: 'post',
      path: '/me/revoke',
      summary: 'Keluar: cabut sesi atau token ini',
      request: {
        body: { required: false, content: { 'application/json': { schema: RevokeBody } } },
      },
      responses: { 200: json(Revoked, 'Dicabut; permintaan berikutnya dengan kredensial ini ditolak (401)') },
    }),
    async (c) => {
      const { refreshToken } = c.req.valid('json') ?? {};
      if (!c.var.bearer) {
        await endSession(c);
        return c.json({ dicabut: 'SESI' as const }, 200);
      }
      if (!refreshToken)
        return c.json(
          errorBody('PERMINTAAN_TIDAK_VALID', 'Input tidak valid', [
            { path: 'refreshToken', message: 'Wajib diisi untuk token bearer' },
          ]),
          400,
        );
      const { auth } = c.var.config;
      const token = bearerToken(c, c.var.config);
      const outcome =
        auth.revokeBearer && token ? await auth.revokeBearer(token, refreshToken) : 'UNAVAILABLE';
      if (outcome === 'REVOKED') return c.json({ dicabut: 'TOKEN' as const }, 200);
      const { status, message } = REFUSED[outcome];
      const issues = status === 400 ? [{ path: 'refreshToken', message }] : [];
      return c.json(
        errorBody(status === 400 ? 'PERMINTAAN_TIDAK_VALID' : 'TIDAK_TERSEDIA', message, issues),
        status,
      );
    },
  );
  return app;
}
