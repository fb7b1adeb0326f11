// Lint is where the architecture's determinism boundaries are enforced:
//   domain/    pure: no @temporalio, no node built-ins, no I/O libraries, no clock, no randomness;
//   workflows/ deterministic sandbox: no node built-ins, no I/O libraries;
//   everywhere: no floating promises.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
// Exact names (`paths`), not gitignore-style patterns: a pattern "domain/*" would also match "../domain/x".
const nodeBuiltinPaths = nodeBuiltins.map((name) => ({
  name,
  message: `Node built-in "${name}" is not allowed here (determinism boundary).`,
}));
const nodeBuiltinPatterns = [
  { group: ['node:*'], message: 'Node built-ins are not allowed here (determinism boundary).' },
];
const ioLibraries = ['better-sqlite3', 'pg', 'nodemailer', 'fastify', 'undici', 'axios'].map((name) => ({
  group: [name, `${name}/*`],
  message: `I/O library "${name}" belongs in activities/ or client/, not here.`,
}));
const clockAndRandom = [
  {
    selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='now']",
    message: 'domain/ takes time as a parameter (`now`), never reads the clock.',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'domain/ takes time as a parameter (`now`), never reads the clock.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'domain/ takes time as a parameter (`now`), never reads the clock.',
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'domain/ is deterministic: pass a seed, never call Math.random().',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.edaran/**',
      'coverage/**',
      'test-artifacts/**',
      'test/lint-fixtures/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['test/lint-fixtures/*/*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: nodeBuiltinPaths, patterns: [...nodeBuiltinPatterns, ...ioLibraries] },
      ],
    },
  },
  {
    files: ['**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinPaths,
          patterns: [
            { group: ['@temporalio/*'], message: 'domain/ is pure: no @temporalio imports.' },
            ...nodeBuiltinPatterns,
            ...ioLibraries,
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...clockAndRandom],
    },
  },
  prettier,
);
