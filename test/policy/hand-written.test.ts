/**
 * The benchmark's hand-written default policy (bench/hand-written.ts) is only a fair baseline if
 * it fires exactly the rules the policy fires: checked here on generated loans, end to end, and
 * on fact sets near the policy's thresholds.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choose, decide, factsFor } from '../../src/decide.js';
import { FACT_CATALOG, type FactValue } from '../../src/facts/catalog.js';
import { loadCompliance } from '../../src/compliance/load-compliance.js';
import { evaluatePolicy, type FiredRule } from '../../src/policy/evaluate-policy.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { prepare } from '../../src/prepare.js';
import { presets } from '../../src/presets/index.js';
import { parseDecisionInput } from '../../src/validate/parse-input.js';
import { generatePortfolio } from '../../bench/generate.js';
import { firedEntries, handWrittenRules } from '../../bench/hand-written.js';

const policy = loadPolicy(JSON.parse(readFileSync(new URL('../../rules/policies/default.json', import.meta.url), 'utf8')));
const compliance = loadCompliance(presets.cn);
const fired = firedEntries(policy);

function hand(facts: Readonly<Record<string, FactValue>>): string[] {
  const out: FiredRule[] = [];
  handWrittenRules(facts, out, fired);
  return out.map((entry) => entry.rule);
}

describe('the hand-written default policy', () => {
  it('decides every generated loan exactly as decide does', () => {
    for (const input of generatePortfolio(31, 1_000)) {
      const parsed = parseDecisionInput(input);
      const prepared = prepare(parsed);
      const derived = factsFor(parsed, prepared, policy);
      const out: FiredRule[] = [];
      handWrittenRules(derived.facts, out, fired);
      expect(out.map((entry) => entry.rule)).toEqual(evaluatePolicy(policy, derived.facts).fired.map((entry) => entry.rule));
      expect(choose(parsed, prepared, { policy, compliance }, derived, { fired: out })).toEqual(decide(input, { policy, compliance }));
    }
  }, 60_000);

  it('fires the rules evaluatePolicy fires on fact sets near the thresholds', () => {
    const near = [0, 1, 2, 3, 4, 7, 8, 10, 24, 30, 31, 45, 48, 60, 61, 72, 90, 91, 120, 121, 168, 299, 300, 336, 360, 699, 700, 720, 1000, 3000, 5000, 20000];
    const value = (fact: (typeof FACT_CATALOG)[number]): fc.Arbitrary<FactValue> => {
      const base: fc.Arbitrary<FactValue> =
        fact.type === 'number' ? fc.oneof(fc.constantFrom(...near), fc.integer({ min: 0, max: 30_000 })) : fact.type === 'boolean' ? fc.boolean() : fc.constantFrom('cash_loan', 'auto', 'CNY', 'USD', 'EUR');
      return fact.nullable ? fc.oneof(base, fc.constant(null)) : base;
    };
    const facts = fc
      .tuple(
        fc.record(Object.fromEntries(FACT_CATALOG.map((fact) => [fact.name, value(fact)]))),
        fc.constantFrom('CNY', 'USD', 'EUR'),
        fc.constantFrom('cash_loan', 'auto'),
        fc.constantFrom(true, false, null),
      )
      .map(([record, currency, product, incomeLoss]) => ({ ...record, currency, product, 'attributes.incomeLoss': incomeLoss }) as Record<string, FactValue>);
    fc.assert(
      fc.property(facts, (sample) => {
        expect(hand(sample)).toEqual(evaluatePolicy(policy, sample).fired.map((entry) => entry.rule));
      }),
      { seed: 5, numRuns: 20_000 },
    );
  }, 60_000);
});
