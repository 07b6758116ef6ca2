import type { Context } from 'hono';
import { ErrorPage } from '../web/common/error-page.js';
import { errorBody } from './errors.js';

/** "64 KiB", "4 MB": how the limit is shown to the person who hit it. */
const ukuran = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KiB`;

/**
 * The answer to a body above the limit (hono/body-limit's onError). It says `Connection: close`
 * because the unread rest of the body is never read: the Node server drains it only briefly and
 * then closes the socket, so a keep-alive client that was told the socket stays open would send
 * its next request into a closed one. Draining instead would let anyone make the server read
 * gigabytes; closing is bounded. (On Lambda the gateway owns the client's connection; the header
 * is a hop-by-hop one it handles itself.)
 * The JSON API gets its error body, the web form an Indonesian page, as for every other error.
 */
export const tooLarge = (max: number) => (c: Context) => {
  c.header('Connection', 'close');
  c.header('Cache-Control', 'no-store');
  const json = c.req.path.startsWith('/api/') || !!c.req.header('accept')?.includes('application/json');
  if (json) return c.json(errorBody('TERLALU_BESAR', `Isi permintaan melebihi ${ukuran(max)}`), 413);
  const roster = c.req.path.startsWith('/admin/roster/');
  return c.html(
    ErrorPage({
      title: roster ? 'Berkas terlalu besar' : 'Isian terlalu besar',
      message: roster
        ? `Berkas roster paling besar ${ukuran(max)}. Simpan tanpa lembar atau kolom tambahan, atau impor per OPD, lalu unggah lagi.`
        : `Isian formulir melebihi ${ukuran(max)} dan tidak disimpan. Kembali, persingkat isian, lalu kirim lagi.`,
      ...(roster ? { back: { href: '/admin', label: 'Kembali ke halaman admin' } } : {}),
    }),
    413,
  );
};
