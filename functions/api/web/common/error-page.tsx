import type { DomainError } from '../../../../shared/domain/errors.js';
import type { Viewer } from './types.js';
import { Layout } from './layout.js';

/** The page title of a domain refusal, by its code. */
export const REFUSAL_TITLE: Record<DomainError['code'], string> = {
  VALIDASI: 'Isian tidak valid',
  KONFLIK: 'Tidak dapat diproses',
  TIDAK_DITEMUKAN: 'Tidak ditemukan',
  DILARANG: 'Tidak berhak',
};

interface ErrorPageProps {
  title: string;
  message: string;
  viewer?: Viewer | undefined;
  back?: { href: string; label: string } | undefined;
}

export function ErrorPage({
  title,
  message,
  viewer,
  back = { href: '/', label: 'Kembali ke beranda' },
}: ErrorPageProps) {
  return (
    <Layout title={title} viewer={viewer}>
      <h1>{title}</h1>
      <p role="alert">{message}</p>
      <p>
        <a href={back.href}>{back.label}</a>
      </p>
    </Layout>
  );
}
