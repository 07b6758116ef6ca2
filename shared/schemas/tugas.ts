import { z } from '@hono/zod-openapi';
import { STAGES, STATUS } from '../domain/evaluation/evaluation.js';
import { STATUS_REKAN } from '../domain/evaluation/penilaian-model.js';
import { TAHAP_REKAN } from '../domain/evaluation/tugas.js';

export const TugasSchema = z
  .object({
    peran: z.enum(['PEGAWAI', 'ATASAN', 'ATASAN_ATASAN', 'REKAN']).openapi({
      description:
        'Peran saya: PEGAWAI (evaluasi saya), ATASAN (tim saya atau sebagai Plt/Plh), ATASAN_ATASAN (keberatan), REKAN (penilaian rekan)',
    }),
    tahap: z.enum([...STAGES, TAHAP_REKAN]),
    tahapLabel: z.string(),
    status: z.enum([...STATUS, ...STATUS_REKAN]),
    cycleId: z.string(),
    nip: z.string().openapi({ description: 'NIP pegawai yang evaluasinya menunggu' }),
    nama: z.string(),
    deadline: z.string().optional().openapi({ description: 'Tenggat (ISO 8601, UTC)' }),
    terlambat: z.boolean(),
  })
  .openapi('Tugas');
