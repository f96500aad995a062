import { Engine, type RuleProperties } from 'json-rules-engine';
import type { Issue } from '../errors.js';
import type { PolicyRule } from '../policy/load-policy.js';
import { formatPath } from '../_lib/format-path.js';

/**
 * Portability: json-rules-engine itself must accept every rule `loadPolicy` accepted, so that the
 * policy still runs in any json-rules-engine tool. Our checks are stricter than the engine's, so
 * this never finds anything unless one of them has a bug. It lives in `arrears/lint` (and in the
 * differential tests) rather than in `loadPolicy`, which would otherwise load json-rules-engine
 * into every cold start only to construct and drop an `Engine`.
 */
export function engineIssues(rules: readonly PolicyRule[], prefix: readonly PropertyKey[]): Issue[] {
  const issues: Issue[] = [];
  const rejected = (path: readonly PropertyKey[], message: string) => issues.push({ code: 'engine_rejected', path: formatPath(path), message });
  // json-rules-engine writes to the objects it is given (condition priorities): hand it its own copy.
  const copies = JSON.parse(JSON.stringify(rules)) as RuleProperties[];
  try {
    new Engine(copies, { allowUndefinedFacts: false });
  } catch {
    // Find the rules it refuses, one by one, so that each issue has a path.
    const engine = new Engine([], { allowUndefinedFacts: false });
    copies.forEach((rule, i) => {
      try {
        engine.addRule(rule);
      } catch (error) {
        const detail = error instanceof Error ? error.message.replace(/\.$/, '') : 'unknown error';
        rejected([...prefix, i], `json-rules-engine rejected the rule: ${detail}`);
      }
    });
    if (issues.length === 0) rejected(prefix, 'json-rules-engine rejected the policy');
  }
  return issues;
}
