import type { ActionType } from '../domain/vocabulary.js';
import type { FactValue } from '../facts/catalog.js';

/** Facts derived for the decision (those the policy reads, in catalog order). @category Trace */
export interface FactsDerivedEntry {
  type: 'fact.derived';
  facts: Record<string, FactValue>;
}

/** A policy rule whose conditions held. @category Trace */
export interface RuleFiredEntry {
  type: 'rule.fired';
  rule: string;
  event: 'candidate' | 'hold';
  action?: ActionType;
  rank: number;
}

/** A policy rule whose conditions did not hold (only with `trace: 'full'`). @category Trace */
export interface RuleFailedEntry {
  type: 'rule.failed';
  rule: string;
  /** Leaf conditions in document order, with the fact value seen and the result. */
  conditions: { path: string; fact: string; operator: string; value: unknown; factValue: FactValue; result: boolean }[];
}

/** An action the policy proposed, in preference order. @category Trace */
export interface CandidateProposedEntry {
  type: 'candidate.proposed';
  rule: string;
  action: ActionType;
  rank: number;
}

/** A candidate dropped because a policy hold outranks it. @category Trace */
export interface CandidateHeldEntry {
  type: 'candidate.held';
  rule: string;
  action: ActionType;
  heldBy: string;
}

interface CheckEntryBase {
  /** The candidate's action and policy rule (`check` has no rule). */
  action: ActionType;
  candidateRule?: string;
  /** Compliance rule id and citation. */
  id: string;
  citation: string;
}

/** A compliance rule the action satisfies now. @category Trace */
export interface CheckPassedEntry extends CheckEntryBase {
  type: 'check.passed';
}

/** A compliance rule that holds the action back until a later instant. @category Trace */
export interface CheckDeferredEntry extends CheckEntryBase {
  type: 'check.deferred';
  reason: string;
  /** When this rule alone would next be satisfied (absent when only the combination is known). */
  until?: string;
}

/** A compliance rule that blocks the action with no end that can be computed. @category Trace */
export interface CheckBlockedEntry extends CheckEntryBase {
  type: 'check.blocked';
  reason: string;
}

/** The guard took the stricter reading because something was unknown or ambiguous. @category Trace */
export interface AssumptionEntry {
  type: 'assumption.stricter';
  subject: 'time-zone' | 'future-events' | 'days-past-due';
  reason: string;
}

/** The choice among the judged candidates. @category Trace */
export interface DecisionMadeEntry {
  type: 'decision.made';
  decision: 'act' | 'wait' | 'none';
  reason: string;
}

/** One entry of a decision's trace: a union on `type`. @category Trace */
export type TraceEntry =
  | FactsDerivedEntry
  | RuleFiredEntry
  | RuleFailedEntry
  | CandidateProposedEntry
  | CandidateHeldEntry
  | CheckPassedEntry
  | CheckDeferredEntry
  | CheckBlockedEntry
  | AssumptionEntry
  | DecisionMadeEntry;
