import { describe, expect, it } from 'vitest';
import { bundleForLambda } from '../bench/bundle.js';

/** Deterministic size budgets; timings live in `npm run bench:api`. */
describe('Lambda bundles', () => {
  it.each([
    // zod 4 (needed by @hono/zod-openapi) is 443 kB of it; exceljs ships beside the bundle.
    ['functions/api/lambda.ts', 680],
    ['functions/workflow/register-stage-task.ts', 60],
    ['functions/workflow/record-overdue.ts', 60],
    ['functions/workflow/launch-cycle.ts', 60],
  ])('%s stays under %i kB minified', async (entry, kb) => {
    const { bytes } = await bundleForLambda(entry);
    expect(bytes / 1024).toBeLessThan(kb);
  });
});
