/**
 * `arrears/testing`: the policy author's test kit. Builders for loans and histories with
 * sensible defaults, vitest (or jest) matchers, a scenario runner over JSON scenarios, a policy
 * diff over a portfolio, a seeded month simulation with an independent compliance checker, and
 * self-contained HTML reports. Pure: nothing here reads files or clocks.
 * @packageDocumentation
 * @module arrears/testing
 */
export {
  TEST_NOW,
  aBorrower,
  aCall,
  aContact,
  aHistory,
  aLetter,
  aLoan,
  anEmail,
  anInput,
  anOptOut,
  anSms,
  aPayment,
  aPromise,
  aStatus,
  aStep,
  aVisit,
} from './builders.js';
export { arrearsMatchers, registerMatchers } from './matchers.js';
export { runScenario, runScenarios } from './scenario.js';
export { diffPolicies } from '../diff/diff-policies.js';
export { DPD_BANDS } from '../diff/portfolio.js';
export { simulate, DEFAULT_OUTCOME_RATES, END_STATES } from '../simulate/simulate.js';
export { verifyActions } from '../simulate/verify.js';
export { renderDiffReport, renderSimulationReport } from '../report/render-report.js';

export type { InputOverrides, LoanOverrides } from './builders.js';
export type { ActionExpectation, ArrearsMatchers, CandidateExpectation, ExtensibleExpect, MatcherContext, MatcherResult } from './matchers.js';
export type { DecisionExpectation, RunScenarioOptions, Scenario, ScenarioResult, VerdictExpectation } from './scenario.js';
export type { DecisionChange, DecisionSummary, DiffExample, DiffGroup, DiffPoliciesOptions, PolicyDiff } from '../diff/diff-policies.js';
export type { DpdBand, PortfolioCompliance } from '../diff/portfolio.js';
export type { EndState, OutcomeRates, SimulatedDay, SimulatedLoan, SimulateOptions, SimulationReport } from '../simulate/simulate.js';
export type { SimulatedAction, Violation } from '../simulate/verify.js';
export type { ReportOptions } from '../report/render-report.js';
