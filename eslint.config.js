// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'docs/api/**', 'coverage/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The pure core: time is an input, nothing is logged, no I/O (STYLE.md §3.6).
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pure core: take `now` as input' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pure core: take `now` as input' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Pure core: no randomness' },
        { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'Pure core: no clocks' },
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Pure core: no environment reads' },
        { name: 'console', message: 'Pure core: report through the trace' },
      ],
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path'], message: 'No I/O in the core; only src/cli may' }] }],
    },
  },
  {
    // `arrears/batch` is a Node-only subpath (worker threads, streams): node: imports are allowed;
    // the rest of the purity rules still apply.
    files: ['src/batch/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // policy/ and compliance/ never import each other: the guard must not be able to consult the policy.
    files: ['src/compliance/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/policy/**', 'node:*'], message: 'The guard never reads the policy' }] }] },
  },
  {
    files: ['src/policy/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/compliance/**', 'node:*'], message: 'The policy never reads the compliance rules' }] }] },
  },
);
