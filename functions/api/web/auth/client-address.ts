import type { Context } from 'hono';
import type { SignInContext } from '../../../../shared/auth/authenticator.js';
import type { AppEnv } from '../../http/env.js';
import { signInContext } from '../../http/session.js';

type NodeEnv = { incoming?: { socket?: { remoteAddress?: string } } };

/**
 * The sign-in's context for the authenticator. On Lambda it is the one http/session.ts builds
 * from the API Gateway event (for Cognito). Under `npm start` (@hono/node-server) it is the
 * socket's peer address, which local throttling counts by. Never X-Forwarded-For: the client
 * writes that header itself, so trusting it would let anyone pick the address they are counted as.
 * In-process test requests without an env have no address and are throttled by NIP only.
 */
export function signInContextOf(c: Context<AppEnv>): SignInContext | undefined {
  const lambda = signInContext(c);
  if (lambda) return lambda;
  const ip = (c.env as NodeEnv | undefined)?.incoming?.socket?.remoteAddress;
  return ip ? { ip, serverName: c.req.header('host') ?? '', serverPath: c.req.path, headers: {} } : undefined;
}
