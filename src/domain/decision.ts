import type { Action, ActionParams } from './action.js';
import type { TraceEntry } from '../trace/trace.js';

/** The compliance rule behind a deferral or a block. @category Decide */
export interface RuleRef {
  /** Compliance rule id, kebab-case, jurisdiction first (`us-reg-f-7-in-7`). */
  id: string;
  citation: string;
  /** Why the rule holds the action back, in a fixed English sentence. */
  reason: string;
}

/** The action may be taken now. @category Decide */
export interface PermittedVerdict {
  type: 'permitted';
}

/** The action is permitted from `until`, which is always later than `now`. @category Decide */
export interface DeferredVerdict {
  type: 'deferred';
  /** ISO instant (UTC): the earliest instant at which every rule is satisfied. */
  until: string;
  /** The rules that hold the action back now. */
  by: RuleRef[];
}

/** No instant at which the action is permitted can be computed from the inputs. @category Decide */
export interface BlockedVerdict {
  type: 'blocked';
  by: RuleRef[];
}

/** The compliance guard's judgement of one action. @category Decide */
export type Verdict = PermittedVerdict | DeferredVerdict | BlockedVerdict;

/** A proposed action with its verdict. @category Decide */
export interface JudgedCandidate {
  action: Action;
  verdict: Verdict;
}

/** A policy hold: a rule that says "do nothing for now" and outranks every other candidate. @category Decide */
export interface Hold {
  rule: string;
  params: ActionParams;
}

interface DecisionBase {
  /** Every proposed action, in preference order, with its verdict. */
  candidates: JudgedCandidate[];
  /** Ordered, JSON-only record of facts, rules and checks. */
  trace: TraceEntry[];
  /** The loan decided for. */
  loanId: string;
  /** The `now` of the input, as an ISO instant (UTC). */
  now: string;
  policyHash: string;
  complianceHash: string;
  /** Version of `arrears` that decided. */
  version: string;
}

/** Take `action` now. @category Decide */
export interface ActDecision extends DecisionBase {
  type: 'act';
  action: Action;
  /** Equal to `now`. */
  at: string;
}

/** Nothing is permitted now; `action` is the first to become permitted, at `at`. @category Decide */
export interface WaitDecision extends DecisionBase {
  type: 'wait';
  action: Action;
  at: string;
}

/** Nothing is permitted now or later (or the policy proposed nothing, or a hold applies). @category Decide */
export interface NoneDecision extends DecisionBase {
  type: 'none';
  /** Present when a policy hold outranked every candidate. */
  hold?: Hold;
}

/** The next permitted collection action and when, with the trace behind it. Plain JSON. @category Decide */
export type Decision = ActDecision | WaitDecision | NoneDecision;
