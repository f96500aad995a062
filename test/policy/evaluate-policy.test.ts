import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArrearsValidationError } from '../../src/errors.js';
import type { FactValue } from '../../src/facts/catalog.js';
import { evaluatePolicy } from '../../src/policy/evaluate-policy.js';
import { loadPolicy, type Policy } from '../../src/policy/load-policy.js';

type Facts = Record<string, FactValue>;

const hold = { type: 'hold', params: { rank: 1 } } as const;

/** A policy of one rule per condition, named `r0`, `r1`… */
function policyOf(...conditions: unknown[]): Policy {
  return loadPolicy(conditions.map((c, i) => ({ name: `r${i}`, conditions: c, event: hold })));
}

const fires = (conditions: unknown, facts: Facts): boolean => evaluatePolicy(policyOf(conditions), facts).fired.length === 1;

const leaf = (fact: string, operator: string, value: unknown) => ({ all: [{ fact, operator, value }] });

const ladder = () =>
  loadPolicy(JSON.parse(readFileSync(new URL('../fixtures/policy/ladder.json', import.meta.url), 'utf8')) as unknown);

const ladderFacts: Facts = {
  activePromise: false,
  daysPastDue: 12,
  hoursSinceLastSms: null,
  product: 'cash_loan',
  callAttempts24h: 1,
  'attributes.maxCallsPerDay': 3,
  'attributes.incomeLoss': true,
  onHardshipPlan: false,
};

