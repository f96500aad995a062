import type { ActionType } from './vocabulary.js';

/** Parameters of a proposed action: the policy rule's event params, unchanged. @category Domain */
export type ActionParams = Readonly<Record<string, unknown>>;

/** A proposed action: its type, the policy rule that proposed it and that rule's params. @category Domain */
export interface Action {
  type: ActionType;
  /** Name of the policy rule that proposed it. */
  rule: string;
  params: ActionParams;
}

/** The action `check` judges: the guard alone, no policy. @category Domain */
export interface CheckAction {
  type: ActionType;
  /** Params as a policy would give them: `purpose`, `address`… */
  params?: ActionParams | undefined;
}
