import { describe, expect, it } from 'vitest';
import { check, loadCompliance, type ComplianceRule, type HistoryEvent } from '../../../src/index.js';
import type { LoadComplianceOptions } from '../../../src/compliance/load-compliance.js';
import { aCall, aDocument, aLoan, rules } from '../../helpers/builders.js';

const base = { citation: 'Test citation 2', summary: 'A rule for tests.', confidence: 'H' } as const;
type Action = { type: 'call' | 'legal' | 'sms'; params?: Record<string, unknown> };
const judge = (now: string, rule: ComplianceRule | ComplianceRule[], options: { loan?: ReturnType<typeof aLoan>; history?: HistoryEvent[]; action?: Action; load?: LoadComplianceOptions } = {}) =>
  check(
    { now, loan: options.loan ?? aLoan(), history: options.history ?? [], action: options.action ?? { type: 'call' } },
    { compliance: loadCompliance(aDocument(Array.isArray(rule) ? rule : [rule]), options.load) },
  );

describe('designated times', () => {
  const rule: ComplianceRule = { ...base, id: 'test-designated', kind: 'designated-times', allowPurposes: ['reply_to_borrower'] };
  // "Weekdays 3–5 pm are inconvenient", said on 2026-07-01.
  const loan = aLoan({ borrower: { inconvenientTimes: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '15:00', end: '17:00', from: '2026-07-01T00:00:00Z' }] } });

  it('defers a contact inside the designated time to its end', () => {
    // Wed 2026-07-15 15:30 EDT
    expect(judge('2026-07-15T19:30:00Z', rule, { loan })).toMatchObject({ type: 'deferred', until: '2026-07-15T21:00:00Z', by: [{ id: 'test-designated' }] });
    expect(judge('2026-07-15T21:00:00Z', rule, { loan })).toEqual({ type: 'permitted' });
    // Saturday is not designated.
    expect(judge('2026-07-18T19:30:00Z', rule, { loan })).toEqual({ type: 'permitted' });
  });

  it('lets a reply to the borrower through', () => {
    expect(judge('2026-07-15T19:30:00Z', rule, { loan, action: { type: 'call', params: { purpose: 'reply_to_borrower' } } })).toEqual({ type: 'permitted' });
  });

  it('applies only from when the borrower said so', () => {
    expect(judge('2026-06-24T19:30:00Z', rule, { loan })).toEqual({ type: 'permitted' });
  });
});

describe('agreed times', () => {
  it('adds the times the borrower agreed to, when the window allows it', () => {
    const window = rules.window({ windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '08:00', end: '22:00' }], allowAgreedTimes: true });
    const loan = aLoan({ borrower: { timeZone: 'Asia/Shanghai', agreedTimes: [{ days: ['wed'], start: '22:00', end: '23:00', from: '2026-07-01T00:00:00Z' }] } });
    // Wed 22:30 CST
    expect(judge('2026-07-15T14:30:00Z', window, { loan })).toEqual({ type: 'permitted' });
    expect(judge('2026-07-15T14:30:00Z', rules.window({ windows: [{ days: ['wed'], start: '08:00', end: '22:00' }] }), { loan })).toMatchObject({ type: 'deferred' });
  });
});

describe('holiday calendars', () => {
  const window = rules.window({ holidayCalendars: ['RU'], windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '22:00' }, { days: ['sat', 'sun', 'holiday'], start: '09:00', end: '20:00' }] });
  const loan = aLoan({ borrower: { timeZone: 'Europe/Moscow' } });
  const calendars = { RU: { years: [2026], dates: ['2026-06-12'] } };

  it('treats a calendar date as a holiday', () => {
    // Fri 2026-06-12 08:30 MSK: a holiday, opens 09:00.
    expect(judge('2026-06-12T05:30:00Z', window, { loan, load: { calendars } })).toMatchObject({ type: 'deferred', until: '2026-06-12T06:00:00Z' });
  });

  it('requires the calendar at load time and fails closed outside its years', () => {
    expect(() => judge('2026-06-12T05:30:00Z', window, { loan })).toThrowErrorMatchingInlineSnapshot(`
      [ArrearsValidationError: Invalid compliance document (1 issue)
      ✖ Holiday calendar "RU" is not supplied: pass \`calendars: { RU: … }\` to \`loadCompliance\` (\`arrears/holidays\` builds one)
        → at rules[0].holidayCalendars[0]]
    `);
    expect(judge('2027-06-11T05:30:00Z', window, { loan, load: { calendars } })).toMatchObject({ type: 'blocked' });
  });
});

