import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpStage, type CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { grantTableAccess } from '../grants.js';
import { API_BUNDLING, BUNDLING, nodeFunction } from '../lambda.js';
import { acknowledge, acknowledgeFunctionBaseline, REASONS } from '../nag.js';

export interface ApiStackProps extends StackProps {
  table: ITableV2;
  evaluationMachineArn: string;
  /** BKPSDM launches cycles from the admin pages and reads the launch's status. */
  cycleLaunch: { name: string; arn: string; executions: string };
  /** BKPSDM's close starts the stopping of the cycle's executions. */
  cycleClose: { name: string; arn: string };
  userPool: IUserPool;
  userPoolClient: IUserPoolClient;
  sessionSecret: ISecret;
}

/**
 * The HTTP API: every path goes to the one Hono function, which authenticates by itself
 * (signed session cookie for the web form, Cognito access tokens for API clients).
 */
export class ApiStack extends Stack {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const environment = {
      TABLE_NAME: props.table.tableName,
      EVALUATION_STATE_MACHINE_ARN: props.evaluationMachineArn,
      AUTH_MODE: 'cloud',
      USER_POOL_ID: props.userPool.userPoolId,
      USER_POOL_CLIENT_ID: props.userPoolClient.userPoolClientId,
      SESSION_SECRET_ARN: props.sessionSecret.secretArn,
    };
    // The same app twice: the roster pages need the XLSX library (~1 MB), which stays out of
    // the function that serves every other request and its cold start.
    const fn = this.appFunction('Api', environment, API_BUNDLING, props);
    const rosterFn = this.appFunction('RosterApi', environment, BUNDLING, props);
    // Only the main function serves the cycle pages: it launches and reads a launch's status.
    fn.addEnvironment('CYCLE_LAUNCH_STATE_MACHINE_ARN', props.cycleLaunch.arn);
    fn.addEnvironment('CYCLE_CLOSE_STATE_MACHINE_ARN', props.cycleClose.arn);
    // Launching a cycle, restarting a failed evaluation at its recorded stage, and after a
    // close stopping the cycle's executions (BKPSDM).
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:StartExecution'],
        resources: [props.cycleLaunch.arn, props.evaluationMachineArn, props.cycleClose.arn],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:DescribeExecution'],
        resources: [props.cycleLaunch.executions],
      }),
    );
    acknowledge(
      fn,
      `IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${props.cycleLaunch.name}:*]`,
      REASONS.launchExecutions,
    );
    rosterFn.addToRolePolicy(
      new PolicyStatement({
        actions: [
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminDisableUser',
          'cognito-idp:AdminEnableUser',
        ],
        resources: [props.userPool.userPoolArn],
      }),
    );

    this.api = new HttpApi(this, 'Http', {
      createDefaultStage: false,
      description: 'Kinerja ASN Kota Serang',
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
    });
    const cfnStage = stage.node.defaultChild as CfnStage;
    cfnStage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        ip: '$context.identity.sourceIp',
        time: '$context.requestTime',
        method: '$context.httpMethod',
        path: '$context.path',
        status: '$context.status',
        latency: '$context.responseLatency',
      }),
    };
    const integration = new HttpLambdaIntegration('App', fn);
    const rosterIntegration = new HttpLambdaIntegration('Roster', rosterFn);
    const routes = [
      { path: '/', integration },
      { path: '/{proxy+}', integration },
      // More specific than /{proxy+}: API Gateway sends the roster pages to the roster function.
      { path: '/admin/roster/{proxy+}', integration: rosterIntegration },
    ];
    for (const r of routes) {
      for (const route of this.api.addRoutes({
        path: r.path,
        methods: [HttpMethod.ANY],
        integration: r.integration,
      })) {
        acknowledge(
          route,
          'APIG4',
          'The routes are public on purpose: the function authenticates every request itself (HMAC-signed session cookie with CSRF tokens for the web form, Cognito access tokens verified with aws-jwt-verify for API clients), and the sign-in page, /health and the API reference must be reachable without a token, so an API Gateway JWT authorizer cannot front them.',
        );
      }
    }
  }

  private appFunction(
    id: string,
    environment: Record<string, string>,
    bundling: typeof BUNDLING | typeof API_BUNDLING,
    props: ApiStackProps,
  ) {
    const fn = nodeFunction(this, id, 'functions/api/lambda.ts', environment, bundling);
    grantTableAccess(fn, props.table);
    acknowledgeFunctionBaseline(fn);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
        resources: [props.evaluationMachineArn],
      }),
    );
    // Exactly what sign-in needs: the server-side password check and its challenges (new
    // password, TOTP), turning TOTP on after its setup, the password change with the sign-out of
    // every refresh token; and reading the signing key at init (encrypted with the AWS-managed
    // key, so no KMS grant is needed). AssociateSoftwareToken and VerifySoftwareToken are
    // authorised by the user's own token or session, not by IAM.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: [
          'cognito-idp:AdminInitiateAuth',
          'cognito-idp:AdminRespondToAuthChallenge',
          'cognito-idp:AdminSetUserMFAPreference',
          'cognito-idp:AdminSetUserPassword',
          'cognito-idp:AdminUserGlobalSignOut',
        ],
        resources: [props.userPool.userPoolArn],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['secretsmanager:GetSecretValue'],
        resources: [props.sessionSecret.secretArn],
      }),
    );
    return fn;
  }
}
