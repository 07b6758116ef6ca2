import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../http/env.js';
import { endSession } from '../../http/session.js';
import {
  signInAvailable,
  type SignInContext,
  type SignInOutcome,
} from '../../../../shared/auth/authenticator.js';
import { TOTP_CODE, totpUri } from '../../../../shared/auth/totp.js';
import { safeLanjut } from '../common/lanjut.js';
import { readForm, readSignedForm, sendPage } from '../common/respond.js';
import { signInContextOf } from './client-address.js';
import { finish, formTokenValid, issueFormToken, normaliseNip, showSignIn } from './kit.js';
import { NewPasswordPage } from './new-password.js';
import { newPasswordProblems } from './password-fields.js';
import { qrDataUri } from './qr.js';
import { TotpCodePage, TotpSetupSignInPage } from './totp-pages.js';

async function attempt(c: Context<AppEnv>, nip: string, password: string): Promise<SignInOutcome> {
  const auth = c.var.config.auth;
  const context = signInContextOf(c);
  if (auth.attemptSignIn) return auth.attemptSignIn(nip, password, context);
  const principal = await auth.signIn(nip, password, context);
  return principal ? { ok: true, principal } : { ok: false, reason: 'INVALID_CREDENTIALS' };
}

interface Step {
  lanjut: string;
  nip: string;
  error?: string;
  fieldErrors?: Record<string, string>;
}

/**
 * Where a sign-in goes after each answer: the next step's page when there is one (new password,
 * the code, setting the code up), otherwise the end (a session, or the refusal on the sign-in page).
 */
async function next(
  c: Context<AppEnv>,
  outcome: SignInOutcome,
  step: Step,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  if (outcome.ok || !outcome.session) return finish(c, outcome, step.lanjut, step.nip);
  const page = { ...step, session: outcome.session, formToken: issueFormToken(c) };
  switch (outcome.reason) {
    case 'NEW_PASSWORD_REQUIRED':
      return sendPage(c, NewPasswordPage(page), status);
    case 'MFA_REQUIRED':
      return sendPage(c, TotpCodePage(page), status);
    case 'WRONG_CODE':
    case 'MFA_SETUP_REQUIRED':
      // A wrong first code while setting up comes back with the secret, to show it again.
      if (outcome.secret) {
        const qr = qrDataUri(totpUri(outcome.secret, step.nip));
        return sendPage(c, TotpSetupSignInPage({ ...page, secret: outcome.secret, qr }), status);
      }
      return sendPage(c, TotpCodePage(page), status);
    default:
      return finish(c, outcome, step.lanjut, step.nip);
  }
}

const WRONG_CODE = {
  error: 'Kode verifikasi salah.',
  fieldErrors: {
    code: 'Periksa kode di aplikasi autentikator lalu ketik lagi (kode berganti setiap 30 detik)',
  },
};
const MALFORMED_CODE = {
  error: 'Kode verifikasi belum benar.',
  fieldErrors: { code: 'Kode terdiri dari 6 angka' },
};

/**
 * The two code steps: answering the TOTP challenge, and the first code that confirms a new app.
 * The authenticators turn a malformed code away without asking the identity provider.
 */
function codeStep(
  answer: (
    c: Context<AppEnv>,
  ) =>
    | ((nip: string, session: string, code: string, context?: SignInContext) => Promise<SignInOutcome>)
    | undefined,
) {
  return async (c: Context<AppEnv>) => {
    const values = await readForm(c);
    if (values instanceof Response) return values;
    const lanjut = safeLanjut(values.lanjut);
    const nip = normaliseNip(values.nip ?? '');
    const session = values.session ?? '';
    const respond = answer(c);
    if (!respond) return showSignIn(c, { lanjut }, 404);
    if (!formTokenValid(c, values._csrf))
      return showSignIn(c, { lanjut, nip, error: 'Formulir sudah kedaluwarsa. Silakan masuk lagi.' }, 403);
    const code = (values.code ?? '').replace(/\s+/g, '');
    const outcome = await respond(nip, session, code, signInContextOf(c));
    if (!outcome.ok && outcome.reason === 'WRONG_CODE')
      return next(c, outcome, { lanjut, nip, ...(TOTP_CODE.test(code) ? WRONG_CODE : MALFORMED_CODE) }, 401);
    return next(c, outcome, { lanjut, nip });
  };
}

