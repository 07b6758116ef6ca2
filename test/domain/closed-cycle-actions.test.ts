import { describe, expect, it } from 'vitest';
import { SIKLUS_DITUTUP, assertAction, availableActions } from '../../shared/domain/evaluation/actions.js';
import { STAGES, STATUS, type Evaluation } from '../../shared/domain/evaluation/evaluation.js';
import type { StatusRekan } from '../../shared/domain/evaluation/penilaian-model.js';
import type { Subjek } from '../../shared/domain/people/policy.js';
import { atasan, evaluasi, pegawai, rekanA } from './penilaian-fixtures.js';

const NOW = new Date('2027-06-15T03:00:00Z');
const admin: Subjek = { nip: '198001252005031001', admin: true };
const RENCANA = { tahun: 2028 } as unknown as NonNullable<Evaluation['rencanaPengembangan']>;
const PEER: (StatusRekan | undefined)[] = [undefined, 'MENUNGGU'];
const cells = STAGES.flatMap((stage) => STATUS.map((status) => [stage, status] as const));

describe('a closed cycle: its evaluations are read-only', () => {
  it.each(cells)('%s / %s: reading, and the plan only once its stage is done', (stage, status) => {
    const e = { ...evaluasi({ stage, status, rencanaPengembangan: RENCANA }), cycleClosed: true };
    const planDone = stage === 'SELESAI' || (stage === 'RENCANA_PENGEMBANGAN' && status === 'SELESAI');
    for (const s of [pegawai, atasan, rekanA, admin]) {
      for (const peer of PEER) {
        const k = peer ? { penilaianRekan: { status: peer } } : {};
        const open = availableActions({ ...e, cycleClosed: false }, s, NOW, k);
        const closed = availableActions(e, s, NOW, k);
        // Whatever the open cycle offers, minus every change but the finished plan's.
        const expected = [...open].filter(
          (a) => a === 'LIHAT_EVALUASI' || (a === 'UBAH_RENCANA' && planDone),
        );
        expect([...closed].sort()).toEqual(expected.sort());
      }
    }
  });

  it('the guard says why, in the words the data layer uses', () => {
    const e = { ...evaluasi({ stage: 'PENETAPAN_TARGET', status: 'DRAFT' }), cycleClosed: true };
    expect(() => assertAction(e, pegawai, 'UBAH_SKP', NOW, 'mengubah SKP')).toThrow(
      expect.objectContaining({ code: 'KONFLIK', message: SIKLUS_DITUTUP }),
    );
  });
});
