import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Viewer } from './types.js';
import { CSS_HREF } from './styles.js';

export const APP_NAME = 'Kinerja ASN Kota Serang';

interface LayoutProps {
  title: string;
  viewer?: Viewer | undefined;
  children?: Child;
}

/** Every page: no scripts, one same-origin stylesheet, so the CSP can forbid everything else. */
export function Layout({ title, viewer, children }: LayoutProps) {
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="id">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} - ${APP_NAME}`}</title>
          {/* An empty icon: otherwise every page view also costs a 404 for /favicon.ico. */}
          <link rel="icon" href="data:," />
          <link rel="stylesheet" href={CSS_HREF} />
        </head>
        <body>
          <a class="skip" href="#isi">
            Langsung ke isi
          </a>
          <header class="site">
            <div class="wrap site-bar">
              <a class="brand" href="/">
                {APP_NAME}
              </a>
              {viewer && <UserBar viewer={viewer} />}
            </div>
            {viewer && (
              <nav class="wrap site-nav" aria-label="Menu utama">
                <a href="/">Evaluasi saya</a>
                <a href="/tugas">Tugas saya</a>
                <a href="/notifikasi">Notifikasi</a>
                <a href="/pengembangan">Pengembangan kompetensi</a>
                <a href="/kotak-masuk">Kotak masuk atasan</a>
                {(viewer.user.kepalaOpd || viewer.user.admin || viewer.user.auditor) && (
                  <a href="/opd">Evaluasi OPD</a>
                )}
                {viewer.user.admin && <a href="/admin">Admin BKPSDM</a>}
                {viewer.user.admin && <a href="/admin/siklus">Siklus penilaian</a>}
                {viewer.user.admin && <a href="/akun/verifikasi-dua-langkah">Verifikasi dua langkah</a>}
                <a href="/akun/kata-sandi">Ganti kata sandi</a>
              </nav>
            )}
          </header>
          <main id="isi" class="wrap">
            {children}
          </main>
        </body>
      </html>
    </>
  );
}

function UserBar({ viewer }: { viewer: Viewer }) {
  return (
    <form method="post" action="/keluar" class="user-bar">
      <span class="user-name">{viewer.user.nama}</span>
      <CsrfField token={viewer.csrf} />
      <button type="submit" class="secondary">
        Keluar
      </button>
    </form>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** Optimistic locking: the server refuses the change if the evaluation moved on since this page. */
export function VersionField({ version }: { version: number }) {
  return <input type="hidden" name="version" value={String(version)} />;
}

export function Flash({ text }: { text?: string | undefined }) {
  return text ? (
    <p class="flash" role="status">
      {text}
    </p>
  ) : null;
}
