import type { Hook } from '@hono/zod-openapi';
import { errorBody, zodIssues } from './errors.js';

/** Every schema failure becomes a 400 naming each field and what is wrong with it. */
export const validationHook: Hook<unknown, never, string, unknown> = (result, c) => {
  if (!result.success) {
    return c.json(errorBody('PERMINTAAN_TIDAK_VALID', 'Input tidak valid', zodIssues(result.error)), 400);
  }
};
