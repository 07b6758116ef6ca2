import { z } from '@hono/zod-openapi';
import { ASPEK, JENIS_HASIL_KERJA, LIMITS } from '../domain/evaluation/skp.js';
import { KODE_BERAKHLAK, EKSPEKTASI_MAX } from '../domain/evaluation/berakhlak.js';
import { STAGES, STATUS } from '../domain/evaluation/evaluation.js';
import { ANGKA } from '../domain/input.js';
import { angka, angkaTeks, teks } from './input.js';
import { PenilaianAtasanSchema, PenilaianMandiriSchema, PenilaianViewSchema } from './penilaian-view.js';

export const Nip = z
  .string()
  .regex(/^\d{18}$/, 'NIP harus 18 digit angka')
  .openapi({ example: '198503142010011002' });
export const CycleId = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,40}$/, 'ID siklus hanya huruf, angka, dan tanda hubung')
  .openapi({ example: '2026' });
export const KodeOpd = z.string().regex(/^[A-Z0-9-]{2,30}$/, 'Kode OPD tidak valid');
export const RowId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'ID baris tidak valid');
export const Version = angka(ANGKA.version).openapi({ example: 3 });

export const EvaluationParams = z.object({ cycleId: CycleId, nip: Nip });
export const RowParams = EvaluationParams.extend({ rowId: RowId });

export const Issue = z.object({ path: z.string(), message: z.string() });
export const ErrorSchema = z
  .object({ error: z.string(), message: z.string(), issues: z.array(Issue) })
  .catchall(z.unknown())
  .openapi('Error');

export const TargetRowInput = z
  .object({
    version: Version,
    jenis: z.enum(JENIS_HASIL_KERJA, 'Jenis harus UTAMA atau TAMBAHAN'),
    rhk: teks({ label: 'Rencana hasil kerja', max: LIMITS.rhk, wajib: true }),
    intervensiRowId: RowId.optional(),
    aspek: z.enum(ASPEK, 'Aspek harus KUANTITAS, KUALITAS, atau WAKTU'),
    indikator: teks({ label: 'Indikator', max: LIMITS.indikator, wajib: true }),
    target: angka(ANGKA.target),
    satuan: teks({ label: 'Satuan', max: LIMITS.satuan, wajib: true }),
  })
  .strict()
  .openapi('TargetRowInput');

export const VersionBody = z.object({ version: Version }).strict().openapi('VersionBody');
export const ReturnBody = z
  .object({
    version: Version,
    comment: teks({
      label: 'Alasan pengembalian',
      max: LIMITS.comment,
      min: 5,
      wajib: true,
      multiBaris: true,
      pesanWajib: 'Tuliskan alasan pengembalian (minimal 5 karakter)',
      pesanMin: 'Tuliskan alasan pengembalian (minimal 5 karakter)',
    }),
  })
  .strict()
  .openapi('ReturnBody');
export const EkspektasiBody = z
  .object({
    version: Version,
    ekspektasi: z.partialRecord(
      z.enum(KODE_BERAKHLAK),
      teks({ label: 'Ekspektasi', max: EKSPEKTASI_MAX, multiBaris: true }),
    ),
  })
  .strict()
  .openapi('EkspektasiBody');
/** DELETE carries the version read in its query string: text, read as a number by the same rule. */
export const VersionQuery = z.object({ version: angkaTeks(ANGKA.version).openapi({ example: '3' }) });

export const TargetRowSchema = z
  .object({
    id: z.string(),
    jenis: z.enum(JENIS_HASIL_KERJA),
    rhk: z.string(),
    intervensi: z.object({ nip: z.string(), rowId: z.string() }).optional(),
    aspek: z.enum(ASPEK),
    indikator: z.string(),
    target: z.number(),
    satuan: z.string(),
    linkCount: z.number().optional(),
  })
  .openapi('TargetRow');

