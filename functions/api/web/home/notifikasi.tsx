import type { Notice } from '../../../../shared/data/notices.js';
import { TAHAP_REKAN } from '../../../../shared/domain/evaluation/tugas.js';
import { waktu } from '../common/format.js';
import type { Viewer } from '../common/types.js';
import { Layout } from '../common/layout.js';
import { evaluationHref } from '../evaluation/status.js';
import { penilaianRekanHref } from './tugas.js';

const KIND_LABEL: Record<Notice['kind'], string> = { ESKALASI: 'Eskalasi', PENGINGAT: 'Pengingat' };

function Tautan({ n, viewer }: { n: Notice; viewer: Viewer }) {
  if (n.tahap === TAHAP_REKAN) return <a href={penilaianRekanHref(n)}>Buka penilaian rekan</a>;
  return <a href={evaluationHref(n)}>Buka evaluasi {n.nip === viewer.user.nip ? 'saya' : 'terkait'}</a>;
}

/** Reminders and escalations, each with where to act on it. */
export function NoticeList({ notices, viewer }: { notices: Notice[]; viewer: Viewer }) {
  return notices.length === 0 ? (
    <p class="muted">Tidak ada notifikasi.</p>
  ) : (
    <ul class="plain">
      {notices.map((n) => (
        <li>
          <strong>
            {KIND_LABEL[n.kind] ?? n.kind}: {n.subject}
          </strong>
          <br />
          <span class="muted">
            {waktu(n.at)}
            {n.recipient === 'BKPSDM' ? ' · kotak BKPSDM' : ''}
          </span>
          <p>{n.body}</p>
          <Tautan n={n} viewer={viewer} />
        </li>
      ))}
    </ul>
  );
}

export interface NotifikasiProps {
  viewer: Viewer;
  notices: Notice[];
}

/** The outbox as the person sees it: reminders and escalations, newest first. */
export function NotifikasiPage({ viewer, notices }: NotifikasiProps) {
  return (
    <Layout title="Notifikasi saya" viewer={viewer}>
      <h1>Notifikasi saya</h1>
      <p class="muted">
        Pengingat sebelum tenggat dan eskalasi setelah tenggat terlewati
        {viewer.user.admin ? ', termasuk kotak bersama BKPSDM' : ''}. Yang masih harus dikerjakan ada di{' '}
        <a href="/tugas">Tugas saya</a>.
      </p>
      <NoticeList notices={notices} viewer={viewer} />
    </Layout>
  );
}
