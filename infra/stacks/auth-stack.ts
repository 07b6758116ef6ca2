import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolRiskConfigurationAttachment,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag.js';

/**
 * Cloud sign-in: one Cognito user pool whose usernames are NIPs, one app client for the API
 * function, and the key that signs the web form's session cookies.
 */
export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly sessionSecret: Secret;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.userPool = new UserPool(this, 'Users', {
      // Accounts come from the roster import (AdminCreateUser); nobody signs themselves up.
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: false, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
        passwordHistorySize: 5,
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      userVerification: {
        emailSubject: 'Kode verifikasi Kinerja ASN Kota Serang',
        emailBody: 'Kode verifikasi Anda untuk aplikasi Kinerja ASN Kota Serang: {####}',
      },
      userInvitation: {
        emailSubject: 'Akun Kinerja ASN Kota Serang',
        emailBody:
          'Akun Anda untuk aplikasi Kinerja ASN Kota Serang sudah dibuat. NIP: {username}. Kata sandi sementara: {####}. Ganti kata sandi saat pertama kali masuk.',
      },
      // Plus plan: threat protection (compromised-credential checks, adaptive risk scoring).
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.userPool,
      'COG2',
      'MFA is optional in the pool (TOTP only, no SMS) by decision: accounts are created in bulk from the roster for every civil servant, many without a smartphone authenticator at enrolment. The app itself requires TOTP of every BKPSDM admin before their first session (AssociateSoftwareToken at sign-in, shared/auth/cognito-steps.ts); threat protection (Plus plan, enforced) blocks compromised credentials and asks risky sign-ins for the code; MFA can be made REQUIRED once enrolment is done (the web form already answers MFA_SETUP).',
    );

    new CfnUserPoolRiskConfigurationAttachment(this, 'RiskConfiguration', {
      userPoolId: this.userPool.userPoolId,
      clientId: 'ALL',
      // Leaked passwords are blocked outright: this check does not depend on where a request comes from.
      compromisedCredentialsRiskConfiguration: {
        eventFilter: ['SIGN_IN', 'PASSWORD_CHANGE'],
        actions: { eventAction: 'BLOCK' },
      },
      // Account-takeover scoring acts: the web form forwards each user's address and browser
      // headers as ContextData (SignInContext), so the risk is the person's and not the API
      // function's, and the form answers the TOTP challenge. A risky sign-in is asked for the
      // code where the user has TOTP; a high-risk one without TOTP is blocked. No e-mail notice
      // (notify): that needs an SES identity of the pool, which deployments set up separately.
      accountTakeoverRiskConfiguration: {
        actions: {
          lowAction: { eventAction: 'NO_ACTION', notify: false },
          mediumAction: { eventAction: 'MFA_IF_CONFIGURED', notify: false },
          highAction: { eventAction: 'MFA_REQUIRED', notify: false },
        },
      },
    });

    this.client = this.userPool.addClient('Web', {
      // ADMIN_USER_PASSWORD_AUTH: the API function signs the web form in with AdminInitiateAuth,
      // authorised by its IAM role. SRP: API clients get tokens without sending the password.
      // The public plain-password flow (USER_PASSWORD_AUTH) stays off.
      authFlows: { adminUserPassword: true, userSrp: true },
      // No secret: the admin flow is already authorised by IAM, and API clients using SRP would
      // have to hold the secret too, which would make it no secret.
      generateSecret: false,
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });

    this.sessionSecret = new Secret(this, 'SessionSigningKey', {
      description: 'Kinerja ASN: HMAC key for session cookies and CSRF tokens of the web form',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    acknowledge(
      this.sessionSecret,
      'SMG4',
      'This is an HMAC key for 8-hour session cookies, not a credential to another service. The API function reads it once per cold start, so an automatic rotation would leave containers with different keys and sign users out at random; rotate it deliberately (new value, then redeploy the API function), which ends every session once.',
    );

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.client.userPoolClientId });
  }
}
