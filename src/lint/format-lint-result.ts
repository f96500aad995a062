import { plural } from '../_lib/plural.js';
import type { LintResult } from './lint-policy.js';

/**
 * Formats a {@link LintResult} for a terminal: the source, then one line per diagnostic
 * (severity, path, message, code), then the counts.
 * @param result - What {@link lintPolicy} returned.
 * @param source - How to name the policy (a file name).
 * @returns Lines separated by `\n`, ending with a newline.
 * @example
 * ```ts
 * process.stdout.write(formatLintResult(lintPolicy(document), 'policy.json'));
 * // policy.json
 * //   error  rules[0].conditions.all[0].fact  Unknown fact "dayPastDue" (did you mean "daysPastDue"?)  unknown_fact
 * //
 * // 1 error, 0 warnings
 * ```
 * @category Lint
 */
export function formatLintResult(result: LintResult, source = 'policy'): string {
  if (result.diagnostics.length === 0) return `${source}: no problems found\n`;
  const width = Math.max(...result.diagnostics.map((d) => (d.path === '' ? 6 : d.path.length)));
  const severity = result.warningCount > 0 ? 7 : 5;
  const lines = result.diagnostics.map((d) => `  ${d.severity.padEnd(severity)}  ${(d.path === '' ? '(root)' : d.path).padEnd(width)}  ${d.message}  ${d.code}`);
  return `${source}\n${lines.join('\n')}\n\n${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')}\n`;
}
