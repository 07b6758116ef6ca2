import { describe, expect, it } from 'vitest';
import { KODE_BERAKHLAK } from '../../shared/domain/evaluation/berakhlak.js';
import { DomainError } from '../../shared/domain/errors.js';
import { KATALOG_PELATIHAN } from '../../shared/domain/development/katalog-pelatihan.js';
import {
  HAK_JP_TAHUNAN,
  TOLERANSI_JP,
  batalkan,
  checkKatalog,
  checkPelatihan,
  checkRencana,
  menyebut,
  rekomendasi,
  rencanaPengembangan,
  jpTotals,
  tambahKeRencana,
  tandaiSelesai,
  type ItemRencana,
  type Kesenjangan,
  type Pelatihan,
  type ProfilPegawai,
  type Rekomendasi,
} from '../../shared/domain/development/index.js';
import { OPD } from '../../infra/local/seed-data.js';

function tangkap(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('tidak melempar DomainError');
}

const entri = (id: string, patch: Partial<Pelatihan> = {}): Pelatihan => ({
  id,
  judul: `Pelatihan ${id}`,
  jenisKompetensi: 'TEKNIS',
  bentuk: { jenis: 'KLASIKAL', sub: 'BIMTEK' },
  jp: 8,
  penyelenggara: 'BKPSDM Kota Serang',
  nilai: [],
  kompetensi: [],
  daring: false,
  ...patch,
});

const bidan: ProfilPegawai = { opd: 'DINKES', jabatan: 'Bidan Terampil', jenisJabatan: 'FUNGSIONAL' };
const analisLalin: ProfilPegawai = {
  opd: 'DISHUB',
  jabatan: 'Analis Lalu Lintas',
  jenisJabatan: 'PELAKSANA',
};

const gaps: Kesenjangan = {
  perilaku: {
    AKUNTABEL: 'DI_BAWAH_EKSPEKTASI',
    KOLABORATIF: 'SESUAI_EKSPEKTASI',
    BERORIENTASI_PELAYANAN: 'SESUAI_EKSPEKTASI',
    KOMPETEN: 'DI_ATAS_EKSPEKTASI',
  },
  hasilKerja: [
    { id: 'r1', rhk: 'Meningkatnya cakupan imunisasi dasar lengkap', level: 'DI_BAWAH_EKSPEKTASI' },
    { id: 'r2', rhk: 'Terlaksananya posyandu balita', level: 'SESUAI_EKSPEKTASI' },
  ],
  saranAtasan: 'Perlu lebih aktif bekerja sama dengan kader posyandu.',
};

const katalogKecil: Pelatihan[] = [
  entri('kolaborasi', { nilai: ['KOLABORATIF'] }),
  entri('integritas', { nilai: ['AKUNTABEL'] }),
  entri('kompeten', { nilai: ['KOMPETEN'] }),
  entri('lalin', { kompetensi: ['imunisasi', 'lalu lintas'], sasaran: { opd: ['DISHUB'] } }),
  entri('pelayanan', { nilai: ['BERORIENTASI_PELAYANAN'] }),
  entri('imunisasi', { kompetensi: ['imunisasi'], bentuk: { jenis: 'NONKLASIKAL', sub: 'COACHING' } }),
];

const ids = (r: readonly Rekomendasi[]) => r.map((x) => x.pelatihan.id);

