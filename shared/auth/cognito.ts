import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  type AdminInitiateAuthCommandOutput,
  CognitoIdentityProviderClient,
  type ContextDataType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../runtime/deps.js';
import type { Authenticator, SignInContext, SignInFailure, SignInOutcome } from './authenticator.js';
import { type BearerOptions, nipFromAccessToken } from './bearer.js';
import { activePrincipal, principalCache } from './profiles.js';

export type { SignInFailure, SignInOutcome } from './authenticator.js';

export interface CognitoOptions extends BearerOptions {
  deps: () => Deps;
  client?: CognitoIdentityProviderClient;
}

const NIP = /^\d{18}$/;
/** Cognito rejects longer passwords anyway; refuse before spending a call on them. */
const MAX_PASSWORD = 256;

const FAILURE_BY_EXCEPTION: Record<string, SignInFailure> = {
  NotAuthorizedException: 'INVALID_CREDENTIALS',
  UserNotFoundException: 'INVALID_CREDENTIALS',
  UserNotConfirmedException: 'INVALID_CREDENTIALS',
  InvalidParameterException: 'INVALID_CREDENTIALS',
  PasswordResetRequiredException: 'PASSWORD_RESET_REQUIRED',
};

function failureOfChallenge(name: AdminInitiateAuthCommandOutput['ChallengeName']): SignInFailure {
  if (name === 'NEW_PASSWORD_REQUIRED') return 'NEW_PASSWORD_REQUIRED';
  if (name && /MFA/.test(name)) return 'MFA_REQUIRED';
  // Any other challenge (custom auth, device tracking) is not configured on our client.
  return 'UNAVAILABLE';
}

function contextData(ctx: SignInContext): ContextDataType {
  return {
    IpAddress: ctx.ip,
    ServerName: ctx.serverName,
    ServerPath: ctx.serverPath,
    HttpHeaders: Object.entries(ctx.headers).map(([headerName, headerValue]) => ({
      headerName,
      headerValue,
    })),
  };
}

/**
 * The cloud authenticator. The web form signs in server-side with AdminInitiateAuth
 * (ADMIN_USER_PASSWORD_AUTH): the call is authorised by the function's IAM role, so the app
 * client needs no secret and the public password flow stays disabled. API clients bring
 * access tokens of the same app client (obtained with SRP) as bearer tokens.
 */
export function cognitoAuthenticator(options: CognitoOptions): Authenticator & {
  attemptSignIn(nip: string, password: string, context?: SignInContext): Promise<SignInOutcome>;
  completeNewPassword(
    nip: string,
    session: string,
    newPassword: string,
    context?: SignInContext,
  ): Promise<SignInOutcome>;
} {
  const client = options.client ?? new CognitoIdentityProviderClient({});
  const nipOf = nipFromAccessToken(options);
  const cachedPrincipal = principalCache(options.deps);

  async function attemptSignIn(
    nip: string,
    password: string,
    context?: SignInContext,
  ): Promise<SignInOutcome> {
    if (!NIP.test(nip) || !password || password.length > MAX_PASSWORD)
      return { ok: false, reason: 'INVALID_CREDENTIALS' };
    let out: AdminInitiateAuthCommandOutput;
    try {
      out = await client.send(
        new AdminInitiateAuthCommand({
          UserPoolId: options.userPoolId,
          ClientId: options.clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: nip, PASSWORD: password },
          ...(context ? { ContextData: contextData(context) } : {}),
        }),
      );
    } catch (err) {
      const name = err instanceof Error ? err.name : 'Unknown';
      const reason = FAILURE_BY_EXCEPTION[name] ?? 'UNAVAILABLE';
      // Never log the password or the message (it may echo input); the name is enough.
      if (reason === 'UNAVAILABLE') console.error(`Cognito sign-in failed: ${name}`);
      return { ok: false, reason };
    }
    // The tokens are not kept: the web form runs on our own signed session cookie.
    if (!out.AuthenticationResult) {
      const reason = failureOfChallenge(out.ChallengeName);
      return {
        ok: false,
        reason,
        ...(reason === 'NEW_PASSWORD_REQUIRED' && out.Session ? { session: out.Session } : {}),
      };
    }
    const principal = await activePrincipal(options.deps(), nip);
    return principal ? { ok: true, principal } : { ok: false, reason: 'INACTIVE' };
  }

  /** The second step of a first sign-in: the temporary password is replaced by the user's own. */
  async function completeNewPassword(
    nip: string,
    session: string,
    newPassword: string,
    context?: SignInContext,
  ): Promise<SignInOutcome> {
    if (!NIP.test(nip) || !session || !newPassword || newPassword.length > MAX_PASSWORD)
      return { ok: false, reason: 'INVALID_CREDENTIALS' };
    let out;
    try {
      out = await client.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: options.userPoolId,
          ClientId: options.clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: session,
          ChallengeResponses: { USERNAME: nip, NEW_PASSWORD: newPassword },
          ...(context ? { ContextData: contextData(context) } : {}),
        }),
      );
    } catch (err) {
      const name = err instanceof Error ? err.name : 'Unknown';
      if (name === 'InvalidPasswordException')
        return { ok: false, reason: 'WEAK_PASSWORD', session, message: (err as Error).message };
      // An expired challenge session (3 minutes) is NotAuthorizedException: start over.
      const reason = FAILURE_BY_EXCEPTION[name] ?? 'UNAVAILABLE';
      if (reason === 'UNAVAILABLE') console.error(`Cognito new-password challenge failed: ${name}`);
      return { ok: false, reason };
    }
    if (!out.AuthenticationResult) return { ok: false, reason: failureOfChallenge(out.ChallengeName) };
    const principal = await activePrincipal(options.deps(), nip);
    return principal ? { ok: true, principal } : { ok: false, reason: 'INACTIVE' };
  }

  return {
    mode: 'cloud',
    attemptSignIn,
    completeNewPassword,
    async signIn(nip, password, context) {
      const outcome = await attemptSignIn(nip, password, context);
      return outcome.ok ? outcome.principal : null;
    },
    async verifyBearer(token) {
      const nip = await nipOf(token);
      return nip ? cachedPrincipal(nip) : null;
    },
  };
}
