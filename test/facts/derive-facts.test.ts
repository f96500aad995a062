import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Borrower, BorrowerStatus, Loan } from '../../src/domain/loan.js';
import type { ContactEvent, HistoryEvent, PaymentEvent, PromiseEvent, StepEvent } from '../../src/domain/history.js';
import type { StepAction } from '../../src/domain/vocabulary.js';
import { deriveFacts } from '../../src/facts/derive-facts.js';
import type { DerivedFacts } from '../../src/facts/derive-facts.js';
import { FACT_CATALOG } from '../../src/facts/catalog.js';
import { indexHistory } from '../../src/facts/history-index.js';
import { localDate } from '../../src/_lib/local-time.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW_ISO = '2026-07-15T13:30:00Z';
const NOW = Date.parse(NOW_ISO);

const iso = (ms: number): string => new Date(ms).toISOString();
/** The instant `ms` before `NOW`. */
const ago = (ms: number): string => iso(NOW - ms);

function aLoan(overrides: Partial<Loan> = {}, borrower: Partial<Borrower> = {}): Loan {
  return {
    id: 'L-1',
    product: 'cash_loan',
    currency: 'CNY',
    balance: 8400,
    amountOverdue: 1200,
    oldestUnpaidDueDate: '2026-06-20',
    ...overrides,
    borrower: { id: 'B-1', ...borrower },
  };
}

function aContact(at: string, overrides: Partial<ContactEvent> = {}): ContactEvent {
  return { type: 'contact', at, channel: 'call', direction: 'outbound', outcome: 'no_answer', ...overrides };
}

function aPromise(at: string, amount: number, dueDate: string, overrides: Partial<PromiseEvent> = {}): PromiseEvent {
  return { type: 'promise', at, amount, dueDate, ...overrides };
}

function aPayment(at: string, amount: number, overrides: Partial<PaymentEvent> = {}): PaymentEvent {
  return { type: 'payment', at, amount, ...overrides };
}

function aStep(at: string, action: StepAction, overrides: Partial<StepEvent> = {}): StepEvent {
  return { type: 'step', at, action, ...overrides };
}

function aStatus(overrides: Partial<BorrowerStatus> = {}): BorrowerStatus {
  return { type: 'hardship_plan', from: '2026-07-01T00:00:00Z', ...overrides };
}

interface DeriveOptions {
  now?: number;
  zones?: readonly string[];
}

function derive(loan: Loan, history: readonly HistoryEvent[], { now = NOW, zones = ['Asia/Shanghai'] }: DeriveOptions = {}): DerivedFacts {
  return deriveFacts(loan, indexHistory(history, loan.debtId ?? loan.id), now, zones);
}

const factsOf = (loan: Loan, history: readonly HistoryEvent[], options?: DeriveOptions) => derive(loan, history, options).facts;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A loan with every kind of event, Asia/Shanghai, now = 2026-07-15T13:30Z (21:30 local). */
function richLoan(): Loan {
  return aLoan(
    { riskScore: 640, attributes: { segment: 'A', vip: false, limit: 3 } },
    { addressVerified: true, statuses: [aStatus({ from: '2026-07-01T00:00:00Z' })] },
  );
}

function richHistory(): HistoryEvent[] {
  return [
    aContact(ago(1 * HOUR), { outcome: 'no_answer' }),
    aContact(ago(3 * HOUR), { outcome: 'voicemail' }),
    aContact(ago(12 * HOUR), { direction: 'inbound', outcome: 'conversation' }),
    aContact(ago(24 * HOUR), { outcome: 'busy' }),
    aContact(ago(5 * DAY), { outcome: 'no_answer' }),
    aContact(ago(14 * DAY), { outcome: 'no_answer' }),
    aContact(ago(6 * HOUR), { channel: 'sms', outcome: 'delivered' }),
    aContact(ago(3 * DAY), { channel: 'sms', outcome: 'failed' }),
    aContact(ago(30 * 60_000), { channel: 'sms', direction: 'inbound', outcome: 'delivered' }),
    aContact(ago(2 * DAY), { channel: 'email', outcome: 'delivered' }),
    aContact(ago(20 * DAY), { channel: 'visit', outcome: 'no_answer' }),
    aContact(ago(10 * DAY), { channel: 'letter', outcome: 'delivered' }),
    aStep(ago(7 * DAY), 'legal'),
    aStep(ago(30 * DAY), 'agency'),
    aStep('2026-07-01T01:30:00Z', 'hardship_plan'),
    // Kept: 300 + 200, the second at 23:00 Shanghai time on the due date.
    aPromise('2026-07-01T02:00:00Z', 500, '2026-07-05'),
    aPayment('2026-07-03T02:00:00Z', 300),
    aPayment('2026-07-05T15:00:00Z', 200),
    // Broken: 100 of 400 by the due date (the payments above came before the promise).
    aPromise('2026-07-06T02:00:00Z', 400, '2026-07-10'),
    aPayment('2026-07-09T02:00:00Z', 100),
    // Active: due in five days, nothing paid yet.
    aPromise('2026-07-14T02:40:00Z', 500, '2026-07-20'),
  ];
}

