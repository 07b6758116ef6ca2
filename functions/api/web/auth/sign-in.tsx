import { ErrorSummary, Input } from '../common/fields.js';
import { Layout } from '../common/layout.js';

export interface SignInProps {
  /** Double-submit token: the same value sits in a short-lived cookie. */
  formToken: string;
  lanjut: string;
  nip?: string | undefined;
  error?: string | undefined;
  fieldErrors?: Record<string, string>;
  /** A cloud deployment without a user pool: nobody can sign in, so a notice replaces the form. */
  cloud: boolean;
}

export function SignInPage({ formToken, lanjut, nip, error, fieldErrors = {}, cloud }: SignInProps) {
  return (
    <Layout title="Masuk">
      <h1>Masuk</h1>
      {cloud ? (
        <p class="notice" role="status">
          Masuk melalui akun layanan cloud (Cognito) belum tersedia. Silakan hubungi pengelola kinerja BKPSDM
          Kota Serang.
        </p>
      ) : (
        <>
          {error && (
            <ErrorSummary
              message={error}
              issues={Object.entries(fieldErrors).map(([path, message]) => ({ path, message }))}
              fields={['nip', 'password']}
            />
          )}
          <form method="post" action="/masuk" class="panel">
            <input type="hidden" name="_csrf" value={formToken} />
            <input type="hidden" name="lanjut" value={lanjut} />
            <Input
              name="nip"
              label="NIP (18 digit)"
              error={fieldErrors.nip}
              attrs={{
                value: nip ?? '',
                inputmode: 'numeric',
                autocomplete: 'username',
                maxlength: 40,
                required: true,
              }}
            />
            <Input
              name="password"
              label="Kata sandi"
              error={fieldErrors.password}
              type="password"
              attrs={{ autocomplete: 'current-password', maxlength: 200, required: true }}
            />
            <button type="submit">Masuk</button>
          </form>
        </>
      )}
    </Layout>
  );
}
