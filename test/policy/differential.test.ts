/**
 * The compiled evaluator agrees with json-rules-engine 7.3.1, rule by rule and leaf by leaf, on
 * generated policies and fact sets (STYLE.md §3.8, PERFORMANCE.md §10), in both of its forms:
 * generated code and closures. Seeds and run counts are fixed, so CI is deterministic; a failing
 * seed printed by fast-check becomes a fixed case below.
 */
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Engine, type RuleProperties, type RuleResult } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { ACTION_TYPES } from '../../src/domain/vocabulary.js';
import { FACT_CATALOG, type FactDefinition, type FactValue } from '../../src/facts/catalog.js';
import { evaluatePolicy } from '../../src/policy/evaluate-policy.js';
import { loadPolicy, validatePolicy, type Policy } from '../../src/policy/load-policy.js';
import { scaledPolicy } from '../../bench/policies.js';
import { isNumeric, OPERATOR_NAMES, OPERATORS, type OperatorName } from '../../src/policy/operators.js';

type Facts = Record<string, FactValue>;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ATTRIBUTES: readonly FactDefinition[] = ['attributes.segment', 'attributes.score', 'attributes.vip', 'attributes.region'].map((name) => ({
  name,
  type: 'any',
  nullable: true,
  unit: '—',
  description: 'Lender attribute',
}));
const FACTS: readonly FactDefinition[] = [...FACT_CATALOG, ...ATTRIBUTES];

// Literals and fact values share pools, so that equalities and boundaries are hit often.
const NUMBERS = [0, -0, 1, -1, 0.5, -0.5, 2, 3, 7, 24, 29, 30, 31, 48, 59.99, 60, 90, 100, 300, 640, 700, 720, 1000, 1e6, -1000, 1e-9, Number.MAX_SAFE_INTEGER];
const STRINGS = ['', 'A', 'B', 'a', 'cash_loan', 'credit_card', 'CNY', 'USD', '0', '10', '10.5', '-3', '1e3', ' 7', '7abc', 'abc', 'Infinity', 'NaN', 'true', 'null'];

const aNumber = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.integer({ min: -50, max: 1000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) },
);
const aString = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...STRINGS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) });
const aScalar = fc.oneof(aNumber, aString, fc.boolean(), fc.constant(null));

function aFactValue(fact: FactDefinition): fc.Arbitrary<FactValue> {
  const base = fact.type === 'number' ? aNumber : fact.type === 'string' ? aString : fact.type === 'boolean' ? fc.boolean() : aScalar;
  return fact.nullable ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

const aFactSet: fc.Arbitrary<Facts> = fc.record(Object.fromEntries(FACTS.map((fact) => [fact.name, aFactValue(fact)])));

// ——— policies: every whitelisted operator used type-correctly (contains/doesNotContain have no list fact to apply to) ———

const comparable = (a: FactDefinition, b: FactDefinition) => a.type === 'any' || b.type === 'any' || a.type === b.type;
const numberLike = (fact: FactDefinition) => fact.type === 'number' || fact.type === 'any';

function operatorsFor(fact: FactDefinition): OperatorName[] {
  const equality: OperatorName[] = ['equal', 'notEqual', 'in', 'notIn'];
  return numberLike(fact) ? [...equality, 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] : equality;
}

function aLiteral(fact: FactDefinition): fc.Arbitrary<Json> {
  return aFactValue(fact) as fc.Arbitrary<Json>;
}

function aReference(candidates: readonly FactDefinition[]): fc.Arbitrary<Json> {
  return fc.constantFrom(...candidates).map((other) => ({ fact: other.name }));
}

function aValue(fact: FactDefinition, operator: OperatorName): fc.Arbitrary<Json> {
  switch (OPERATORS[operator].kind) {
    case 'membership':
      return fc.array(aLiteral(fact), { maxLength: 5 });
    case 'numeric':
      return fc.oneof({ weight: 3, arbitrary: aNumber as fc.Arbitrary<Json> }, { weight: 1, arbitrary: aReference(FACTS.filter(numberLike)) });
    default:
      return fc.oneof({ weight: 3, arbitrary: aLiteral(fact) }, { weight: 1, arbitrary: aReference(FACTS.filter((other) => comparable(fact, other))) });
  }
}

const aPriority = fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined, freq: 3 });

function withPriority<T extends Record<string, Json>>(node: T, priority: number | undefined): T | (T & { priority: number }) {
  return priority === undefined ? node : { ...node, priority };
}

const aLeaf: fc.Arbitrary<Json> = fc
  .constantFrom(...FACTS)
  .chain((fact) => fc.constantFrom(...operatorsFor(fact)).chain((operator) => fc.tuple(fc.constant(fact), fc.constant(operator), aValue(fact, operator), aPriority)))
  .map(([fact, operator, value, priority]) => withPriority({ fact: fact.name, operator, value }, priority));

