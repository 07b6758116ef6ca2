import type { createApp } from '../../functions/api/app.js';

type App = Pick<ReturnType<typeof createApp>, 'request'>;

/** The hidden `_csrf` field of the first form on a page (sign-in token or session token). */
export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
/** A hidden field's value. */
export const hiddenOf = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

/**
 * One browser against the app in-process: a cookie jar, and the client address the app sees
 * (as @hono/node-server passes it in `c.env.incoming`, or as API Gateway in the Lambda event).
 */
export function browserLike(app: App, from: { address?: string; lambdaSourceIp?: string } = {}) {
  const jar = new Map<string, string>();
  const env = from.lambdaSourceIp
    ? { event: { requestContext: { http: { sourceIp: from.lambdaSourceIp } } } }
    : from.address
      ? { incoming: { socket: { remoteAddress: from.address } } }
      : undefined;
  async function request(path: string, init: RequestInit = {}) {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await app.request(
      path,
      { ...init, headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } },
      env,
    );
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value = ''] = pair!.split('=');
      if (/Max-Age=0/i.test(line) || !value) jar.delete(name!);
      else jar.set(name!, value);
    }
    const html = await res.text();
    return { status: res.status, html, location: res.headers.get('location') ?? '', headers: res.headers };
  }
  const post = (path: string, fields: Record<string, string>) =>
    request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  return {
    jar,
    get: (path: string) => request(path),
    post,
    /** The sign-in form, then the NIP and password posted with its token. */
    async signIn(nip: string, password: string, lanjut = '/') {
      const page = await request('/masuk');
      return post('/masuk', { _csrf: csrfOf(page.html), nip, password, lanjut });
    },
    /** The step page's form posted again with its hidden fields and the code. */
    answerCode(page: string, action: string, code: string) {
      return post(action, {
        _csrf: csrfOf(page),
        nip: hiddenOf(page, 'nip'),
        session: hiddenOf(page, 'session'),
        lanjut: hiddenOf(page, 'lanjut'),
        code,
      });
    },
  };
}
