import { z } from '@hono/zod-openapi';
import { PERIODE, DEADLINE_STAGES } from '../domain/evaluation/cycle.js';
import { STAGES, STATUS } from '../domain/evaluation/evaluation.js';
import { ANGKA } from '../domain/input.js';
import { CycleId, KodeOpd } from './api.js';
import { angka, teks } from './input.js';

const Tanggal = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD')
  .openapi({ example: '2027-01-01' });
const TanggalAtauWaktu = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2}))?$/,
    'Tanggal (YYYY-MM-DD, dibaca WIB) atau waktu ISO 8601',
  )
  .openapi({ example: '2027-01-31' });

/** Shape only; the rules (period, stage order, known OPDs) are the domain's, at field paths. */
export const CycleBody = z
  .object({
    id: CycleId.optional().openapi({ description: 'Kosong: 2027 (tahunan) atau 2027-TW1 (triwulan)' }),
    nama: teks({ label: 'Nama siklus', max: 200 }),
    tahun: angka(ANGKA.tahunSiklus),
    periode: z.enum(PERIODE, 'Periode harus TAHUNAN atau TRIWULAN_I..IV'),
    mulai: Tanggal,
    selesai: Tanggal,
    jadwal: z
      .partialRecord(z.enum(DEADLINE_STAGES), TanggalAtauWaktu)
      .optional()
      .openapi({ description: 'Per tahap; yang tidak diisi mengikuti jadwal baku dari mulai dan selesai' }),
    graceDays: angka(ANGKA.graceDays).optional(),
    scope: z.union([z.literal('ALL'), z.array(KodeOpd).max(100, 'Terlalu banyak OPD')], {
      error: 'Cakupan harus "ALL" atau daftar kode OPD',
    }),
  })
  .strict()
  .openapi('CycleInput');

const LaunchCountsSchema = z.object({
  employees: z.number(),
  created: z.number(),
  started: z.number(),
  alreadyStarted: z.number(),
});

export const PeluncuranSchema = z
  .object({
    eksekusi: z.string(),
    arn: z.string(),
    mulai: z.string(),
    oleh: z.string(),
    hasil: LaunchCountsSchema.extend({ selesai: z.string() }).optional(),
    status: z.enum(['BERJALAN', 'SELESAI', 'GAGAL', 'TIDAK_DIKETAHUI']).optional(),
  })
  .openapi('Peluncuran');

export const CycleSchema = z
  .object({
    id: z.string(),
    nama: z.string(),
    tahun: z.number(),
    periode: z.enum(PERIODE),
    mulai: z.string(),
    selesai: z.string(),
    jadwal: z.record(z.string(), z.string()),
    penilaianDibukaPada: z.string().optional(),
    graceDays: z.number(),
    scope: z.union([z.literal('ALL'), z.array(z.string())]),
    status: z.enum(['DISIAPKAN', 'DIBUKA', 'DITUTUP']),
    dibuat: z.object({ oleh: z.string(), pada: z.string() }).optional(),
    peluncuran: PeluncuranSchema.optional(),
  })
  .openapi('Cycle');

export const CycleParams = z.object({ cycleId: CycleId });

const perStatus = z.object(Object.fromEntries(STATUS.map((s) => [s, z.number()])));
export const CycleProgressSchema = z
  .object({
    total: z.number(),
    perTahap: z.object(Object.fromEntries(STAGES.map((s) => [s, perStatus]))),
    perOpd: z.array(
      z.object({ opd: z.string(), total: z.number(), perTahap: z.record(z.string(), z.number()) }),
    ),
  })
  .openapi('CycleProgress');

export const PembukaanSchema = z
  .object({ dibukaPada: z.string(), dilanjutkan: z.number() })
  .openapi('PembukaanPenilaian');
