import type { Compliance } from './compliance/load-compliance.js';
import { guardFor } from './compliance/guard.js';
import type { Verdict } from './domain/decision.js';
import type { CheckInput } from './domain/input.js';
import { toGuardAction } from './compliance/guard-action.js';
import { assertOptions } from './options.js';
import { prepare } from './prepare.js';
import { parseCheckInput } from './validate/parse-input.js';

/** Options of {@link check}. @category Decide */
export interface CheckOptions {
  /** The result of `loadCompliance`. */
  compliance: Compliance;
}

/**
 * Runs the compliance guard alone on one action: no policy. Answers whether the action is
 * permitted now, deferred (with the earliest instant every rule holds) or blocked, and by which
 * rules.
 * @param input - A decision input plus `action: { type, params? }`.
 * @param options - {@link CheckOptions}.
 * @returns The {@link Verdict}.
 * @throws {@link ArrearsValidationError} `INVALID_INPUT` or `INVALID_OPTIONS`.
 * @example
 * ```ts
 * const verdict = check({ ...input, action: { type: 'call' } }, { compliance });
 * if (verdict.type === 'deferred') schedule(verdict.until);
 * ```
 * @category Decide
 */
export function check(input: CheckInput, options: CheckOptions): Verdict {
  assertOptions(options, false);
  const { parsed, action } = parseCheckInput(input);
  const { context } = prepare(parsed);
  return guardFor(options.compliance, context)(toGuardAction(action.type, action.params ?? {})).verdict;
}
