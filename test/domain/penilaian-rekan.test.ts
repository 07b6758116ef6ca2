import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KODE_BERAKHLAK } from '../../shared/domain/evaluation/berakhlak.js';
import type { PenilaianRekan } from '../../shared/domain/evaluation/penilaian-model.js';
import {
  MIN_JAWABAN_REKAN,
  agregatRekan,
  ajukanNilaiRekan,
  assertBolehMelihatRekan,
  assertBolehMenilaiRekan,
  assertVersiRekan,
  drafNilaiRekan,
} from '../../shared/domain/evaluation/penilaian-rekan.js';
import { sembunyikanDraf } from '../../shared/domain/evaluation/penilaian-umum.js';
import { AKTOR_REKAN, sembunyikanRekan, type Jejak } from '../../shared/domain/evaluation/rahasia-rekan.js';
import { LEVEL, type Level } from '../../shared/domain/evaluation/predikat.js';
import { errorOf, evaluasi, lain, pathsOf, pegawai, rekanA, semuaNilai } from './penilaian-fixtures.js';

const AT = '2028-01-10T00:00:00.000Z';
const NOW = new Date(AT);
const review = (patch: Partial<PenilaianRekan> = {}): PenilaianRekan => ({
  cycleId: '2027',
  nip: pegawai.nip,
  rekanNip: rekanA.nip,
  rekanNama: rekanA.nama,
  status: 'MENUNGGU',
  taskToken: 'peer-token',
  version: 1,
  ...patch,
});
const e = evaluasi({ stage: 'PENILAIAN_ATASAN' });
const nilaiLengkap = (level: Level = 'SESUAI_EKSPEKTASI', komentar = 'Selalu siap membantu rekan') =>
  semuaNilai(() => ({ level, komentar }));

describe('penilaian rekan: who may act', () => {
  it('refuses a colleague who is not an approved peer (403)', () => {
    expect(errorOf(() => assertBolehMenilaiRekan(e, undefined, lain, 'menyimpan', NOW)).code).toBe(
      'DILARANG',
    );
    expect(errorOf(() => assertBolehMelihatRekan(e, undefined, lain, NOW)).code).toBe('DILARANG');
    // The employee is never their own peer, even if the list said so.
    const self = evaluasi({ stage: 'PENILAIAN_ATASAN', rekan: [{ nip: pegawai.nip, nama: pegawai.nama }] });
    expect(errorOf(() => assertBolehMenilaiRekan(self, review(), pegawai, 'menyimpan', NOW)).code).toBe(
      'DILARANG',
    );
  });

  it('answers 409 with the stage and the review status when it is not open', () => {
    const notYet = errorOf(() => assertBolehMenilaiRekan(e, undefined, rekanA, 'menyimpan', NOW));
    expect(notYet.code).toBe('KONFLIK');
    expect(notYet.details).toEqual({ stage: 'PENILAIAN_ATASAN', status: 'DRAFT' });
    for (const status of ['SELESAI', 'DILEWATI'] as const) {
      const err = errorOf(() => assertBolehMenilaiRekan(e, review({ status }), rekanA, 'mengajukan', NOW));
      expect(err.code).toBe('KONFLIK');
      expect(err.details).toEqual({ stage: 'PENILAIAN_ATASAN', status: 'DRAFT', statusRekan: status });
    }
    expect(assertBolehMenilaiRekan(e, review(), rekanA, 'menyimpan', NOW).rekanNip).toBe(rekanA.nip);
    expect(errorOf(() => assertVersiRekan(e, review({ version: 3 }), 2)).details).toMatchObject({
      currentVersion: 3,
    });
  });
});

describe('penilaian rekan: answers', () => {
  it('saves a partial draft but checks what is there', () => {
    expect(drafNilaiRekan({ nilai: { HARMONIS: { level: 'DI_ATAS_EKSPEKTASI' } } }).nilai).toEqual({
      HARMONIS: { level: 'DI_ATAS_EKSPEKTASI', komentar: '' },
    });
    expect(pathsOf(() => drafNilaiRekan({ nilai: { HARMONIS: { level: 'BAGUS' }, RAMAH: {} } }))).toEqual([
      'nilai.RAMAH',
      'nilai.HARMONIS.level',
    ]);
  });

  it('needs every value with a level and a comment, and a waiting workflow, to submit', () => {
    expect(pathsOf(() => ajukanNilaiRekan(e, review(), {}, AT))).toEqual(
      KODE_BERAKHLAK.flatMap((k) => [`nilai.${k}.level`, `nilai.${k}.komentar`]),
    );
    const out = ajukanNilaiRekan(e, review(), { nilai: nilaiLengkap() }, AT);
    expect(out).toMatchObject({ status: 'SELESAI', diajukanPada: AT });
    expect(Object.keys(out.nilai!)).toEqual([...KODE_BERAKHLAK]);
    const err = errorOf(() =>
      ajukanNilaiRekan(e, review({ taskToken: undefined }), { nilai: nilaiLengkap() }, AT),
    );
    expect(err.code).toBe('KONFLIK');
  });
});

const answered = (level: Level, komentar: string): Pick<PenilaianRekan, 'status' | 'nilai'> => ({
  status: 'SELESAI',
  nilai: nilaiLengkap(level, komentar) as PenilaianRekan['nilai'],
});

