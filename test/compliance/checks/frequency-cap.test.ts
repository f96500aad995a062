import { describe, expect, it } from 'vitest';
import { check, loadCompliance, type ComplianceRule, type HistoryEvent } from '../../../src/index.js';
import { aCall, aDocument, aLoan, anSms, rules } from '../../helpers/builders.js';

const judge = (now: string, history: HistoryEvent[], rule: ComplianceRule = rules.cap(), action: { type: 'call' | 'sms'; params?: Record<string, unknown> } = { type: 'call' }, loan = aLoan()) =>
  check({ now, loan, history, action }, { compliance: loadCompliance(aDocument([rule])) });

// Seven ringing calls, one a day at 10:00 EDT, Wed 2026-04-01 … Tue 2026-04-07 (Reg F example).
const sevenCalls = Array.from({ length: 7 }, (_, i) => aCall(`2026-04-0${i + 1}T14:00:00Z`));

describe('frequency cap', () => {
  it('counts the action itself: the 8th call in 7 consecutive days waits for day 8', () => {
    const verdict = judge('2026-04-07T18:00:00Z', sevenCalls);
    expect(verdict).toMatchObject({ type: 'deferred', until: '2026-04-08T04:00:00Z', by: [{ id: 'test-cap' }] });
    expect(verdict.type === 'deferred' && verdict.by[0]?.reason).toMatchInlineSnapshot(`"7 counted call attempts in the 7 consecutive days 2026-04-01 to 2026-04-07 (America/New_York); at most 7 are permitted, this one included"`);
    expect(judge('2026-04-08T13:00:00Z', sevenCalls)).toEqual({ type: 'permitted' });
    expect(judge('2026-04-07T18:00:00Z', sevenCalls.slice(1))).toEqual({ type: 'permitted' });
  });

  it('ignores outcomes outside the filter (busy signals)', () => {
    const history = [...sevenCalls.slice(1), aCall('2026-04-07T15:00:00Z', { outcome: 'busy' }), aCall('2026-04-07T15:10:00Z', { outcome: 'busy' })];
    expect(judge('2026-04-07T18:00:00Z', history)).toEqual({ type: 'permitted' });
  });

  it('counts per debt, per borrower or per address as the scope says', () => {
    const otherDebt = sevenCalls.map((c) => ({ ...c, debtId: 'OTHER' }));
    expect(judge('2026-04-07T18:00:00Z', otherDebt)).toEqual({ type: 'permitted' });
    expect(judge('2026-04-07T18:00:00Z', otherDebt, rules.cap({ scope: 'borrower' }))).toMatchObject({ type: 'deferred' });

    const perNumber = rules.cap({ scope: 'address', max: 6, period: { type: 'consecutive-days', days: 1 } });
    const six = Array.from({ length: 6 }, (_, i) => aCall(`2026-04-07T1${i}:00:00Z`, { address: 'mobile' }));
    expect(judge('2026-04-07T18:00:00Z', six, perNumber, { type: 'call', params: { address: 'mobile' } })).toMatchObject({ type: 'deferred', until: '2026-04-08T04:00:00Z' });
    expect(judge('2026-04-07T18:00:00Z', six, perNumber, { type: 'call', params: { address: 'home' } })).toEqual({ type: 'permitted' });
    // An action that names no address could be to that number: every address counts.
    expect(judge('2026-04-07T18:00:00Z', six, perNumber)).toMatchObject({ type: 'deferred' });
  });

  it('counts a rolling period to the millisecond', () => {
    const rule = rules.cap({ max: 2, period: { type: 'rolling', hours: 24 } });
    const history = [aCall('2026-04-07T10:00:00Z'), aCall('2026-04-07T12:00:00Z')];
    expect(judge('2026-04-08T09:59:59Z', history, rule)).toMatchObject({ type: 'deferred', until: '2026-04-08T10:00:00Z' });
    expect(judge('2026-04-08T10:00:00Z', history, rule)).toEqual({ type: 'permitted' });
  });

  it('counts calendar weeks and months in local time', () => {
    const week = rules.cap({ max: 2, period: { type: 'calendar-week', weekStartsOn: 'mon' }, counts: { channels: ['call', 'sms'] }, actions: ['call', 'sms'] });
    // Mon 2026-04-06 and Tue 2026-04-07 (EDT); Thu 2026-04-09 → next Monday 00:00 EDT.
    const history = [aCall('2026-04-06T14:00:00Z'), anSms('2026-04-07T14:00:00Z')];
    expect(judge('2026-04-09T14:00:00Z', history, week, { type: 'sms' })).toMatchObject({ type: 'deferred', until: '2026-04-13T04:00:00Z' });
    const month = rules.cap({ max: 2, period: { type: 'calendar-month' }, counts: { channels: ['call', 'sms'] } });
    expect(judge('2026-04-29T14:00:00Z', history, month)).toMatchObject({ type: 'deferred', until: '2026-05-01T04:00:00Z' });
  });

  it('aggregates the lender and its agencies unless `by` narrows it', () => {
    const rule = rules.cap({ max: 3, period: { type: 'consecutive-days', days: 1 }, scope: 'borrower', counts: { channels: ['call'], outcomes: ['conversation'] } });
    const history = [
      aCall('2026-04-07T14:00:00Z', { outcome: 'conversation' }),
      aCall('2026-04-07T15:00:00Z', { outcome: 'conversation', by: 'agency' }),
      aCall('2026-04-07T16:00:00Z', { outcome: 'conversation' }),
    ];
    expect(judge('2026-04-07T18:00:00Z', history, rule)).toMatchObject({ type: 'deferred' });
    const lenderOnly = rules.cap({ max: 3, period: { type: 'consecutive-days', days: 1 }, scope: 'borrower', counts: { channels: ['call'], outcomes: ['conversation'], by: ['lender'] } });
    expect(judge('2026-04-07T18:00:00Z', history, lenderOnly)).toEqual({ type: 'permitted' });
  });

  it('blocks for good when the cap is zero', () => {
    expect(judge('2026-04-07T18:00:00Z', [], rules.cap({ max: 0 }))).toMatchObject({ type: 'blocked' });
  });

  it('counts inbound contacts only when the filter asks for them', () => {
    const inbound = Array.from({ length: 7 }, (_, i) => aCall(`2026-04-0${i + 1}T14:00:00Z`, { direction: 'inbound', outcome: 'conversation' }));
    expect(judge('2026-04-07T18:00:00Z', inbound, rules.cap({ counts: { channels: ['call'], outcomes: ['conversation'] } }))).toEqual({ type: 'permitted' });
    expect(judge('2026-04-07T18:00:00Z', inbound, rules.cap({ counts: { channels: ['call'], directions: ['inbound', 'outbound'] } }))).toMatchObject({ type: 'deferred' });
  });
});
