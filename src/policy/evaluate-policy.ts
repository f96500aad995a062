import { ArrearsValidationError } from '../errors.js';
import type { FactValue } from '../facts/catalog.js';
import type { RuleFailedEntry } from '../trace/trace.js';
import { attachCompiled, compiledOf, explainCondition, type CompiledPolicy } from './compile-policy.js';
import { loadPolicy, type Policy, type PolicyEvent } from './load-policy.js';
import { describeValue } from './policy-schema.js';

/**
 * A rule whose conditions held, with its event. Entries are frozen and shared between calls.
 * @category Policy
 */
export interface FiredRule {
  rule: string;
  event: PolicyEvent;
}

/**
 * What a policy proposes for one set of facts.
 * @category Policy
 */
export interface PolicyEvaluation {
  /** Rules whose conditions held, in the policy's rule order. */
  fired: FiredRule[];
  /**
   * With `trace: 'full'` only: every rule that did not fire, in rule order, with each leaf
   * condition in document order. Every leaf is evaluated (none is skipped by short-circuiting),
   * so each entry has its real `result`; a leaf inside a `not` shows its own, un-negated result.
   */
  failed?: RuleFailedEntry[];
}

/**
 * Options of {@link evaluatePolicy}.
 * @category Policy
 */
export interface EvaluatePolicyOptions {
  /** `'full'` adds per-condition detail for the rules that did not fire (`failed`). Default `'summary'`. */
  trace?: 'summary' | 'full';
}

function compiledFor(policy: Policy): CompiledPolicy {
  if (typeof policy === 'object' && policy !== null) {
    const compiled = compiledOf(policy);
    if (compiled) return compiled;
    // Loaded by another copy of the library (ESM and CJS side by side) or copied: compile its rules again.
    const rules: unknown = (policy as { rules?: unknown }).rules;
    if (Array.isArray(rules)) {
      const recompiled = compiledOf(loadPolicy(rules));
      if (recompiled) {
        if (Object.isFrozen(policy)) attachCompiled(policy, recompiled);
        return recompiled;
      }
    }
  }
  throw new ArrearsValidationError('policy', [{ code: 'invalid_type', path: '', message: 'Expected a policy returned by `loadPolicy`' }]);
}

/** The facts the policy reads, in `policy.facts` order, each `null` when missing: for the trace. */
export function pickFacts(policy: Policy, facts: Readonly<Record<string, FactValue>>): Record<string, FactValue> {
  return compiledFor(policy).pick(facts);
}

/** Sets each fact the policy reads that `facts` lacks (a lender attribute the loan does not have) to `null`, in place. */
export function fillMissingFacts(policy: Policy, facts: Record<string, FactValue>): void {
  for (const name of compiledFor(policy).attributeFacts) if (facts[name] === undefined) facts[name] = null;
}

/**
 * Evaluates a loaded policy against a set of facts: which rules fire, synchronously and with
 * json-rules-engine's semantics. Safe to call concurrently and re-entrantly with one policy.
 * @param policy - A policy returned by {@link loadPolicy}.
 * @param facts - Fact values by name (`daysPastDue`, `attributes.segment`…); a missing fact reads as `undefined`.
 * @param options - {@link EvaluatePolicyOptions}: `trace: 'full'` adds the conditions of the rules that did not fire.
 * @returns The fired rules in rule order, and with `trace: 'full'` the failed ones.
 * @throws {@link ArrearsValidationError} (`INVALID_POLICY`) when `policy` is not a loaded policy
 *   and its rules do not load; (`INVALID_INPUT`) when `facts` is not an object.
 * @example
 * ```ts
 * import { evaluatePolicy, loadPolicy } from 'arrears';
 *
 * const policy = loadPolicy([
 *   {
 *     name: 'early-sms',
 *     conditions: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }] },
 *     event: { type: 'candidate', params: { action: 'sms', rank: 10 } },
 *   },
 * ]);
 * evaluatePolicy(policy, { daysPastDue: 3 }).fired; // [{ rule: 'early-sms', event: { type: 'candidate', … } }]
 * ```
 * @category Policy
 */
export function evaluatePolicy(
  policy: Policy,
  facts: Readonly<Record<string, FactValue>>,
  options?: EvaluatePolicyOptions,
): PolicyEvaluation {
  const { rules, evaluate } = compiledFor(policy);
  if (typeof facts !== 'object' || facts === null) {
    throw new ArrearsValidationError('input', [{ code: 'invalid_type', path: 'facts', message: `Expected facts: an object of fact values by name, found ${describeValue(facts)}` }]);
  }
  const fired: FiredRule[] = [];
  evaluate(facts, fired);
  if (options?.trace !== 'full') return { fired };
  // Fired entries are the rules' own frozen entries, in rule order: every other rule failed.
  const failed: RuleFailedEntry[] = [];
  let next = 0;
  for (const rule of rules) {
    if (fired[next] === rule.fired) {
      next++;
      continue;
    }
    const conditions: RuleFailedEntry['conditions'] = [];
    explainCondition(rule.condition, facts, conditions);
    failed.push({ type: 'rule.failed', rule: rule.name, conditions });
  }
  return { fired, failed };
}
