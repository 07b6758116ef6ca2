import { z } from '@hono/zod-openapi';
import { KODE_BERAKHLAK } from '../domain/evaluation/berakhlak.js';
import { STAGES, STATUS } from '../domain/evaluation/evaluation.js';
import { KEPUTUSAN_KEBERATAN } from '../domain/evaluation/keberatan.js';
import { PREDIKAT_ORGANISASI, PREDIKAT_PEGAWAI } from '../domain/organisation/kurva.js';
import { JENIS_TANGGAPAN } from '../domain/evaluation/penilaian-model.js';
import { BATAS_ALASAN_KURVA } from '../domain/evaluation/penutupan-siklus.js';
import { LEVEL } from '../domain/evaluation/predikat.js';
import { ASPEK, JENIS_HASIL_KERJA } from '../domain/evaluation/skp.js';
import { BATAS_ALASAN_KEBERATAN, BATAS_UMPAN_BALIK } from '../domain/evaluation/umpan-balik.js';
import { ANGKA } from '../domain/input.js';
import { CycleId, EvaluationSchema, KodeOpd, PenghentianAlurSchema, RowId, Version } from './api.js';
import { angka, teks } from './input.js';

/**
 * Bodies carry only shapes and upper bounds; the minimums (which depend on the action, e.g. a
 * draft may be empty) are the domain's, so the same rule answers the API and the web form.
 */
const Level = z.enum(LEVEL, 'Pilih di atas, sesuai, atau di bawah ekspektasi');
/** A textarea's answer; the minimums are the domain's. */
const Teks = (label: string, max: number) => teks({ label, max, multiBaris: true });

export const UmpanBalikBody = z
  .object({
    version: Version,
    baris: z.record(RowId, Teks('Umpan balik', BATAS_UMPAN_BALIK.baris)).default({}),
    umum: Teks('Umpan balik umum', BATAS_UMPAN_BALIK.umum).default(''),
    saran: Teks('Saran', BATAS_UMPAN_BALIK.saran).default(''),
  })
  .strict()
  .openapi('UmpanBalikBody');

export const TanggapanBody = z
  .object({
    version: Version,
    jenis: z.enum(['DITERIMA', 'KEBERATAN'], 'Pilih menerima penilaian atau mengajukan keberatan'),
    alasan: Teks('Alasan keberatan', BATAS_ALASAN_KEBERATAN.max).optional(),
  })
  .strict()
  .openapi('TanggapanBody');

export const PutusanKeberatanBody = z
  .object({
    version: Version,
    keputusan: z.enum(KEPUTUSAN_KEBERATAN, 'Pilih mempertahankan atau merevisi penilaian'),
    alasan: Teks('Alasan putusan', BATAS_ALASAN_KEBERATAN.max),
    hasilKerja: Level.optional(),
    perilaku: Level.optional(),
  })
  .strict()
  .openapi('PutusanKeberatanBody');

export { CycleParams } from './cycles.js';
export const CycleOpdParams = z.object({ cycleId: CycleId, opd: KodeOpd });

export const KurvaBody = z
  .object({
    version: angka(ANGKA.versionKurva).openapi({
      description: '0 untuk menetapkan pertama kali, selain itu versi yang dibaca',
    }),
    predikat: z.enum(PREDIKAT_ORGANISASI, 'Pilih predikat kinerja organisasi'),
    alasan: Teks('Alasan', BATAS_ALASAN_KURVA.max),
  })
  .strict()
  .openapi('KurvaBody');

export const CloseCycleBody = z
  .object({
    alasanPengecualian: Teks('Alasan pengecualian', 2000).optional().openapi({
      description:
        'Hanya bila pemeriksaan gagal: alasan BKPSDM menutup siklus tetap (minimal 20 karakter), dicatat pada log siklus',
    }),
  })
  .strict()
  .openapi('CloseCycleBody');

const Predikat = z.enum(PREDIKAT_PEGAWAI);
const Nilai = z.object({ hasilKerja: Level, perilaku: Level, predikat: Predikat });

export const HasilSchema = z
  .object({
    hasilKerja: Level,
    perilaku: Level,
    predikat: Predikat,
    dihitungPada: z.string(),
    sumber: z.enum(['ATASAN', 'KEBERATAN']),
  })
  .openapi('HasilPenilaian');
export const UmpanBalikSchema = z
  .object({
    baris: z.record(z.string(), z.string()),
    umum: z.string(),
    saran: z.string(),
    diberikanPada: z.string().optional(),
  })
  .openapi('UmpanBalik');
export const TanggapanSchema = z
  .object({ jenis: z.enum(JENIS_TANGGAPAN), alasan: z.string().optional(), pada: z.string() })
  .openapi('Tanggapan');
export const PutusanKeberatanSchema = z
  .object({
    keputusan: z.enum(KEPUTUSAN_KEBERATAN),
    alasan: z.string(),
    oleh: z.string(),
    pada: z.string(),
    sebelum: Nilai,
    sesudah: Nilai,
  })
  .openapi('PutusanKeberatan');

export const EvaluasiHasilSchema = EvaluationSchema.extend({
  hasil: HasilSchema.optional(),
  umpanBalik: UmpanBalikSchema.optional(),
  tanggapan: TanggapanSchema.optional(),
  putusanKeberatan: PutusanKeberatanSchema.optional(),
}).openapi('EvaluasiHasil');
export const HasilMutationResult = z
  .object({ evaluation: EvaluasiHasilSchema })
  .openapi('HasilMutationResult');

