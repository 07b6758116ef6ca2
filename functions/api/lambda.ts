import { handle } from 'hono/aws-lambda';
import { randomUUID } from 'node:crypto';
import { denyAll } from '../../shared/auth/authenticator.js';
import { cognitoAuthenticator } from '../../shared/auth/cognito.js';
import { loadSessionSecret } from '../../shared/auth/session-secret.js';
import { getDeps } from '../../shared/runtime/deps.js';
import { createApp } from './app.js';

const env = process.env;
const userPoolId = env.USER_POOL_ID;
if (userPoolId && (!env.USER_POOL_CLIENT_ID || !env.SESSION_SECRET_ARN)) {
  // Signing sessions with a per-container key would log users out at random: refuse to start.
  throw new Error('USER_POOL_ID needs USER_POOL_CLIENT_ID and SESSION_SECRET_ARN');
}

const app = createApp({
  auth: userPoolId
    ? cognitoAuthenticator({ userPoolId, clientId: env.USER_POOL_CLIENT_ID!, deps: getDeps })
    : denyAll,
  deps: getDeps,
  // Without a user pool nobody can sign in, so a per-container key signs nothing that matters.
  sessionSecret: env.SESSION_SECRET_ARN ? await loadSessionSecret(env.SESSION_SECRET_ARN) : randomUUID(),
  secureCookies: true,
});

export const handler = handle(app);
