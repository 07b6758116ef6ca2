import {
  AdminInitiateAuthCommand,
  type AdminInitiateAuthCommandOutput,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  AssociateSoftwareTokenCommand,
  type CognitoIdentityProviderClient,
  type ContextDataType,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { accountLogPut } from '../data/accounts.js';
import {
  consumeChallenge,
  createChallenge,
  getChallenge,
  recordWrongCode,
  type SignInChallenge,
} from '../data/sign-in-challenges.js';
import { putItem } from '../data/write.js';
import type { Deps } from '../runtime/deps.js';
import type { PasswordChangeOutcome, SignInContext, SignInOutcome } from './authenticator.js';
import { activePrincipal } from './profiles.js';
import { TOTP_CODE } from './totp.js';

/**
 * The cloud's steps after the password: the TOTP code, setting TOTP up (which BKPSDM admins
 * must do before their first session), and the password change. cognito.ts calls them.
 */
export interface CognitoCalls {
  client: CognitoIdentityProviderClient;
  userPoolId: string;
  clientId: string;
  deps: () => Deps;
}

const nameOf = (err: unknown) => (err instanceof Error ? err.name : 'Unknown');

/**
 * Cognito's own lockout (five failures, then a doubling wait of up to about 15 minutes) speaks
 * only through this message; everything else NotAuthorized means a wrong password.
 */
export const attemptsExceeded = (err: unknown) =>
  nameOf(err) === 'NotAuthorizedException' && /password attempts exceeded/i.test((err as Error).message);

export function contextData(ctx: SignInContext): ContextDataType {
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
const withContext = (ctx?: SignInContext) => (ctx ? { ContextData: contextData(ctx) } : {});

/**
 * Tokens in hand: the profile decides. An inactive person is told so only now, after the whole
 * proof. An admin without TOTP sets it up before getting a session (the pool's MFA is optional
 * for the 6,000 employees, required by the app for the few who run it).
 */
export async function afterTokens(
  calls: CognitoCalls,
  nip: string,
  accessToken: string | undefined,
): Promise<SignInOutcome> {
  const principal = await activePrincipal(calls.deps(), nip);
  if (!principal) return { ok: false, reason: 'INACTIVE' };
  if (principal.admin && accessToken) return beginTotpSetup(calls, nip, { accessToken });
  return { ok: true, principal };
}

/** What AdminInitiateAuth or a challenge answer handed back, as the next step for the form. */
export async function nextStep(
  calls: CognitoCalls,
  nip: string,
  out: Pick<AdminInitiateAuthCommandOutput, 'AuthenticationResult' | 'ChallengeName' | 'Session'>,
): Promise<SignInOutcome> {
  // The tokens are not kept: the web form runs on our own session.
  if (out.AuthenticationResult) return afterTokens(calls, nip, out.AuthenticationResult.AccessToken);
  const session = out.Session;
  switch (out.ChallengeName) {
    case 'NEW_PASSWORD_REQUIRED':
      return { ok: false, reason: 'NEW_PASSWORD_REQUIRED', ...(session ? { session } : {}) };
    case 'SOFTWARE_TOKEN_MFA':
      return session ? { ok: false, reason: 'MFA_REQUIRED', session } : { ok: false, reason: 'UNAVAILABLE' };
    case 'MFA_SETUP':
      // Only when the pool's MFA is made REQUIRED: everyone then sets it up at sign-in.
      return session
        ? beginTotpSetup(calls, nip, { cognitoSession: session })
        : { ok: false, reason: 'UNAVAILABLE' };
    default:
      // Any other challenge (SMS, custom auth, device tracking) is not configured on our client.
      return { ok: false, reason: 'UNAVAILABLE' };
  }
}

/**
 * A new secret from Cognito, kept with what proves the user (access token or MFA_SETUP
 * session) in a sign-in challenge item; the page gets the challenge's id and the secret only.
 */
async function beginTotpSetup(
  calls: CognitoCalls,
  nip: string,
  proof: { accessToken: string } | { cognitoSession: string },
): Promise<SignInOutcome> {
  let out;
  try {
    out = await calls.client.send(
      new AssociateSoftwareTokenCommand(
        'accessToken' in proof ? { AccessToken: proof.accessToken } : { Session: proof.cognitoSession },
      ),
    );
  } catch (err) {
    console.error(`Cognito AssociateSoftwareToken failed: ${nameOf(err)}`);
    return { ok: false, reason: 'UNAVAILABLE' };
  }
  if (!out.SecretCode) return { ok: false, reason: 'UNAVAILABLE' };
  const challenge = await createChallenge(calls.deps(), {
    nip,
    kind: 'TOTP_SETUP',
    secret: out.SecretCode,
    ...('accessToken' in proof
      ? { accessToken: proof.accessToken }
      : { cognitoSession: out.Session ?? proof.cognitoSession }),
  });
  return { ok: false, reason: 'MFA_SETUP_REQUIRED', session: challenge.id, secret: out.SecretCode };
}

const WRONG_CODE_EXCEPTIONS = new Set([
  'CodeMismatchException',
  'EnableSoftwareTokenMFAException',
  'ExpiredCodeException',
  'InvalidParameterException',
]);

/** The first code confirms the app; then TOTP becomes the user's preferred (and only) factor. */
export async function completeTotpSetup(
  calls: CognitoCalls,
  nip: string,
  id: string,
  code: string,
  context?: SignInContext,
): Promise<SignInOutcome> {
  const deps = calls.deps();
  const challenge = await getChallenge(deps, id, nip, 'TOTP_SETUP');
  if (!challenge) return { ok: false, reason: 'SESSION_EXPIRED' };
  const wrong = async (): Promise<SignInOutcome> =>
    (await recordWrongCode(deps, id))
      ? {
          ok: false,
          reason: 'WRONG_CODE',
          session: id,
          ...(challenge.secret ? { secret: challenge.secret } : {}),
        }
      : { ok: false, reason: 'SESSION_EXPIRED' };
  // A typo is not a guess: shown back without asking Cognito or counting it.
  if (!TOTP_CODE.test(code))
    return {
      ok: false,
      reason: 'WRONG_CODE',
      session: id,
      ...(challenge.secret ? { secret: challenge.secret } : {}),
    };
  let verified;
  try {
    verified = await calls.client.send(
      new VerifySoftwareTokenCommand({
        ...proofOf(challenge),
        UserCode: code,
        FriendlyDeviceName: 'Kinerja ASN Kota Serang',
      }),
    );
  } catch (err) {
    if (WRONG_CODE_EXCEPTIONS.has(nameOf(err))) return wrong();
    if (nameOf(err) === 'NotAuthorizedException') return { ok: false, reason: 'SESSION_EXPIRED' };
    console.error(`Cognito VerifySoftwareToken failed: ${nameOf(err)}`);
    return { ok: false, reason: 'UNAVAILABLE' };
  }
  if (verified.Status !== 'SUCCESS') return wrong();
  if (!(await consumeChallenge(deps, id))) return { ok: false, reason: 'SESSION_EXPIRED' };
  try {
    if (challenge.cognitoSession) {
      // The MFA_SETUP challenge is answered with the session VerifySoftwareToken handed back.
      const out = await calls.client.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: calls.userPoolId,
          ClientId: calls.clientId,
          ChallengeName: 'MFA_SETUP',
          Session: verified.Session,
          ChallengeResponses: { USERNAME: nip },
          ...withContext(context),
        }),
      );
      if (!out.AuthenticationResult) return { ok: false, reason: 'UNAVAILABLE' };
    }
    await calls.client.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: calls.userPoolId,
        Username: nip,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
  } catch (err) {
    console.error(`Cognito TOTP setup failed: ${nameOf(err)}`);
    return { ok: false, reason: 'UNAVAILABLE' };
  }
  await putItem(
    deps,
    accountLogPut(deps, {
      nip,
      at: deps.now().toISOString(),
      action: 'VERIFIKASI_DUA_LANGKAH_DIAKTIFKAN',
      detail: {},
    }),
  );
  const principal = await activePrincipal(deps, nip);
  return principal ? { ok: true, principal } : { ok: false, reason: 'INACTIVE' };
}

