/** One problem with the input, addressed to the field that caused it. */
export interface Issue {
  path: string;
  message: string;
}

export type DomainErrorCode =
  | 'VALIDASI' // 422: well-formed input that breaks a rule
  | 'KONFLIK' // 409: stale version, wrong stage, duplicate
  | 'TIDAK_DITEMUKAN' // 404
  | 'DILARANG'; // 403

/**
 * Rule violations carry their own HTTP meaning so that handlers never have to guess,
 * and never turn a user's mistake into a 500.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly issues: Issue[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const validasi = (message: string, issues: Issue[] = []) =>
  new DomainError('VALIDASI', message, issues);
export const konflik = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('KONFLIK', message, [], details);
export const tidakDitemukan = (message: string) => new DomainError('TIDAK_DITEMUKAN', message);
export const dilarang = (message: string) => new DomainError('DILARANG', message);
