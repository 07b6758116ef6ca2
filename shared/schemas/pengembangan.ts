import { z } from '@hono/zod-openapi';
import { KODE_BERAKHLAK } from '../domain/evaluation/berakhlak.js';
import {
  HAK_JP_TAHUNAN,
  JENIS_BENTUK,
  JENIS_KOMPETENSI,
  STATUS_RENCANA,
} from '../domain/development/index.js';
import { JENIS_JABATAN } from '../domain/people/ranks.js';
import { ANGKA } from '../domain/input.js';
import { EvaluationParams, Version } from './api.js';
import { angkaTeks, teks } from './input.js';

export const PelatihanId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'ID pelatihan hanya huruf kecil, angka, dan tanda hubung')
  .openapi({ example: 'pelayanan-publik-prima' });
export const ItemId = z
  .string()
  .regex(/^[a-z0-9-]{1,80}$/, 'ID pelatihan dalam rencana tidak valid')
  .openapi({ example: '2028-pelayanan-publik-prima' });
/** A path parameter: text read by the year's rule. */
export const Tahun = angkaTeks(ANGKA.tahun).openapi({ example: '2028' });

export const RencanaItemParams = EvaluationParams.extend({ itemId: ItemId });
export const TahunParams = z.object({ tahun: Tahun });
export const TahunItemParams = TahunParams.extend({ itemId: ItemId });

export const KatalogQuery = z.object({
  jenisKompetensi: z
    .enum(JENIS_KOMPETENSI, 'Jenis kompetensi harus TEKNIS, MANAJERIAL, atau SOSIAL_KULTURAL')
    .optional(),
  nilai: z.enum(KODE_BERAKHLAK, 'Bukan nilai BerAKHLAK').optional(),
  bentuk: z.enum(JENIS_BENTUK, 'Bentuk harus KLASIKAL atau NONKLASIKAL').optional(),
});

export const TambahPelatihanBody = z
  .object({ version: Version, pelatihanId: PelatihanId })
  .strict()
  .openapi('TambahPelatihanBody');

export const BatalPelatihanBody = z
  .object({
    version: Version,
    catatan: teks({
      label: 'Catatan',
      max: 500,
      min: 5,
      wajib: true,
      multiBaris: true,
      pesanWajib: 'Tuliskan alasan pembatalan (minimal 5 karakter)',
      pesanMin: 'Tuliskan alasan pembatalan (minimal 5 karakter)',
    }),
  })
  .strict()
  .openapi('BatalPelatihanBody');

export const SertifikatSchema = z
  .object({
    nomor: teks({ label: 'Nomor sertifikat', max: 100, wajib: true }),
    tanggal: z
      .string('Tanggal sertifikat wajib diisi')
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal sertifikat harus berformat TTTT-BB-HH'),
    penyelenggara: teks({
      label: 'Penyelenggara pada sertifikat',
      max: 200,
      wajib: true,
    }),
  })
  .strict()
  .openapi('Sertifikat');

export const SelesaiBody = z
  .object({ version: Version, sertifikat: SertifikatSchema })
  .strict()
  .openapi('SelesaiPelatihanBody');

export const PelatihanSchema = z
  .object({
    id: z.string(),
    judul: z.string(),
    jenisKompetensi: z.enum(JENIS_KOMPETENSI),
    bentuk: z.object({ jenis: z.enum(JENIS_BENTUK), sub: z.string() }),
    jp: z.number().openapi({ description: 'Jam pelajaran (45 menit)' }),
    penyelenggara: z.string(),
    nilai: z.array(z.enum(KODE_BERAKHLAK)),
    kompetensi: z.array(z.string()),
    sasaran: z
      .object({
        opd: z.array(z.string()).optional(),
        jenisJabatan: z.array(z.enum(JENIS_JABATAN)).optional(),
        jabatan: z.array(z.string()).optional(),
      })
      .optional(),
    daring: z.boolean(),
  })
  .openapi('Pelatihan');

export const ItemRencanaSchema = z
  .object({
    id: z.string(),
    pelatihanId: z.string(),
    judul: z.string(),
    jp: z.number(),
    bentuk: z.enum(JENIS_BENTUK),
    tahun: z.number(),
    status: z.enum(STATUS_RENCANA),
    sertifikat: SertifikatSchema.optional(),
    alasan: z.array(z.string()).optional(),
    catatanBatal: z.string().optional(),
  })
  .openapi('ItemRencana');

export const RencanaSchema = z
  .object({
    nip: z.string(),
    tahun: z.number(),
    jpSudah: z.number(),
    kebutuhan: z.number(),
    jpDirencanakan: z.number(),
    terpenuhi: z.boolean(),
    items: z.array(ItemRencanaSchema),
    usulan: z.array(z.object({ cycleId: z.string(), pada: z.string() })),
    rekomendasi: z.array(
      z.object({
        pelatihanId: z.string(),
        judul: z.string(),
        jp: z.number(),
        bentuk: z.enum(JENIS_BENTUK),
        alasan: z.array(z.string()),
      }),
    ),
    konfirmasi: z
      .object({ cycleId: z.string(), nip: z.string(), nama: z.string(), pada: z.string() })
      .optional(),
    version: z.number(),
    updatedAt: z.string(),
  })
  .openapi('RencanaPengembangan');

export const JpTotalsSchema = z
  .object({
    direncanakan: z.number(),
    selesai: z.number(),
    hak: z.literal(HAK_JP_TAHUNAN),
    kurang: z.number(),
  })
  .openapi('JpTotals');

export const RencanaWithJp = z
  .object({ rencana: RencanaSchema, jp: JpTotalsSchema })
  .openapi('RencanaWithJp');
