import tseslint from 'typescript-eslint';

// Boundaries written down as rules (docs/architecture.md explains them):
// - no app imports another app's files (the CLI composes the api and runner through their one
//   entry point each, @lastmile/api-app and @lastmile/runner-app); libs never import apps;
// - libs/metrics and libs/monitoring stay pure (no I/O, no framework);
// - SQL and TypeORM live in libs/persistence only (the stores and the migrations);
// - only libs/config reads process.env.
const TESTS = ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/testing/**', '**/*.fixture.ts'];
const APPS = ['api', 'runner', 'cli'];

const IO_MODULES = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'child_process',
  'node:child_process',
  'net',
  'node:net',
  'http',
  'node:http',
  'https',
  'node:https',
  'dns',
  'node:dns',
  'bullmq',
  'ioredis',
  '@lastmile/persistence',
  '@lastmile/adapters',
  '@lastmile/evaluation',
  '@lastmile/queue',
  '@lastmile/telemetry',
];

const noApps = { group: ['**/apps/**', '@lastmile/*-app'], message: 'libs never import apps' };
const noTypeorm = [
  {
    name: 'typeorm',
    message: 'TypeORM lives in libs/persistence: use the Database and its stores',
    allowTypeImports: true,
  },
  { name: 'pg', message: 'SQL lives in libs/persistence' },
];

/** One no-restricted-imports setting per area: a later config would replace, not merge, it. */
const restrictImports = ({ paths = [], patterns = [] }) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
});

const pure = (lib, why) => ({
  files: [`libs/${lib}/src/**/*.ts`],
  ignores: TESTS,
  rules: restrictImports({
    paths: [
      ...noTypeorm,
      ...IO_MODULES.map((name) => ({ name, message: why, allowTypeImports: true })),
    ],
    patterns: [noApps, { group: ['@nestjs/*'], message: why }],
  }),
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'dashboards/generated/**', '.lastmile/**', 'bin/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  // Apps: no app → app imports (the CLI alone composes apps, through their entry points); no TypeORM.
  ...APPS.map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    ignores: TESTS,
    rules: restrictImports({
      paths: noTypeorm,
      patterns: [
        {
          group: APPS.filter((other) => other !== app).map((other) => `**/${other}/src/**`),
          message: "apps never import another app's files (use a lib, or the CLI's composition)",
        },
        ...(app === 'cli'
          ? []
          : [
              {
                group: ['@lastmile/api-app', '@lastmile/runner-app'],
                message: 'only the CLI composes apps',
              },
            ]),
      ],
    }),
  })),
  // Libs never import apps, nor TypeORM outside libs/persistence.
  {
    files: ['libs/**/*.ts'],
    ignores: [...TESTS, 'libs/persistence/src/**'],
    rules: restrictImports({ paths: noTypeorm, patterns: [noApps] }),
  },
  { files: ['libs/persistence/src/**/*.ts'], rules: restrictImports({ patterns: [noApps] }) },
  // Pure libraries: functions in, numbers out.
  pure('metrics', 'libs/metrics is pure: no I/O, no framework, no lastmile lib with I/O'),
  pure(
    'monitoring',
    'libs/monitoring is pure rules: its I/O is in libs/persistence stores and libs/evaluation',
  ),
  // SQL only in the stores.
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [...TESTS, 'libs/persistence/src/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(query|getRepository|createQueryBuilder)$/]',
          message: 'SQL lives in libs/persistence stores: call a store method instead',
        },
      ],
    },
  },
  // Settings only through the validated configuration.
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [...TESTS, 'libs/config/src/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            'read settings through @lastmile/config (loadConfig; processEnv for the raw few)',
        },
      ],
    },
  },
);
