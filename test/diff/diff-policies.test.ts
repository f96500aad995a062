import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isArrearsValidationError, loadCompliance, loadPolicy } from '../../src/index.js';
import type { DecisionInput } from '../../src/index.js';
import { presets } from '../../src/presets/index.js';
import { aCall, aHistory, anInput, DPD_BANDS, diffPolicies } from '../../src/testing/index.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as unknown;
const before = loadPolicy(read('rules/policies/default.json'));
const after = loadPolicy(read('test/fixtures/toolkit/policy-proposed.json'));
const us = loadCompliance(presets['us-federal']);
const cn = loadCompliance(presets.cn);

interface Entry {
  compliance: ('cn' | 'us-federal')[];
  input: DecisionInput;
}
const entries = (read('test/fixtures/toolkit/portfolio.json') as { loans: Entry[] }).loans;
const portfolio = entries.map((entry) => entry.input);
const complianceOf = (_input: DecisionInput, index: number) => (entries[index]!.compliance[0] === 'cn' ? cn : us);

describe('diffPolicies', () => {
  const diff = diffPolicies(portfolio, { before, after, compliance: complianceOf });

  it('finds the loans whose decision the change moves: calls from 6 days past due instead of 8', () => {
    expect({ loans: diff.loans, changed: diff.changed, unchanged: diff.unchanged }).toEqual({ loans: 48, changed: 2, unchanged: 46 });
    expect(diff.changes).toMatchInlineSnapshot(`
      [
        {
          "count": 2,
          "examples": [
            {
              "after": {
                "action": "call",
                "at": "2026-07-16T01:30:00Z",
                "label": "act call",
                "rule": "call-6-30-dpd",
                "type": "act",
              },
              "before": {
                "action": "sms",
                "at": "2026-07-16T01:30:00Z",
                "label": "act sms",
                "rule": "reminder-sms-1-7-dpd",
                "type": "act",
              },
              "daysPastDue": 7,
              "loanId": "CN-006",
              "product": "cash_loan",
            },
            {
              "after": {
                "action": "call",
                "at": "2026-07-16T01:30:00Z",
                "label": "act call",
                "rule": "call-6-30-dpd",
                "type": "act",
              },
              "before": {
                "action": "sms",
                "at": "2026-07-16T01:30:00Z",
                "label": "act sms",
                "rule": "reminder-sms-1-7-dpd",
                "type": "act",
              },
              "daysPastDue": 6,
              "loanId": "US-030",
              "product": "personal_loan",
            },
          ],
          "from": "act sms",
          "to": "act call",
        },
      ]
    `);
  });

  it('groups loans by days-past-due band and by product', () => {
    expect(diff.byBand.map((band) => band.key)).toEqual([...DPD_BANDS]);
    expect(diff.byBand.reduce((sum, band) => sum + band.loans, 0)).toBe(48);
    expect(diff.byBand.find((band) => band.key === '1–7')).toEqual({ key: '1–7', loans: 11, changed: 2 });
    expect(diff.byProduct.map((group) => group.key)).toEqual([...diff.byProduct.map((group) => group.key)].sort());
    expect(diff.byProduct.reduce((sum, group) => sum + group.changed, 0)).toBe(2);
  });

  it('counts renamed rules that still decide the same apart', () => {
    expect(diff.ruleChanges).toBeGreaterThan(0);
    expect(diffPolicies(portfolio, { before, after: before, compliance: complianceOf })).toMatchObject({ changed: 0, ruleChanges: 0, changes: [] });
  });

  it('reports a wait that moves as a change', () => {
    const late = loadPolicy({ rules: [{ name: 'call', conditions: { all: [] }, event: { type: 'candidate', params: { action: 'call', rank: 1 } } }] });
    const history = aHistory(aCall('2026-07-13T14:00:00Z', { outcome: 'conversation' }));
    const input = anInput({ history });
    const result = diffPolicies([input], { before: late, after: loadPolicy({ rules: [] }), compliance: us });
    expect(result.changes.map((c) => `${c.from} → ${c.to}`)).toEqual(['wait call → none']);
  });

  it('is plain JSON, and the same for the same inputs', () => {
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
    expect(diffPolicies(portfolio, { before, after, compliance: complianceOf })).toEqual(diff);
  });

  it('keeps the number of examples asked for, and reports progress', () => {
    const progress: number[] = [];
    const small = diffPolicies(portfolio, { before, after, compliance: complianceOf, examples: 1, onProgress: (done) => progress.push(done) });
    expect(small.changes.every((change) => change.examples.length <= 1)).toBe(true);
    expect(progress).toEqual(portfolio.map((_, i) => i + 1));
  });

  it('names the loan of an invalid input in the issue paths', () => {
    const broken = [anInput(), { ...anInput(), loan: { ...anInput().loan, balance: -1 } }];
    try {
      diffPolicies(broken, { before, after, compliance: us });
      expect.unreachable();
    } catch (error) {
      expect(isArrearsValidationError(error) && error.issues.map((issue) => issue.path)).toEqual(['[1].loan.balance']);
    }
  });
});