/** Signing in and out: public pages (signing out checks its own session). */
export function authPages() {
  const web = new Hono<AppEnv>();
  web.get('/masuk', (c) => {
    const lanjut = safeLanjut(c.req.query('lanjut'));
    if (c.var.session) return c.redirect(lanjut, 303);
    return showSignIn(c, { lanjut });
  });

  web.post('/masuk', async (c) => {
    const values = await readForm(c);
    if (values instanceof Response) return values;
    const lanjut = safeLanjut(values.lanjut);
    const nip = normaliseNip(values.nip ?? '');
    if (!signInAvailable(c.var.config.auth)) return showSignIn(c, { lanjut }, 503);
    if (!formTokenValid(c, values._csrf)) {
      return showSignIn(
        c,
        { lanjut, nip, error: 'Formulir masuk sudah kedaluwarsa. Silakan coba lagi.' },
        403,
      );
    }
    const password = values.password ?? '';
    const fieldErrors: Record<string, string> = {};
    if (!nip) fieldErrors.nip = 'NIP wajib diisi';
    if (!password) fieldErrors.password = 'Kata sandi wajib diisi';
    if (Object.keys(fieldErrors).length)
      return showSignIn(c, { lanjut, nip, error: 'Lengkapi isian berikut.', fieldErrors }, 400);
    return next(c, await attempt(c, nip, password), { lanjut, nip });
  });

  web.post('/masuk/sandi-baru', async (c) => {
    const values = await readForm(c);
    if (values instanceof Response) return values;
    const lanjut = safeLanjut(values.lanjut);
    const nip = normaliseNip(values.nip ?? '');
    const session = values.session ?? '';
    const auth = c.var.config.auth;
    if (!auth.completeNewPassword) return showSignIn(c, { lanjut }, 404);
    if (!formTokenValid(c, values._csrf)) {
      return showSignIn(c, { lanjut, nip, error: 'Formulir sudah kedaluwarsa. Silakan masuk lagi.' }, 403);
    }
    const again = (error: string, fieldErrors: Record<string, string>, status: ContentfulStatusCode) =>
      sendPage(
        c,
        NewPasswordPage({ formToken: issueFormToken(c), lanjut, nip, session, error, fieldErrors }),
        status,
      );
    const problems = newPasswordProblems(values);
    if (problems) return again(problems.message, problems.fieldErrors, 400);
    const outcome = await auth.completeNewPassword(nip, session, values.newPassword!, signInContextOf(c));
    if (!outcome.ok && outcome.reason === 'WEAK_PASSWORD') {
      return again(
        'Kata sandi belum memenuhi kebijakan.',
        {
          newPassword:
            'Minimal 12 karakter dengan huruf besar, huruf kecil, angka, dan simbol; tidak boleh sama dengan kata sandi lama',
        },
        422,
      );
    }
    return next(c, outcome, { lanjut, nip });
  });

  web.post(
    '/masuk/kode',
    codeStep((c) => c.var.config.auth.respondToTotp?.bind(c.var.config.auth)),
  );
  web.post(
    '/masuk/atur-verifikasi',
    codeStep((c) => c.var.config.auth.completeTotpSetup?.bind(c.var.config.auth)),
  );

  web.post('/keluar', async (c) => {
    if (!c.var.session) return c.redirect('/masuk', 303);
    const values = await readSignedForm(c);
    if (values instanceof Response) return values;
    await endSession(c);
    return c.redirect('/masuk', 303);
  });
  return web;
}
