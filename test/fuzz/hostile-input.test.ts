import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, decide, loadPolicy } from '../../src/index.js';
import type { Compliance, Policy } from '../../src/index.js';
import { ACTION_TYPES } from '../../src/index.js';
import { defaultPolicyDocument, presetIds, greedyPolicyArb, inputArb, loadDocuments, resolveDocuments, runs } from '../properties/arbitraries.js';
import { expectValidationErrorOrResult, judgeHostile, mutate, mutationArb, SECRET } from './hostile.js';

const policies = new Map<unknown, Policy>();
const policyFor = (document: unknown): Policy => {
  let policy = policies.get(document);
  if (policy === undefined) policies.set(document, (policy = loadPolicy(document)));
  return policy;
};

/** A valid input with the secret planted in every identifier, so an echoed value shows. */
const plant = (input: unknown): unknown => {
  const copy = structuredClone(input) as { loan: { id: string; borrower: { id: string } } };
  copy.loan.id = `L-${SECRET}`;
  copy.loan.borrower.id = `B-${SECRET}`;
  return copy;
};

const scenario = inputArb().chain((generated) =>
  fc.record({
    input: fc.constant(plant(generated.input)),
    nowMs: fc.constant(generated.nowMs),
    // Presets only: the input is what is hostile here (slow generated documents are a finding of their own).
    choices: fc.uniqueArray(fc.constantFrom(...presetIds()), { minLength: 1, maxLength: 2 }),
    policyDocument: fc.oneof(fc.constant(defaultPolicyDocument), greedyPolicyArb),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
    action: fc.constantFrom(...ACTION_TYPES),
  }),
);

describe('fuzz: hostile decision inputs', () => {
  it('`decide` throws an ArrearsValidationError or decides on the JSON data alone', () => {
    const compliances = new Map<unknown, Compliance>();
    fc.assert(
      fc.property(scenario, ({ input, nowMs, choices, policyDocument, mutations }) => {
        const key = JSON.stringify(choices);
        let compliance = compliances.get(key);
        if (compliance === undefined) compliances.set(key, (compliance = loadDocuments(resolveDocuments(choices), nowMs)));
        const options = { policy: policyFor(policyDocument), compliance };
        judgeHostile((value) => decide(value as never, options), mutate(input, mutations), 'input');
      }),
      runs(250),
    );
  }, 120_000);

  it('`check` does the same, with hostile actions too', () => {
    fc.assert(
      fc.property(scenario, ({ input, nowMs, choices, mutations, action }) => {
        const compliance = loadDocuments(resolveDocuments(choices), nowMs);
        const withAction = { ...(input as object), action: { type: action, params: { purpose: 'collection', address: '+1-555-0100' } } };
        judgeHostile((value) => check(value as never, { compliance }), mutate(withAction, mutations), 'input');
      }),
      runs(120),
    );
  }, 120_000);

  it('rejects a non-object input, whatever it is', () => {
    const compliance = loadDocuments(resolveDocuments(['cn']), Date.UTC(2026, 6, 15));
    const policy = policyFor(defaultPolicyDocument);
    for (const value of [undefined, null, 0, '', 'x', [], [{}], new Date(), new Map(), () => 1, Symbol('x'), 1n, Object.create({ now: '2026-07-15T02:00:00Z' })]) {
      const outcome = expectValidationErrorOrResult(() => decide(value as never, { policy, compliance }), 'input');
      expect(outcome.threw).toBe(true);
    }
  });
});
