import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  type AdminInitiateAuthCommandOutput,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../runtime/deps.js';
import type {
  Authenticator,
  PasswordChangeOutcome,
  SignInContext,
  SignInFailure,
  SignInOutcome,
} from './authenticator.js';
import { type BearerOptions, bearerAccess } from './bearer.js';
import * as steps from './cognito-steps.js';

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

const { contextData } = steps;

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
  respondToTotp(nip: string, session: string, code: string, context?: SignInContext): Promise<SignInOutcome>;
  completeTotpSetup(
    nip: string,
    session: string,
    code: string,
    context?: SignInContext,
  ): Promise<SignInOutcome>;
  changePassword(
    nip: string,
    oldPassword: string,
    newPassword: string,
    context?: SignInContext,
  ): Promise<PasswordChangeOutcome>;
} {
  const client = options.client ?? new CognitoIdentityProviderClient({});
  const calls: steps.CognitoCalls = {
    client,
    userPoolId: options.userPoolId,
    clientId: options.clientId,
    deps: options.deps,
  };
  const bearer = bearerAccess({ ...options, client });

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
      // Cognito's lockout does the throttling in the cloud; it is not a wrong password.
      if (steps.attemptsExceeded(err)) return { ok: false, reason: 'THROTTLED' };
      const name = err instanceof Error ? err.name : 'Unknown';
      const reason = FAILURE_BY_EXCEPTION[name] ?? 'UNAVAILABLE';
      // Never log the password or the message (it may echo input); the name is enough.
      if (reason === 'UNAVAILABLE') console.error(`Cognito sign-in failed: ${name}`);
      return { ok: false, reason };
    }
    return steps.nextStep(calls, nip, out);
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
    return steps.nextStep(calls, nip, out);
  }

  return {
    mode: 'cloud',
    attemptSignIn,
    completeNewPassword,
    respondToTotp: (nip, session, code, context) => steps.respondToTotp(calls, nip, session, code, context),
    completeTotpSetup: (nip, session, code, context) =>
      steps.completeTotpSetup(calls, nip, session, code, context),
    changePassword: (nip, oldPassword, newPassword, context) =>
      NIP.test(nip) && oldPassword && oldPassword.length <= MAX_PASSWORD && newPassword.length <= MAX_PASSWORD
        ? steps.changePassword(calls, nip, oldPassword, newPassword, context)
        : Promise.resolve({ ok: false, reason: 'INVALID_CREDENTIALS' }),
    async signIn(nip, password, context) {
      const outcome = await attemptSignIn(nip, password, context);
      return outcome.ok ? outcome.principal : null;
    },
    // Bearer tokens: verified, re-checked against the roster and revocable (bearer.ts).
    ...bearer,
  };
}
