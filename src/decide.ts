import type { Compliance } from './compliance/load-compliance.js';
import { guardFor, type Guard } from './compliance/guard.js';
import { toGuardAction } from './compliance/guard-action.js';
import type { Action } from './domain/action.js';
import type { Decision, Hold, JudgedCandidate } from './domain/decision.js';
import type { DecisionInput } from './domain/input.js';
import type { FactValue } from './facts/catalog.js';
import { deriveFacts, type DerivedFacts } from './facts/derive-facts.js';
import { assertOptions } from './options.js';
import type { FiredRule, PolicyEvaluation } from './policy/evaluate-policy.js';
import { evaluatePolicy, fillMissingFacts, pickFacts } from './policy/evaluate-policy.js';
import type { Policy } from './policy/load-policy.js';
import { prepare } from './prepare.js';
import { copyJson } from './_lib/copy-json.js';
import type { TraceEntry } from './trace/trace.js';
import { parseDecisionInput, type ParsedInput as ParsedDecisionInput } from './validate/parse-input.js';
import { VERSION } from './version.js';

/** Options of {@link decide}. @category Decide */
export interface DecideOptions {
  /** What the lender wants: the result of `loadPolicy`. */
  policy: Policy;
  /** What the lender may do: the result of `loadCompliance`. */
  compliance: Compliance;
  /**
   * `summary` (default) records facts, fired rules, candidates and every check; `full` adds
   * each policy rule that did not fire, with its leaf conditions.
   * @default 'summary'
   */
  trace?: 'summary' | 'full' | undefined;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Preference order: rank, then rule name, then action type (a total order). */
function byPreference(a: FiredRule, b: FiredRule): number {
  const actionA = a.event.type === 'candidate' ? a.event.params.action : '';
  const actionB = b.event.type === 'candidate' ? b.event.params.action : '';
  return a.event.params.rank - b.event.params.rank || compare(a.rule, b.rule) || compare(actionA, actionB);
}

/**
 * The fired rules in preference order, in a new array. An insertion sort: a decision fires a
 * handful of rules, too few for `Array.prototype.sort` to pay for its setting up.
 */
function inPreferenceOrder(fired: readonly FiredRule[]): FiredRule[] {
  const out = fired.slice();
  for (let i = 1; i < out.length; i++) {
    const entry = out[i]!;
    let j = i - 1;
    for (; j >= 0 && byPreference(out[j]!, entry) > 0; j--) out[j + 1] = out[j]!;
    out[j + 1] = entry;
  }
  return out;
}

/**
 * Decides the next permitted collection action for one loan, and when. Synchronous and pure:
 * the same input and documents always give the same decision, byte for byte.
 *
 * The policy proposes candidates in rank order; the compliance guard judges each. The decision
 * is `act` with the first permitted candidate, else `wait` with the one permitted earliest,
 * else `none`.
 * @param input - `now`, the loan with its borrower, and the history (any order; never mutated).
 * @param options - {@link DecideOptions}: the loaded policy and compliance.
 * @returns A plain-JSON {@link Decision} with its trace.
 * @throws {@link ArrearsValidationError} `INVALID_INPUT` (with the path of every issue) or `INVALID_OPTIONS`.
 * @example
 * ```ts
 * import { decide, loadCompliance, loadPolicy } from 'arrears';
 * import { presets } from 'arrears/presets';
 * const decision = decide(input, { policy: loadPolicy(policyJson), compliance: loadCompliance(presets.cn) });
 * if (decision.type === 'act') dial(decision.action);
 * ```
 * @category Decide
 */
export function decide(input: DecisionInput, options: DecideOptions): Decision {
  assertOptions(options, true);
  const parsed = parseDecisionInput(input);
  return decidePrepared(parsed, prepare(parsed), options);
}

/** The stages after validation, shared by `decide` and `decideParsed`: facts, policy, guard, choice. */
export function decidePrepared(parsed: ParsedDecisionInput, prepared: Prepared, options: DecideOptions): Decision {
  const derived = factsFor(parsed, prepared, options.policy);
  return choose(parsed, prepared, options, derived, evaluatePolicy(options.policy, derived.facts, { trace: options.trace ?? 'summary' }));
}

type Prepared = ReturnType<typeof prepare>;

/** The derived facts, with every attribute the policy reads and the loan lacks set to null, as the fact catalog says. */
export function factsFor(parsed: ParsedDecisionInput, prepared: Prepared, policy: Policy): DerivedFacts {
  const { context } = prepared;
  const derived = deriveFacts(parsed.loan, context.index, parsed.now, context.zones.zones);
  // A fresh object of this decision's own: filled in place.
  fillMissingFacts(policy, derived.facts as Record<string, FactValue>);
  return derived;
}

/** The rest, from what the policy proposed: trace, guard per candidate, and the choice. */
export function choose(parsed: ParsedDecisionInput, prepared: Prepared, options: DecideOptions, derived: DerivedFacts, evaluation: PolicyEvaluation): Decision {
  const { policy, compliance } = options;
  const { context, assumptions } = prepared;
  const trace: TraceEntry[] = [];
  for (const entry of assumptions) trace.push(entry);
  for (const entry of derived.assumptions) trace.push(entry);
  trace.push({ type: 'fact.derived', facts: pickFacts(policy, derived.facts) });

  const fired = inPreferenceOrder(evaluation.fired);
  for (const { rule, event } of fired) {
    trace.push(
      event.type === 'candidate'
        ? { type: 'rule.fired', rule, event: 'candidate', action: event.params.action, rank: event.params.rank }
        : { type: 'rule.fired', rule, event: 'hold', rank: event.params.rank },
    );
  }
  if (evaluation.failed) for (const entry of evaluation.failed) trace.push(entry);

  const hold = fired.find((f) => f.event.type === 'hold');
  const judged: JudgedCandidate[] = [];
  let judge: Guard | undefined;
  for (const { rule, event } of fired) {
    if (event.type !== 'candidate') continue;
    const action: Action = { type: event.params.action, rule, params: copyJson(event.params) };
    if (hold !== undefined && event.params.rank >= hold.event.params.rank) {
      trace.push({ type: 'candidate.held', rule, action: action.type, heldBy: hold.rule });
      continue;
    }
    trace.push({ type: 'candidate.proposed', rule, action: action.type, rank: event.params.rank });
    const judgement = (judge ??= guardFor(compliance, context))(toGuardAction(action.type, event.params), rule);
    for (const check of judgement.checks) trace.push(check);
    judged.push({ action, verdict: judgement.verdict });
  }

  // Each decision is one object literal (a spread of shared fields cost more than the fields).
  const { loan, nowIso } = parsed;
  const permitted = judged.find((c) => c.verdict.type === 'permitted');
  if (permitted) {
    trace.push({ type: 'decision.made', decision: 'act', reason: `${permitted.action.type} is the first permitted candidate (policy rule "${permitted.action.rule}")` });
    return { type: 'act', action: permitted.action, at: nowIso, candidates: judged, trace, loanId: loan.id, now: nowIso, policyHash: policy.hash, complianceHash: compliance.hash, version: VERSION };
  }
  let earliest: JudgedCandidate | undefined;
  for (const candidate of judged) {
    if (candidate.verdict.type !== 'deferred') continue;
    if (earliest === undefined || candidate.verdict.until < (earliest.verdict as { until: string }).until) earliest = candidate;
  }
  if (earliest && earliest.verdict.type === 'deferred') {
    const at = earliest.verdict.until;
    trace.push({ type: 'decision.made', decision: 'wait', reason: `No candidate is permitted now; ${earliest.action.type} (policy rule "${earliest.action.rule}") is permitted first, at ${at}` });
    return { type: 'wait', action: earliest.action, at, candidates: judged, trace, loanId: loan.id, now: nowIso, policyHash: policy.hash, complianceHash: compliance.hash, version: VERSION };
  }
  const reason =
    hold !== undefined
      ? `Policy rule "${hold.rule}" holds every other candidate${judged.length > 0 ? ', and every candidate ranked before it is blocked' : ''}`
      : judged.length === 0
        ? 'The policy proposed no action'
        : 'Every candidate is blocked';
  trace.push({ type: 'decision.made', decision: 'none', reason });
  if (hold === undefined) return { type: 'none', candidates: judged, trace, loanId: loan.id, now: nowIso, policyHash: policy.hash, complianceHash: compliance.hash, version: VERSION };
  const held: Hold = { rule: hold.rule, params: copyJson(hold.event.params) };
  return { type: 'none', hold: held, candidates: judged, trace, loanId: loan.id, now: nowIso, policyHash: policy.hash, complianceHash: compliance.hash, version: VERSION };
}
