import { ErrorSummary, Input } from '../common/fields.js';
import { Layout } from '../common/layout.js';

export interface NewPasswordProps {
  formToken: string;
  lanjut: string;
  nip: string;
  /** The identity provider's challenge session; it expires after a few minutes. */
  session: string;
  error?: string | undefined;
  fieldErrors?: Record<string, string>;
}

/** First sign-in of an invited account: the temporary password is replaced before anything else. */
export function NewPasswordPage({
  formToken,
  lanjut,
  nip,
  session,
  error,
  fieldErrors = {},
}: NewPasswordProps) {
  return (
    <Layout title="Buat kata sandi baru">
      <h1>Buat kata sandi baru</h1>
      <p>
        Ini pertama kali Anda masuk dengan kata sandi sementara dari undangan. Buat kata sandi Anda sendiri:
        minimal 12 karakter, dengan huruf besar, huruf kecil, angka, dan simbol.
      </p>
      {error && (
        <ErrorSummary
          message={error}
          issues={Object.entries(fieldErrors).map(([path, message]) => ({ path, message }))}
          fields={['newPassword', 'confirm']}
        />
      )}
      <form method="post" action="/masuk/sandi-baru" class="panel">
        <input type="hidden" name="_csrf" value={formToken} />
        <input type="hidden" name="lanjut" value={lanjut} />
        <input type="hidden" name="nip" value={nip} />
        <input type="hidden" name="session" value={session} />
        <Input
          name="newPassword"
          label="Kata sandi baru"
          error={fieldErrors.newPassword}
          type="password"
          attrs={{ autocomplete: 'new-password', minlength: 12, maxlength: 200, required: true }}
        />
        <Input
          name="confirm"
          label="Ulangi kata sandi baru"
          error={fieldErrors.confirm}
          type="password"
          attrs={{ autocomplete: 'new-password', maxlength: 200, required: true }}
        />
        <button type="submit">Simpan dan masuk</button>
      </form>
    </Layout>
  );
}
