import type { CheckAction } from './action.js';
import type { HistoryEvent } from './history.js';
import type { Loan } from './loan.js';

/** An instant: an ISO-8601 string with an offset or `Z`, a `Date`, or epoch milliseconds. @category Domain */
export type InstantInput = string | Date | number;

/** What a decision is about: an overdue loan and everything already done about it. @category Decide */
export interface DecisionInput {
  /** The instant the decision is for. The library never reads a clock. */
  now: InstantInput;
  loan: Loan;
  /** Any order; never mutated. */
  history?: readonly HistoryEvent[] | undefined;
}

/** What `check` judges: a decision input plus the one action to judge. @category Decide */
export interface CheckInput extends DecisionInput {
  action: CheckAction;
}