/** Conditions whose boolean nesting is at most `depth`; empty `all`/`any` included. */
function conditionsOfDepth(depth: number): fc.Arbitrary<Json> {
  let level: fc.Arbitrary<Json> = aLeaf;
  for (let d = 1; d <= depth; d++) level = fc.oneof({ weight: 2, arbitrary: aLeaf }, { weight: 3, arbitrary: aBoolean(level) });
  return level;
}

function aBoolean(child: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  const list = fc.array(child, { maxLength: 4 });
  return fc.oneof(
    fc.tuple(list, aPriority).map(([all, priority]) => withPriority({ all }, priority)),
    fc.tuple(list, aPriority).map(([any, priority]) => withPriority({ any }, priority)),
    child.map((not) => ({ not })),
  );
}

const aTopLevel = aBoolean(conditionsOfDepth(3)); // the top level plus 3 more: depth 4

const aRule = fc.record({
  conditions: aTopLevel,
  hold: fc.boolean(),
  action: fc.constantFrom(...ACTION_TYPES),
  rank: fc.integer({ min: 0, max: 100 }),
  priority: aPriority,
});

const aPolicyDocument = fc.array(aRule, { minLength: 1, maxLength: 8 }).map((rules) =>
  rules.map(({ conditions, hold, action, rank, priority }, i) =>
    withPriority(
      {
        name: `r${i}`,
        conditions,
        event: hold ? { type: 'hold', params: { rank } } : { type: 'candidate', params: { action, rank, template: `t${i}` } },
      },
      priority,
    ),
  ),
);

// ——— comparison ———

interface EngineLeaf {
  fact?: string;
  result?: boolean;
  factResult?: unknown;
  valueResult?: unknown;
  all?: EngineLeaf[];
  any?: EngineLeaf[];
  not?: EngineLeaf;
}

/** Leaves json-rules-engine evaluated, by path, in document order. */
function engineLeaves(node: EngineLeaf, path: string, out: Map<string, EngineLeaf>): Map<string, EngineLeaf> {
  if (node.all) node.all.forEach((child, i) => engineLeaves(child, `${path}.all[${i}]`, out));
  else if (node.any) node.any.forEach((child, i) => engineLeaves(child, `${path}.any[${i}]`, out));
  else if (node.not) engineLeaves(node.not, `${path}.not`, out);
  else if (node.result !== undefined) out.set(path, node);
  return out;
}

let factSetsCompared = 0;
const outcomes = { fired: 0, failed: 0 };

const EVALUATORS = ['codegen', 'closures'] as const;

/** The policy loaded with each evaluator; each must really be the one asked for. */
function loadBoth(document: unknown): Policy[] {
  return EVALUATORS.map((evaluator) => {
    const policy = loadPolicy(document, { evaluator });
    expect(policy.evaluator).toBe(evaluator);
    return policy;
  });
}

/** Runs `factSets` through a fresh Engine (runs in sequence, never overlapping) and through `evaluatePolicy`, for each policy. */
async function compare(rules: readonly Json[], policies: readonly Policy[], factSets: readonly Facts[]): Promise<void> {
  const engine = new Engine(structuredClone(rules) as unknown as RuleProperties[], { allowUndefinedFacts: false });
  for (const facts of factSets) {
    const run = await engine.run({ ...facts });
    expect(run.results.length + run.failureResults.length).toBe(rules.length);
    for (const policy of policies) agree(rules, policy, facts, run.results, run.failureResults);
    factSetsCompared++;
    outcomes.fired += run.results.length;
    outcomes.failed += run.failureResults.length;
  }
}