describe('rekomendasi pelatihan', () => {
  it('ranks values rated di bawah first, then failed results, then advice on values rated sesuai', () => {
    const r = rekomendasi(gaps, katalogKecil, bidan);
    expect(ids(r)).toEqual(['integritas', 'imunisasi', 'kolaborasi']);
    expect(r[0]!.alasan).toEqual([
      {
        jenis: 'PERILAKU_DI_BAWAH',
        nilai: 'AKUNTABEL',
        teks: 'Perilaku kerja Akuntabel dinilai di bawah ekspektasi',
      },
    ]);
    expect(r[1]!.alasan[0]).toMatchObject({
      jenis: 'HASIL_KERJA_DI_BAWAH',
      rowId: 'r1',
      teks: 'Hasil kerja "Meningkatnya cakupan imunisasi dasar lengkap" di bawah ekspektasi (terkait imunisasi)',
    });
    expect(r[2]!.alasan[0]!.teks).toMatch(
      /^Perilaku kerja Kolaboratif sudah sesuai ekspektasi, tetapi atasan/,
    );
  });

  it('ignores values rated sesuai without advice on them, and values rated di atas', () => {
    const r = rekomendasi(gaps, katalogKecil, bidan);
    expect(ids(r)).not.toContain('pelayanan');
    expect(ids(r)).not.toContain('kompeten');
  });

  it('ranks an entry naming the advised competency, and explains it', () => {
    const r = rekomendasi(
      { perilaku: {}, hasilKerja: [], saranAtasan: 'Belajar menjelaskan imunisasi kepada orang tua' },
      katalogKecil,
      bidan,
    );
    expect(ids(r)).toEqual(['imunisasi']);
    expect(r[0]!.alasan[0]).toMatchObject({ jenis: 'SARAN_ATASAN' });
    expect(r[0]!.alasan[0]!.teks).toContain('Saran atasan menyebut imunisasi');
  });

  it('excludes entries targeted at another OPD, and includes them for that OPD', () => {
    expect(ids(rekomendasi(gaps, katalogKecil, bidan))).not.toContain('lalin');
    expect(ids(rekomendasi(gaps, katalogKecil, analisLalin))).toContain('lalin');
  });

  it('honours jenis jabatan and jabatan name targeting', () => {
    const k = [
      entri('pengawas', { nilai: ['AKUNTABEL'], sasaran: { jenisJabatan: ['PENGAWAS'] } }),
      entri('perawat', { nilai: ['AKUNTABEL'], sasaran: { jabatan: ['perawat', 'bidan'] } }),
    ];
    expect(ids(rekomendasi(gaps, k, bidan))).toEqual(['perawat']);
    expect(
      ids(rekomendasi(gaps, k, { ...bidan, jabatan: 'Pranata Komputer', jenisJabatan: 'PENGAWAS' })),
    ).toEqual(['pengawas']);
  });

  it('prefers training written for the employee over generic training of equal weight', () => {
    const k = [
      entri('umum', { nilai: ['AKUNTABEL'] }),
      entri('dinkes', { nilai: ['AKUNTABEL'], sasaran: { opd: ['DINKES'] } }),
    ];
    expect(ids(rekomendasi(gaps, k, bidan))).toEqual(['dinkes', 'umum']);
  });

  it('lists an entry once, with every reason, even if the catalogue repeats it', () => {
    const both = entri('both', { nilai: ['AKUNTABEL', 'KOLABORATIF'], kompetensi: ['imunisasi'] });
    const r = rekomendasi(gaps, [both, both, { ...both, judul: 'Salinan' }], bidan);
    expect(ids(r)).toEqual(['both']);
    expect(r[0]!.alasan.map((a) => a.jenis)).toEqual([
      'PERILAKU_DI_BAWAH',
      'HASIL_KERJA_DI_BAWAH',
      'PERILAKU_SARAN',
    ]);
  });

  it('caps the list, skips excluded ids, and rejects a bad cap', () => {
    expect(rekomendasi(gaps, katalogKecil, bidan, { maks: 1 })).toHaveLength(1);
    expect(ids(rekomendasi(gaps, katalogKecil, bidan, { kecualikan: ['integritas'] }))[0]).toBe('imunisasi');
    expect(rekomendasi(gaps, KATALOG_PELATIHAN, bidan).length).toBeLessThanOrEqual(10);
    for (const maks of [0, 1.5]) {
      const e = tangkap(() => rekomendasi(gaps, katalogKecil, bidan, { maks }));
      expect(e.code).toBe('VALIDASI');
      expect(e.issues).toEqual([
        { path: 'maks', message: 'Jumlah rekomendasi harus bilangan bulat lebih dari 0' },
      ]);
    }
  });

  it('reads Indonesian affixes in free text without confusing lalu lintas with lintas OPD', () => {
    expect(menyebut('Kurang melayani pemohon dengan ramah', 'layan')).toBe(true);
    expect(menyebut('Perlu berkolaborasi dengan puskesmas', 'kolabora')).toBe(true);
    expect(menyebut('Koordinasi dengan bekerja sama', 'kerja sama')).toBe(true);
    expect(menyebut('Rekayasa lalu lintas di simpang Ciceri', 'lintas opd')).toBe(false);
    expect(menyebut('Estimasi optimal', 'tim')).toBe(false);
    expect(menyebut('', 'apa saja')).toBe(false);
  });

  it('on the seed catalogue, gives a puskesmas midwife the immunisation coaching and nothing for other agencies', () => {
    const r = rekomendasi(
      { ...gaps, saranAtasan: 'Perlu meningkatkan komunikasi dengan orang tua tentang imunisasi.' },
      KATALOG_PELATIHAN,
      bidan,
      { maks: 40 },
    );
    const semua = ids(r);
    expect(new Set(semua).size).toBe(semua.length);
    expect(semua).toContain('coaching-komunikasi-imunisasi');
    for (const x of r) {
      const opd = x.pelatihan.sasaran?.opd;
      if (opd) expect(opd).toContain('DINKES');
    }
    const pertamaTanpaDiBawah = r.findIndex((x) => x.alasan[0]!.jenis !== 'PERILAKU_DI_BAWAH');
    expect(pertamaTanpaDiBawah).toBeGreaterThan(0);
    expect(r.slice(pertamaTanpaDiBawah).every((x) => x.alasan[0]!.jenis !== 'PERILAKU_DI_BAWAH')).toBe(true);
    const coaching = r.find((x) => x.pelatihan.id === 'coaching-komunikasi-imunisasi')!;
    expect(coaching.alasan.map((a) => a.teks).join(' ')).toMatch(/imunisasi/);
  });
});

