import { handle } from 'hono/aws-lambda';
import { denyAll } from '../../shared/auth/authenticator.js';
import { getDeps } from '../../shared/runtime/deps.js';
import { createApp } from './app.js';

// Until Cognito lands there is no way to sign in in the cloud (denyAll), so no session secret
// is needed; the per-container random value just keeps the type honest.
const app = createApp({
  auth: denyAll,
  deps: getDeps,
  sessionSecret: crypto.randomUUID(),
  secureCookies: true,
});

export const handler = handle(app);
