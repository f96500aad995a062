import type { Compliance } from '../compliance/load-compliance.js';
import type { DecisionInput } from '../domain/input.js';
import { ArrearsValidationError, isArrearsValidationError } from '../errors.js';
import { deriveFacts } from '../facts/derive-facts.js';
import { prepare } from '../prepare.js';
import { parseDecisionInput } from '../validate/parse-input.js';

/**
 * The compliance a portfolio's loans are judged under: one for every loan, or a function that
 * picks it per loan (loans in several jurisdictions).
 * @category Diff
 */
export type PortfolioCompliance = Compliance | ((input: DecisionInput, index: number) => Compliance);

/** The compliance of the loan at `index`. */
export function complianceAt(compliance: PortfolioCompliance, input: DecisionInput, index: number): Compliance {
  return typeof compliance === 'function' ? compliance(input, index) : compliance;
}

/** Runs `fn` for the loan at `index`; a validation error gets the loan's index in front of each path (`[3].loan.balance`). */
export function forLoan<T>(index: number, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isArrearsValidationError(error)) {
      throw new ArrearsValidationError(
        error.document,
        error.issues.map((issue) => ({ ...issue, path: `[${index}]${issue.path === '' || issue.path.startsWith('[') ? '' : '.'}${issue.path}` })),
        { cause: error },
      );
    }
    throw error;
  }
}

/** Days past due of an input at its `now`, as the policy sees them. */
export function daysPastDueOf(input: DecisionInput): number {
  const parsed = parseDecisionInput(input);
  const { context } = prepare(parsed);
  const value = deriveFacts(parsed.loan, context.index, parsed.now, context.zones.zones).facts['daysPastDue'];
  return typeof value === 'number' ? value : 0;
}

/**
 * Days-past-due bands used to group results: `0` (not past due), `1–7`, `8–30`, `31–60`,
 * `61–90`, `91–120`, `121+`.
 * @category Diff
 */
export const DPD_BANDS = ['0', '1–7', '8–30', '31–60', '61–90', '91–120', '121+'] as const;

/**
 * A days-past-due band, one of {@link DPD_BANDS}.
 * @category Diff
 */
export type DpdBand = (typeof DPD_BANDS)[number];

/** The band of a number of days past due. */
export function bandOf(days: number): DpdBand {
  if (days <= 0) return '0';
  if (days <= 7) return '1–7';
  if (days <= 30) return '8–30';
  if (days <= 60) return '31–60';
  if (days <= 90) return '61–90';
  if (days <= 120) return '91–120';
  return '121+';
}
