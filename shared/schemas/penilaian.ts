import { z } from '@hono/zod-openapi';
import { KODE_BERAKHLAK } from '../domain/evaluation/berakhlak.js';
import { STATUS_REKAN } from '../domain/evaluation/penilaian-model.js';
import { BATAS_PENILAIAN } from '../domain/evaluation/penilaian-umum.js';
import { LEVEL } from '../domain/evaluation/predikat.js';
import { LIMITS } from '../domain/evaluation/skp.js';
import { ANGKA } from '../domain/input.js';
import { Nip, RowId, Version } from './api.js';
import { angka, teks } from './input.js';

/**
 * Bodies carry shapes and upper bounds only; what a submission must contain (and the exact
 * lengths) is the domain's, so a draft may be half empty and the same rule answers the API and
 * the web form.
 */
const Level = z.enum(LEVEL, 'Pilih di atas, sesuai, atau di bawah ekspektasi');
const Kode = z.enum(KODE_BERAKHLAK, 'Bukan nilai BerAKHLAK');
/** A textarea's answer; empty means not given yet (a draft). */
const Teks = (label: string, max: number) => teks({ label, max, multiBaris: true });

const BarisMandiri = z
  .object({
    realisasi: angka(ANGKA.realisasi).nullable().optional(),
    narasi: Teks('Narasi capaian', BATAS_PENILAIAN.teks).optional(),
    bukti: z
      .array(teks({ label: 'Bukti dukung', max: BATAS_PENILAIAN.tautan }), 'Bukti dukung harus berupa daftar')
      .max(BATAS_PENILAIAN.bukti, `Paling banyak ${BATAS_PENILAIAN.bukti} bukti dukung`)
      .optional()
      .openapi({ description: 'Tautan http(s) dan/atau keterangan singkat' }),
  })
  .strict();

export const PenilaianMandiriBody = z
  .object({
    version: Version,
    baris: z.record(RowId, BarisMandiri).optional().openapi({ description: 'Per id baris hasil kerja' }),
    perilaku: z
      .partialRecord(
        Kode,
        z
          .object({
            // `null` clears a saved level on submission, as `realisasi: null` clears a realisasi.
            level: Level.nullable().optional(),
            contoh: Teks('Contoh perilaku', BATAS_PENILAIAN.teks).optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict()
  .openapi('PenilaianMandiriBody');

const Dinilai = z
  .object({ level: Level.optional(), catatan: Teks('Catatan', BATAS_PENILAIAN.teks).optional() })
  .strict();
const Keseluruhan = z
  .object({ level: Level.optional(), alasan: Teks('Alasan', LIMITS.comment).optional() })
  .strict();

export const PenilaianAtasanBody = z
  .object({
    version: Version,
    baris: z.record(RowId, Dinilai).optional(),
    hasilKerja: Keseluruhan.optional().openapi({
      description: 'Berbeda dari saran sistem: alasan wajib (minimal 10 karakter)',
    }),
    perilaku: z.partialRecord(Kode, Dinilai).optional(),
    perilakuKerja: Keseluruhan.optional(),
  })
  .strict()
  .openapi('PenilaianAtasanBody');

export const PenilaianRekanBody = z
  .object({
    version: Version.openapi({ description: 'Versi penilaian rekan (bukan versi evaluasi)' }),
    nilai: z
      .partialRecord(
        Kode,
        z
          .object({ level: Level.optional(), komentar: Teks('Komentar', BATAS_PENILAIAN.teks).optional() })
          .strict(),
      )
      .optional(),
  })
  .strict()
  .openapi('PenilaianRekanBody');

export const DinilaiSchema = z
  .object({
    cycleId: z.string(),
    nip: Nip,
    nama: z.string(),
    jabatan: z.string(),
    unit: z.string(),
    opd: z.string(),
    unitNama: z.string().optional(),
    opdNama: z.string().optional(),
  })
  .openapi('PegawaiDinilai');

export const PenilaianRekanSchema = z
  .object({
    cycleId: z.string(),
    nip: z.string(),
    rekanNip: z.string(),
    rekanNama: z.string(),
    status: z.enum(STATUS_REKAN),
    deadline: z.string().optional(),
    nilai: z
      .partialRecord(
        z.enum(KODE_BERAKHLAK),
        z.object({ level: z.enum(LEVEL).optional(), komentar: z.string() }),
      )
      .optional(),
    diajukanPada: z.string().optional(),
    version: z.number(),
    awaitingWorkflow: z.boolean(),
    /** The cycle is closed: nothing here can change any more. */
    cycleClosed: z.boolean().optional(),
  })
  .openapi('PenilaianRekan');

export const TugasRekanSchema = z
  .object({ dinilai: DinilaiSchema, penilaian: PenilaianRekanSchema })
  .openapi('TugasRekan');
