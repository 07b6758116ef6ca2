import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { TABLE } from '../shared/data/table.js';

const ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];

/**
 * The table and each named index, instead of CDK's `index/*` grant: no wildcard, and no
 * Scan, which no request path may use.
 */
export function grantTableAccess(fn: IFunction, table: ITableV2): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ACTIONS,
      resources: [
        table.tableArn,
        ...Object.values(TABLE.indexes).map((i) => `${table.tableArn}/index/${i.name}`),
      ],
    }),
  );
}

/**
 * What stopping a closed cycle's executions needs: listing the EmployeeEvaluation machine's
 * executions and stopping them. Execution names are chosen at run time (`<cycle>-<nip>…`), so
 * StopExecution names that one machine's executions with a wildcard (acknowledged where used).
 */
export function grantStopEvaluations(
  fn: IFunction,
  evaluationMachine: { arn: string; executions: string },
): void {
  fn.addToRolePolicy(
    new PolicyStatement({ actions: ['states:ListExecutions'], resources: [evaluationMachine.arn] }),
  );
  fn.addToRolePolicy(
    new PolicyStatement({ actions: ['states:StopExecution'], resources: [evaluationMachine.executions] }),
  );
}
