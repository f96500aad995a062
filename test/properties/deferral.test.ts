import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, decide, loadPolicy } from '../../src/index.js';
import { complianceArb, loadDocuments, resolveDocuments, greedyPolicyArb, inputArb, runs } from './arbitraries.js';

const scenario = inputArb().chain((generated) =>
  fc.record({ generated: fc.constant(generated), choices: complianceArb(generated.nowMs), policyDocument: greedyPolicyArb }),
);

describe('property: deferrals', () => {
  it('defer to an instant later than `now`; at that instant the action is permitted, and the same rule is not deferred again', () => {
    fc.assert(
      fc.property(scenario, ({ generated, choices, policyDocument }) => {
        const documents = resolveDocuments(choices);
        const policy = loadPolicy(policyDocument);
        const compliance = loadDocuments(documents, generated.nowMs);
        const decision = decide(generated.input, { policy, compliance });
        const now = Date.parse(decision.now);
        expect(now).toBe(generated.nowMs);
        if (decision.type === 'wait') expect(Date.parse(decision.at)).toBeGreaterThan(now);
        if (decision.type === 'act') expect(decision.at).toBe(decision.now);

        for (const { action, verdict } of decision.candidates) {
          if (verdict.type !== 'deferred') continue;
          expect(Date.parse(verdict.until), `${action.type} deferred to ${verdict.until}, not after ${decision.now}`).toBeGreaterThan(now);
          // The guard alone, at the deferral: every rule that held the action back now holds.
          const later = { ...generated.input, now: verdict.until };
          const again = check({ ...later, action: { type: action.type, params: action.params } }, { compliance });
          expect(again, `${action.type} at ${verdict.until}`).toEqual({ type: 'permitted' });
          // Deciding again there: if the same rule proposes the action, it is permitted (facts may have moved on).
          const redecided = decide(later, { policy, compliance });
          const same = redecided.candidates.find((c) => c.action.rule === action.rule);
          if (same !== undefined) expect(same.verdict, `rule ${action.rule} at ${verdict.until}`).toEqual({ type: 'permitted' });
        }
      }),
      runs(60),
    );
  }, 60_000);

  it('waits for the earliest permitted candidate', () => {
    fc.assert(
      fc.property(scenario, ({ generated, choices, policyDocument }) => {
        const documents = resolveDocuments(choices);
        const decision = decide(generated.input, { policy: loadPolicy(policyDocument), compliance: loadDocuments(documents, generated.nowMs) });
        const permitted = decision.candidates.filter((c) => c.verdict.type === 'permitted');
        const untils = decision.candidates.flatMap((c) => (c.verdict.type === 'deferred' ? [Date.parse(c.verdict.until)] : []));
        if (permitted.length > 0) expect(decision.type).toBe('act');
        else if (untils.length > 0) {
          expect(decision.type).toBe('wait');
          if (decision.type === 'wait') expect(Date.parse(decision.at)).toBe(Math.min(...untils));
        } else expect(decision.type).toBe('none');
      }),
      runs(40),
    );
  }, 60_000);
});
