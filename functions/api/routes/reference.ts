import { html, raw } from 'hono/html';

type Op = { summary?: string; parameters?: { name: string; in: string }[] };
type Doc = { paths?: object };

/** A readable API reference rendered on the server from the OpenAPI document: no CDN assets. */
export function apiReference(doc: Doc) {
  const rows = Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
    Object.entries(ops as Record<string, Op>).map(([method, op]) => {
      const params = (op.parameters ?? []).map((p) => `${p.name} (${p.in})`).join(', ');
      return html`<tr>
        <td><code>${method.toUpperCase()}</code></td>
        <td><code>${path}</code></td>
        <td>${op.summary ?? ''}</td>
        <td>${params}</td>
      </tr>`;
    }),
  );
  return html`<!doctype html>
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Referensi API - Kinerja ASN Kota Serang</title>
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body>
        <main class="wrap">
          <h1>Referensi API</h1>
          <p>
            Dokumen mesin: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Semua galat berbentuk
            <code>{ error, message, issues: [{ path, message }] }</code>. Permintaan yang mengubah data
            memerlukan sesi (cookie <code>kinerja_sesi</code>) dan header <code>x-csrf-token</code>.
          </p>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>Metode</th>
                  <th>Path</th>
                  <th>Keterangan</th>
                  <th>Parameter</th>
                </tr>
              </thead>
              <tbody>
                ${raw(rows.map(String).join(''))}
              </tbody>
            </table>
          </div>
        </main>
      </body>
    </html>`;
}