export const RingkasanSchema = z
  .object({
    evaluation: z.object({
      cycleId: z.string(),
      nip: z.string(),
      nama: z.string(),
      jabatan: z.string(),
      opd: z.string(),
      opdNama: z.string().optional(),
      unit: z.string(),
      unitNama: z.string().optional(),
      atasanNama: z.string().optional(),
      stage: z.enum(STAGES),
      status: z.enum(STATUS),
      selesaiPada: z.string().optional(),
    }),
    cycle: z
      .object({
        id: z.string(),
        nama: z.string(),
        tahun: z.number(),
        periode: z.string(),
        mulai: z.string(),
        selesai: z.string(),
      })
      .optional(),
    final: z.boolean().openapi({ description: 'false selama evaluasi belum selesai (ringkasan sementara)' }),
    hasilKerja: z.array(
      z.object({
        id: z.string(),
        jenis: z.enum(JENIS_HASIL_KERJA),
        rhk: z.string(),
        aspek: z.enum(ASPEK),
        indikator: z.string(),
        target: z.number(),
        satuan: z.string(),
        realisasi: z.number().optional(),
        capaian: z.number().optional().openapi({ description: 'Persen, dua desimal' }),
        narasi: z.string().optional(),
        levelAtasan: Level.optional(),
        umpanBalik: z.string().optional(),
      }),
    ),
    perilaku: z.array(
      z.object({
        kode: z.enum(KODE_BERAKHLAK),
        nama: z.string(),
        ekspektasi: z.string().optional(),
        levelMandiri: Level.optional(),
        levelAtasan: Level.optional(),
      }),
    ),
    hasil: HasilSchema.optional(),
    alasanHasilKerja: z.string().optional(),
    alasanPerilaku: z.string().optional(),
    umpanBalik: UmpanBalikSchema.omit({ baris: true }).optional(),
    tanggapan: TanggapanSchema.optional(),
    putusanKeberatan: PutusanKeberatanSchema.optional(),
    rekan: z
      .object({ diminta: z.number(), menjawab: z.number(), dilewati: z.number() })
      .optional()
      .openapi({ description: 'Jumlah saja; identitas rekan penilai tidak pernah ditampilkan' }),
    rencana: z
      .object({
        tahun: z.number(),
        jpSudah: z.number(),
        kebutuhan: z.number(),
        jpDirencanakan: z.number(),
        terpenuhi: z.boolean(),
        items: z.array(z.object({ judul: z.string(), jp: z.number(), status: z.string() }).loose()),
      })
      .loose()
      .optional(),
  })
  .openapi('RingkasanEvaluasi');

const Distribusi = z.object({ total: z.number(), jumlah: z.record(Predikat, z.number()) });
const HasilKurva = z.object({
  sesuai: z.boolean(),
  pelanggaran: z.array(z.object({ pesan: z.string() }).loose()),
  distribusi: Distribusi,
});
export const KurvaSchema = z
  .object({
    cycleId: z.string(),
    opd: z.string(),
    predikat: z.enum(PREDIKAT_ORGANISASI),
    alasan: z.string(),
    oleh: z.object({ nip: z.string(), nama: z.string() }),
    pada: z.string(),
    version: z.number(),
  })
  .openapi('KurvaOrganisasi');
const LogSchema = z.object({
  at: z.string(),
  actor: z.object({ nip: z.string(), nama: z.string() }),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export const KurvaOpdSchema = z
  .object({
    opd: z.string(),
    kurva: KurvaSchema.optional(),
    pemeriksaan: HasilKurva.optional(),
    distribusi: Distribusi,
    jumlahEvaluasi: z.number(),
    belumDinilai: z.number(),
    riwayat: z.array(LogSchema),
  })
  .openapi('KurvaOpd');

const PendingEvaluation = z.object({
  nip: z.string(),
  nama: z.string(),
  opd: z.string(),
  stage: z.enum(STAGES),
});
export const PemeriksaanSchema = z
  .object({
    bolehDitutup: z.boolean(),
    opd: z.array(
      z.object({
        opd: z.string(),
        predikatOrganisasi: z.enum(PREDIKAT_ORGANISASI).optional(),
        kurva: HasilKurva.optional(),
        jumlahEvaluasi: z.number(),
        belumDinilai: z.number(),
        masalah: z.array(z.string()),
      }),
    ),
    belumDinilai: z.array(PendingEvaluation),
    keberatanTertunda: z.array(PendingEvaluation),
    masalah: z.array(z.object({ path: z.string(), message: z.string() })),
  })
  .openapi('PemeriksaanPenutupan');
export const CloseCheckSchema = z
  .object({
    status: z.enum(['DISIAPKAN', 'DIBUKA', 'DITUTUP']),
    pemeriksaan: PemeriksaanSchema,
    log: z.array(LogSchema),
  })
  .openapi('CloseCheck');
export const CloseCycleResult = z
  .object({
    status: z.literal('DITUTUP'),
    ditutupPada: z.string(),
    pengecualian: z.boolean(),
    alasan: z.string().optional(),
    pemeriksaan: PemeriksaanSchema,
    penghentianAlur: PenghentianAlurSchema,
  })
  .openapi('CloseCycleResult');
