/**
 * `arrears`: the next collection action a lender is permitted to take, and when.
 * @packageDocumentation
 * @module arrears
 */
export { decide } from './decide.js';
export { decideParsed, parseInput } from './decide-parsed.js';
export { check } from './check.js';
export { explain } from './trace/explain.js';
export { loadPolicy, validatePolicy } from './policy/load-policy.js';
export { evaluatePolicy } from './policy/evaluate-policy.js';
export { loadCompliance, validateCompliance } from './compliance/load-compliance.js';
export { deriveFacts } from './facts/derive-facts.js';
export { indexHistory } from './facts/history-index.js';
export { FACT_CATALOG, findFact } from './facts/catalog.js';
export { ArrearsError, ArrearsValidationError, isArrearsError, isArrearsValidationError } from './errors.js';
export { ACTION_TYPES, ACTORS, CHANNELS, DIRECTIONS, LEGAL_STEPS, NOTICE_TYPES, OUTCOMES, PURPOSES, RECIPIENTS, STATUS_TYPES, STEP_ACTIONS } from './domain/vocabulary.js';
export { VERSION } from './version.js';

export type { DecideOptions } from './decide.js';
export type { ParsedInput } from './decide-parsed.js';
export type { CheckOptions } from './check.js';
export type { Policy, PolicyRule, PolicyEvent, CandidateParams, HoldParams, LoadPolicyOptions } from './policy/load-policy.js';
export type { EvaluatePolicyOptions, FiredRule, PolicyEvaluation } from './policy/evaluate-policy.js';
export type { Compliance, HolidayCalendar, LoadedRule, LoadComplianceOptions } from './compliance/load-compliance.js';
export type {
  Addressee,
  CapPeriod,
  CapRule,
  CapScope,
  ComplianceDocument,
  ComplianceRule,
  Confidence,
  CoolDownDuration,
  CoolDownRule,
  DayType,
  DesignatedTimesRule,
  MinimumBalanceRule,
  NoticePeriodRule,
  ThirdPartyRule,
  TimeBarredRule,
  EventFilter,
  OptOutRule,
  RuleBase,
  StatusRule,
  TimeSpan,
  WindowRule,
} from './compliance/document.js';
export type { Facts, DerivedFacts } from './facts/derive-facts.js';
export type { HistoryIndex, IndexedContact, IndexedNotice, IndexedPayment, IndexedPromise, IndexedStep } from './facts/history-index.js';
export type { FactDefinition, FactType, FactValue } from './facts/catalog.js';
export type { ArrearsErrorCode, Issue, ValidatedDocument } from './errors.js';
export type { Action, ActionParams, CheckAction } from './domain/action.js';
export type { ActDecision, BlockedVerdict, Decision, DeferredVerdict, Hold, JudgedCandidate, NoneDecision, PermittedVerdict, RuleRef, Verdict, WaitDecision } from './domain/decision.js';
export type { CheckInput, DecisionInput, InstantInput } from './domain/input.js';
export type { Attributes, Borrower, BorrowerStatus, BorrowerTimeSpan, Loan, OptOut } from './domain/loan.js';
export type { ContactEvent, HistoryEvent, NoticeEvent, PaymentEvent, PromiseEvent, StepEvent } from './domain/history.js';
export type { ActionType, Actor, Channel, Direction, LegalStep, NoticeType, Outcome, Purpose, Recipient, StatusType, StepAction } from './domain/vocabulary.js';
export type {
  AssumptionEntry,
  CandidateHeldEntry,
  CandidateProposedEntry,
  CheckBlockedEntry,
  CheckDeferredEntry,
  CheckPassedEntry,
  DecisionMadeEntry,
  FactsDerivedEntry,
  RuleFailedEntry,
  RuleFiredEntry,
  TraceEntry,
} from './trace/trace.js';
