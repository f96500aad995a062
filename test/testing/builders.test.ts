import { describe, expect, it } from 'vitest';
import { decide, loadCompliance, loadPolicy } from '../../src/index.js';
import { presets } from '../../src/presets/index.js';
import {
  TEST_NOW,
  aBorrower,
  aCall,
  aContact,
  aHistory,
  aLetter,
  aLoan,
  anEmail,
  anInput,
  anOptOut,
  anSms,
  aPayment,
  aPromise,
  aStatus,
  aStep,
  aVisit,
} from '../../src/testing/index.js';

describe('aLoan', () => {
  it('builds a loan 25 days past due with a New York borrower', () => {
    expect(aLoan()).toEqual({
      id: 'L-1',
      product: 'cash_loan',
      currency: 'USD',
      balance: 2400,
      amountOverdue: 300,
      oldestUnpaidDueDate: '2026-06-20',
      borrower: { id: 'B-1', timeZone: 'America/New_York', addressVerified: true },
    });
  });

  it('replaces fields and merges the borrower', () => {
    const loan = aLoan({ balance: 9000, borrower: { timeZone: 'Asia/Shanghai', statuses: [aStatus('dispute')] } });
    expect(loan.balance).toBe(9000);
    expect(loan.borrower).toEqual({ id: 'B-1', timeZone: 'Asia/Shanghai', addressVerified: true, statuses: [{ type: 'dispute', from: '2026-07-01T00:00:00Z' }] });
  });

  it('sets the due date from `daysPastDue`, counted to 2026-07-15 or `asOf`', () => {
    expect(aLoan({ daysPastDue: 31 }).oldestUnpaidDueDate).toBe('2026-06-14');
    expect(aLoan({ daysPastDue: 1, asOf: '2026-03-01' }).oldestUnpaidDueDate).toBe('2026-02-28');
    expect(aLoan({ daysPastDue: 0 }).oldestUnpaidDueDate).toBeNull();
    expect(aLoan({ daysPastDue: 5, oldestUnpaidDueDate: '2026-01-01' }).oldestUnpaidDueDate).toBe('2026-01-01');
  });

  it('gives the days past due it was asked for, as the policy sees them', () => {
    const policy = loadPolicy({ rules: [{ name: 'd', conditions: { all: [{ fact: 'daysPastDue', operator: 'equal', value: 31 }] }, event: { type: 'candidate', params: { action: 'sms', rank: 1 } } }] });
    const decision = decide(anInput({ loan: { daysPastDue: 31 } }), { policy, compliance: loadCompliance(presets['us-federal']) });
    expect(decision.type).toBe('act');
  });

  it('returns a new object each time', () => {
    const a = aLoan();
    a.borrower.id = 'changed';
    expect(aLoan().borrower.id).toBe('B-1');
  });
});

describe('event builders', () => {
  it('default to one day before TEST_NOW, outbound, with a typical outcome', () => {
    expect(TEST_NOW).toBe('2026-07-15T15:00:00Z');
    expect(aCall()).toEqual({ type: 'contact', at: '2026-07-14T15:00:00Z', channel: 'call', direction: 'outbound', outcome: 'no_answer' });
    expect(anSms().outcome).toBe('delivered');
    expect(anEmail().channel).toBe('email');
    expect(aVisit().channel).toBe('visit');
    expect(aLetter().channel).toBe('letter');
    expect(aContact().channel).toBe('call');
    expect(aPromise()).toEqual({ type: 'promise', at: '2026-07-14T15:00:00Z', amount: 300, dueDate: '2026-07-20' });
    expect(aPayment()).toEqual({ type: 'payment', at: '2026-07-14T15:00:00Z', amount: 300 });
    expect(aStep()).toEqual({ type: 'step', at: '2026-07-14T15:00:00Z', action: 'legal' });
    expect(anOptOut('sms')).toEqual({ channel: 'sms', at: '2026-07-10T12:00:00Z' });
  });

  it('take the instant first, or in the overrides', () => {
    expect(aCall('2026-07-13T14:10:00Z', { outcome: 'conversation' })).toMatchObject({ at: '2026-07-13T14:10:00Z', outcome: 'conversation' });
    expect(aCall({ at: '2026-07-13T14:10:00Z', direction: 'inbound' })).toMatchObject({ at: '2026-07-13T14:10:00Z', direction: 'inbound' });
    expect(aStep({ action: 'hardship_plan' }).action).toBe('hardship_plan');
  });
});

describe('aHistory and anInput', () => {
  it('flatten events and lists, in order', () => {
    const calls = [aCall('2026-07-10T14:00:00Z'), aCall('2026-07-11T14:00:00Z')];
    expect(aHistory(anSms(), calls, aPayment()).map((e) => e.type)).toEqual(['contact', 'contact', 'contact', 'payment']);
  });

  it('builds an input at TEST_NOW, from loan overrides or a loan', () => {
    expect(anInput()).toEqual({ now: TEST_NOW, loan: aLoan(), history: [] });
    expect(anInput({ loan: { daysPastDue: 3 } }).loan.oldestUnpaidDueDate).toBe('2026-07-12');
    const own = { ...aLoan(), borrower: aBorrower({ timeZone: undefined, timeZones: ['Asia/Tokyo'] }) };
    expect(anInput({ loan: own, now: '2026-07-15T01:00:00Z' })).toEqual({ now: '2026-07-15T01:00:00Z', loan: own, history: [] });
  });

  it('builds inputs that decide', () => {
    const policy = loadPolicy({ rules: [{ name: 'call', conditions: { all: [] }, event: { type: 'candidate', params: { action: 'call', rank: 1 } } }] });
    const history = aHistory(aCall('2026-07-14T14:00:00Z', { outcome: 'conversation' }), anSms(), aPromise({ dueDate: '2026-07-10' }), aPayment({ amount: 10 }), aStep({ action: 'agency' }));
    expect(() => decide(anInput({ history }), { policy, compliance: loadCompliance(presets['us-federal']) })).not.toThrow();
  });
});
