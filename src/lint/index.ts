/**
 * `arrears/lint`: policy lint for editors, CI and the `arrears lint` command. Errors say why a
 * policy does not load and how to fix it; warnings say where it loads but probably does not do
 * what its author meant.
 * @packageDocumentation
 * @module arrears/lint
 */
export { lintPolicy } from './lint-policy.js';
export { formatLintResult } from './format-lint-result.js';

export type { Diagnostic, DiagnosticSeverity, LintOptions, LintResult } from './lint-policy.js';