/** `evaluatePolicy`, in summary and full form, agrees with one engine run on `facts`. */
function agree(rules: readonly Json[], policy: Policy, facts: Facts, results: readonly RuleResult[], failureResults: readonly RuleResult[]): void {
  const names = policy.rules.map((rule) => rule.name);
  {
    const engineFired = new Set(results.map((result) => result.name));

    const summary = evaluatePolicy(policy, facts);
    const full = evaluatePolicy(policy, facts, { trace: 'full' });
    const ours = summary.fired.map((fired) => fired.rule);
    const theirs = names.filter((name) => engineFired.has(name));
    // expect() only on a mismatch: it is slow enough to dominate thousands of runs.
    if (ours.join('\n') !== theirs.join('\n')) expect(ours, `${policy.evaluator} ${JSON.stringify({ rules, facts })}`).toEqual(theirs);
    if (full.fired.length !== summary.fired.length || full.fired.some((fired, i) => fired !== summary.fired[i])) expect(full.fired).toEqual(summary.fired);
    const failedNames = full.failed?.map((failed) => failed.rule) ?? [];
    const theirFailed = names.filter((name) => !engineFired.has(name));
    if (failedNames.join('\n') !== theirFailed.join('\n')) expect(failedNames).toEqual(theirFailed);

    // Leaf by leaf: every leaf the engine evaluated has the same values and result in our trace.
    for (const failure of failureResults) {
      const trace = full.failed?.find((failed) => failed.rule === failure.name);
      const ourLeaves = new Map(trace?.conditions.map((leaf) => [leaf.path, leaf]));
      for (const [path, leaf] of engineLeaves(failure.conditions as EngineLeaf, 'conditions', new Map())) {
        const mine = ourLeaves.get(path);
        const same =
          mine !== undefined &&
          mine.fact === leaf.fact &&
          Object.is(mine.factValue, leaf.factResult) &&
          mine.result === leaf.result &&
          (Array.isArray(leaf.valueResult) ? JSON.stringify(mine.value) === JSON.stringify(leaf.valueResult) : Object.is(mine.value, leaf.valueResult));
        if (!same) {
          expect(mine, `${policy.evaluator} ${failure.name} ${path} ${JSON.stringify(facts)}`).toMatchObject({ fact: leaf.fact, factValue: leaf.factResult, value: leaf.valueResult, result: leaf.result });
        }
      }
    }
  }
}

describe('evaluatePolicy (differential against json-rules-engine)', () => {
  it('agrees with json-rules-engine on every rule of generated policies and fact sets', async () => {
    const before = factSetsCompared;
    outcomes.fired = outcomes.failed = 0;
    await fc.assert(
      fc.asyncProperty(aPolicyDocument, fc.array(aFactSet, { minLength: 30, maxLength: 30 }), async (rules, factSets) => {
        const policies = loadBoth(rules); // generated policies are type-correct: the loader must accept them
        await compare(rules, policies, factSets);
      }),
      { seed: 20260715, numRuns: 250, endOnFailure: true },
    );
    expect(factSetsCompared - before).toBeGreaterThanOrEqual(5_000);
    // Not a degenerate sample: both outcomes are common.
    const share = outcomes.fired / (outcomes.fired + outcomes.failed);
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.8);
  }, 30_000);

  it('agrees on fixed edge cases: empty all/any, not, fact references, nulls and numeric strings', async () => {
    const rules: Json[] = [
      { name: 'empty-all', conditions: { all: [] }, event: { type: 'hold', params: { rank: 1 } } },
      { name: 'empty-any', conditions: { any: [] }, event: { type: 'hold', params: { rank: 1 } } },
      { name: 'not-empty-any', conditions: { not: { any: [] } }, event: { type: 'hold', params: { rank: 1 } } },
      { name: 'any-of-empty-any', conditions: { any: [{ any: [] }, { fact: 'balance', operator: 'lessThan', value: 0 }] }, event: { type: 'hold', params: { rank: 1 } } },
      { name: 'null-score', conditions: { all: [{ fact: 'riskScore', operator: 'greaterThanInclusive', value: { fact: 'riskScore' } }] }, event: { type: 'hold', params: { rank: 1 } } },
      { name: 'null-below', conditions: { all: [{ fact: 'balance', operator: 'lessThan', value: { fact: 'riskScore' } }] }, event: { type: 'hold', params: { rank: 1 } } },
      { name: 'numeric-string', conditions: { all: [{ fact: 'attributes.segment', operator: 'greaterThan', value: 5 }] }, event: { type: 'hold', params: { rank: 1 } } },
      { name: 'numeric-string-below', conditions: { all: [{ fact: 'attributes.segment', operator: 'lessThan', value: 5 }] }, event: { type: 'hold', params: { rank: 1 } } },
      { name: 'in-null', conditions: { all: [{ fact: 'riskScore', operator: 'in', value: [null, 640] }] }, event: { type: 'hold', params: { rank: 1 } } },
      { name: 'prioritised', priority: 3, conditions: { any: [{ fact: 'daysPastDue', operator: 'equal', value: 0, priority: 2 }, { not: { all: [] }, priority: 5 }] }, event: { type: 'hold', params: { rank: 1 } } },
    ];
    const policies = loadBoth({ rules });
    const base = fc.sample(aFactSet, { seed: 1, numRuns: 1 })[0];
    const factSets: Facts[] = [];
    for (const riskScore of [null, 0, 640, -1]) {
      for (const segment of ['10', '5', '5.0', '7abc', 'abc', '', ' ', '\n', true, false, null, 6, 4.5]) {
        for (const balance of [0, -1, 100]) {
          factSets.push({ ...base, riskScore, 'attributes.segment': segment, balance, daysPastDue: 0 });
        }
      }
    }
    await compare(rules, policies, factSets);
  });

  const defaultPolicy = new URL('../../rules/policies/default.json', import.meta.url);
  const SEGMENTS = 100;
  // Facts near the default policy's own thresholds, as well as anywhere, and segments the scaled policies read.
  const aRealisticFactSet = fc
    .tuple(
      fc.record(
        Object.fromEntries(
          FACTS.map((fact) => {
            if (fact.type !== 'number') return [fact.name, aFactValue(fact)];
            const near = fc.constantFrom(0, 1, 2, 3, 4, 7, 8, 14, 15, 30, 31, 45, 60, 61, 72, 90, 91, 120, 121, 180, 300, 699, 700, 720, 5000, 20000);
            const value = fc.oneof({ weight: 3, arbitrary: near }, { weight: 1, arbitrary: aNumber });
            return [fact.name, fact.nullable ? fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }) : value];
          }),
        ),
      ) as fc.Arbitrary<Facts>,
      fc.oneof(fc.boolean(), fc.constant(null)),
      fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: SEGMENTS - 1 }).map((k) => `S${k}`) }, { weight: 1, arbitrary: aScalar }),
    )
    .map(([facts, loss, segment]) => ({ ...facts, 'attributes.incomeLoss': loss, 'attributes.segment': segment }));

  it.skipIf(!existsSync(defaultPolicy))('agrees with json-rules-engine on the default policy', async () => {
    const document = JSON.parse(readFileSync(defaultPolicy, 'utf8')) as { rules: Json[] };
    const factSets = fc.sample(aRealisticFactSet, { seed: 4242, numRuns: 2_000 });
    await compare(document.rules, loadBoth(document), factSets);
  }, 30_000);

  // PERFORMANCE.md §6: the 21 base rules plus segment variants. Fewer fact sets for the big ones:
  // json-rules-engine takes tens of milliseconds a run at 2,000 rules.
  it.each([
    { size: 200, runs: 150 },
    { size: 2_000, runs: 12 },
  ])('agrees with json-rules-engine on a generated policy of $size rules', async ({ size, runs }) => {
    const rules = scaledPolicy(size, SEGMENTS) as unknown as Json[];
    const policies = loadBoth({ rules });
    expect(policies[0]!.rules).toHaveLength(size);
    const before = outcomes.fired;
    await compare(rules, policies, fc.sample(aRealisticFactSet, { seed: size, numRuns: runs }));
    expect(outcomes.fired - before).toBeGreaterThan(runs); // segment variants do fire
  }, 60_000);
});

