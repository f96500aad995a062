import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, loadCompliance, loadPolicy, validateCompliance, validatePolicy } from '../../src/index.js';
import type { ComplianceDocument, Policy } from '../../src/index.js';
import { calendarsAround, complianceDocumentArb, defaultPolicyDocument, greedyPolicyArb, inputArb, presetIds, resolveDocuments, runs } from '../properties/arbitraries.js';
import { plainDataIssues } from '../../src/validate/plain-data.js';
import { expectValidationErrorOrResult, fingerprint, jsonOf, mutate, mutationArb, prototypeFingerprint, timed } from './hostile.js';

const NOW = Date.UTC(2026, 6, 15, 2);
// One known zone each: the documents are what is hostile here (windows in many zones are slow, a finding of their own).
const inputs = fc.sample(inputArb({ maxHistory: 20, unknownZones: false }), { seed: 3, numRuns: 8 }).map((g) => ({
  ...g.input,
  now: new Date(NOW).toISOString(),
  loan: { ...g.input.loan, borrower: { ...g.input.loan.borrower, timeZone: 'America/New_York', timeZones: undefined } },
}));
const fixed = loadPolicy(defaultPolicyDocument);

/** Calls `fn` under the fuzzer's guarantees: no crash, no hang, no mutation, no polluted prototype. */
function guarded<T>(document: unknown, kind: 'policy' | 'compliance', fn: () => T): { threw: boolean; result?: T } {
  const protoBefore = prototypeFingerprint();
  const before = fingerprint(document);
  const outcome = timed(() => expectValidationErrorOrResult(fn, kind));
  expect(prototypeFingerprint()).toBe(protoBefore);
  expect(fingerprint(document), `the ${kind} document was mutated`).toBe(before);
  return outcome as { threw: boolean; result?: T };
}

describe('fuzz: hostile policy documents', () => {
  const scenario = fc.record({
    document: fc.oneof(fc.constant(defaultPolicyDocument), greedyPolicyArb),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
    input: fc.constantFrom(...inputs),
  });

  it('loads a policy or lists its issues, never crashes; a loaded policy is that of its JSON text and decides', () => {
    fc.assert(
      fc.property(scenario, ({ document, mutations, input }) => {
        const mutated = mutate(document, mutations);
        const validated = timed(() => validatePolicy(mutated)); // never throws
        const outcome = guarded(mutated, 'policy', () => loadPolicy(mutated));
        expect(validated.success).toBe(!outcome.threw);
        if (outcome.threw) return;
        const policy = outcome.result as Policy;
        const text = jsonOf(mutated);
        expect(text, 'a non-JSON policy was accepted').toBeDefined();
        expect(loadPolicy(JSON.parse(text!)).hash).toBe(policy.hash);
        const compliance = loadCompliance(resolveDocuments(['cn']));
        const decision = timed(() => decide(input, { policy, compliance }));
        expect(JSON.parse(JSON.stringify(decision))).toEqual(decision);
      }),
      runs(150),
    );
  }, 120_000);
});

describe('fuzz: hostile compliance documents', () => {
  const documents = fc.oneof(
    fc.constantFrom(...presetIds()).map((id) => resolveDocuments([id])[0]!),
    complianceDocumentArb(NOW),
  );
  const scenario = fc.record({ document: documents, mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }), input: fc.constantFrom(...inputs), asList: fc.boolean() });

  it('loads compliance or lists its issues, never crashes; loaded compliance is that of its JSON text and judges', () => {
    fc.assert(
      fc.property(scenario, ({ document, mutations, input, asList }) => {
        const mutated = mutate(asList ? [document] : document, mutations);
        const listed = (Array.isArray(mutated) ? mutated : [mutated]) as ComplianceDocument[];
        // Calendars for what the unmutated document names: a mutated name is simply not supplied.
        const options = { calendars: calendarsAround([document], NOW) };
        const validated = timed(() => validateCompliance(mutated, options)); // never throws
        const outcome = guarded(mutated, 'compliance', () => loadCompliance(mutated, options));
        expect(validated.success).toBe(!outcome.threw);
        if (outcome.threw) return;
        const compliance = outcome.result as ReturnType<typeof loadCompliance>;
        // Known (test/fuzz/found/compliance-documents-are-plain-data.test.ts): loadCompliance
        // reads class instances and inherited fields; the JSON text cannot show those.
        if (plainDataIssues(mutated).length > 0) return;
        const text = jsonOf(mutated);
        expect(text, 'a non-JSON compliance document was accepted').toBeDefined();
        expect(loadCompliance(JSON.parse(text!), options).hash).toBe(compliance.hash);
        expect(listed.length).toBeGreaterThan(0);
        const decision = timed(() => decide(input, { policy: fixed, compliance }));
        expect(JSON.parse(JSON.stringify(decision))).toEqual(decision);
      }),
      runs(150),
    );
  }, 120_000);
});
