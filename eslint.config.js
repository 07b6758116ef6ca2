import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Domain rules stay pure: no AWS, no HTTP, no Node I/O.
    files: ['shared/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@aws-sdk/*', 'aws-cdk-lib', 'aws-cdk-lib/*', 'hono', 'hono/*', 'node:*'] },
      ],
    },
  },
  {
    // App services talk to the data layer (shared/data), never to DynamoDB: no SDK client, no
    // command, no key or condition expression outside it. Step Functions goes through
    // workflow-client.ts, the one app module that holds its client.
    files: ['shared/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aws-sdk/*'],
              message: 'DynamoDB belongs in shared/data/, Step Functions in shared/app/workflow-client.ts.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Property[key.name=/Expression|^TableName$/]',
          message:
            'DynamoDB requests and expressions are built in shared/data/: add a small, named data function.',
        },
      ],
    },
  },
  {
    files: ['shared/app/workflow-client.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aws-sdk/*', '!@aws-sdk/client-sfn'],
              message: 'DynamoDB belongs in shared/data/.',
            },
          ],
        },
      ],
    },
  },
);
