import { describe, expect, it } from 'vitest';
import { check, loadCompliance, type ComplianceRule, type HistoryEvent } from '../../../src/index.js';
import { aCall, aDocument, aLoan, rules } from '../../helpers/builders.js';

const judge = (now: string, history: HistoryEvent[], rule: ComplianceRule = rules.coolDown(), loan = aLoan()) =>
  check({ now, loan, history, action: { type: 'call' } }, { compliance: loadCompliance(aDocument([rule])) });

// Conversation Fri 2026-08-14 at 20:55 EDT (Reg F comment 14(b)(2)(ii)-1.ii).
const conversation = aCall('2026-08-15T00:55:00Z', { outcome: 'conversation' });

describe('cool-down', () => {
  it('counts consecutive local days with the day of the event as day 1', () => {
    expect(judge('2026-08-20T14:00:00Z', [conversation])).toMatchObject({ type: 'deferred', until: '2026-08-21T04:00:00Z' });
    expect(judge('2026-08-21T12:05:00Z', [conversation])).toEqual({ type: 'permitted' });
  });

  it('ends at local midnight even 6 days 23 hours later', () => {
    const late = aCall('2026-08-15T03:30:00Z', { outcome: 'conversation' }); // Fri 23:30 EDT
    expect(judge('2026-08-22T02:30:00Z', [late], rules.coolDown(), aLoan())).toEqual({ type: 'permitted' }); // Fri 22:30 EDT, day 8
  });

  it('waits a rolling duration to the millisecond', () => {
    const rule = rules.coolDown({ duration: { type: 'rolling', hours: 48 } });
    expect(judge('2026-08-17T00:54:59Z', [conversation], rule)).toMatchObject({ type: 'deferred', until: '2026-08-17T00:55:00Z' });
  });

  it('starts only from matching events of this debt', () => {
    expect(judge('2026-08-16T14:00:00Z', [aCall('2026-08-15T00:55:00Z')])).toEqual({ type: 'permitted' });
    expect(judge('2026-08-16T14:00:00Z', [{ ...conversation, debtId: 'OTHER' }])).toEqual({ type: 'permitted' });
    expect(judge('2026-08-16T14:00:00Z', [{ ...conversation, debtId: 'OTHER' }], rules.coolDown({ scope: 'borrower' }))).toMatchObject({ type: 'deferred' });
  });

  it('counts inbound conversations too (directions default to both)', () => {
    expect(judge('2026-08-16T14:00:00Z', [{ ...conversation, direction: 'inbound' }])).toMatchObject({ type: 'deferred' });
  });

  it('explains itself', () => {
    const verdict = judge('2026-08-20T14:00:00Z', [conversation]);
    expect(verdict.type === 'deferred' && verdict.by[0]?.reason).toMatchInlineSnapshot(`"A call conversation at 2026-08-15T00:55:00Z starts 7 consecutive days of waiting (America/New_York; the day of the event is day 1) that end 2026-08-21T04:00:00Z"`);
  });
});