const proofOf = (c: SignInChallenge) =>
  c.accessToken ? { AccessToken: c.accessToken } : { Session: c.cognitoSession ?? '' };

/** The code of an account with TOTP (SOFTWARE_TOKEN_MFA), with the user's context for threat protection. */
export async function respondToTotp(
  calls: CognitoCalls,
  nip: string,
  session: string,
  code: string,
  context?: SignInContext,
): Promise<SignInOutcome> {
  if (!session) return { ok: false, reason: 'SESSION_EXPIRED' };
  if (!TOTP_CODE.test(code)) return { ok: false, reason: 'WRONG_CODE', session };
  let out;
  try {
    out = await calls.client.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: calls.userPoolId,
        ClientId: calls.clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: session,
        ChallengeResponses: { USERNAME: nip, SOFTWARE_TOKEN_MFA_CODE: code },
        ...withContext(context),
      }),
    );
  } catch (err) {
    const name = nameOf(err);
    // A wrong code leaves Cognito's challenge standing: the same session may try again.
    if (name === 'CodeMismatchException' || name === 'ExpiredCodeException')
      return { ok: false, reason: 'WRONG_CODE', session };
    if (attemptsExceeded(err) || name === 'TooManyFailedAttemptsException')
      return { ok: false, reason: 'THROTTLED' };
    // Expired (3 minutes), already used, or for another user.
    if (name === 'NotAuthorizedException') return { ok: false, reason: 'SESSION_EXPIRED' };
    console.error(`Cognito TOTP challenge failed: ${name}`);
    return { ok: false, reason: 'UNAVAILABLE' };
  }
  // The account has TOTP already: no setup step follows, whatever the role.
  if (out.AuthenticationResult) return afterTokens(calls, nip, undefined);
  return nextStep(calls, nip, out);
}