describe('deriveFacts', () => {
  it('derives every catalog fact from a rich history', () => {
    const { facts, assumptions } = derive(richLoan(), richHistory());
    expect(facts).toEqual({
      daysPastDue: 25,
      balance: 8400,
      amountOverdue: 1200,
      riskScore: 640,
      product: 'cash_loan',
      currency: 'CNY',
      addressVerified: true,
      callAttempts24h: 2,
      callAttempts7d: 4,
      callAttempts30d: 5,
      smsAttempts24h: 1,
      smsAttempts7d: 2,
      smsAttempts30d: 2,
      visitAttempts24h: 0,
      visitAttempts7d: 0,
      visitAttempts30d: 1,
      consecutiveUnansweredCalls: 2,
      hoursSinceLastConversation: 12,
      hoursSinceLastSms: 6,
      hoursSinceLastEmail: 48,
      hoursSinceLastCall: 1,
      hoursSinceLastVisit: 480,
      hoursSinceLastLetter: 240,
      hoursSinceLastLegal: 168,
      hoursSinceLastAgency: 720,
      hoursSinceLastHardshipPlan: 348,
      promisesMade: 3,
      promisesKept: 1,
      promisesBroken: 1,
      activePromise: true,
      daysSinceLastPayment: 6,
      onHardshipPlan: true,
      'attributes.segment': 'A',
      'attributes.vip': false,
      'attributes.limit': 3,
    });
    expect(assumptions).toEqual([]);
  });

  it('derives the empty-history values', () => {
    const { facts, assumptions } = derive(aLoan(), []);
    expect(facts).toEqual({
      daysPastDue: 25,
      balance: 8400,
      amountOverdue: 1200,
      riskScore: null,
      product: 'cash_loan',
      currency: 'CNY',
      addressVerified: false,
      callAttempts24h: 0,
      callAttempts7d: 0,
      callAttempts30d: 0,
      smsAttempts24h: 0,
      smsAttempts7d: 0,
      smsAttempts30d: 0,
      visitAttempts24h: 0,
      visitAttempts7d: 0,
      visitAttempts30d: 0,
      consecutiveUnansweredCalls: 0,
      hoursSinceLastConversation: null,
      hoursSinceLastSms: null,
      hoursSinceLastEmail: null,
      hoursSinceLastCall: null,
      hoursSinceLastVisit: null,
      hoursSinceLastLetter: null,
      hoursSinceLastLegal: null,
      hoursSinceLastAgency: null,
      hoursSinceLastHardshipPlan: null,
      promisesMade: 0,
      promisesKept: 0,
      promisesBroken: 0,
      activePromise: false,
      daysSinceLastPayment: null,
      onHardshipPlan: false,
    });
    expect(assumptions).toEqual([]);
  });

  it('lists catalog facts in catalog order, then the attributes', () => {
    const { facts } = derive(richLoan(), richHistory());
    expect(Object.keys(facts)).toEqual([...FACT_CATALOG.map((fact) => fact.name), 'attributes.segment', 'attributes.vip', 'attributes.limit']);
  });

  describe('loan fields', () => {
    it('reads a null risk score as null', () => {
      expect(factsOf(aLoan({ riskScore: null }), [])['riskScore']).toBeNull();
    });

    it('reads a zero risk score as zero', () => {
      expect(factsOf(aLoan({ riskScore: 0 }), [])['riskScore']).toBe(0);
    });

    it('reads an unverified address as false', () => {
      expect(factsOf(aLoan({}, { addressVerified: false }), [])['addressVerified']).toBe(false);
    });

    it('adds no attribute facts for a loan without attributes', () => {
      const keys = Object.keys(factsOf(aLoan({ attributes: {} }), []));
      expect(keys.filter((key) => key.startsWith('attributes.'))).toEqual([]);
    });
  });

  describe('daysPastDue', () => {
    it('counts borrower-local days from the oldest unpaid due date', () => {
      expect(factsOf(aLoan({ oldestUnpaidDueDate: '2026-07-14' }), [])['daysPastDue']).toBe(1);
    });

    it('is 0 when the oldest unpaid due date is absent or null', () => {
      const { oldestUnpaidDueDate: _, ...withoutDate } = aLoan();
      expect(factsOf(withoutDate, [])['daysPastDue']).toBe(0);
      expect(factsOf(aLoan({ oldestUnpaidDueDate: null }), [])['daysPastDue']).toBe(0);
    });

    it('is 0 on the due date and before it', () => {
      expect(factsOf(aLoan({ oldestUnpaidDueDate: '2026-07-15' }), [])['daysPastDue']).toBe(0);
      expect(factsOf(aLoan({ oldestUnpaidDueDate: '2026-08-01' }), [])['daysPastDue']).toBe(0);
    });

    it('counts in Asia/Shanghai, already a day ahead of UTC', () => {
      const now = Date.parse('2026-07-15T17:00:00Z'); // 2026-07-16 01:00 in Shanghai
      const loan = aLoan({ oldestUnpaidDueDate: '2026-07-01' });
      expect(factsOf(loan, [], { now, zones: ['Asia/Shanghai'] })['daysPastDue']).toBe(15);
      expect(factsOf(loan, [], { now, zones: ['UTC'] })['daysPastDue']).toBe(14);
    });

    it('counts in Pacific/Honolulu, still a day behind UTC', () => {
      const now = Date.parse('2026-07-15T09:00:00Z'); // 2026-07-14 23:00 in Honolulu
      const loan = aLoan({ oldestUnpaidDueDate: '2026-07-01' });
      expect(factsOf(loan, [], { now, zones: ['Pacific/Honolulu'] })['daysPastDue']).toBe(13);
      expect(factsOf(loan, [], { now, zones: ['UTC'] })['daysPastDue']).toBe(14);
    });

    it('takes the minimum over several candidate zones', () => {
      const loan = aLoan({ oldestUnpaidDueDate: '2026-07-01' });
      const zones = ['Asia/Shanghai', 'Pacific/Honolulu'];
      expect(factsOf(loan, [], { now: Date.parse('2026-07-15T17:00:00Z'), zones })['daysPastDue']).toBe(14);
      expect(factsOf(loan, [], { now: Date.parse('2026-07-15T09:00:00Z'), zones })['daysPastDue']).toBe(13);
    });

    it('does not shift across the spring-forward day in America/New_York', () => {
      const zones = ['America/New_York'];
      const loan = aLoan({ oldestUnpaidDueDate: '2026-03-08' });
      // 2026-03-08 has 23 hours in New York: local midnight 05:00Z, next local midnight 04:00Z.
      expect(factsOf(loan, [], { now: Date.parse('2026-03-08T05:00:00Z'), zones })['daysPastDue']).toBe(0);
      expect(factsOf(loan, [], { now: Date.parse('2026-03-09T03:59:59.999Z'), zones })['daysPastDue']).toBe(0);
      expect(factsOf(loan, [], { now: Date.parse('2026-03-09T04:00:00Z'), zones })['daysPastDue']).toBe(1);
      const earlier = aLoan({ oldestUnpaidDueDate: '2026-03-07' });
      expect(factsOf(earlier, [], { now: Date.parse('2026-03-09T04:00:00Z'), zones })['daysPastDue']).toBe(2);
    });
  });

  describe('time zones', () => {
    it('counts calendar facts in UTC and says so when no zone is known', () => {
      const now = Date.parse('2026-07-15T17:00:00Z');
      const { facts, assumptions } = derive(aLoan({ oldestUnpaidDueDate: '2026-07-01' }), [], { now, zones: [] });
      expect(facts['daysPastDue']).toBe(14);
      expect(assumptions).toEqual([
        { type: 'assumption.stricter', subject: 'days-past-due', reason: 'Time zone unknown: calendar facts counted in UTC' },
      ]);
    });

    it('adds no assumption when a zone is known', () => {
      expect(derive(aLoan(), [], { zones: ['UTC'] }).assumptions).toEqual([]);
    });
  });

  describe('attempt windows', () => {
    const windows = [
      ['24h', DAY],
      ['7d', 7 * DAY],
      ['30d', 30 * DAY],
    ] as const;

    for (const [suffix, span] of windows) {
      it(`counts a call ${suffix} − 1 ms before now but not one exactly ${suffix} before`, () => {
        const facts = factsOf(aLoan(), [aContact(ago(span)), aContact(ago(span - 1)), aContact(NOW_ISO)]);
        expect(facts[`callAttempts${suffix}`]).toBe(2);
      });
    }

    it('counts outbound attempts of each channel whatever their outcome', () => {
      const history = [
        aContact(ago(HOUR), { outcome: 'conversation' }),
        aContact(ago(2 * HOUR), { outcome: 'wrong_party' }),
        aContact(ago(3 * HOUR), { channel: 'sms', outcome: 'delivered' }),
        aContact(ago(4 * HOUR), { channel: 'sms', outcome: 'stop_request' }),
        aContact(ago(3 * DAY), { channel: 'visit', outcome: 'refused' }),
        aContact(ago(10 * DAY), { channel: 'visit', outcome: 'no_answer', by: 'agency' }),
      ];
      const facts = factsOf(aLoan(), history);
      expect([facts['callAttempts24h'], facts['smsAttempts24h'], facts['visitAttempts7d'], facts['visitAttempts30d']]).toEqual([2, 2, 1, 2]);
    });

    it('does not count inbound contacts or other channels as attempts', () => {
      const history = [
        aContact(ago(HOUR), { direction: 'inbound', outcome: 'conversation' }),
        aContact(ago(HOUR), { channel: 'sms', direction: 'inbound', outcome: 'delivered' }),
        aContact(ago(HOUR), { channel: 'email', outcome: 'delivered' }),
        aContact(ago(HOUR), { channel: 'letter', outcome: 'delivered' }),
      ];
      const facts = factsOf(aLoan(), history);
      expect([facts['callAttempts24h'], facts['smsAttempts24h'], facts['visitAttempts24h']]).toEqual([0, 0, 0]);
    });
  });

  describe('consecutiveUnansweredCalls', () => {
    it('counts unanswered outbound calls after the last conversation on any channel', () => {
      const history = [
        aContact(ago(6 * HOUR), { outcome: 'no_answer' }),
        aContact(ago(5 * HOUR), { channel: 'sms', direction: 'inbound', outcome: 'conversation' }),
        aContact(ago(4 * HOUR), { outcome: 'voicemail' }),
        aContact(ago(3 * HOUR), { outcome: 'busy' }),
        aContact(ago(2 * HOUR), { outcome: 'wrong_party' }),
        aContact(ago(2 * HOUR), { channel: 'sms', outcome: 'failed' }),
        aContact(ago(HOUR), { direction: 'inbound', outcome: 'no_answer' }),
        aContact(ago(HOUR), { outcome: 'not_in_service' }),
        aContact(ago(HOUR / 2), { outcome: 'failed' }),
      ];
      expect(factsOf(aLoan(), history)['consecutiveUnansweredCalls']).toBe(4);
    });

    it('counts every unanswered call when there was never a conversation', () => {
      const history = [aContact(ago(3 * DAY)), aContact(ago(2 * DAY), { outcome: 'busy' }), aContact(ago(DAY), { outcome: 'delivered' })];
      expect(factsOf(aLoan(), history)['consecutiveUnansweredCalls']).toBe(2);
    });

    it('is 0 right after a conversation', () => {
      const history = [aContact(ago(2 * HOUR)), aContact(ago(HOUR), { outcome: 'promise_to_pay' })];
      expect(factsOf(aLoan(), history)['consecutiveUnansweredCalls']).toBe(0);
    });
  });

  describe('hours since', () => {
    it('keeps the exact fraction of an hour', () => {
      const history = [aContact(ago(20 * 60_000), { channel: 'visit', outcome: 'refused' })];
      const facts = factsOf(aLoan(), history);
      expect(facts['hoursSinceLastConversation']).toBe(1 / 3);
      expect(facts['hoursSinceLastVisit']).toBe(1 / 3);
    });

    it('reads the last conversation in either direction', () => {
      const history = [aContact(ago(5 * HOUR), { outcome: 'conversation' }), aContact(ago(90 * 60_000), { channel: 'email', direction: 'inbound', outcome: 'conversation' })];
      expect(factsOf(aLoan(), history)['hoursSinceLastConversation']).toBe(1.5);
    });

    it('reads the last outbound contact of each channel and ignores inbound ones', () => {
      const history = [
        aContact(ago(10 * HOUR), { channel: 'sms', outcome: 'failed' }),
        aContact(ago(HOUR), { channel: 'sms', direction: 'inbound', outcome: 'delivered' }),
        aContact(ago(2 * HOUR), { channel: 'email', direction: 'inbound', outcome: 'delivered' }),
        aContact(ago(4 * HOUR), { channel: 'call', direction: 'inbound', outcome: 'conversation' }),
        aContact(ago(30 * HOUR), { channel: 'letter', outcome: 'failed' }),
        aContact(ago(50 * HOUR), { channel: 'letter', outcome: 'delivered' }),
      ];
      const facts = factsOf(aLoan(), history);
      expect(facts['hoursSinceLastSms']).toBe(10);
      expect(facts['hoursSinceLastEmail']).toBeNull();
      expect(facts['hoursSinceLastCall']).toBeNull();
      expect(facts['hoursSinceLastLetter']).toBe(30);
    });

    it('reads legal, agency and hardship plan steps', () => {
      const history = [aStep(ago(2 * HOUR), 'legal'), aStep(ago(5 * HOUR), 'legal'), aStep(ago(36 * HOUR), 'agency'), aStep(ago(HOUR / 4), 'hardship_plan')];
      const facts = factsOf(aLoan(), history);
      expect([facts['hoursSinceLastLegal'], facts['hoursSinceLastAgency'], facts['hoursSinceLastHardshipPlan']]).toEqual([2, 36, 0.25]);
    });
  });

  describe('promises', () => {
    // Now is 2026-07-15 21:30 in Shanghai.
    const promiseAt = '2026-07-10T00:00:00Z';

    it('keeps a promise paid in full by the end of the local due date', () => {
      const history = [aPromise(promiseAt, 500, '2026-07-12'), aPayment('2026-07-12T15:59:59.999Z', 500)]; // 23:59:59.999 local
      expect(factsOf(aLoan(), history)).toMatchObject({ promisesMade: 1, promisesKept: 1, promisesBroken: 0, activePromise: false });
    });

    it('breaks a promise paid at the first instant after its local due date', () => {
      const history = [aPromise(promiseAt, 500, '2026-07-12'), aPayment('2026-07-12T16:00:00Z', 500)]; // 07-13 00:00 local
      expect(factsOf(aLoan(), history)).toMatchObject({ promisesMade: 1, promisesKept: 0, promisesBroken: 1, activePromise: false });
    });

    it('keeps a promise as active on its due date and breaks it the day after', () => {
      const history = [aPromise(promiseAt, 500, '2026-07-15')];
      expect(factsOf(aLoan(), history)).toMatchObject({ promisesKept: 0, promisesBroken: 0, activePromise: true });
      const dayAfter = Date.parse('2026-07-15T16:00:00Z'); // 07-16 00:00 local
      expect(factsOf(aLoan(), history, { now: dayAfter - 1 })).toMatchObject({ promisesBroken: 0, activePromise: true });
      expect(factsOf(aLoan(), history, { now: dayAfter })).toMatchObject({ promisesBroken: 1, activePromise: false });
    });

    it('keeps a promise paid in full before its due date', () => {
      const history = [aPromise(promiseAt, 500, '2026-07-20'), aPayment(ago(HOUR), 200), aPayment(ago(2 * HOUR), 300)];
      expect(factsOf(aLoan(), history)).toMatchObject({ promisesKept: 1, activePromise: false });
    });

    it('sums payments from the instant of the promise, not before', () => {
      const history = [aPromise(promiseAt, 500, '2026-07-12'), aPayment(iso(Date.parse(promiseAt) - 1), 300), aPayment(promiseAt, 200)];
      expect(factsOf(aLoan(), history)).toMatchObject({ promisesKept: 0, promisesBroken: 1 });
    });

    it('sums decimal amounts without floating-point shortfall', () => {
      expect(0.7 + 0.1 < 0.8).toBe(true);
      const history = [aPromise(promiseAt, 0.8, '2026-07-12'), aPayment('2026-07-11T00:00:00Z', 0.7), aPayment('2026-07-12T00:00:00Z', 0.1)];
      expect(factsOf(aLoan(), history)).toMatchObject({ promisesKept: 1, promisesBroken: 0 });
    });

    it('lets one payment count towards several promises', () => {
      const history = [aPromise(promiseAt, 300, '2026-07-12'), aPromise('2026-07-10T01:00:00Z', 400, '2026-07-13'), aPayment('2026-07-11T00:00:00Z', 400)];
      expect(factsOf(aLoan(), history)).toMatchObject({ promisesMade: 2, promisesKept: 2 });
    });

    it('breaks a promise only when it is broken in every candidate zone', () => {
      const now = Date.parse('2026-07-15T17:00:00Z'); // Shanghai 07-16 01:00, Honolulu 07-15 07:00
      const history = [aPromise(promiseAt, 500, '2026-07-15')];
      expect(factsOf(aLoan(), history, { now, zones: ['Asia/Shanghai'] })).toMatchObject({ promisesBroken: 1, activePromise: false });
      expect(factsOf(aLoan(), history, { now, zones: ['Pacific/Honolulu'] })).toMatchObject({ promisesBroken: 0, activePromise: true });
      expect(factsOf(aLoan(), history, { now, zones: ['Asia/Shanghai', 'Pacific/Honolulu'] })).toMatchObject({
        promisesKept: 0,
        promisesBroken: 0,
        activePromise: true,
      });
    });

    it('keeps a promise kept in any candidate zone', () => {
      const now = Date.parse('2026-07-16T12:00:00Z');
      // Paid at Shanghai 07-16 01:00 (after the due date), Honolulu 07-15 07:00 (on it).
      const history = [aPromise(promiseAt, 500, '2026-07-15'), aPayment('2026-07-15T17:00:00Z', 500)];
      expect(factsOf(aLoan(), history, { now, zones: ['Asia/Shanghai'] })).toMatchObject({ promisesKept: 0, promisesBroken: 1 });
      expect(factsOf(aLoan(), history, { now, zones: ['Pacific/Honolulu'] })).toMatchObject({ promisesKept: 1, promisesBroken: 0 });
      expect(factsOf(aLoan(), history, { now, zones: ['Asia/Shanghai', 'Pacific/Honolulu'] })).toMatchObject({
        promisesKept: 1,
        promisesBroken: 0,
        activePromise: false,
      });
    });

    it('counts a payment on the 23-hour spring-forward day in America/New_York', () => {
      const zones = ['America/New_York'];
      const now = Date.parse('2026-03-10T12:00:00Z');
      const promise = aPromise('2026-03-01T12:00:00Z', 100, '2026-03-08');
      // 2026-03-09T03:30Z is 23:30 EDT on 03-08; 2026-03-09T04:00Z is midnight starting 03-09.
      expect(factsOf(aLoan(), [promise, aPayment('2026-03-09T03:30:00Z', 100)], { now, zones })).toMatchObject({ promisesKept: 1 });
      expect(factsOf(aLoan(), [promise, aPayment('2026-03-09T04:00:00Z', 100)], { now, zones })).toMatchObject({ promisesBroken: 1 });
    });

    it('agrees with a per-payment local-date reading (property)', () => {
      const zonePool = ['America/New_York', 'Asia/Shanghai', 'Pacific/Honolulu'];
      const start = Date.parse('2026-03-03T00:00:00Z');
      const now = Date.parse('2026-03-09T03:30:00Z'); // 23:30 EDT on 2026-03-08, spring-forward day
      const instant = fc.integer({ min: 0, max: 8 * 24 * 60 }).map((minutes) => iso(start + minutes * 60_000));
      const dueDate = fc.integer({ min: 0, max: 8 }).map((day) => `2026-03-${String(3 + day).padStart(2, '0')}`);
      const promise = fc.record({ at: instant, amount: fc.integer({ min: 0, max: 5 }), dueDate }).map((p) => aPromise(p.at, p.amount * 100, p.dueDate));
      const payment = fc.record({ at: instant, amount: fc.integer({ min: 1, max: 3 }) }).map((p) => aPayment(p.at, p.amount * 100));
      fc.assert(
        fc.property(
          fc.array(promise, { maxLength: 4 }),
          fc.array(payment, { maxLength: 6 }),
          fc.subarray(zonePool, { minLength: 1 }),
          (promises, payments, zones) => {
            const facts = factsOf(aLoan(), [...promises, ...payments], { now, zones });
            expect(facts).toMatchObject(naivePromiseFacts(promises, payments, now, zones));
          },
        ),
        { seed: 42, numRuns: 100 },
      );
    });
  });

  describe('daysSinceLastPayment', () => {
    it('counts borrower-local days since the last payment', () => {
      const history = [aPayment('2026-07-10T15:59:00Z', 50), aPayment('2026-07-01T00:00:00Z', 50)]; // 07-10 23:59 local
      expect(factsOf(aLoan(), history)['daysSinceLastPayment']).toBe(5);
    });

    it('is 0 for a payment earlier today', () => {
      expect(factsOf(aLoan(), [aPayment('2026-07-14T16:00:00Z', 50)])['daysSinceLastPayment']).toBe(0); // 07-15 00:00 local
    });

    it('takes the minimum over several candidate zones', () => {
      const history = [aPayment('2026-07-14T15:00:00Z', 50)]; // Shanghai 07-14 23:00, Honolulu 07-14 05:00
      const now = Date.parse('2026-07-15T17:00:00Z'); // Shanghai 07-16, Honolulu 07-15
      expect(factsOf(aLoan(), history, { now, zones: ['Asia/Shanghai'] })['daysSinceLastPayment']).toBe(2);
      expect(factsOf(aLoan(), history, { now, zones: ['Asia/Shanghai', 'Pacific/Honolulu'] })['daysSinceLastPayment']).toBe(1);
    });

    it('counts the 23-hour spring-forward day as one day in America/New_York', () => {
      const history = [aPayment('2026-03-08T05:00:00Z', 50)]; // 03-08 00:00 EST
      const zones = ['America/New_York'];
      expect(factsOf(aLoan(), history, { now: Date.parse('2026-03-09T03:59:59Z'), zones })['daysSinceLastPayment']).toBe(0);
      expect(factsOf(aLoan(), history, { now: Date.parse('2026-03-09T04:00:00Z'), zones })['daysSinceLastPayment']).toBe(1);
    });
  });

  describe('onHardshipPlan', () => {
    const on = (statuses: BorrowerStatus[], loan: Partial<Loan> = {}) => factsOf(aLoan(loan, { statuses }), [])['onHardshipPlan'];

    it('holds from `from` inclusive until `until` exclusive', () => {
      expect(on([aStatus({ from: NOW_ISO })])).toBe(true);
      expect(on([aStatus({ from: ago(-1) })])).toBe(false);
      expect(on([aStatus({ until: ago(-1) })])).toBe(true);
      expect(on([aStatus({ until: NOW_ISO })])).toBe(false);
    });

    it('holds for good when `until` is absent or null', () => {
      expect(on([aStatus({ from: '2020-01-01T00:00:00Z' })])).toBe(true);
      expect(on([aStatus({ from: '2020-01-01T00:00:00Z', until: null })])).toBe(true);
    });

    it('parses instants with offsets', () => {
      expect(on([aStatus({ from: '2026-07-15T21:30:00+08:00' })])).toBe(true);
      expect(on([aStatus({ from: '2026-07-15T21:30:00.001+08:00' })])).toBe(false);
    });

    it('applies to every debt, or only to the debt it names', () => {
      expect(on([aStatus({ debtId: 'L-1' })])).toBe(true);
      expect(on([aStatus({ debtId: 'L-2' })])).toBe(false);
      expect(on([aStatus({ debtId: 'D-9' })], { debtId: 'D-9' })).toBe(true);
      expect(on([aStatus({ debtId: 'L-1' })], { debtId: 'D-9' })).toBe(false);
    });

    it('ignores other status types', () => {
      expect(on([aStatus({ type: 'dispute' }), aStatus({ type: 'moratorium' })])).toBe(false);
    });
  });

  describe('per-debt filtering', () => {
    const other = { debtId: 'L-2' };
    const otherDebtHistory: HistoryEvent[] = [
      aContact(ago(HOUR), other),
      aContact(ago(HOUR), { ...other, channel: 'sms', outcome: 'delivered' }),
      aContact(ago(HOUR), { ...other, channel: 'visit', outcome: 'refused' }),
      aContact(ago(HOUR), { ...other, channel: 'email', outcome: 'delivered' }),
      aContact(ago(HOUR), { ...other, channel: 'letter', outcome: 'delivered' }),
      aContact(ago(HOUR), { ...other, direction: 'inbound', outcome: 'conversation' }),
      aStep(ago(HOUR), 'legal', other),
      aStep(ago(HOUR), 'agency', other),
      aStep(ago(HOUR), 'hardship_plan', other),
      aPromise(ago(DAY), 100, '2026-07-20', other),
      aPromise(ago(3 * DAY), 100, '2026-07-13', other),
      aPayment(ago(HOUR), 100, other),
    ];

    it('ignores every event about another debt of the borrower', () => {
      expect(factsOf(aLoan(), otherDebtHistory)).toEqual(factsOf(aLoan(), []));
    });

    it('does not let another debt reset or feed the loan’s facts', () => {
      const history = [
        aContact(ago(2 * HOUR)),
        aContact(ago(HOUR), { outcome: 'conversation', debtId: 'L-2' }),
        aPromise(ago(2 * DAY), 100, '2026-07-14'),
        aPayment(ago(DAY), 100, other),
      ];
      expect(factsOf(aLoan(), history)).toMatchObject({ consecutiveUnansweredCalls: 1, hoursSinceLastConversation: null, promisesBroken: 1, daysSinceLastPayment: null });
    });

    it('uses the loan’s debtId, defaulting events without one to it', () => {
      const loan = aLoan({ debtId: 'D-9' });
      const history = [aContact(ago(HOUR)), aContact(ago(2 * HOUR), { debtId: 'D-9' }), aContact(ago(3 * HOUR), { debtId: 'L-1' })];
      expect(factsOf(loan, history)['callAttempts24h']).toBe(2);
    });
  });

  describe('events after now', () => {
    it('ignores them and records one assumption with their count', () => {
      const future: HistoryEvent[] = [
        aContact(ago(-1)),
        aContact(ago(-HOUR), { outcome: 'conversation' }),
        aContact(ago(-DAY), { channel: 'sms', outcome: 'delivered', debtId: 'L-2' }),
        aPromise(ago(-HOUR), 100, '2026-07-14'),
        aPayment(ago(-HOUR), 100),
        aStep(ago(-HOUR), 'legal'),
      ];
      const { facts, assumptions } = derive(aLoan(), [...richHistory(), ...future]);
      expect(facts).toEqual(derive(aLoan(), richHistory()).facts);
      expect(assumptions).toEqual([{ type: 'assumption.stricter', subject: 'future-events', reason: '6 history events after now were ignored' }]);
      const one = derive(aLoan(), [aPayment(ago(-HOUR), 1)]);
      expect(one.assumptions[0]?.reason).toBe('1 history event after now was ignored');
    });

    it('counts an event exactly at now as past', () => {
      const { facts, assumptions } = derive(aLoan(), [aContact(NOW_ISO)]);
      expect(facts['hoursSinceLastCall']).toBe(0);
      expect(assumptions).toEqual([]);
    });

    it('lists the time-zone assumption before the future-events one', () => {
      const { assumptions } = derive(aLoan(), [aPayment(ago(-1), 1)], { zones: [] });
      expect(assumptions.map((entry) => entry.subject)).toEqual(['days-past-due', 'future-events']);
    });
  });

  it('derives the same facts whatever the order of the history (property)', () => {
    const history: HistoryEvent[] = [
      ...richHistory(),
      // Ties: several events at one instant, for several debts.
      aContact(ago(2 * HOUR), { outcome: 'conversation' }),
      aContact(ago(2 * HOUR), { outcome: 'no_answer' }),
      aContact(ago(2 * HOUR), { channel: 'sms', outcome: 'conversation', direction: 'inbound' }),
      aContact(ago(2 * HOUR), { outcome: 'busy', debtId: 'L-2' }),
      aPayment(ago(2 * HOUR), 10),
      aPayment(ago(2 * HOUR), 10, { debtId: 'L-2' }),
      aContact(ago(-HOUR)),
    ];
    const loan = richLoan();
    const zones = ['America/New_York', 'Asia/Shanghai'];
    const expected = derive(loan, history, { zones });
    fc.assert(
      fc.property(fc.shuffledSubarray(history, { minLength: history.length, maxLength: history.length }), (shuffled) => {
        expect(derive(loan, shuffled, { zones })).toEqual(expected);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('does not mutate its inputs', () => {
    const loan = deepFreeze(richLoan());
    const history = deepFreeze(richHistory());
    const index = deepFreeze(indexHistory(history, 'L-1'));
    const zones = deepFreeze(['Asia/Shanghai', 'Pacific/Honolulu']);
    const before = structuredClone({ loan, history, index, zones });
    const { facts } = deriveFacts(loan, index, NOW, zones);
    expect(facts['promisesMade']).toBe(3);
    expect({ loan, history, index, zones }).toEqual(before);
  });
});

/** The promise facts read the slow way: each payment's local date, in each zone. */
function naivePromiseFacts(promises: readonly PromiseEvent[], payments: readonly PaymentEvent[], now: number, zones: readonly string[]) {
  let promisesKept = 0;
  let promisesBroken = 0;
  let activePromise = false;
  let promisesMade = 0;
  for (const promise of promises) {
    const promiseAt = Date.parse(promise.at);
    if (promiseAt > now) continue;
    promisesMade++;
    const states = zones.map((zone) => {
      const paid = payments
        .filter((payment) => {
          const at = Date.parse(payment.at);
          return promiseAt <= at && at <= now && localDate(at, zone) <= promise.dueDate;
        })
        .reduce((sum, payment) => sum + payment.amount, 0);
      if (paid >= promise.amount) return 'kept';
      return promise.dueDate < localDate(now, zone) ? 'broken' : 'active';
    });
    if (states.includes('kept')) promisesKept++;
    else if (states.every((state) => state === 'broken')) promisesBroken++;
    if (states.includes('active') && !states.includes('kept')) activePromise = true;
  }
  return { promisesMade, promisesKept, promisesBroken, activePromise };
}