describe('evaluatePolicy', () => {
  it('applies equal and notEqual with strict equality', () => {
    expect(fires(leaf('daysPastDue', 'equal', 30), { daysPastDue: 30 })).toBe(true);
    expect(fires(leaf('daysPastDue', 'equal', 30), { daysPastDue: 30.5 })).toBe(false);
    expect(fires(leaf('attributes.segment', 'equal', 1), { 'attributes.segment': '1' })).toBe(false);
    expect(fires(leaf('riskScore', 'equal', null), { riskScore: null })).toBe(true);
    expect(fires(leaf('daysPastDue', 'notEqual', 30), { daysPastDue: 31 })).toBe(true);
    expect(fires(leaf('daysPastDue', 'notEqual', 30), { daysPastDue: 30 })).toBe(false);
  });

  it('applies in and notIn to list values', () => {
    expect(fires(leaf('product', 'in', ['auto', 'cash_loan']), { product: 'cash_loan' })).toBe(true);
    expect(fires(leaf('product', 'in', ['auto']), { product: 'cash_loan' })).toBe(false);
    expect(fires(leaf('product', 'in', []), { product: 'cash_loan' })).toBe(false);
    expect(fires(leaf('riskScore', 'in', [null]), { riskScore: null })).toBe(true);
    expect(fires(leaf('product', 'notIn', ['auto']), { product: 'cash_loan' })).toBe(true);
    expect(fires(leaf('product', 'notIn', []), { product: 'cash_loan' })).toBe(true);
    expect(fires(leaf('product', 'notIn', ['cash_loan']), { product: 'cash_loan' })).toBe(false);
  });

  it('applies the numeric operators only to facts that parse as numbers', () => {
    const cases: [string, FactValue, number, boolean][] = [
      ['lessThan', 29, 30, true],
      ['lessThan', 30, 30, false],
      ['lessThanInclusive', 30, 30, true],
      ['lessThanInclusive', 30.01, 30, false],
      ['greaterThan', 31, 30, true],
      ['greaterThan', 30, 30, false],
      ['greaterThanInclusive', 30, 30, true],
      ['greaterThanInclusive', -1, 0, false],
      // json-rules-engine's numberValidator: null, booleans and '' never pass, numeric strings do.
      ['lessThan', null, 30, false],
      ['greaterThanInclusive', null, -1, false],
      ['lessThan', true, 30, false],
      ['lessThan', '', 30, false],
      ['lessThan', '12', 30, true],
      ['lessThan', '12abc', 30, false],
    ];
    for (const [operator, factValue, value, expected] of cases) {
      expect(fires(leaf('attributes.x', operator, value), { 'attributes.x': factValue }), `${operator} ${String(factValue)}`).toBe(expected);
    }
  });

  it('holds for an empty all and, as in json-rules-engine, for an empty any', () => {
    expect(fires({ all: [] }, {})).toBe(true);
    expect(fires({ any: [] }, {})).toBe(true);
    expect(fires({ not: { any: [] } }, {})).toBe(false);
    expect(fires({ all: [{ any: [] }, { fact: 'balance', operator: 'greaterThan', value: 0 }] }, { balance: 1 })).toBe(true);
  });

  it('combines all, any and not', () => {
    const conditions = {
      any: [
        { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }, { not: { fact: 'product', operator: 'equal', value: 'auto' } }] },
        { fact: 'activePromise', operator: 'equal', value: true },
      ],
    };
    expect(fires(conditions, { daysPastDue: 31, product: 'cash_loan', activePromise: false })).toBe(true);
    expect(fires(conditions, { daysPastDue: 31, product: 'auto', activePromise: false })).toBe(false);
    expect(fires(conditions, { daysPastDue: 31, product: 'auto', activePromise: true })).toBe(true);
    expect(fires({ not: { not: { fact: 'activePromise', operator: 'equal', value: true } } }, { activePromise: true })).toBe(true);
  });

  it('compares with another fact through a fact reference', () => {
    const conditions = leaf('balance', 'greaterThan', { fact: 'amountOverdue' });
    expect(fires(conditions, { balance: 100, amountOverdue: 50 })).toBe(true);
    expect(fires(conditions, { balance: 50, amountOverdue: 50 })).toBe(false);
    expect(fires(leaf('riskScore', 'equal', { fact: 'attributes.score' }), { riskScore: null, 'attributes.score': null })).toBe(true);
  });

  it('reads a missing fact as undefined', () => {
    expect(fires(leaf('riskScore', 'equal', null), {})).toBe(false);
    expect(fires(leaf('riskScore', 'notEqual', null), {})).toBe(true);
    expect(fires(leaf('riskScore', 'lessThan', 1000), {})).toBe(false);
  });

  it('returns fired rules in document order with their events, holds included', () => {
    const { fired } = evaluatePolicy(ladder(), { ...ladderFacts, activePromise: true });
    expect(fired.map((f) => f.rule)).toEqual(['hold-while-promise-active', 'call-8-30', 'hardship-offer']);
    expect(fired[0]?.event).toEqual({ type: 'hold', params: { rank: 5, reason: 'A promise to pay is pending' } });
    expect(fired[1]?.event).toEqual({ type: 'candidate', params: { action: 'call', rank: 20, purpose: 'collection' } });
  });

  it('gives the policy rule events themselves, frozen', () => {
    const policy = ladder();
    const { fired } = evaluatePolicy(policy, ladderFacts);
    expect(fired[0]?.event).toBe(policy.rules[2]?.event);
    expect(Object.isFrozen(fired[0])).toBe(true);
  });

  it('adds no failed list without a full trace', () => {
    expect(evaluatePolicy(ladder(), ladderFacts)).not.toHaveProperty('failed');
    expect(evaluatePolicy(ladder(), ladderFacts, { trace: 'summary' })).not.toHaveProperty('failed');
  });

  it('lists every leaf of the rules that did not fire with a full trace', () => {
    const result = evaluatePolicy(ladder(), { ...ladderFacts, daysPastDue: 3, hoursSinceLastSms: 12, 'attributes.incomeLoss': null }, { trace: 'full' });
    expect(result).toMatchInlineSnapshot(`
      {
        "failed": [
          {
            "conditions": [
              {
                "fact": "activePromise",
                "factValue": false,
                "operator": "equal",
                "path": "conditions.all[0]",
                "result": false,
                "value": true,
              },
            ],
            "rule": "hold-while-promise-active",
            "type": "rule.failed",
          },
          {
            "conditions": [
              {
                "fact": "daysPastDue",
                "factValue": 3,
                "operator": "greaterThanInclusive",
                "path": "conditions.all[0]",
                "result": true,
                "value": 1,
              },
              {
                "fact": "daysPastDue",
                "factValue": 3,
                "operator": "lessThanInclusive",
                "path": "conditions.all[1]",
                "result": true,
                "value": 7,
              },
              {
                "fact": "hoursSinceLastSms",
                "factValue": 12,
                "operator": "equal",
                "path": "conditions.all[2].any[0]",
                "result": false,
                "value": null,
              },
              {
                "fact": "hoursSinceLastSms",
                "factValue": 12,
                "operator": "greaterThanInclusive",
                "path": "conditions.all[2].any[1]",
                "result": false,
                "value": 48,
              },
            ],
            "rule": "early-sms",
            "type": "rule.failed",
          },
          {
            "conditions": [
              {
                "fact": "daysPastDue",
                "factValue": 3,
                "operator": "greaterThanInclusive",
                "path": "conditions.all[0]",
                "result": false,
                "value": 8,
              },
              {
                "fact": "daysPastDue",
                "factValue": 3,
                "operator": "lessThanInclusive",
                "path": "conditions.all[1]",
                "result": true,
                "value": 30,
              },
              {
                "fact": "product",
                "factValue": "cash_loan",
                "operator": "in",
                "path": "conditions.all[2].not",
                "result": false,
                "value": [
                  "auto",
                  "mortgage",
                ],
              },
              {
                "fact": "callAttempts24h",
                "factValue": 1,
                "operator": "lessThan",
                "path": "conditions.all[3]",
                "result": true,
                "value": 3,
              },
            ],
            "rule": "call-8-30",
            "type": "rule.failed",
          },
          {
            "conditions": [
              {
                "fact": "attributes.incomeLoss",
                "factValue": null,
                "operator": "equal",
                "path": "conditions.all[0]",
                "result": false,
                "value": true,
              },
              {
                "fact": "onHardshipPlan",
                "factValue": false,
                "operator": "equal",
                "path": "conditions.all[1]",
                "result": true,
                "value": false,
              },
            ],
            "rule": "hardship-offer",
            "type": "rule.failed",
          },
        ],
        "fired": [],
      }
    `);
  });

  it('gives the same fired rules with and without a trace', () => {
    const policy = ladder();
    for (const daysPastDue of [0, 1, 7, 8, 30, 31]) {
      const facts = { ...ladderFacts, daysPastDue };
      expect(evaluatePolicy(policy, facts, { trace: 'full' }).fired).toEqual(evaluatePolicy(policy, facts).fired);
    }
  });

  it('is safe to call concurrently with one policy', async () => {
    const policy = ladder();
    const factSets = Array.from({ length: 200 }, (_, i) => ({ ...ladderFacts, daysPastDue: i % 40, activePromise: i % 3 === 0 }));
    const sequential = factSets.map((facts) => evaluatePolicy(policy, facts, { trace: 'full' }));
    const concurrent = await Promise.all(
      factSets.map(async (facts, i) => {
        await Promise.resolve();
        const summary = evaluatePolicy(policy, facts);
        await new Promise<void>((resolve) => queueMicrotask(resolve));
        return { ...evaluatePolicy(policy, facts, { trace: i % 2 === 0 ? 'full' : 'summary' }), summary };
      }),
    );
    concurrent.forEach((result, i) => {
      expect(result.fired).toEqual(sequential[i]?.fired);
      expect(result.summary.fired).toEqual(sequential[i]?.fired);
      if (i % 2 === 0) expect(result.failed).toEqual(sequential[i]?.failed);
    });
  });

  it('rejects facts that are not an object', () => {
    expect(() => evaluatePolicy(ladder(), null as unknown as Facts)).toThrow(ArrearsValidationError);
  });

  it('does not mutate the facts', () => {
    const facts = Object.freeze({ ...ladderFacts });
    expect(() => evaluatePolicy(ladder(), facts, { trace: 'full' })).not.toThrow();
  });

  it('recompiles a copy of a loaded policy and rejects anything else', () => {
    const policy = ladder();
    const copy = { ...policy };
    expect(evaluatePolicy(copy, ladderFacts).fired).toEqual(evaluatePolicy(policy, ladderFacts).fired);
    expect(() => evaluatePolicy({} as Policy, ladderFacts)).toThrow(ArrearsValidationError);
    expect(() => evaluatePolicy(null as unknown as Policy, ladderFacts)).toThrow('Expected a policy returned by `loadPolicy`');
    expect(() => evaluatePolicy({ hash: '', facts: [], rules: [{ name: 'x' }] } as unknown as Policy, ladderFacts)).toThrow(ArrearsValidationError);
  });
});
