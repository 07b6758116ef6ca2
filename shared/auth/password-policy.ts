/**
 * The password rule the app checks itself, the same on every page that sets one (first sign-in,
 * "Ganti kata sandi") and in both modes. Cognito's pool adds its own (character classes, the
 * last five passwords) and says so when it refuses.
 */
export const MIN_PASSWORD = 12;
/** The forms' maxlength; scrypt and Cognito accept more, nobody types more. */
export const MAX_PASSWORD = 200;
