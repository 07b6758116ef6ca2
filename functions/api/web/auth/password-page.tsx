import { MIN_PASSWORD, MAX_PASSWORD } from '../../../../shared/auth/password-policy.js';
import { ErrorSummary, Input } from '../common/fields.js';
import { CsrfField, Flash, Layout } from '../common/layout.js';
import type { Viewer } from '../common/types.js';

export const PASSWORD_RULE = `Minimal ${MIN_PASSWORD} karakter, dengan huruf besar, huruf kecil, angka, dan simbol.`;

interface Props {
  viewer: Viewer;
  flash?: string | undefined;
  error?: string | undefined;
  fieldErrors?: Record<string, string>;
}

/**
 * "Ganti kata sandi" for anyone signed in. Passwords are never written back into the page
 * after a refusal (a browser does not either): only the messages are.
 */
export function PasswordChangePage({ viewer, flash, error, fieldErrors = {} }: Props) {
  const field = (name: string, label: string, autocomplete: string, hint?: string) => (
    <Input
      name={name}
      label={label}
      error={fieldErrors[name]}
      hint={hint}
      type="password"
      attrs={{
        autocomplete,
        ...(name === 'oldPassword' ? {} : { minlength: MIN_PASSWORD }),
        maxlength: MAX_PASSWORD,
        required: true,
      }}
    />
  );
  return (
    <Layout title="Ganti kata sandi" viewer={viewer}>
      <h1>Ganti kata sandi</h1>
      <Flash text={flash} />
      <p>
        Setelah kata sandi diganti, semua sesi lain atas nama Anda (di perangkat atau peramban lain) langsung
        berakhir; di perangkat ini Anda tetap masuk.
      </p>
      {error && (
        <ErrorSummary
          message={error}
          issues={Object.entries(fieldErrors).map(([path, message]) => ({ path, message }))}
          fields={['oldPassword', 'newPassword', 'confirm']}
        />
      )}
      <form method="post" action="/akun/kata-sandi" class="panel">
        <CsrfField token={viewer.csrf} />
        {field('oldPassword', 'Kata sandi saat ini', 'current-password')}
        {field('newPassword', 'Kata sandi baru', 'new-password', PASSWORD_RULE)}
        {field('confirm', 'Ulangi kata sandi baru', 'new-password')}
        <button type="submit">Ganti kata sandi</button>
      </form>
    </Layout>
  );
}
