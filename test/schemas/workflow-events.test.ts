import { describe, expect, it } from 'vitest';
import {
  EvaluationStep,
  InvalidWorkflowEvent,
  LaunchBatchInput,
  LaunchSummaryInput,
  OverdueInput,
  RegisterTaskInput,
  parseWorkflowEvent,
} from '../../shared/schemas/workflow.js';

/**
 * The workflow Lambdas check their events before doing anything: no DynamoDB, no deps. (The
 * payloads the synthesized machines really send: test/infra/workflow-payloads.test.ts.)
 */
const evaluasi = { cycleId: '2027', nip: '199001012020011001' };
const START = '2027-03-01T01:02:03.456Z';

function refusal(schema: Parameters<typeof parseWorkflowEvent>[0], event: unknown): InvalidWorkflowEvent {
  try {
    parseWorkflowEvent(schema, event);
  } catch (err) {
    if (err instanceof InvalidWorkflowEvent) return err;
    throw err;
  }
  throw new Error(`accepted: ${JSON.stringify(event)}`);
}

describe('workflow events', () => {
  it('refuses a malformed event with a permanent error that names each wrong field', () => {
    const err = refusal(RegisterTaskInput, {
      ...evaluasi,
      nip: 42,
      stage: 'PENILAIAN_LAIN',
      deadlineAt: 'besok',
    });
    // Step Functions matches Retry and Catch on the name: it must not look like a hiccup.
    expect(err.name).toBe('InvalidWorkflowEvent');
    expect(err.message).toMatch(/taskToken: expected string/);
    expect(err.message).toMatch(/nip: expected string/);
    expect(err.message).toMatch(/stage: expected one of PENETAPAN_TARGET, .*PENILAIAN_REKAN/);
    expect(err.message).toMatch(/deadlineAt: expected an ISO 8601 date-time/);
  });

  it('asks which peer a peer review is about', () => {
    const rekan = { ...evaluasi, stage: 'PENILAIAN_REKAN', executionStart: START };
    expect(refusal(OverdueInput, rekan).message).toMatch(/rekanNip: required for PENILAIAN_REKAN/);
    expect(parseWorkflowEvent(OverdueInput, { ...rekan, rekanNip: '198501012010011002' })).toMatchObject({
      rekanNip: '198501012010011002',
    });
    expect(refusal(RegisterTaskInput, { ...rekan, taskToken: 't', deadlineAt: START }).message).toMatch(
      /rekanNip/,
    );
  });

  it('names the step when it is unknown or missing, and the fields of the step it is', () => {
    expect(refusal(EvaluationStep, { ...evaluasi, step: 'LOMPAT' }).message).toMatch(
      /step: expected one of TENGGAT, SAMBUNG, .*CATAT_KEGAGALAN/,
    );
    expect(refusal(EvaluationStep, evaluasi).message).toMatch(/^Invalid workflow event: step:/);
    expect(refusal(EvaluationStep, { ...evaluasi, step: 'TENGGAT', stage: 'SELESAI' }).message).toMatch(
      /stage: expected one of/,
    );
    expect(refusal(EvaluationStep, { step: 'CATAT_KEGAGALAN', ...evaluasi, error: 'X' }).message).toMatch(
      /cause: expected string/,
    );
  });

  it('refuses what is not an event at all', () => {
    expect(refusal(LaunchBatchInput, null).message).toBe('Invalid workflow event: event: expected object');
    expect(refusal(LaunchBatchInput, { cycleId: '2027', kelompok: { dari: '1' } }).message).toMatch(
      /kelompok\.opd: expected string/,
    );
    expect(
      refusal(LaunchSummaryInput, {
        cycleId: '2027',
        hasil: [{ employees: 3, created: -1, started: 1.5, alreadyStarted: 0 }],
      }).message,
    ).toMatch(/hasil\.0\.created: expected at least 0.*hasil\.0\.started: expected int/);
    expect(refusal(OverdueInput, { ...evaluasi, stage: 'PENILAIAN_ATASAN', cycleId: '' }).message).toMatch(
      /cycleId: expected at least 1/,
    );
  });

  it('passes every step the EmployeeEvaluation machine sends, typed as the services take it', () => {
    const steps: EvaluationStep[] = [
      { step: 'TENGGAT', ...evaluasi, stage: 'UMPAN_BALIK', executionStart: START },
      { step: 'SAMBUNG', ...evaluasi },
      { step: 'DAFTAR_REKAN', ...evaluasi, executionStart: START },
      { step: 'HITUNG_PREDIKAT', ...evaluasi },
      { step: 'REKOMENDASI_PELATIHAN', ...evaluasi },
      { step: 'TUTUP', ...evaluasi },
      { step: 'CATAT_KEGAGALAN', ...evaluasi, error: 'EvaluationNotFound', cause: '{"errorMessage":"x"}' },
    ];
    for (const s of steps) expect(parseWorkflowEvent(EvaluationStep, s)).toEqual(s);
  });

  it('keeps only the fields it knows, so a payload that grows breaks nothing', () => {
    const event = { ...evaluasi, stage: 'PENETAPAN_TARGET', executionStart: START, extra: 1 };
    expect(parseWorkflowEvent(OverdueInput, event)).toEqual({
      ...evaluasi,
      stage: 'PENETAPAN_TARGET',
      executionStart: START,
    });
  });
});