describe('agregat rekan (what the employee sees)', () => {
  it(`shows nothing but counts below ${MIN_JAWABAN_REKAN} answers`, () => {
    expect(
      agregatRekan([
        answered('DI_ATAS_EKSPEKTASI', 'Luar biasa'),
        answered('SESUAI_EKSPEKTASI', 'Baik'),
        { status: 'DILEWATI' },
        { status: 'MENUNGGU', nilai: nilaiLengkap() as PenilaianRekan['nilai'] },
      ]),
    ).toEqual({ diminta: 4, menjawab: 2, dilewati: 1 });
  });

  it('counts levels per value and lists comments in text order from 3 answers on', () => {
    const out = agregatRekan([
      answered('SESUAI_EKSPEKTASI', 'Tepat waktu'),
      answered('DI_ATAS_EKSPEKTASI', 'Cekatan dan solutif'),
      { status: 'DILEWATI' },
      answered('SESUAI_EKSPEKTASI', 'Akurat'),
    ]);
    expect(out).toMatchObject({ diminta: 4, menjawab: 3, dilewati: 1 });
    expect(out.perNilai).toHaveLength(KODE_BERAKHLAK.length);
    expect(out.perNilai![0]).toEqual({
      kode: 'BERORIENTASI_PELAYANAN',
      jumlah: { DI_ATAS_EKSPEKTASI: 1, SESUAI_EKSPEKTASI: 2, DI_BAWAH_EKSPEKTASI: 0 },
      komentar: ['Akurat', 'Cekatan dan solutif', 'Tepat waktu'],
    });
  });

  it('is the same whatever order the reviews arrive in, so nothing tells who wrote what', () => {
    const one = fc.record({
      level: fc.constantFrom(...LEVEL),
      komentar: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
    });
    const lists = fc
      .array(one, { minLength: 3, maxLength: 6 })
      .chain((list) =>
        fc.tuple(
          fc.constant(list),
          fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
        ),
      );
    fc.assert(
      fc.property(lists, ([list, shuffled]) => {
        const of = (xs: typeof list) => agregatRekan(xs.map((x) => answered(x.level, x.komentar)));
        expect(of(shuffled)).toEqual(of(list));
      }),
    );
  });
});

describe('identities of peers in what the employee reads', () => {
  const atasanNip = e.atasanNip!;
  const history: Jejak[] = [
    {
      action: 'REKAN_DIUSULKAN',
      actor: { nip: pegawai.nip, nama: pegawai.nama },
      detail: { rekan: [rekanA, { nip: '199001012019011001', nama: 'Diganti Atasan' }], oleh: 'PEGAWAI' },
    },
    {
      action: 'REKAN_DIMINTA',
      actor: { sistem: 'alur-kerja' },
      detail: { jumlah: 3, rekanNip: [rekanA.nip], rahasiaRekan: true },
    },
    {
      action: 'PENILAIAN_REKAN_DIAJUKAN',
      actor: { nip: rekanA.nip, nama: rekanA.nama },
      detail: { rahasiaRekan: true },
    },
    { action: 'SKP_DISETUJUI', actor: { nip: atasanNip, nama: 'Dedi Kurniawan' }, detail: { rows: 3 } },
  ];

  it('drops the list, blanks every NIP and name of a peer and hides who acted', () => {
    const out = sembunyikanRekan(e, history);
    const text = JSON.stringify(out);
    for (const secret of [rekanA.nip, rekanA.nama, '199001012019011001', 'Diganti Atasan']) {
      expect(text).not.toContain(secret);
    }
    expect(out.evaluation.rekan).toBeUndefined();
    expect(out.history[0]!.detail.rekan).toHaveLength(2);
    // Entries about peers' actions are left out altogether: their times would tell who.
    expect(out.history.map((h) => h.action)).toEqual(['REKAN_DIUSULKAN', 'SKP_DISETUJUI']);
    expect(out.history[1]).toEqual(history[3]);
    expect(text).not.toContain(JSON.stringify(AKTOR_REKAN));
  });

  it('leaves the employee’s own proposal visible only while they may still edit it', () => {
    const target = evaluasi({ stage: 'PENETAPAN_TARGET', status: 'DRAFT' });
    expect(sembunyikanRekan(target, history).evaluation).toEqual(target);
    const submitted = evaluasi({ stage: 'PENETAPAN_TARGET', status: 'DIAJUKAN' });
    expect(sembunyikanRekan(submitted, history).evaluation.rekan).toBeUndefined();
  });

  it("hides the atasan's edits of the list", () => {
    const edited: Jejak = {
      action: 'REKAN_DIUSULKAN',
      actor: { nip: atasanNip, nama: 'Dedi Kurniawan' },
      detail: { rekan: [rekanA], oleh: 'ATASAN' },
    };
    const out = sembunyikanRekan(evaluasi({ stage: 'PENETAPAN_TARGET', status: 'DIAJUKAN' }), [edited]);
    expect(out.history[0]!.detail).toEqual({ oleh: 'ATASAN' });
  });

  it('keeps a draft to its author', () => {
    const withDrafts = evaluasi({
      stage: 'PENILAIAN_ATASAN',
      penilaianMandiri: { baris: {}, perilaku: {}, diajukanPada: AT },
      penilaianAtasan: {
        baris: {},
        hasilKerja: { level: 'DI_ATAS_EKSPEKTASI', saran: 'SESUAI_EKSPEKTASI' },
        perilaku: {},
        perilakuKerja: { level: 'SESUAI_EKSPEKTASI' },
      },
    });
    expect(sembunyikanDraf(withDrafts, { pegawai: true, atasan: false }).penilaianAtasan).toBeUndefined();
    expect(sembunyikanDraf(withDrafts, { pegawai: false, atasan: true }).penilaianAtasan).toBeDefined();
    expect(sembunyikanDraf(withDrafts, { pegawai: false, atasan: false }).penilaianMandiri).toBeDefined();
    const mandiriDraft = evaluasi({ penilaianMandiri: { baris: {}, perilaku: {} } });
    expect(sembunyikanDraf(mandiriDraft, { pegawai: false, atasan: true }).penilaianMandiri).toBeUndefined();
  });
});
