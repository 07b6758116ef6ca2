import { ErrorSummary, Input } from '../common/fields.js';
import { CsrfField, Flash, Layout } from '../common/layout.js';
import type { Viewer } from '../common/types.js';

/** The code field of every TOTP form: six digits, which phones offer to fill from the app. */
function CodeField({ error }: { error?: string | undefined }) {
  return (
    <Input
      name="code"
      label="Kode verifikasi (6 digit)"
      error={error}
      hint="Kode dari aplikasi autentikator; berganti setiap 30 detik."
      attrs={{
        inputmode: 'numeric',
        autocomplete: 'one-time-code',
        pattern: '[0-9]{6}',
        minlength: 6,
        maxlength: 6,
        required: true,
      }}
    />
  );
}

const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** The app is set up from the QR code or, without a camera, by typing the secret. */
export function TotpSecret({ secret, qr }: { secret: string; qr: string }) {
  return (
    <>
      <ol>
        <li>
          Pasang aplikasi autentikator di ponsel Anda (misalnya Google Authenticator, Microsoft Authenticator,
          atau Aegis).
        </li>
        <li>Di aplikasi itu, tambahkan akun dengan memindai kode QR ini:</li>
      </ol>
      <p>
        <img
          src={qr}
          width={200}
          height={200}
          alt="Kode QR untuk aplikasi autentikator (isinya kunci di bawah)"
        />
      </p>
      <p>
        Atau ketik kunci ini (spasi tidak perlu ikut diketik): <code>{grouped(secret)}</code>
      </p>
      <p>Lalu masukkan kode 6 digit yang muncul di aplikasi untuk memastikan semuanya sudah benar.</p>
    </>
  );
}

interface StepProps {
  formToken: string;
  lanjut: string;
  nip: string;
  /** The step's session (Cognito's, or our challenge's id); it expires after a few minutes. */
  session: string;
  error?: string | undefined;
  fieldErrors?: Record<string, string>;
}

function Hidden({ formToken, lanjut, nip, session }: StepProps) {
  return (
    <>
      <input type="hidden" name="_csrf" value={formToken} />
      <input type="hidden" name="lanjut" value={lanjut} />
      <input type="hidden" name="nip" value={nip} />
      <input type="hidden" name="session" value={session} />
    </>
  );
}

function Problems({ error, fieldErrors = {} }: Pick<StepProps, 'error' | 'fieldErrors'>) {
  return error ? (
    <ErrorSummary
      message={error}
      issues={Object.entries(fieldErrors).map(([path, message]) => ({ path, message }))}
      fields={['code']}
    />
  ) : null;
}

/** Sign-in, second step: the password was right and the account has TOTP. */
export function TotpCodePage(props: StepProps) {
  return (
    <Layout title="Verifikasi dua langkah">
      <h1>Verifikasi dua langkah</h1>
      <p>
        Kata sandi benar. Buka aplikasi autentikator di ponsel Anda, lalu masukkan kode untuk Kinerja ASN.
      </p>
      <Problems error={props.error} fieldErrors={props.fieldErrors} />
      <form method="post" action="/masuk/kode" class="panel">
        <Hidden {...props} />
        <CodeField error={props.fieldErrors?.code} />
        <button type="submit">Verifikasi dan masuk</button>
      </form>
      <p>
        <a href="/masuk">Batal, kembali ke halaman masuk</a>
      </p>
    </Layout>
  );
}

/** Sign-in of an account that must set TOTP up first (BKPSDM admins in the cloud). */
export function TotpSetupSignInPage(props: StepProps & { secret: string; qr: string }) {
  return (
    <Layout title="Atur verifikasi dua langkah">
      <h1>Atur verifikasi dua langkah</h1>
      <p>
        Kata sandi benar. Akun admin BKPSDM wajib memakai verifikasi dua langkah: selain kata sandi, setiap
        kali masuk Anda memasukkan kode dari ponsel.
      </p>
      <Problems error={props.error} fieldErrors={props.fieldErrors} />
      <TotpSecret secret={props.secret} qr={props.qr} />
      <form method="post" action="/masuk/atur-verifikasi" class="panel">
        <Hidden {...props} />
        <CodeField error={props.fieldErrors?.code} />
        <button type="submit">Aktifkan dan masuk</button>
      </form>
    </Layout>
  );
}

interface AccountProps {
  viewer: Viewer;
  flash?: string | undefined;
  /** Where TOTP can be set up from this page (local accounts); in the cloud it is done at sign-in. */
  state: { enabled: true } | { enabled: false; secret: string; qr: string } | { cloud: true };
  error?: string | undefined;
  fieldErrors?: Record<string, string>;
}

/** "Verifikasi dua langkah" for a signed-in BKPSDM admin. */
export function TotpAccountPage({ viewer, flash, state, error, fieldErrors = {} }: AccountProps) {
  return (
    <Layout title="Verifikasi dua langkah" viewer={viewer}>
      <h1>Verifikasi dua langkah</h1>
      <Flash text={flash} />
      {'cloud' in state ? (
        <p>
          Verifikasi dua langkah wajib bagi admin BKPSDM dan sudah aktif untuk akun Anda: diatur saat Anda
          pertama kali masuk. Jika ponsel Anda hilang atau diganti, hubungi pengelola sistem di BKPSDM.
        </p>
      ) : state.enabled ? (
        <p>
          Verifikasi dua langkah <strong>aktif</strong>: setiap kali masuk, setelah kata sandi Anda diminta
          kode dari aplikasi autentikator. Jika ponsel Anda hilang atau diganti, hubungi pengelola sistem di
          BKPSDM.
        </p>
      ) : (
        <>
          <p>
            Verifikasi dua langkah <strong>belum aktif</strong>. Dengan verifikasi dua langkah, kata sandi
            yang bocor saja tidak cukup untuk masuk ke akun admin Anda.
          </p>
          <Problems error={error} fieldErrors={fieldErrors} />
          <TotpSecret secret={state.secret} qr={state.qr} />
          <form method="post" action="/akun/verifikasi-dua-langkah" class="panel">
            <CsrfField token={viewer.csrf} />
            <input type="hidden" name="secret" value={state.secret} />
            <CodeField error={fieldErrors.code} />
            <button type="submit">Aktifkan verifikasi dua langkah</button>
          </form>
        </>
      )}
    </Layout>
  );
}
