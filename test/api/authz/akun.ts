import type { AuthzContext, RouteCase } from './types.js';

/**
 * Signing in past the password, and one's own account. The code steps are public but need the
 * sign-in form's double-submit cookie (so: 403 without it); local accounts have no setup step
 * at sign-in (404 to everyone). The bodies are refused before anything is stored: a wrong
 * current password (422) and a malformed code (400).
 */
export function akunCases({ form }: AuthzContext): RouteCase[] {
  return [
    {
      method: 'POST',
      route: '/masuk/kode',
      path: () => '/masuk/kode',
      body: form({ nip: '1', session: 'x', code: '123456' }),
      allowed: 'public',
      always: 'forbidden',
    },
    {
      method: 'POST',
      route: '/masuk/atur-verifikasi',
      path: () => '/masuk/atur-verifikasi',
      body: form({}),
      allowed: 'public',
    },
    { method: 'GET', route: '/akun/kata-sandi', path: () => '/akun/kata-sandi', allowed: 'any-signed-in' },
    {
      method: 'POST',
      route: '/akun/kata-sandi',
      path: () => '/akun/kata-sandi',
      body: form({
        oldPassword: 'bukan-sandinya',
        newPassword: 'Sandi#Baru#2027',
        confirm: 'Sandi#Baru#2027',
      }),
      allowed: 'any-signed-in',
    },
    {
      method: 'GET',
      route: '/akun/verifikasi-dua-langkah',
      path: () => '/akun/verifikasi-dua-langkah',
      allowed: ['admin'],
    },
    {
      method: 'POST',
      route: '/akun/verifikasi-dua-langkah',
      path: () => '/akun/verifikasi-dua-langkah',
      body: form({ secret: 'KINERJASERANGDEMOTOTPWAWAN234567', code: 'bukan' }),
      allowed: ['admin'],
    },
  ];
}
