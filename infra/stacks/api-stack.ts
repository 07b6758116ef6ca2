import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpStage, type CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { grantTableAccess } from '../grants.js';
import { nodeFunction } from '../lambda.js';
import { acknowledge, REASONS } from '../nag.js';

export interface ApiStackProps extends StackProps {
  table: ITableV2;
  evaluationMachineArn: string;
}

/**
 * The HTTP API. Until Cognito sign-in lands, only GET /health is routed: API Gateway answers
 * 404 to everything else, and the function itself refuses every session (AUTH_MODE=cloud).
 */
export class ApiStack extends Stack {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const fn = nodeFunction(this, 'Api', 'functions/api/lambda.ts', {
      TABLE_NAME: props.table.tableName,
      EVALUATION_STATE_MACHINE_ARN: props.evaluationMachineArn,
      AUTH_MODE: 'cloud',
    });
    grantTableAccess(fn, props.table);
    acknowledge(
      fn,
      'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      REASONS.basicExecutionRole,
    );
    acknowledge(fn, 'IAM5[Resource::*]', REASONS.xray);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
        resources: [props.evaluationMachineArn],
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
    const route = this.api.addRoutes({
      path: '/health',
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration('Health', fn),
    });

    for (const r of route) {
      acknowledge(
        r,
        'APIG4',
        'GET /health is deliberately public: it reports liveness only and reads no data. It is the only route until Cognito sign-in is added.',
      );
    }
  }
}
