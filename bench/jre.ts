/**
 * json-rules-engine as the policy evaluator (PERFORMANCE.md variant (a)): one Engine per policy,
 * every rule at priority 1, `allowUndefinedFacts: false`, the facts `deriveFacts` gives passed to
 * `engine.run`. Runs are awaited one at a time, never overlapping on one Engine (PERFORMANCE.md §9).
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { FactValue, FiredRule, Policy, PolicyEvaluation } from '../src/index.js';

export interface JreEvaluator {
  /** The rules that fire, in the policy's rule order (the engine finishes them in any order). */
  evaluate(facts: Readonly<Record<string, FactValue>>): Promise<PolicyEvaluation>;
}

export function jreEvaluator(policy: Policy): JreEvaluator {
  // json-rules-engine writes to the rules it is given: hand it its own copy.
  const engine = new Engine(structuredClone(policy.rules) as unknown as RuleProperties[], { allowUndefinedFacts: false });
  const position = new Map<string, number>(policy.rules.map((rule, i) => [rule.name, i]));
  const entries: FiredRule[] = policy.rules.map((rule) => ({ rule: rule.name, event: rule.event }));
  return {
    async evaluate(facts) {
      const { results } = await engine.run(facts as Record<string, unknown>);
      const fired = results.map((result) => entries[position.get(result.name as string)!]!);
      fired.sort((a, b) => position.get(a.rule)! - position.get(b.rule)!);
      return { fired };
    },
  };
}
