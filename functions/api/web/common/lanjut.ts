/**
 * Where to go after sign-in. Only a path on this site: "//evil.example" and "/\evil" are
 * read by browsers as other hosts, and "http:"/"javascript:" are not paths at all.
 */
export function safeLanjut(value: unknown): string {
  if (typeof value !== 'string' || value.length > 512) return '/';
  if (!value.startsWith('/') || value.startsWith('//')) return '/';
  // Backslashes and control characters are normalised by browsers into something else.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  if (value.startsWith('/masuk') || value.startsWith('/keluar')) return '/';
  return value;
}

/** A form POST cannot be replayed by a GET redirect: send people back to the page it came from. */
export function lanjutFor(method: string, path: string, search: string): string {
  if (method === 'GET' || method === 'HEAD') return safeLanjut(path + search);
  const page = /^\/evaluasi\/[^/]+\/[^/]+/.exec(path);
  return page ? safeLanjut(page[0]) : '/';
}

export function signInUrl(lanjut: string): string {
  return lanjut === '/' ? '/masuk' : `/masuk?lanjut=${encodeURIComponent(lanjut)}`;
}
