import { describe, expect, it } from 'vitest';
import { planRoster } from '../../shared/domain/people/roster/index.js';
import { context, nipOf, recordsOf, seededRows, type Row } from './fixtures.js';

/**
 * The roster's e-mail and name cells under the input rules (shared/domain/input.ts): Cognito gets
 * the address as the account's `email` attribute, and the pages show the names.
 */

function planWith(change: Partial<Row>) {
  const rows = seededRows();
  const i = rows.findIndex((r) => r.nip === nipOf('perencana1'));
  rows[i] = { ...rows[i]!, ...change };
  const plan = planRoster(recordsOf(rows), context());
  // Row 1 is the header.
  return { plan, errors: plan.errors.filter((e) => e.row === i + 2) };
}

describe('roster e-mail addresses', () => {
  it.each([
    '"><script>alert(1)</script>@x.id',
    'rahma wati@serangkota.go.id',
    'rahma@serangkota',
    'rahma@@serangkota.go.id',
    '<rahma@serangkota.go.id>',
  ])('refuses %j at its cell, and plans nobody from that row', (email) => {
    const { plan, errors } = planWith({ email });
    expect(errors).toEqual([
      expect.objectContaining({ column: 'email', message: expect.stringMatching(/^Email .* tidak valid: /) }),
    ]);
    expect(plan.creates.find((c) => c.nip === nipOf('perencana1'))).toBeUndefined();
  });

  it('keeps an ordinary address, in lower case', () => {
    const { plan, errors } = planWith({ email: 'Rahma.Wati+kinerja@SerangKota.go.id' });
    expect(errors).toEqual([]);
    expect(plan.creates.find((c) => c.nip === nipOf('perencana1'))!.after.email).toBe(
      'rahma.wati+kinerja@serangkota.go.id',
    );
  });
});

describe('roster names and titles', () => {
  it('refuses bidi overrides and control characters', () => {
    expect(planWith({ nama: 'Rahma\u202Etxt.exe' }).errors).toEqual([
      expect.objectContaining({ column: 'nama', message: expect.stringMatching(/pembalik arah/) }),
    ]);
    expect(planWith({ jabatan: 'Perencana\u0007' }).errors).toEqual([
      expect.objectContaining({ column: 'jabatan', message: expect.stringMatching(/karakter kendali/) }),
    ]);
  });

  it('stores names as NFC', () => {
    const { plan } = planWith({ nama: 'Rahmawati, S.Psi\u0301.' });
    expect(plan.creates.find((c) => c.nip === nipOf('perencana1'))!.after.nama).toBe('Rahmawati, S.Psí.');
  });
});
