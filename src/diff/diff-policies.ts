import type { Compliance } from '../compliance/load-compliance.js';
import { decide } from '../decide.js';
import type { Decision } from '../domain/decision.js';
import type { DecisionInput } from '../domain/input.js';
import type { ActionType } from '../domain/vocabulary.js';
import type { Policy } from '../policy/load-policy.js';
import { bandOf, complianceAt, daysPastDueOf, DPD_BANDS, forLoan, type DpdBand, type PortfolioCompliance } from './portfolio.js';

/**
 * Options of {@link diffPolicies}.
 * @category Diff
 */
export interface DiffPoliciesOptions {
  /** The policy in force (from `loadPolicy`). */
  before: Policy;
  /** The policy proposed. */
  after: Policy;
  /** What every loan is judged under (or a function choosing it per loan). */
  compliance: PortfolioCompliance;
  /** Example loans kept per change. @default 3 */
  examples?: number | undefined;
  /** Called after each loan, for progress bars. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * What a decision says, in short: `act call`, `wait sms`, `none` or `hold` (a `none` decision
 * behind a policy hold).
 * @category Diff
 */
export interface DecisionSummary {
  label: string;
  type: Decision['type'];
  action?: ActionType;
  rule?: string;
  /** The instant of an `act` or `wait`. */
  at?: string;
  /** The hold rule behind a `none`. */
  hold?: string;
}

/**
 * A loan whose decision changed.
 * @category Diff
 */
export interface DiffExample {
  loanId: string;
  product: string;
  daysPastDue: number;
  before: DecisionSummary;
  after: DecisionSummary;
}

/**
 * One kind of change: how many decisions went from `from` to `to`, with examples.
 * @category Diff
 */
export interface DecisionChange {
  from: string;
  to: string;
  count: number;
  examples: DiffExample[];
}

/**
 * Decisions and changes in one group of loans (a days-past-due band, a product).
 * @category Diff
 */
export interface DiffGroup {
  key: string;
  loans: number;
  changed: number;
}

/**
 * What a policy change does to a portfolio: how many decisions changed, from what to what, by
 * days-past-due band and by product. Plain JSON.
 * @category Diff
 */
export interface PolicyDiff {
  beforeHash: string;
  afterHash: string;
  /** Loans decided. */
  loans: number;
  /** Loans whose decision changed: another type, another action, or another instant. */
  changed: number;
  unchanged: number;
  /** Loans with the same decision proposed by another rule (not counted in `changed`). */
  ruleChanges: number;
  /** Kinds of change, most frequent first. */
  changes: DecisionChange[];
  /** Every band of {@link DPD_BANDS}, in order. */
  byBand: DiffGroup[];
  /** Products in alphabetical order. */
  byProduct: DiffGroup[];
}

/** A decision in short. */
export function summarise(decision: Decision): DecisionSummary {
  if (decision.type === 'none') {
    return decision.hold === undefined ? { label: 'none', type: 'none' } : { label: 'hold', type: 'none', hold: decision.hold.rule };
  }
  return { label: `${decision.type} ${decision.action.type}`, type: decision.type, action: decision.action.type, rule: decision.action.rule, at: decision.at };
}

/** The labels of a change, or `undefined` when the decision is the same. */
function changeOf(before: DecisionSummary, after: DecisionSummary): { from: string; to: string } | undefined {
  if (before.label !== after.label) return { from: before.label, to: after.label };
  if (before.type === 'wait' && before.at !== after.at) return { from: before.label, to: `${after.label} (${(after.at ?? '') > (before.at ?? '') ? 'later' : 'earlier'})` };
  return undefined;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Decides every loan of a portfolio under two policies and reports what changes: the question
 * a reviewer asks of a policy change ("what happens if we ship this rule?"). Pure and
 * deterministic: same portfolio, same policies, same report.
 * @param portfolio - Decision inputs, one per loan, each with its own `now`.
 * @param options - {@link DiffPoliciesOptions}: the two policies and the compliance.
 * @returns A {@link PolicyDiff}.
 * @throws `ArrearsValidationError` `INVALID_INPUT` for an invalid loan, its paths prefixed with the loan's index (`[3].loan.balance`).
 * @example
 * ```ts
 * import { diffPolicies } from 'arrears/testing';
 * const diff = diffPolicies(portfolio, { before: loadPolicy(current), after: loadPolicy(proposed), compliance });
 * console.log(`${diff.changed} of ${diff.loans} decisions change`);
 * ```
 * @category Diff
 */
export function diffPolicies(portfolio: readonly DecisionInput[], options: DiffPoliciesOptions): PolicyDiff {
  const keep = options.examples ?? 3;
  const changes = new Map<string, DecisionChange>();
  const bands = new Map<DpdBand, DiffGroup>(DPD_BANDS.map((band) => [band, { key: band, loans: 0, changed: 0 }]));
  const products = new Map<string, DiffGroup>();
  let changed = 0;
  let ruleChanges = 0;
  portfolio.forEach((input, index) => {
    const compliance: Compliance = complianceAt(options.compliance, input, index);
    const { before, after, days } = forLoan(index, () => ({
      before: summarise(decide(input, { policy: options.before, compliance })),
      after: summarise(decide(input, { policy: options.after, compliance })),
      days: daysPastDueOf(input),
    }));
    const band = bands.get(bandOf(days))!;
    const product = input.loan.product;
    let group = products.get(product);
    if (group === undefined) products.set(product, (group = { key: product, loans: 0, changed: 0 }));
    band.loans++;
    group.loans++;
    const change = changeOf(before, after);
    if (change === undefined) {
      if (before.rule !== after.rule || before.hold !== after.hold) ruleChanges++;
    } else {
      changed++;
      band.changed++;
      group.changed++;
      const key = `${change.from}\u0000${change.to}`;
      let entry = changes.get(key);
      if (entry === undefined) changes.set(key, (entry = { ...change, count: 0, examples: [] }));
      entry.count++;
      if (entry.examples.length < keep) entry.examples.push({ loanId: input.loan.id, product, daysPastDue: days, before, after });
    }
    options.onProgress?.(index + 1, portfolio.length);
  });
  return {
    beforeHash: options.before.hash,
    afterHash: options.after.hash,
    loans: portfolio.length,
    changed,
    unchanged: portfolio.length - changed,
    ruleChanges,
    changes: [...changes.values()].sort((a, b) => b.count - a.count || compare(a.from, b.from) || compare(a.to, b.to)),
    byBand: [...bands.values()],
    byProduct: [...products.values()].sort((a, b) => compare(a.key, b.key)),
  };
}
