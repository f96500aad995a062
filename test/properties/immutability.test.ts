import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, decide, explain, loadPolicy, validatePolicy } from '../../src/index.js';
import { ACTION_TYPES } from '../../src/index.js';
import { complianceArb, loadDocuments, defaultPolicyDocument, greedyPolicyArb, inputArb, resolveDocuments, runs } from './arbitraries.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/** Every value reachable from `value`, with its path: a way to see that nothing is shared. */
function objectsOf(value: unknown, out = new Set<object>()): Set<object> {
  if (value !== null && typeof value === 'object' && !out.has(value)) {
    out.add(value);
    for (const key of Object.keys(value)) objectsOf((value as Record<string, unknown>)[key], out);
  }
  return out;
}

const scenario = inputArb().chain((generated) =>
  fc.record({
    generated: fc.constant(generated),
    choices: complianceArb(generated.nowMs),
    policyDocument: fc.oneof(fc.constant(defaultPolicyDocument), greedyPolicyArb),
    action: fc.constantFrom(...ACTION_TYPES),
  }),
);

describe('property: inputs are never mutated', () => {
  it('leaves deep-frozen inputs and documents untouched, and equal to their copies', () => {
    fc.assert(
      fc.property(scenario, ({ generated, choices, policyDocument, action }) => {
        const documents = structuredClone(resolveDocuments(choices));
        const policyCopy = structuredClone(policyDocument);
        const input = structuredClone(generated.input);
        const before = JSON.stringify({ documents, policyCopy, input });
        // Frozen: any write in strict-mode code throws, so a mutation cannot go unnoticed.
        deepFreeze(documents);
        deepFreeze(policyCopy);
        deepFreeze(input);
        const policy = loadPolicy(policyCopy);
        const compliance = loadDocuments(documents, generated.nowMs);
        const decision = decide(input, { policy, compliance, trace: 'full' });
        check({ ...input, action: { type: action, params: { purpose: 'collection' } } }, { compliance });
        explain(decision);
        validatePolicy(policyCopy);
        expect(JSON.stringify({ documents, policyCopy, input })).toBe(before);
      }),
      runs(30),
    );
  }, 60_000);

  it('returns a decision that shares no object with its input or documents, so changing it changes nothing else', () => {
    fc.assert(
      fc.property(scenario, ({ generated, choices, policyDocument }) => {
        const policy = loadPolicy(policyDocument);
        const compliance = loadDocuments(resolveDocuments(choices), generated.nowMs);
        const input = structuredClone(generated.input);
        const first = decide(input, { policy, compliance });
        const expected = JSON.stringify(first);
        const inputs = objectsOf([input, policy, compliance, policyDocument]);
        const shared = [...objectsOf(first)].filter((object) => inputs.has(object));
        expect(shared).toEqual([]);
        // Scribble over the decision: the next one is unchanged.
        for (const candidate of first.candidates) (candidate.action.params as Record<string, unknown>)['scribbled'] = true;
        first.trace.length = 0;
        expect(JSON.stringify(decide(input, { policy, compliance }))).toBe(expected);
      }),
      runs(25),
    );
  }, 60_000);
});