describe('days-past-due exception', () => {
  const night = rules.window({ id: 'test-night', windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '06:00', end: '22:00' }], exception: { daysPastDueOver: 15 } });
  const loan = aLoan({ oldestUnpaidDueDate: '2026-06-20', borrower: { timeZone: 'Asia/Manila' } });

  it('keeps the rule unless the lender opts in', () => {
    // 2026-07-15 23:00 PHT, 25 days past due.
    expect(judge('2026-07-15T15:00:00Z', night, { loan })).toMatchObject({ type: 'deferred' });
    expect(judge('2026-07-15T15:00:00Z', night, { loan, load: { exceptions: ['test-night'] } })).toEqual({ type: 'permitted' });
  });

  it('lifts the rule from the local midnight the loan passes the threshold', () => {
    const early = aLoan({ oldestUnpaidDueDate: '2026-06-30', borrower: { timeZone: 'Asia/Manila' } });
    // 2026-07-15 23:00 PHT is 15 days past due; at 00:00 on 07-16 it is 16.
    expect(judge('2026-07-15T15:00:00Z', night, { loan: early, load: { exceptions: ['test-night'] } })).toMatchObject({ type: 'deferred', until: '2026-07-15T16:00:00Z' });
  });

  it('rejects an exception for a rule that has none', () => {
    expect(() => judge('2026-07-15T15:00:00Z', night, { loan, load: { exceptions: ['nope'] } })).toThrow(/No rule "nope"/);
  });
});

describe('legal eligibility', () => {
  const barred: ComplianceRule = { ...base, id: 'test-time-barred', kind: 'time-barred', steps: ['claim', 'suit'] };
  const minimum: ComplianceRule = { ...base, id: 'test-minimum', kind: 'minimum-balance', amount: 5000, currency: 'GBP', steps: ['bankruptcy_petition'] };
  const notice: ComplianceRule = { ...base, id: 'test-notice', kind: 'notice-period', notice: 'default_notice', wait: { type: 'consecutive-days', days: 14 }, steps: ['termination'] };
  const uk = aLoan({ currency: 'GBP', balance: 4200, borrower: { timeZone: 'Europe/London' } });

  it('blocks a suit on a time-barred debt, and when the limitation date is unknown', () => {
    const legal = { type: 'legal' as const, params: { step: 'suit' } };
    expect(judge('2026-07-15T12:00:00Z', barred, { loan: aLoan({ limitationExpiresOn: '2026-07-15' }), action: legal })).toMatchObject({ type: 'blocked' });
    expect(judge('2026-07-15T12:00:00Z', barred, { loan: aLoan({ limitationExpiresOn: '2026-07-16' }), action: legal })).toEqual({ type: 'permitted' });
    expect(judge('2026-07-15T12:00:00Z', barred, { action: legal })).toMatchObject({ type: 'blocked' });
    // A call is not a legal step; a demand letter step is not in `steps`.
    expect(judge('2026-07-15T12:00:00Z', barred, { loan: aLoan({ limitationExpiresOn: '2026-01-01' }) })).toEqual({ type: 'permitted' });
    expect(judge('2026-07-15T12:00:00Z', barred, { loan: aLoan({ limitationExpiresOn: '2026-01-01' }), action: { type: 'legal', params: { step: 'demand' } } })).toEqual({ type: 'permitted' });
    // A legal action naming no step could be a suit.
    expect(judge('2026-07-15T12:00:00Z', barred, { loan: aLoan({ limitationExpiresOn: '2026-01-01' }), action: { type: 'legal' } })).toMatchObject({ type: 'blocked' });
  });

  it('blocks a bankruptcy petition under the threshold or in another currency', () => {
    const petition = { type: 'legal' as const, params: { step: 'bankruptcy_petition' } };
    expect(judge('2026-07-15T12:00:00Z', minimum, { loan: uk, action: petition })).toMatchObject({ type: 'blocked' });
    expect(judge('2026-07-15T12:00:00Z', minimum, { loan: aLoan({ currency: 'GBP', balance: 5000, borrower: { timeZone: 'Europe/London' } }), action: petition })).toEqual({ type: 'permitted' });
    expect(judge('2026-07-15T12:00:00Z', minimum, { loan: aLoan({ currency: 'EUR', balance: 9000 }), action: petition })).toMatchObject({ type: 'blocked' });
  });

  it('waits out a notice period, and blocks without a notice', () => {
    const termination = { type: 'legal' as const, params: { step: 'termination' } };
    const served: HistoryEvent[] = [{ type: 'notice', at: '2026-06-01T10:00:00Z', notice: 'default_notice' }];
    expect(judge('2026-06-10T10:00:00Z', notice, { loan: uk, history: served, action: termination })).toMatchObject({ type: 'deferred', until: '2026-06-14T23:00:00Z' });
    expect(judge('2026-06-10T10:00:00Z', notice, { loan: uk, action: termination })).toMatchObject({ type: 'blocked' });
  });
});