describe('operators (differential against json-rules-engine)', () => {
  const engineOperators = (new Engine() as unknown as { operators: { get(name: string): { evaluate(a: unknown, b: unknown): boolean } } }).operators;
  const values: unknown[] = [
    0, -0, 1, -1, 0.5, 10, 1e21, Number.NaN, Infinity, -Infinity, '', '0', '10', '10.5', ' 7', '7abc', 'abc', '1e3', '0x10', 'Infinity', '-Infinity', 'NaN',
    true, false, null, undefined, [], [1], [1, '1', null], ['a', 'b'], [null], { a: 1 }, {},
  ];

  it.each(OPERATOR_NAMES)('%s agrees with the default operator on every pair of values, throwing included', (name) => {
    const theirs = engineOperators.get(name);
    const outcome = (run: () => boolean) => {
      try {
        return run();
      } catch (error) {
        return `throws ${(error as Error).name}`;
      }
    };
    for (const a of values) {
      for (const b of values) {
        expect(outcome(() => OPERATORS[name].test(a, b)), `${name}(${String(a)}, ${String(b)})`).toBe(outcome(() => theirs.evaluate(a, b)));
      }
    }
  });

  it('isNumeric is json-rules-engine numberValidator', () => {
    for (const value of [...values, 12n, Symbol.for('x'), () => 1, new Date(0), [[2]], '.5', '-.5e-3', '  \n12']) {
      const expected = (() => {
        try {
          return Number.parseFloat(value as string).toString() !== 'NaN';
        } catch {
          return 'throws';
        }
      })();
      const actual = (() => {
        try {
          return isNumeric(value);
        } catch {
          return 'throws';
        }
      })();
      expect(actual, String(typeof value)).toBe(expected);
    }
  });
});

describe('validatePolicy (generated policies)', () => {
  it('accepts every type-correct generated policy', () => {
    fc.assert(
      fc.property(aPolicyDocument, (rules) => {
        const result = validatePolicy({ rules });
        expect(result.success ? [] : result.issues).toEqual([]);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
