import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain/errors.js';
import {
  type ActionContext,
  allowed,
  assertAction,
  availableActions,
} from '../../shared/domain/evaluation/actions.js';
import { STAGES, STATUS, type Evaluation } from '../../shared/domain/evaluation/evaluation.js';
import type { StatusRekan } from '../../shared/domain/evaluation/penilaian-model.js';
import { AKSI, type Aksi, type Subjek, decide } from '../../shared/domain/people/policy.js';
import { atasan, evaluasi, lain, pegawai, plt, rekanA } from './penilaian-fixtures.js';

const NOW = new Date('2027-06-15T03:00:00Z');
const atasanAtasan = { nip: '196801011990031001', nama: 'Atasan dari atasan' };
const PERSONS: Record<string, Subjek> = {
  pegawai,
  atasan,
  plt,
  atasanAtasan,
  rekan: rekanA,
  lain,
  kepalaOpd: { nip: '197001011995031001', kepalaOpd: 'DISKOMINFO' },
  admin: { nip: '198001252005031001', admin: true },
  auditor: { nip: '198501012010011001', auditor: true },
};
const inForce = {
  nip: plt.nip,
  nama: plt.nama,
  mulai: '2027-06-01',
  selesai: '2027-06-30',
  jenis: 'PLT' as const,
};
const over = { ...inForce, mulai: '2027-01-01', selesai: '2027-01-31' };

/**
 * The rules as the guards and pages spelled them out before the registry: each action's stage
 * and statuses, and the state it needs. availableActions must give exactly this, cell by cell.
 */
function before(e: Evaluation, s: Subjek, aksi: Aksi, k: ActionContext): boolean {
  const d = decide(s, aksi, e, NOW);
  if (!d.boleh) return false;
  const at = (stage: string, ...statuses: string[]) => e.stage === stage && statuses.includes(e.status);
  const rencana = !!e.rencanaPengembangan;
  switch (aksi) {
    case 'LIHAT_EVALUASI':
      return true;
    case 'UBAH_SKP':
    case 'AJUKAN_SKP':
      return at('PENETAPAN_TARGET', 'DRAFT', 'DIKEMBALIKAN');
    case 'PUTUSKAN_SKP':
      return at('PENETAPAN_TARGET', 'DIAJUKAN');
    case 'TETAPKAN_EKSPEKTASI':
      return at('PENETAPAN_TARGET', 'DRAFT', 'DIAJUKAN', 'DIKEMBALIKAN');
    case 'USULKAN_REKAN':
      return d.sebagai === 'PEGAWAI'
        ? at('PENETAPAN_TARGET', 'DRAFT', 'DIKEMBALIKAN')
        : at('PENETAPAN_TARGET', 'DIAJUKAN');
    case 'ISI_PENILAIAN_MANDIRI':
      return at('PENILAIAN_MANDIRI', 'DRAFT');
    case 'NILAI_KINERJA':
      return at('PENILAIAN_ATASAN', 'DRAFT');
    case 'NILAI_SEBAGAI_REKAN':
      return k.penilaianRekan?.status === 'MENUNGGU';
    case 'BERI_UMPAN_BALIK':
      return at('UMPAN_BALIK', 'DRAFT');
    case 'TANGGAPI_PENILAIAN':
      return at('TANGGAPAN', 'DRAFT');
    case 'PUTUSKAN_KEBERATAN':
      return (
        at('KEBERATAN', 'DRAFT') &&
        e.penilaianAtasan?.oleh !== s.nip &&
        !!e.hasil &&
        e.tanggapan?.jenis === 'KEBERATAN'
      );
    case 'UBAH_RENCANA':
      return rencana;
    case 'KONFIRMASI_RENCANA':
      return rencana && at('RENCANA_PENGEMBANGAN', 'DRAFT');
  }
}

const HASIL = {
  hasilKerja: 'SESUAI_EKSPEKTASI',
  perilaku: 'SESUAI_EKSPEKTASI',
  predikat: 'BAIK',
  dihitungPada: '2028-01-22T00:00:00.000Z',
  sumber: 'ATASAN',
} as const;
const KEBERATAN = {
  jenis: 'KEBERATAN',
  alasan: 'Capaian melebihi target',
  pada: '2028-02-01T00:00:00.000Z',
} as const;
const RENCANA = { tahun: 2028 } as unknown as NonNullable<Evaluation['rencanaPengembangan']>;