/**
 * The current password is proved the way sign-in proves it (AdminInitiateAuth, so Cognito's
 * lockout and threat protection count it); a challenge in reply also means it was right. Then
 * the new one is set permanent, and every refresh token of the person is revoked.
 */
export async function changePassword(
  calls: CognitoCalls,
  nip: string,
  oldPassword: string,
  newPassword: string,
  context?: SignInContext,
): Promise<PasswordChangeOutcome> {
  try {
    await calls.client.send(
      new AdminInitiateAuthCommand({
        UserPoolId: calls.userPoolId,
        ClientId: calls.clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: nip, PASSWORD: oldPassword },
        ...withContext(context),
      }),
    );
  } catch (err) {
    if (attemptsExceeded(err)) return { ok: false, reason: 'THROTTLED' };
    const name = nameOf(err);
    if (name === 'NotAuthorizedException' || name === 'UserNotFoundException')
      return { ok: false, reason: 'INVALID_CREDENTIALS' };
    console.error(`Cognito password check failed: ${name}`);
    return { ok: false, reason: 'UNAVAILABLE' };
  }
  try {
    await calls.client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: calls.userPoolId,
        Username: nip,
        Password: newPassword,
        Permanent: true,
      }),
    );
  } catch (err) {
    if (nameOf(err) === 'InvalidPasswordException')
      return { ok: false, reason: 'WEAK_PASSWORD', message: (err as Error).message };
    console.error(`Cognito AdminSetUserPassword failed: ${nameOf(err)}`);
    return { ok: false, reason: 'UNAVAILABLE' };
  }
  const deps = calls.deps();
  await putItem(
    deps,
    accountLogPut(deps, { nip, at: deps.now().toISOString(), action: 'KATA_SANDI_DIGANTI', detail: {} }),
  );
  try {
    await calls.client.send(
      new AdminUserGlobalSignOutCommand({ UserPoolId: calls.userPoolId, Username: nip }),
    );
  } catch (err) {
    // The password is changed already; the web sessions are ended by the caller either way.
    console.error(`Cognito AdminUserGlobalSignOut failed: ${nameOf(err)}`);
  }
  return { ok: true };
}