export const EvaluationSchema = z
  .object({
    cycleId: z.string(),
    nip: z.string(),
    nama: z.string(),
    opd: z.string(),
    unit: z.string(),
    opdNama: z.string().optional(),
    unitNama: z.string().optional(),
    jabatan: z.string(),
    atasanNip: z.string().optional(),
    atasanNama: z.string().optional(),
    stage: z.enum(STAGES),
    status: z.enum(STATUS),
    deadline: z.string().optional(),
    overdueCount: z.number(),
    lastComment: z.string().optional(),
    ekspektasi: z.record(z.string(), z.string()),
    rekan: z
      .array(z.object({ nip: z.string(), nama: z.string() }))
      .optional()
      .openapi({
        description:
          'Hanya selama penetapan target; setelah SKP disetujui identitas rekan hanya ada di penilaian.rekan untuk atasan',
      }),
    penilaianMandiri: PenilaianMandiriSchema.optional(),
    penilaianAtasan: PenilaianAtasanSchema.optional(),
    jumlahRekan: z.object({ diminta: z.number(), menjawab: z.number(), dilewati: z.number() }).optional(),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    awaitingWorkflow: z
      .boolean()
      .openapi({ description: 'true when a workflow execution waits on this stage' }),
    cycleClosed: z.boolean().optional().openapi({
      description:
        'true bila siklusnya sudah ditutup: evaluasi hanya dapat dibaca (rencana pengembangannya tetap berjalan) dan tidak ada alur yang menunggunya',
    }),
  })
  .openapi('Evaluation');

/**
 * How closing a cycle handed over the stopping of its running executions (a CycleClose
 * execution): its name and ARN, or why it could not start (closing again starts it; meanwhile
 * each execution ends at its next step, whose write the closed cycle refuses).
 */
export const PenghentianAlurSchema = z
  .union([z.object({ eksekusi: z.string(), arn: z.string() }), z.object({ gagalDimulai: z.string() })])
  .openapi('PenghentianAlur', {
    description:
      'Eksekusi CycleClose yang menghentikan alur evaluasi siklus ini, atau alasan eksekusi itu gagal dimulai (tutup siklus lagi untuk memulainya)',
  });

export const AuditSchema = z
  .object({
    at: z.string(),
    action: z.string(),
    actor: z.union([z.object({ nip: z.string(), nama: z.string() }), z.object({ sistem: z.string() })]),
    detail: z.record(z.string(), z.unknown()),
    version: z.number(),
  })
  .openapi('AuditEntry');

export const EvaluationDetailSchema = z
  .object({
    evaluation: EvaluationSchema,
    rows: z.array(TargetRowSchema),
    history: z.array(AuditSchema),
    penilaian: PenilaianViewSchema,
  })
  .openapi('EvaluationDetail');

const Tanggal = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD');
export const NipParams = z.object({ nip: Nip });
export const TransferBody = z
  .object({
    opd: KodeOpd.optional(),
    unit: z
      .string()
      .regex(/^[A-Z0-9-]{2,40}$/, 'Kode unit kerja tidak valid')
      .optional(),
    atasanNip: Nip.optional(),
    alasan: teks({ label: 'Alasan', max: 1000, wajib: true, multiBaris: true }),
  })
  .strict()
  .openapi('TransferBody');
export const TransferForm = TransferBody.extend({ nip: Nip });
export const PenugasanBody = z
  .object({
    jenis: z.enum(['PLT', 'PLH'], 'Jenis harus PLT atau PLH'),
    nip: Nip,
    menggantikanNip: Nip,
    mulai: Tanggal,
    selesai: Tanggal,
    alasan: teks({ label: 'Dasar penugasan', max: 1000, wajib: true, multiBaris: true }),
  })
  .strict()
  .openapi('PenugasanBody');

export const EvaluationListItemSchema = z
  .object({
    cycleId: z.string(),
    nip: z.string(),
    nama: z.string(),
    jabatan: z.string(),
    opd: z.string(),
    unit: z.string(),
    unitNama: z.string().optional(),
    atasanNama: z.string().optional(),
    stage: z.enum(STAGES),
    status: z.enum(STATUS),
    deadline: z.string().optional(),
    overdueCount: z.number(),
  })
  .openapi('EvaluationListItem');

export const RekanBody = z
  .object({
    version: Version,
    nips: z.array(Nip).max(10, 'Terlalu banyak rekan'),
  })
  .strict()
  .openapi('RekanBody');