/** The evaluation states worth telling apart, at every stage and status. */
const VARIANTS: Record<string, Partial<Evaluation>> = {
  plain: { atasanAtasanNip: atasanAtasan.nip },
  pltInForce: { atasanAtasanNip: atasanAtasan.nip, plt: inForce },
  pltOver: { atasanAtasanNip: atasanAtasan.nip, plt: over },
  objection: { atasanAtasanNip: atasanAtasan.nip, hasil: HASIL, tanggapan: KEBERATAN },
  objectionRatedByAA: {
    atasanAtasanNip: atasanAtasan.nip,
    hasil: HASIL,
    tanggapan: KEBERATAN,
    penilaianAtasan: { oleh: atasanAtasan.nip } as Evaluation['penilaianAtasan'],
  },
  plan: { atasanAtasanNip: atasanAtasan.nip, rencanaPengembangan: RENCANA },
};
const PEER: (StatusRekan | undefined)[] = [undefined, 'MENUNGGU', 'SELESAI', 'DILEWATI'];

const cells = STAGES.flatMap((stage) =>
  STATUS.flatMap((status) => Object.keys(VARIANTS).map((v) => [stage, status, v] as const)),
);

describe('available actions: the registry reproduces the rules, cell by cell', () => {
  it.each(cells)('%s / %s / %s', (stage, status, variant) => {
    const e = evaluasi({ stage, status, ...VARIANTS[variant] });
    for (const [who, s] of Object.entries(PERSONS)) {
      for (const peer of PEER) {
        const k: ActionContext = peer ? { penilaianRekan: { status: peer } } : {};
        const expected = AKSI.filter((a) => before(e, s, a, k));
        expect([...availableActions(e, s, NOW, k)].sort(), `${who} peer=${peer}`).toEqual(expected.sort());
      }
    }
  });
});

describe('assertAction: the guard agrees with the list and says why', () => {
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      if (err instanceof DomainError) return err;
      throw err;
    }
    return undefined;
  };

  it.each(cells)('%s / %s / %s: 403 for the wrong person, 409 out of season', (stage, status, variant) => {
    const e = evaluasi({ stage, status, ...VARIANTS[variant] });
    for (const s of Object.values(PERSONS)) {
      for (const aksi of AKSI) {
        const err = refusal(() => assertAction(e, s, aksi, NOW, 'mencoba'));
        expect(err === undefined).toBe(allowed(e, s, aksi, NOW));
        if (!err) continue;
        const personal =
          !decide(s, aksi, e, NOW).boleh ||
          (aksi === 'PUTUSKAN_KEBERATAN' && e.penilaianAtasan?.oleh === s.nip);
        expect(err.code).toBe(personal ? 'DILARANG' : 'KONFLIK');
      }
    }
  });

  it('names the stage and status when it is not the time', () => {
    const e = evaluasi({ stage: 'PENILAIAN_ATASAN', status: 'SELESAI' });
    const err = refusal(() => assertAction(e, atasan, 'NILAI_KINERJA', NOW, 'menyimpan penilaian kinerja'))!;
    expect(err.message).toBe(
      'Tidak dapat menyimpan penilaian kinerja: evaluasi berada pada tahap "Penilaian atasan dan rekan kerja" dengan status "Selesai"',
    );
    expect(err.details).toEqual({ stage: 'PENILAIAN_ATASAN', status: 'SELESAI' });
  });

  it('passes the atasan’s part to a Plt/Plh only while in force, by the given clock', () => {
    const e = evaluasi({ stage: 'PENILAIAN_ATASAN', plt: inForce });
    expect(allowed(e, plt, 'NILAI_KINERJA', NOW)).toBe(true);
    expect(allowed(e, atasan, 'NILAI_KINERJA', NOW)).toBe(false);
    const later = new Date('2027-07-01T03:00:00Z');
    expect(allowed(e, plt, 'NILAI_KINERJA', later)).toBe(false);
    expect(allowed(e, atasan, 'NILAI_KINERJA', later)).toBe(true);
  });

  it('needs no waiting workflow to draft; completing a stage checks that apart (assertMenunggu)', () => {
    const e = evaluasi({ stage: 'UMPAN_BALIK', taskToken: undefined });
    expect(allowed(e, atasan, 'BERI_UMPAN_BALIK', NOW)).toBe(true);
  });
});
