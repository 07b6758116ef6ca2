import { z } from '@hono/zod-openapi';
import { ErrorSchema } from '../../../shared/schemas/api.js';

export const errorResponses = Object.fromEntries(
  [
    [400, 'Input tidak valid'],
    [401, 'Belum masuk'],
    [403, 'Tidak berhak atau token CSRF salah'],
    [404, 'Tidak ditemukan'],
    [409, 'Konflik: versi usang atau tahap tidak sesuai'],
    [413, 'Isi permintaan terlalu besar'],
    [422, 'Melanggar aturan'],
  ].map(([code, description]) => [
    code,
    { description: String(description), content: { 'application/json': { schema: ErrorSchema } } },
  ]),
);
export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});
export const security: Record<string, string[]>[] = [{ sessionCookie: [] }, { bearerAuth: [] }];
