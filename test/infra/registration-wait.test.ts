import { describe, expect, it } from 'vitest';
import { ENTRY_METADATA } from '../../infra/lambda.js';
import { synthesize } from '../../infra/local/synth.js';
import { REGISTRATION_DETIK } from '../../shared/app/evaluation/execution.js';

/**
 * A wait that its own registration ends must outlast the registering Lambda, or it times out
 * first and the registration's answer is refused (docs/workflow.md, the window opening early).
 * Fails when someone gives the Lambda more time than the wait.
 */
describe('the wait a registration ends', () => {
  it('is longer than the registering Lambda may run', () => {
    const { templates } = synthesize('local', { nag: false });
    const timeouts = Object.values(templates)
      .flatMap((t) => Object.values(t.Resources))
      .filter(
        (r) =>
          r.Type === 'AWS::Lambda::Function' &&
          r.Metadata?.[ENTRY_METADATA] === 'functions/workflow/register-stage-task.ts',
      )
      .map((r) => Number(r.Properties?.Timeout));
    expect(timeouts).toHaveLength(1);
    expect(timeouts[0]).toBeGreaterThan(0);
    expect(timeouts[0]).toBeLessThan(REGISTRATION_DETIK);
  }, 60_000);
});