const rek = (p: Pelatihan, nilai: 'AKUNTABEL' | 'KOLABORATIF' = 'AKUNTABEL'): Rekomendasi => ({
  pelatihan: p,
  alasan: [{ jenis: 'PERILAKU_DI_BAWAH', nilai, teks: 'x' }],
  skor: 408,
});

describe('rencana pengembangan', () => {
  it('plans at least the 20 JP entitlement on the seed catalogue, mixing forms and covering each gap', () => {
    const r = rekomendasi(
      { ...gaps, saranAtasan: 'Perlu meningkatkan komunikasi dengan orang tua tentang imunisasi.' },
      KATALOG_PELATIHAN,
      bidan,
    );
    const plan = rencanaPengembangan(r, { tahun: 2026, jpSudah: 0 });
    expect(plan.kebutuhan).toBe(HAK_JP_TAHUNAN);
    expect(plan.terpenuhi).toBe(true);
    expect(plan.jpDirencanakan).toBeGreaterThanOrEqual(HAK_JP_TAHUNAN);
    expect(plan.jpDirencanakan).toBeLessThanOrEqual(HAK_JP_TAHUNAN + TOLERANSI_JP);
    expect(plan.jpDirencanakan).toBe(plan.items.reduce((a, i) => a + i.jp, 0));
    expect(new Set(plan.items.map((i) => i.bentuk))).toEqual(new Set(['KLASIKAL', 'NONKLASIKAL']));
    expect(plan.items.map((i) => i.pelatihanId)).toContain('coaching-komunikasi-imunisasi');
    expect(plan.items.every((i) => i.status === 'DIRENCANAKAN' && i.tahun === 2026)).toBe(true);
    expect(checkRencana(plan.items)).toEqual([]);
  });

  it('skips entries that would overshoot (a full PKP) for shorter ones', () => {
    const recs = [
      rek(entri('pkp', { jp: 830 })),
      rek(entri('a', { jp: 16 })),
      rek(entri('b', { jp: 16 })),
      rek(entri('c', { jp: 4 })),
    ];
    const plan = rencanaPengembangan(recs, { tahun: 2026, jpSudah: 0 });
    expect(plan.items.map((i) => i.pelatihanId)).toEqual(['a', 'c']);
    expect(plan.jpDirencanakan).toBe(20);
  });

  it('takes a lower-ranked entry of the missing form to mix classical and non-classical', () => {
    const recs = [
      rek(entri('k1', { jp: 8 })),
      rek(entri('k2', { jp: 8 })),
      rek(entri('k3', { jp: 8 })),
      rek(entri('nk', { jp: 6, bentuk: { jenis: 'NONKLASIKAL', sub: 'E_LEARNING' } })),
    ];
    const plan = rencanaPengembangan(recs, { tahun: 2026, jpSudah: 0 });
    expect(plan.items.map((i) => i.pelatihanId)).toEqual(['k1', 'nk', 'k2']);
    expect(plan.jpDirencanakan).toBe(22);
  });

  it('prefers an entry that addresses a gap not yet covered', () => {
    const recs = [
      rek(entri('a1', { jp: 10 })),
      rek(entri('a2', { jp: 10 })),
      rek(entri('k', { jp: 10 }), 'KOLABORATIF'),
    ];
    expect(rencanaPengembangan(recs, { tahun: 2026, jpSudah: 0 }).items.map((i) => i.pelatihanId)).toEqual([
      'a1',
      'k',
    ]);
  });

  it('counts JP already done and stops when the entitlement is met', () => {
    const recs = [rek(entri('a', { jp: 10 })), rek(entri('b', { jp: 6 }))];
    const sebagian = rencanaPengembangan(recs, { tahun: 2026, jpSudah: 12 });
    expect(sebagian.kebutuhan).toBe(8);
    expect(sebagian.items.map((i) => i.pelatihanId)).toEqual(['a']);
    const penuh = rencanaPengembangan(recs, { tahun: 2026, jpSudah: 24 });
    expect(penuh).toMatchObject({ kebutuhan: 0, jpDirencanakan: 0, terpenuhi: true, items: [] });
  });

  it('says so when the recommendations cannot reach the entitlement', () => {
    const plan = rencanaPengembangan([rek(entri('a', { jp: 4 }))], { tahun: 2026, jpSudah: 0 });
    expect(plan).toMatchObject({ jpDirencanakan: 4, terpenuhi: false });
  });

  it('rejects a bad year or JP already done', () => {
    const e = tangkap(() => rencanaPengembangan([], { tahun: 26, jpSudah: -1 }));
    expect(e.issues).toEqual([
      { path: 'tahun', message: 'Tahun tidak valid' },
      { path: 'jpSudah', message: 'JP yang sudah ditempuh harus bilangan bulat 0 atau lebih' },
    ]);
  });
});

