import { describe, expect, it } from 'vitest';
import { bundleForLambda } from '../bench/bundle.js';

/** Deterministic size budgets; timings live in `npm run bench:api`. */
describe('Lambda bundles', () => {
  it.each([
    // zod 4 (needed by @hono/zod-openapi) is 443 kB of it; exceljs ships beside the bundle. The
    // whole cycle's routes, schemas and pages brought it from 656 to 844 kB (issue 4); sessions,
    // throttled sign-in with TOTP (otpauth 8 kB, qrcode's core 27 kB) and the input rules to
    // 905 kB (issue 9).
    ['functions/api/lambda.ts', 920],
    ['functions/workflow/register-stage-task.ts', 60],
    ['functions/workflow/record-overdue.ts', 60],
    ['functions/workflow/cycle-launch-plan.ts', 60],
    ['functions/workflow/cycle-launch-batch.ts', 60],
    ['functions/workflow/cycle-launch-summary.ts', 60],
    ['functions/workflow/evaluation-step.ts', 100],
    ['functions/workflow/send-reminders.ts', 60],
  ])('%s stays under %i kB minified', async (entry, kb) => {
    const { bytes } = await bundleForLambda(entry);
    expect(bytes / 1024).toBeLessThan(kb);
  });
});