describe('third-party contacts', () => {
  const rule: ComplianceRule = { ...base, id: 'test-third-party', kind: 'third-party', unreachable: { days: 7, minAttempts: 3 }, maxPerContact: 1 };
  const toContact = { type: 'call' as const, params: { recipient: 'third_party', contactId: 'C-1' } };

  it('permits a contact only while the borrower is unreachable', () => {
    const answered = [aCall('2026-07-14T14:00:00Z', { outcome: 'conversation' })];
    expect(judge('2026-07-15T14:00:00Z', rule, { history: answered, action: toContact })).toMatchObject({ type: 'blocked' });
    const unanswered = [aCall('2026-07-10T14:00:00Z'), aCall('2026-07-12T14:00:00Z'), aCall('2026-07-14T14:00:00Z')];
    expect(judge('2026-07-15T14:00:00Z', rule, { history: unanswered, action: toContact })).toEqual({ type: 'permitted' });
    // A borrower call is not judged by the rule.
    expect(judge('2026-07-15T14:00:00Z', rule, { history: answered })).toEqual({ type: 'permitted' });
  });

  it('stops after one contact, and after the contact person asks to stop', () => {
    const unanswered = [aCall('2026-07-10T14:00:00Z'), aCall('2026-07-12T14:00:00Z'), aCall('2026-07-14T14:00:00Z')];
    const once = [...unanswered, aCall('2026-07-14T15:00:00Z', { recipient: 'third_party', contactId: 'C-1', outcome: 'conversation' })];
    expect(judge('2026-07-15T14:00:00Z', rule, { history: once, action: toContact })).toMatchObject({ type: 'blocked' });
    expect(judge('2026-07-15T14:00:00Z', rule, { history: once, action: { type: 'call', params: { recipient: 'third_party', contactId: 'C-2' } } })).toEqual({ type: 'permitted' });
    const stop = [...unanswered, aCall('2026-07-14T15:00:00Z', { recipient: 'third_party', contactId: 'C-2', direction: 'inbound', outcome: 'stop_request' })];
    expect(judge('2026-07-15T14:00:00Z', { ...rule, maxPerContact: undefined } as ComplianceRule, { history: stop, action: { type: 'call', params: { recipient: 'third_party', contactId: 'C-2' } } })).toMatchObject({ type: 'blocked' });
  });

  it('does not count calls to third parties against the borrower’s caps', () => {
    const thirdParty = Array.from({ length: 7 }, (_, i) => aCall(`2026-04-0${i + 1}T14:00:00Z`, { recipient: 'third_party', contactId: `C-${i}` }));
    expect(judge('2026-04-07T18:00:00Z', rules.cap(), { history: thirdParty })).toEqual({ type: 'permitted' });
  });
});

describe('status durations', () => {
  it('assumes a duration for a status without an end, and extends after its end', () => {
    const advice = rules.status({ statuses: ['debt_advice'], assumedDuration: { type: 'consecutive-days', days: 30 } });
    const loan = aLoan({ borrower: { timeZone: 'Europe/London', statuses: [{ type: 'debt_advice', from: '2026-09-01T09:00:00Z' }] } });
    expect(judge('2026-09-11T09:00:00Z', advice, { loan })).toMatchObject({ type: 'deferred', until: '2026-09-30T23:00:00Z' });
    const crisis = rules.status({ statuses: ['mental_health_crisis'], extendAfterEnd: { type: 'rolling', hours: 720 } });
    const treated = aLoan({ borrower: { statuses: [{ type: 'mental_health_crisis', from: '2026-09-01T09:00:00Z', until: '2026-09-10T09:00:00Z' }] } });
    expect(judge('2026-09-20T09:00:00Z', crisis, { loan: treated })).toMatchObject({ type: 'deferred', until: '2026-10-10T09:00:00Z' });
  });
});
