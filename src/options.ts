import type { Compliance } from './compliance/load-compliance.js';
import { ArrearsValidationError, type Issue } from './errors.js';
import type { Policy } from './policy/load-policy.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Checks that `compliance` came from `loadCompliance` (a raw document is a common slip). */
export function complianceIssue(compliance: unknown): Issue | undefined {
  if (isRecord(compliance) && typeof compliance['hash'] === 'string' && Array.isArray(compliance['rules']) && Array.isArray(compliance['documents'])) return undefined;
  return {
    code: 'invalid_type',
    path: 'compliance',
    message: 'Expected the result of `loadCompliance(…)`; load compliance documents and presets with `loadCompliance` first',
  };
}

/** Checks that `policy` came from `loadPolicy`. */
export function policyIssue(policy: unknown): Issue | undefined {
  if (isRecord(policy) && typeof policy['hash'] === 'string' && Array.isArray(policy['rules']) && Array.isArray(policy['facts'])) return undefined;
  return { code: 'invalid_type', path: 'policy', message: 'Expected the result of `loadPolicy(…)`; load the policy JSON with `loadPolicy` first' };
}

export function assertOptions(options: unknown, needsPolicy: boolean): asserts options is { policy: Policy; compliance: Compliance } {
  if (!isRecord(options)) {
    throw new ArrearsValidationError('options', [{ code: 'invalid_type', path: '', message: `Expected options with ${needsPolicy ? '`policy` and ' : ''}\`compliance\`` }]);
  }
  const issues = [needsPolicy ? policyIssue(options['policy']) : undefined, complianceIssue(options['compliance'])].filter((i): i is Issue => i !== undefined);
  const trace = options['trace'];
  if (trace !== undefined && trace !== 'summary' && trace !== 'full') {
    issues.push({ code: 'invalid_value', path: 'trace', message: 'Expected `trace` to be "summary" or "full"' });
  }
  if (issues.length > 0) throw new ArrearsValidationError('options', issues);
}
