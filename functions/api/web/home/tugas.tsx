import { TAHAP_REKAN, TAHAP_TUGAS_LABEL, type Tugas } from '../../../../shared/domain/evaluation/tugas.js';
import { STATUS_LABEL, type Status } from '../../../../shared/domain/evaluation/evaluation.js';
import { waktu } from '../common/format.js';
import type { Viewer } from '../common/types.js';
import { Layout } from '../common/layout.js';
import { evaluationHref } from '../evaluation/status.js';

const PERAN_LABEL: Record<Tugas['peran'], string> = {
  PEGAWAI: 'Evaluasi saya',
  ATASAN: 'Sebagai atasan langsung',
  ATASAN_ATASAN: 'Sebagai atasan dari atasan (keberatan)',
  REKAN: 'Sebagai rekan penilai',
};

/** A peer never opens the evaluation itself (they may not read it): their form is its own page. */
export const penilaianRekanHref = (t: { cycleId: string; nip: string }) =>
  `/penilaian-rekan/${encodeURIComponent(t.cycleId)}/${encodeURIComponent(t.nip)}`;

/**
 * Where on the (long) evaluation page each stage's form is, so that a phone lands on it rather
 * than ten screens above it. Target setting starts at the top of the page anyway.
 */
const BAGIAN: Partial<Record<Tugas['tahap'], string>> = {
  PENILAIAN_MANDIRI: '#penilaian',
  PENILAIAN_ATASAN: '#penilaian',
  UMPAN_BALIK: '#hasil-penilaian',
  TANGGAPAN: '#hasil-penilaian',
  KEBERATAN: '#hasil-penilaian',
  RENCANA_PENGEMBANGAN: '#rencana',
};

export const tugasHref = (t: Pick<Tugas, 'tahap' | 'cycleId' | 'nip'>) =>
  t.tahap === TAHAP_REKAN ? penilaianRekanHref(t) : `${evaluationHref(t)}${BAGIAN[t.tahap] ?? ''}`;

function statusLabel(t: Tugas): string {
  return t.peran === 'REKAN' ? 'Menunggu penilaian Anda' : STATUS_LABEL[t.status as Status];
}

export interface TugasProps {
  viewer: Viewer;
  tugas: Tugas[];
}

export function TugasPage({ viewer, tugas }: TugasProps) {
  return (
    <Layout title="Tugas saya" viewer={viewer}>
      <h1>Tugas saya</h1>
      <p class="muted">
        Semua tahap yang menunggu tindakan Anda: evaluasi Anda sendiri, evaluasi tim Anda (juga sebagai
        Plt/Plh), keberatan yang harus Anda putus, dan penilaian rekan yang diminta dari Anda. Tenggat
        terdekat di atas.
      </p>
      {/* The only way to the full list (answered reviews included) once nothing is waiting. */}
      <p>
        <a href="/penilaian-rekan">Semua penilaian rekan kerja yang diminta dari Anda</a>
      </p>
      {tugas.length === 0 ? (
        <p>Tidak ada tugas yang menunggu Anda saat ini.</p>
      ) : (
        <ul class="plain">
          {tugas.map((t) => (
            <li>
              <strong>{TAHAP_TUGAS_LABEL[t.tahap]}</strong>
              <br />
              <span class="muted">
                {PERAN_LABEL[t.peran]} · {statusLabel(t)} · siklus {t.cycleId}
              </span>
              <p>
                {t.peran === 'PEGAWAI' ? 'Evaluasi Anda' : `Evaluasi ${t.nama} (NIP ${t.nip})`}
                <br />
                Tenggat: {t.deadline ? waktu(t.deadline) : <span class="muted">belum ditetapkan</span>}
                {t.terlambat && (
                  <>
                    {' '}
                    <span class="badge">Terlambat</span>
                  </>
                )}
              </p>
              <a href={tugasHref(t)}>
                {t.peran === 'REKAN' ? 'Isi penilaian rekan' : 'Buka dan tindak lanjuti'}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
