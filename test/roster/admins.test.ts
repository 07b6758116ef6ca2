import { describe, expect, it } from 'vitest';
import { planRoster } from '../../shared/domain/people/roster/index.js';
import { context, nipOf, recordsOf, seededPeople, seededRows, type Row } from './fixtures.js';

/**
 * Issue 9, item 4: a roster import never deactivates the admin who runs it, nor the last active
 * BKPSDM admins; the refusal is a finding of the plan (shown before anything is written), and
 * applying with skipInvalid leaves those admins active.
 */
const WAWAN = nipOf('kabidpkap');
const PUTRI = nipOf('analissdm');
const existing = seededPeople();
/** Row n of the rows array is file row n + 2 (row 1 is the header). */
const fileRow = (rows: Row[], nip: string) => rows.findIndex((r) => r.nip === nip) + 2;
const plan = (rows: Row[], actorNip?: string) =>
  planRoster(recordsOf(rows), context({ existing }), { actorNip });
const deactivated = (p: ReturnType<typeof plan>) => p.deactivations.map((d) => d.nip);

describe('roster import and the BKPSDM admins', () => {
  it('the seed has two active admins', () => {
    expect(existing.filter((e) => e.aktif && e.admin).map((e) => e.nip)).toEqual([WAWAN, PUTRI]);
  });

  it('refuses to deactivate the importing admin who is missing from the file, naming him', () => {
    const rows = seededRows().filter((r) => r.nip !== WAWAN);
    const p = plan(rows, WAWAN);
    expect(deactivated(p)).not.toContain(WAWAN);
    // (His subordinate's row also says its atasan is missing: the supervisor check, as before.)
    expect(p.errors.filter((e) => e.row === 0)).toEqual([
      {
        row: 0,
        column: '',
        message: expect.stringMatching(
          new RegExp(
            `^Anda sendiri, Wawan Setiawan, S\\.Psi\\., M\\.Si\\. \\(NIP ${WAWAN}\\), .*tidak ada di berkas`,
          ),
        ),
      },
    ]);
  });

  it("refuses the importing admin's own row marked aktif = tidak, at that row's cell", () => {
    const rows = seededRows().map((r) => (r.nip === WAWAN ? { ...r, aktif: 'tidak' } : r));
    const p = plan(rows, WAWAN);
    expect(deactivated(p)).toEqual([]);
    expect(p.errors.filter((e) => e.row === fileRow(rows, WAWAN))).toEqual([
      expect.objectContaining({
        row: fileRow(rows, WAWAN),
        column: 'aktif',
        cell: `L${fileRow(rows, WAWAN)}`,
        message: expect.stringMatching(/^Baris ini menonaktifkan Anda sendiri, Wawan Setiawan/),
      }),
    ]);
    expect(p.skippedRows).toContain(fileRow(rows, WAWAN));
  });

  it('lets one admin deactivate another while one stays active', () => {
    const p = plan(
      seededRows().filter((r) => r.nip !== PUTRI),
      WAWAN,
    );
    expect(p.errors).toEqual([]);
    expect(deactivated(p)).toEqual([PUTRI]);
  });

  it('refuses to deactivate every active admin, even from the CLI (no NIP), naming them all', () => {
    const rows = seededRows().filter((r) => r.nip !== WAWAN && r.nip !== PUTRI);
    for (const actor of [undefined, 'cli:operator']) {
      const p = plan(rows, actor);
      expect(deactivated(p)).toEqual([]);
      expect(p.errors).toHaveLength(2);
      for (const e of p.errors) {
        expect(e.row).toBe(0);
        expect(e.message).toMatch(/akan menonaktifkan semua admin BKPSDM yang aktif/);
        expect(e.message).toContain(WAWAN);
        expect(e.message).toContain(PUTRI);
      }
    }
  });

  it('the other admin leaving and the importer missing: only the importer is refused', () => {
    const rows = seededRows().filter((r) => r.nip !== WAWAN && r.nip !== PUTRI);
    const p = plan(rows, WAWAN);
    expect(deactivated(p)).toEqual([PUTRI]);
    expect(p.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^Anda sendiri/)]);
  });

  it('an admin already inactive does not count as the one who stays', () => {
    const withPutriGone = existing.map((e) => (e.nip === PUTRI ? { ...e, aktif: false } : e));
    const rows = seededRows().filter((r) => r.nip !== WAWAN && r.nip !== PUTRI);
    const p = planRoster(recordsOf(rows), context({ existing: withPutriGone }));
    expect(deactivated(p)).toEqual([]);
    expect(p.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/semua admin BKPSDM yang aktif \(Wawan Setiawan, S\.Psi\., M\.Si\. \(NIP/),
    ]);
  });

  it('a partial import of another OPD leaves the admins alone', () => {
    const rows = seededRows().filter((r) => r.opd === 'DINKES');
    const p = planRoster(recordsOf(rows), context({ existing, opdScope: ['DINKES'] }), { actorNip: WAWAN });
    expect(p.errors).toEqual([]);
    expect(deactivated(p)).toEqual([]);
  });
});
