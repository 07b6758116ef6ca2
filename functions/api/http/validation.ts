import type { Hook } from '@hono/zod-openapi';
import { errorBody, zodIssues } from './errors.js';

/** Every schema failure becomes a 400 naming each field and what is wrong with it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the hook serves every route's schema
export const validationHook: Hook<any, any, any, any> = (result, c) => {
  if (!result.success) {
    return c.json(errorBody('PERMINTAAN_TIDAK_VALID', 'Input tidak valid', zodIssues(result.error)), 400);
  }
};
