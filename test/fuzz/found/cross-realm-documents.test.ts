import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { decide, loadCompliance, loadPolicy } from '../../../src/index.js';
import { presets } from '../../../src/presets/index.js';
import { defaultPolicyDocument } from '../../properties/arbitraries.js';

// Found by the no-`process` runtime test: documents parsed in another realm (a `vm` context, an
// iframe) are plain JSON objects whose prototype is that realm's `Object.prototype`.
const otherRealm = <T>(value: T): T => vm.runInNewContext(`JSON.parse(${JSON.stringify(JSON.stringify(value))})`) as T;

const input = {
  now: '2026-07-15T02:00:00Z',
  loan: { id: 'L-1', product: 'cash_loan', currency: 'CNY', balance: 8400, amountOverdue: 1200, oldestUnpaidDueDate: '2026-06-20', borrower: { id: 'B-1', timeZone: 'Asia/Shanghai' } },
  history: [],
};

describe('documents from another realm', () => {
  const policy = loadPolicy(defaultPolicyDocument);
  const compliance = loadCompliance(presets.cn);
  const expected = JSON.stringify(decide(input, { policy, compliance }));

  it('decides on an input parsed in another realm as on the same input from this one', () => {
    expect(JSON.stringify(decide(otherRealm(input), { policy, compliance }))).toBe(expected);
  });

  it('loads compliance documents parsed in another realm', () => {
    expect(loadCompliance(otherRealm(presets.cn)).hash).toBe(compliance.hash);
  });

  // Failed when found: policy-schema.ts `isPlainObject` compared with this realm's
  // Object.prototype, so the whole policy was "a non-JSON object". Fixed there.
  it('loads a policy parsed in another realm', () => {
    expect(loadPolicy(otherRealm(defaultPolicyDocument)).hash).toBe(policy.hash);
  });
});
