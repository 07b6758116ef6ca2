import type { Principal } from '../../shared/app/actor.js';
import type { EvaluationView } from '../../shared/app/evaluation/queries.js';
import type { AuditEntry } from '../../shared/data/audit.js';
import type { TargetRow } from '../../shared/domain/evaluation/skp.js';
import type { Viewer } from '../../functions/api/web/common/types.js';

export const PEGAWAI: Principal = { nip: '199004122015031001', nama: 'Fajar Ramadhan, S.Kom.', admin: false };
export const ATASAN: Principal = {
  nip: '198011092005011001',
  nama: 'Dedi Kurniawan, S.T., M.Kom.',
  admin: false,
};
export const ADMIN: Principal = {
  nip: '199405152019022001',
  nama: 'Putri Ayu Wulandari, S.Psi.',
  admin: true,
};

export const viewer = (user: Principal): Viewer => ({ user, csrf: `csrf-${user.nip}` });

/** Rendered components may be sync or async: both become a string. */
export async function render(el: unknown): Promise<string> {
  return String(await el);
}

export function evaluation(over: Partial<EvaluationView> = {}): EvaluationView {
  return {
    cycleId: '2027',
    nip: PEGAWAI.nip,
    nama: PEGAWAI.nama,
    opd: 'DISKOMINFO',
    unit: 'APTIKA',
    jabatan: 'Pranata Komputer Ahli Pertama',
    atasanNip: ATASAN.nip,
    atasanNama: ATASAN.nama,
    stage: 'PENETAPAN_TARGET',
    status: 'DRAFT',
    deadline: '2027-01-31T16:59:59.000Z',
    overdueCount: 0,
    ekspektasi: {},
    version: 7,
    createdAt: '2027-01-02T01:00:00.000Z',
    updatedAt: '2027-01-10T03:30:00.000Z',
    awaitingWorkflow: true,
    ...over,
  };
}

export const ATASAN_ROWS: TargetRow[] = [
  {
    id: 'atasan-1',
    jenis: 'UTAMA',
    rhk: 'Meningkatnya layanan aplikasi pemerintahan',
    aspek: 'KUANTITAS',
    indikator: 'Jumlah aplikasi',
    target: 5,
    satuan: 'aplikasi',
    linkCount: 1,
  },
];

export const ROWS: TargetRow[] = [
  {
    id: 'row-1',
    jenis: 'UTAMA',
    rhk: 'Tersusunnya aplikasi antrean puskesmas',
    intervensi: { nip: ATASAN.nip, rowId: 'atasan-1' },
    aspek: 'KUANTITAS',
    indikator: 'Jumlah modul yang selesai',
    target: 1500,
    satuan: 'modul',
  },
  {
    id: 'row-2',
    jenis: 'TAMBAHAN',
    rhk: 'Pelatihan operator',
    aspek: 'WAKTU',
    indikator: 'Selesai tepat waktu',
    target: 2.5,
    satuan: 'bulan',
    linkCount: 2,
  },
];

export const HISTORY: AuditEntry[] = [
  {
    cycleId: '2027',
    nip: PEGAWAI.nip,
    at: '2027-01-02T01:00:00.000Z',
    actor: { sistem: 'peluncuran-siklus' },
    action: 'EVALUASI_DIBUAT',
    detail: {},
    version: 1,
  },
  {
    cycleId: '2027',
    nip: PEGAWAI.nip,
    at: '2027-01-03T02:00:00.000Z',
    actor: { nip: PEGAWAI.nip, nama: PEGAWAI.nama },
    action: 'TARGET_DITAMBAH',
    detail: { row: ROWS[0] },
    version: 2,
  },
  {
    cycleId: '2027',
    nip: PEGAWAI.nip,
    at: '2027-01-05T07:15:00.000Z',
    actor: { nip: ATASAN.nip, nama: ATASAN.nama },
    action: 'SKP_DIKEMBALIKAN',
    detail: { comment: 'Indikator kurang terukur' },
    version: 3,
  },
];
