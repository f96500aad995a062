import { describe, expect, it } from 'vitest';
import { check, loadCompliance, type ComplianceRule, type HistoryEvent } from '../../../src/index.js';
import { aCall, aDocument, aLoan, rules } from '../../helpers/builders.js';

// A reason counts what it found and what a rule allows: `1 unanswered attempt`, `1 hour`,
// `at least 1 is needed`, never `1 unanswered attempts` or `at least 1 are needed`. The shipped
// `cn` preset asks for at least one unanswered attempt before a contact person may be called.

type Action = { type: 'call' | 'legal'; params?: Record<string, unknown> };
const reasons = (now: string, rule: ComplianceRule, history: HistoryEvent[], options: { action?: Action; loan?: ReturnType<typeof aLoan> } = {}) => {
  const verdict = check({ now, loan: options.loan ?? aLoan(), history, action: options.action ?? { type: 'call' } }, { compliance: loadCompliance(aDocument([rule])) });
  return verdict.type === 'permitted' ? [] : verdict.by.map((ref) => ref.reason);
};

const base = { citation: 'Test citation 3', summary: 'A rule for tests.', confidence: 'H' } as const;
const toContact: Action = { type: 'call', params: { recipient: 'third_party', contactId: 'C-1' } };

describe('third-party contacts', () => {
  const thirdParty = (days: number, minAttempts: number, maxPerContact?: number): ComplianceRule => ({
    ...base,
    id: 'test-third-party',
    kind: 'third-party',
    unreachable: { days, minAttempts },
    ...(maxPerContact === undefined ? {} : { maxPerContact }),
  });

  it('counts attempts and days in the singular and the plural', () => {
    expect(reasons('2026-07-15T14:00:00Z', thirdParty(7, 1), [], { action: toContact })).toMatchInlineSnapshot(`
      [
        "0 unanswered attempts to reach the borrower in the last 7 days; at least 1 is needed before a third party may be contacted",
      ]
    `);
    expect(reasons('2026-07-15T14:00:00Z', thirdParty(1, 3), [aCall('2026-07-15T10:00:00Z')], { action: toContact })).toMatchInlineSnapshot(`
      [
        "1 unanswered attempt to reach the borrower in the last 1 day; at least 3 are needed before a third party may be contacted",
      ]
    `);
    expect(reasons('2026-07-15T14:00:00Z', thirdParty(1, 1), [aCall('2026-07-15T10:00:00Z', { outcome: 'conversation' })], { action: toContact })).toMatchInlineSnapshot(`
      [
        "The borrower was spoken to at 2026-07-15T10:00:00Z, within the last 1 day: third parties may be contacted only when the borrower cannot be reached",
      ]
    `);
  });

  it('counts contacts with one contact person', () => {
    const history = [aCall('2026-07-14T10:00:00Z'), aCall('2026-07-15T09:00:00Z', { recipient: 'third_party', contactId: 'C-1', outcome: 'conversation' })];
    expect(reasons('2026-07-15T14:00:00Z', thirdParty(7, 1, 1), history, { action: toContact })).toMatchInlineSnapshot(`
      [
        "1 contact with this contact person already; at most 1 is permitted",
      ]
    `);
  });
});

describe('durations and periods of one unit', () => {
  const conversation = aCall('2026-08-15T00:55:00Z', { outcome: 'conversation' });

  it('waits one consecutive day, or one hour', () => {
    expect(reasons('2026-08-15T01:30:00Z', rules.coolDown({ duration: { type: 'consecutive-days', days: 1 } }), [conversation])).toMatchInlineSnapshot(`
      [
        "A call conversation at 2026-08-15T00:55:00Z starts 1 consecutive day of waiting (America/New_York; the day of the event is day 1) that ends 2026-08-15T04:00:00Z",
      ]
    `);
    expect(reasons('2026-08-15T01:30:00Z', rules.coolDown({ duration: { type: 'rolling', hours: 1 } }), [conversation])).toMatchInlineSnapshot(`
      [
        "A call conversation at 2026-08-15T00:55:00Z starts a 1-hour wait that ends 2026-08-15T01:55:00Z",
      ]
    `);
  });

  it('caps one contact in one hour', () => {
    const cap = rules.cap({ max: 1, period: { type: 'rolling', hours: 1 } });
    expect(reasons('2026-08-15T14:30:00Z', cap, [aCall('2026-08-15T14:00:00Z')])).toMatchInlineSnapshot(`
      [
        "1 counted call attempt in the 1 hour before 2026-08-15T14:30:00Z; at most 1 is permitted, this one included",
      ]
    `);
  });

  it('waits one consecutive day after a notice', () => {
    const notice: ComplianceRule = { ...base, id: 'test-notice', kind: 'notice-period', notice: 'default_notice', wait: { type: 'consecutive-days', days: 1 }, steps: ['termination'] };
    const served: HistoryEvent[] = [{ type: 'notice', at: '2026-06-01T10:00:00Z', notice: 'default_notice' }];
    expect(reasons('2026-06-01T12:00:00Z', notice, served, { action: { type: 'legal', params: { step: 'termination' } } })).toMatchInlineSnapshot(`
      [
        "The default notice served at 2026-06-01T10:00:00Z gives 1 consecutive day, which ends 2026-06-02T04:00:00Z",
      ]
    `);
  });

  it('takes a status without an end to last one hour', () => {
    const status = rules.status({ statuses: ['dispute'], assumedDuration: { type: 'rolling', hours: 1 } });
    const loan = aLoan({ borrower: { statuses: [{ type: 'dispute', from: '2026-08-15T14:00:00Z' }] } });
    expect(reasons('2026-08-15T14:30:00Z', status, [], { loan })).toMatchInlineSnapshot(`
      [
        "Status "dispute" holds from 2026-08-15T14:00:00Z until 2026-08-15T15:00:00Z; a status given without an end is taken to last 1 hour",
      ]
    `);
  });
});
