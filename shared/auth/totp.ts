import { Secret, TOTP } from 'otpauth';

/**
 * TOTP as every authenticator app does it by default (RFC 6238: SHA-1, 6 digits, 30 seconds),
 * which is also what Cognito's software tokens use, so one page explains both modes.
 */
const PERIOD_SECONDS = 30;
const ISSUER = 'Kinerja ASN Kota Serang';

export const TOTP_CODE = /^\d{6}$/;
/** 160-bit secrets in base32, as otpauth and Cognito write them. */
export const TOTP_SECRET = /^[A-Z2-7]{32}$/;

const totpOf = (secret: string, nip = '') =>
  new TOTP({
    issuer: ISSUER,
    label: nip,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
  });

/**
 * The time step the code belongs to, or null when it matches none. One step either side is
 * accepted, for a phone whose clock is a little off; the caller refuses a step used before.
 */
export function totpStep(secret: string, code: string, now: Date): number | null {
  if (!TOTP_SECRET.test(secret) || !TOTP_CODE.test(code)) return null;
  const delta = totpOf(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The `otpauth://` address a QR code carries: the app reads issuer, NIP and secret from it. */
export const totpUri = (secret: string, nip: string): string => totpOf(secret, nip).toString();

/** The code an app would show at `now` (the seed's documentation and the tests). */
export const totpCode = (secret: string, now: Date): string =>
  totpOf(secret).generate({ timestamp: now.getTime() });
