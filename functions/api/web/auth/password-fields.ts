import { MAX_PASSWORD, MIN_PASSWORD } from '../../../../shared/auth/password-policy.js';

export interface FieldProblems {
  message: string;
  fieldErrors: Record<string, string>;
}

/**
 * The checks the app makes itself on a new password, the same on the first sign-in and on
 * "Ganti kata sandi" (shared/auth/password-policy.ts); Cognito adds its own when it refuses.
 */
export function newPasswordProblems(
  values: Record<string, string | undefined>,
  current?: string,
): FieldProblems | undefined {
  const newPassword = values.newPassword ?? '';
  if (newPassword.length < MIN_PASSWORD)
    return {
      message: 'Kata sandi baru terlalu pendek.',
      fieldErrors: { newPassword: `Minimal ${MIN_PASSWORD} karakter` },
    };
  if (newPassword.length > MAX_PASSWORD)
    return {
      message: 'Kata sandi baru terlalu panjang.',
      fieldErrors: { newPassword: `Paling banyak ${MAX_PASSWORD} karakter` },
    };
  if (newPassword !== values.confirm)
    return {
      message: 'Kedua isian kata sandi tidak sama.',
      fieldErrors: { confirm: 'Ulangi kata sandi yang sama persis' },
    };
  if (current !== undefined && newPassword === current)
    return {
      message: 'Kata sandi baru sama dengan kata sandi saat ini.',
      fieldErrors: { newPassword: 'Pilih kata sandi yang berbeda dari kata sandi saat ini' },
    };
  return undefined;
}
