import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { revokeSessionsOf } from '../../../../shared/data/sessions.js';
import { DomainError } from '../../../../shared/domain/errors.js';
import { TOTP_CODE, TOTP_SECRET, totpUri } from '../../../../shared/auth/totp.js';
import type { AppEnv } from '../../http/env.js';
import { startSession } from '../../http/session.js';
import { flashOf, notFound, refusalPage } from '../common/kit.js';
import { bkpsdmOnly, readSignedForm, requireSession, sendPage, viewerOf } from '../common/respond.js';
import { signInContextOf } from './client-address.js';
import { waitText } from './kit.js';
import { PASSWORD_RULE, PasswordChangePage } from './password-page.js';
import { newPasswordProblems } from './password-fields.js';
import { qrDataUri } from './qr.js';
import { TotpAccountPage } from './totp-pages.js';

type Ctx = Context<AppEnv>;

const PASSWORD_FLASH = { diganti: 'Kata sandi berhasil diganti. Sesi lain atas nama Anda sudah diakhiri.' };
const TOTP_FLASH = {
  aktif:
    'Verifikasi dua langkah sudah aktif. Mulai sekarang, setiap kali masuk Anda akan diminta kode dari aplikasi.',
};

const showPassword = (
  c: Ctx,
  status: ContentfulStatusCode = 200,
  failure: { error?: string; fieldErrors?: Record<string, string> } = {},
) =>
  sendPage(
    c,
    PasswordChangePage({ viewer: viewerOf(c), flash: flashOf(c, PASSWORD_FLASH), ...failure }),
    status,
  );

async function changePassword(c: Ctx): Promise<Response> {
  const auth = c.var.config.auth;
  if (!auth.changePassword) return notFound(c, 'Penggantian kata sandi tidak tersedia di sini.');
  const values = await readSignedForm(c);
  if (values instanceof Response) return values;
  const oldPassword = values.oldPassword ?? '';
  if (!oldPassword)
    return showPassword(c, 400, {
      error: 'Lengkapi isian berikut.',
      fieldErrors: { oldPassword: 'Kata sandi saat ini wajib diisi' },
    });
  const problems = newPasswordProblems(values, oldPassword);
  if (problems) return showPassword(c, 400, { error: problems.message, fieldErrors: problems.fieldErrors });
  const me = c.var.principal;
  let outcome;
  try {
    outcome = await auth.changePassword(me.nip, oldPassword, values.newPassword!, signInContextOf(c));
  } catch (err) {
    if (err instanceof DomainError) return refusalPage(c, err);
    throw err;
  }
  if (!outcome.ok) {
    switch (outcome.reason) {
      case 'INVALID_CREDENTIALS':
        // 422, not 401: the person is signed in; it is the form's answer that is wrong.
        return showPassword(c, 422, {
          error: 'Kata sandi saat ini salah.',
          fieldErrors: { oldPassword: 'Ketik kata sandi yang Anda pakai untuk masuk' },
        });
      case 'WEAK_PASSWORD':
        return showPassword(c, 422, {
          error: 'Kata sandi baru belum memenuhi kebijakan.',
          fieldErrors: { newPassword: `${PASSWORD_RULE} Tidak boleh sama dengan lima kata sandi terakhir.` },
        });
      case 'THROTTLED':
        if (outcome.retryAfterSeconds !== undefined)
          c.header('Retry-After', String(outcome.retryAfterSeconds));
        return showPassword(c, 429, {
          error: `Terlalu banyak percobaan dengan kata sandi yang salah. Tunggu ${
            outcome.retryAfterSeconds !== undefined
              ? waitText(outcome.retryAfterSeconds)
              : 'paling lama 15 menit'
          }, lalu coba lagi.`,
        });
      default:
        return showPassword(c, 503, {
          error: 'Layanan akun sedang tidak tersedia. Coba lagi beberapa saat lagi.',
        });
    }
  }
  // Every session of this person ends (a thief's included), then this browser gets a new one.
  await revokeSessionsOf(c.var.config.deps(), me.nip);
  await startSession(c, me);
  return c.redirect('/akun/kata-sandi?pesan=diganti', 303);
}

async function showTotp(
  c: Ctx,
  status: ContentfulStatusCode = 200,
  failure: { secret: string; error: string; fieldErrors: Record<string, string> } | undefined = undefined,
) {
  const totp = c.var.config.auth.totp;
  const viewer = viewerOf(c);
  const flash = flashOf(c, TOTP_FLASH);
  if (!totp) return sendPage(c, TotpAccountPage({ viewer, flash, state: { cloud: true } }), status);
  const nip = viewer.user.nip;
  if (!failure && (await totp.enabled(nip)))
    return sendPage(c, TotpAccountPage({ viewer, flash, state: { enabled: true } }), status);
  // After a wrong code the same secret is shown again: the person may have added it to the app already.
  const { secret, uri } = failure
    ? { secret: failure.secret, uri: totpUri(failure.secret, nip) }
    : totp.newSecret(nip);
  const state = { enabled: false as const, secret, qr: qrDataUri(uri) };
  return sendPage(
    c,
    TotpAccountPage({ viewer, flash, state, error: failure?.error, fieldErrors: failure?.fieldErrors ?? {} }),
    status,
  );
}

async function enableTotp(c: Ctx): Promise<Response> {
  const totp = c.var.config.auth.totp;
  if (!totp) return notFound(c, 'Verifikasi dua langkah diatur saat masuk.');
  const values = await readSignedForm(c);
  if (values instanceof Response) return values;
  const secret = values.secret ?? '';
  const code = (values.code ?? '').replace(/\s+/g, '');
  if (!TOTP_SECRET.test(secret)) return notFound(c, 'Kunci verifikasi tidak dikenal. Muat ulang halaman.');
  if (!TOTP_CODE.test(code))
    return showTotp(c, 400, {
      secret,
      error: 'Kode verifikasi belum benar.',
      fieldErrors: { code: 'Kode terdiri dari 6 angka' },
    });
  let enabled;
  try {
    enabled = await totp.enable(c.var.principal.nip, secret, code);
  } catch (err) {
    if (err instanceof DomainError) return refusalPage(c, err);
    throw err;
  }
  if (!enabled)
    return showTotp(c, 422, {
      secret,
      error: 'Kode verifikasi tidak cocok.',
      fieldErrors: { code: 'Periksa jam ponsel Anda, lalu ketik kode yang sedang tampil di aplikasi' },
    });
  return c.redirect('/akun/verifikasi-dua-langkah?pesan=aktif', 303);
}

/** The signed-in person's own account: password for everyone, the second factor for BKPSDM admins. */
export function accountPages() {
  const web = new Hono<AppEnv>();
  web.use('*', requireSession);
  web.get('/kata-sandi', (c) => showPassword(c));
  web.post('/kata-sandi', changePassword);
  web.use('/verifikasi-dua-langkah', bkpsdmOnly);
  web.get('/verifikasi-dua-langkah', (c) => showTotp(c));
  web.post('/verifikasi-dua-langkah', enableTotp);
  return web;
}