const item = (id: string, patch: Partial<ItemRencana> = {}): ItemRencana => ({
  id,
  pelatihanId: id,
  judul: `Pelatihan ${id}`,
  jp: 8,
  bentuk: 'KLASIKAL',
  tahun: 2026,
  status: 'DIRENCANAKAN',
  ...patch,
});
/** Today (WIB) in these tests: after the certificate's date. */
const HARI_INI = '2026-06-01';
const sertifikat = {
  nomor: '800/123/BKPSDM/2026',
  tanggal: '2026-05-20',
  penyelenggara: 'BKPSDM Kota Serang',
};

describe('pelacakan JP', () => {
  it('sums certified and planned JP of the year; only certificates reduce the shortfall', () => {
    const items = [
      item('a', { status: 'SELESAI', sertifikat, jp: 12 }),
      item('b', { jp: 6 }),
      item('c', { status: 'BATAL', jp: 16 }),
      item('d', { tahun: 2025, status: 'SELESAI', jp: 30 }),
    ];
    expect(jpTotals(items, 2026, HARI_INI)).toEqual({ direncanakan: 6, selesai: 12, hak: 20, kurang: 8 });
    expect(jpTotals(items, 2025, HARI_INI)).toEqual({ direncanakan: 0, selesai: 30, hak: 20, kurang: 0 });
  });

  it('does not count a stored certificate dated after today, until its day', () => {
    const items = [
      item('a', { status: 'SELESAI', sertifikat, jp: 12 }),
      item('b', { status: 'SELESAI', sertifikat: { ...sertifikat, tanggal: '2026-09-01' }, jp: 8 }),
    ];
    expect(jpTotals(items, 2026, '2026-08-31')).toMatchObject({ selesai: 12, kurang: 8 });
    expect(jpTotals(items, 2026, '2026-09-01')).toMatchObject({ selesai: 20, kurang: 0 });
  });

  it('marks an item done with its certificate, dated today at the latest', () => {
    expect(tandaiSelesai(item('a'), sertifikat, HARI_INI)).toMatchObject({ status: 'SELESAI', sertifikat });
    expect(tandaiSelesai(item('a'), sertifikat, sertifikat.tanggal)).toMatchObject({ status: 'SELESAI' });
  });

  it('refuses a certificate dated after today (WIB), naming the field', () => {
    const e = tangkap(() => tandaiSelesai(item('a'), { ...sertifikat, tanggal: '2026-06-02' }, HARI_INI));
    expect(e.code).toBe('VALIDASI');
    expect(e.issues).toEqual([
      {
        path: 'sertifikat.tanggal',
        message:
          'Tanggal sertifikat tidak boleh setelah hari ini (2026-06-01); catat sertifikat setelah pelatihan selesai',
      },
    ]);
  });

  it.each([
    [undefined, 'sertifikat', 'Sertifikat wajib dilampirkan untuk menandai pelatihan selesai'],
    [{ ...sertifikat, nomor: ' ' }, 'sertifikat.nomor', 'Nomor sertifikat wajib diisi'],
    [
      { ...sertifikat, penyelenggara: '' },
      'sertifikat.penyelenggara',
      'Penyelenggara pada sertifikat wajib diisi',
    ],
    [
      { ...sertifikat, tanggal: '20-05-2026' },
      'sertifikat.tanggal',
      'Tanggal sertifikat harus berformat TTTT-BB-HH',
    ],
    [
      { ...sertifikat, tanggal: '2026-02-30' },
      'sertifikat.tanggal',
      'Tanggal sertifikat harus berformat TTTT-BB-HH',
    ],
    [
      { ...sertifikat, tanggal: '2025-12-31' },
      'sertifikat.tanggal',
      'Tanggal selesai harus dalam tahun 2026; sertifikat tahun lain tidak dihitung untuk tahun ini',
    ],
  ])('refuses to mark done with certificate %o', (s, path, message) => {
    const e = tangkap(() => tandaiSelesai(item('a'), s, HARI_INI));
    expect(e.code).toBe('VALIDASI');
    expect(e.message).toBe('Pelatihan belum dapat ditandai selesai');
    expect(e.issues).toEqual([{ path, message }]);
  });

  it('only moves planned items; a certified one cannot be cancelled', () => {
    expect(tangkap(() => tandaiSelesai(item('a', { status: 'BATAL' }), sertifikat, HARI_INI)).code).toBe(
      'KONFLIK',
    );
    expect(tangkap(() => batalkan(item('a', { status: 'SELESAI', sertifikat }))).code).toBe('KONFLIK');
    expect(batalkan(item('a'), ' jadwal bentrok ')).toMatchObject({
      status: 'BATAL',
      catatanBatal: 'jadwal bentrok',
    });
  });

  it('validates every item of a plan, with the path of each problem', () => {
    const issues = checkRencana([
      item('a', { jp: 0 }),
      item('b', { jp: 1.5 }),
      item('c', { status: 'SELESAI' }),
      item('d', { status: 'SELESAI', sertifikat: { ...sertifikat, tanggal: '2027-01-02' } }),
      item('e', { id: 'e2', pelatihanId: 'a' }),
    ]);
    expect(issues).toEqual([
      { path: 'items.0.jp', message: 'JP harus berupa bilangan bulat lebih dari 0' },
      { path: 'items.1.jp', message: 'JP harus berupa bilangan bulat lebih dari 0' },
      {
        path: 'items.2.sertifikat',
        message: 'Sertifikat wajib dilampirkan untuk menandai pelatihan selesai',
      },
      {
        path: 'items.3.sertifikat.tanggal',
        message:
          'Tanggal selesai harus dalam tahun 2026; sertifikat tahun lain tidak dihitung untuk tahun ini',
      },
      { path: 'items.4.pelatihanId', message: '"Pelatihan e" sudah ada dalam rencana tahun 2026' },
    ]);
  });

  it('refuses a duplicate entry in one plan, but allows planning a cancelled one again', () => {
    const p = entri('skp', { jp: 16 });
    const plan = tambahKeRencana([], p, 2026);
    const e = tangkap(() => tambahKeRencana(plan, p, 2026));
    expect(e.message).toBe('Rencana pengembangan kompetensi tidak valid');
    expect(e.issues).toEqual([
      { path: 'items.1.pelatihanId', message: '"Pelatihan skp" sudah ada dalam rencana tahun 2026' },
    ]);
    expect(tambahKeRencana([{ ...plan[0]!, status: 'BATAL' }], p, 2026)).toHaveLength(2);
    expect(tambahKeRencana(plan, p, 2027)).toHaveLength(2);
  });

  it('checks catalogue entries like input', () => {
    expect(checkPelatihan(entri('x', { jp: 0, nilai: ['RAJIN' as never] }))).toEqual([
      { path: 'jp', message: 'JP harus berupa bilangan bulat lebih dari 0' },
      { path: 'nilai.0', message: 'Bukan nilai BerAKHLAK' },
    ]);
    expect(
      checkPelatihan(
        entri('y', { nilai: ['ADAPTIF'], bentuk: { jenis: 'NONKLASIKAL', sub: 'BIMTEK' as never } }),
      ),
    ).toEqual([{ path: 'bentuk', message: 'Bentuk pengembangan tidak sesuai dengan klasikal/nonklasikal' }]);
    expect(checkPelatihan(entri('z'))).toEqual([
      { path: 'kompetensi', message: 'Sebutkan nilai BerAKHLAK atau kompetensi yang dikembangkan' },
    ]);
  });
});

