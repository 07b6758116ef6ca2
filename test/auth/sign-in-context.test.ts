import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { signInContext } from '../../functions/api/http/session.js';
import type { AppEnv } from '../../functions/api/http/env.js';
import { denyAll, signInAvailable } from '../../shared/auth/authenticator.js';
import { cognitoAuthenticator } from '../../shared/auth/cognito.js';
import { fakeDeps } from './fake-deps.js';
import { CLIENT_ID, POOL_ID } from './tokens.js';

function contextOf(env?: object) {
  const app = new Hono<AppEnv>();
  app.post('/masuk', (c) => c.json(signInContext(c) ?? null));
  return app.request(
    '/masuk',
    {
      method: 'POST',
      headers: {
        host: 'kinerja.serangkota.go.id',
        'user-agent': 'Firefox',
        cookie: 'kinerja_sesi=secret',
        'x-forwarded-for': '10.0.0.1',
      },
    },
    env,
  );
}

describe('sign-in context for Cognito threat protection', () => {
  it('takes the address from the Lambda event and only harmless headers', async () => {
    const res = await contextOf({ event: { requestContext: { http: { sourceIp: '203.0.113.7' } } } });
    expect(await res.json()).toEqual({
      ip: '203.0.113.7',
      serverName: 'kinerja.serangkota.go.id',
      serverPath: '/masuk',
      headers: { 'user-agent': 'Firefox', host: 'kinerja.serangkota.go.id', 'x-forwarded-for': '10.0.0.1' },
    });
  });
  it('is undefined outside Lambda', async () => {
    expect(await (await contextOf()).json()).toBeNull();
  });
  it('says whether a sign-in form makes sense', () => {
    const { deps } = fakeDeps();
    expect(signInAvailable(denyAll)).toBe(false);
    expect(
      signInAvailable(cognitoAuthenticator({ userPoolId: POOL_ID, clientId: CLIENT_ID, deps: () => deps })),
    ).toBe(true);
  });
});
