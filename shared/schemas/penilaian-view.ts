import { z } from '@hono/zod-openapi';
import { KODE_BERAKHLAK } from '../domain/evaluation/berakhlak.js';
import { STATUS_REKAN } from '../domain/evaluation/penilaian-model.js';
import { LEVEL } from '../domain/evaluation/predikat.js';
import { JENIS_HASIL_KERJA } from '../domain/evaluation/skp.js';

/**
 * What the evaluation detail returns about the review stages. A leaf module (no imports from
 * api.ts) so that api.ts can embed it in EvaluationDetail.
 */
const Level = z.enum(LEVEL);
const Kode = z.enum(KODE_BERAKHLAK);

export const PenilaianMandiriSchema = z
  .object({
    baris: z.record(
      z.string(),
      z.object({ realisasi: z.number().optional(), narasi: z.string(), bukti: z.array(z.string()) }),
    ),
    perilaku: z.partialRecord(Kode, z.object({ level: Level.optional(), contoh: z.string() })),
    diajukanPada: z
      .string()
      .optional()
      .openapi({ description: 'Tidak ada selama masih draf (draf hanya terlihat oleh pegawai)' }),
  })
  .openapi('PenilaianMandiri');

const Dinilai = z.object({ level: Level.optional(), catatan: z.string().optional() });
export const PenilaianAtasanSchema = z
  .object({
    baris: z.record(z.string(), Dinilai),
    hasilKerja: z.object({
      level: Level.optional(),
      saran: Level.optional().openapi({ description: 'Saran sistem saat disimpan/diajukan' }),
      alasan: z.string().optional(),
    }),
    perilaku: z.partialRecord(Kode, Dinilai),
    perilakuKerja: z.object({ level: Level.optional(), alasan: z.string().optional() }),
    diajukanPada: z
      .string()
      .optional()
      .openapi({ description: 'Tidak ada selama masih draf (draf hanya terlihat oleh atasan)' }),
  })
  .openapi('PenilaianAtasan');

const SaranSchema = z
  .object({
    capaian: z.array(
      z.object({
        rowId: z.string(),
        jenis: z.enum(JENIS_HASIL_KERJA),
        realisasi: z.number(),
        capaian: z.number().openapi({ description: 'Persen, dua desimal' }),
        level: Level,
      }),
    ),
    hasilKerja: z
      .object({
        level: Level,
        alasan: z.string(),
        hitungan: z.object({
          dihitung: z.number(),
          diAtas: z.number(),
          sesuai: z.number(),
          diBawah: z.number(),
          utamaDiBawah: z.number(),
          tambahanTidakDihitung: z.number(),
        }),
      })
      .optional(),
  })
  .openapi('SaranPenilaian');

const NilaiRekan = z.partialRecord(Kode, z.object({ level: Level, komentar: z.string() }));
const Jumlah = { diminta: z.number(), menjawab: z.number(), dilewati: z.number() };

export const RekanUntukPembacaSchema = z
  .discriminatedUnion('tampil', [
    z.object({
      tampil: z.literal('PER_REKAN'),
      ...Jumlah,
      ulasan: z.array(
        z.object({
          rekanNip: z.string(),
          rekanNama: z.string(),
          status: z.enum(STATUS_REKAN),
          deadline: z.string().optional(),
          diajukanPada: z.string().optional(),
          nilai: NilaiRekan.optional(),
        }),
      ),
    }),
    z.object({
      tampil: z.literal('RINGKASAN'),
      berlangsung: z.boolean(),
      diminta: z.number(),
      menjawab: z.number().optional().openapi({ description: 'Hanya setelah tahap penilaian selesai' }),
      dilewati: z.number().optional().openapi({ description: 'Hanya setelah tahap penilaian selesai' }),
      perNilai: z
        .array(
          z.object({
            kode: Kode,
            jumlah: z.record(Level, z.number()),
            komentar: z.array(z.string()).openapi({ description: 'Tanpa identitas, urut abjad' }),
          }),
        )
        .optional()
        .openapi({ description: 'Hanya setelah tahap penilaian selesai dan minimal 3 rekan menjawab' }),
    }),
  ])
  .openapi('RekanUntukPembaca', {
    description:
      'Atasan (atau Plt/Plh yang berlaku) melihat penilaian setiap rekan; pembaca lain hanya ringkasan tanpa identitas',
  });

export const PenilaianViewSchema = z
  .object({ saran: SaranSchema.optional(), rekan: RekanUntukPembacaSchema.optional() })
  .openapi('PenilaianView');