describe('katalog pelatihan (seed)', () => {
  const k = KATALOG_PELATIHAN;
  it('has 25 to 40 entries that pass the entry checks, with unique ids', () => {
    expect(k.length).toBeGreaterThanOrEqual(25);
    expect(k.length).toBeLessThanOrEqual(40);
    expect(checkKatalog(k)).toEqual([]);
    expect(new Set(k.map((p) => p.id)).size).toBe(k.length);
  });

  it('uses positive integer JP and valid BerAKHLAK codes', () => {
    for (const p of k) {
      expect(Number.isInteger(p.jp) && p.jp > 0, p.id).toBe(true);
      for (const n of p.nilai) expect(KODE_BERAKHLAK, p.id).toContain(n);
    }
  });

  it('covers every BerAKHLAK value, every competency type and both forms', () => {
    for (const kode of KODE_BERAKHLAK)
      expect(
        k.some((p) => p.nilai.includes(kode)),
        kode,
      ).toBe(true);
    for (const j of ['TEKNIS', 'MANAJERIAL', 'SOSIAL_KULTURAL'])
      expect(k.some((p) => p.jenisKompetensi === j)).toBe(true);
    for (const b of ['KLASIKAL', 'NONKLASIKAL']) expect(k.some((p) => p.bentuk.jenis === b)).toBe(true);
    for (const v of KODE_BERAKHLAK) {
      // every value can be planned within a year's entitlement, not only through a PKP/PKA
      expect(
        k.some((p) => p.nilai.includes(v) && p.jp <= HAK_JP_TAHUNAN),
        v,
      ).toBe(true);
    }
  });

  it('targets only real Kota Serang OPD codes, and has agency training for the domain examples', () => {
    const kode = new Set([...OPD.map((o) => o.kode), 'BPKAD']);
    for (const p of k) for (const o of p.sasaran?.opd ?? []) expect(kode, p.id).toContain(o);
    const untuk = (opd: string) => k.filter((p) => p.sasaran?.opd?.includes(opd)).map((p) => p.id);
    expect(untuk('DISHUB')).toContain('bimtek-keselamatan-jalan');
    expect(untuk('DINKES')).toContain('coaching-komunikasi-imunisasi');
    for (const opd of ['DISKOMINFO', 'BPKAD', 'BAPPEDA']) expect(untuk(opd).length, opd).toBeGreaterThan(0);
  });

  it('invents no web addresses', () => {
    expect(JSON.stringify(k)).not.toMatch(/https?:|www\./i);
  });
});
