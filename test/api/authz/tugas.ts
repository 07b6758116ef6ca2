import type { AuthzContext, RouteCase } from './types.js';

/**
 * "Tugas saya" and "Notifikasi saya": every signed-in person has their own (each list is built
 * from the caller's NIP only, so there is nobody else's to ask for).
 */
export function tugasCases(_ctx: AuthzContext): RouteCase[] {
  return [
    { method: 'GET', route: '/api/tasks', path: () => '/api/tasks', allowed: 'any-signed-in' },
    { method: 'GET', route: '/tugas', path: () => '/tugas', allowed: 'any-signed-in' },
    { method: 'GET', route: '/notifikasi', path: () => '/notifikasi', allowed: 'any-signed-in' },
  ];
}
