import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ContactEvent, HistoryEvent } from '../../src/domain/history.js';
import { indexHistory, upperBound } from '../../src/facts/history-index.js';

const T = '2026-07-15T13:30:00Z';
const T_MS = Date.parse(T);

const aContact = (at: string, overrides: Partial<ContactEvent> = {}): ContactEvent => ({
  type: 'contact',
  at,
  channel: 'call',
  direction: 'outbound',
  outcome: 'no_answer',
  ...overrides,
});

/** Many events sharing one instant, differing in one field each, plus a few at other instants. */
function tiedHistory(): HistoryEvent[] {
  return [
    aContact(T),
    aContact(T, { channel: 'sms', outcome: 'delivered' }),
    aContact(T, { outcome: 'busy' }),
    aContact(T, { direction: 'inbound' }),
    aContact(T, { by: 'agency' }),
    aContact(T, { debtId: 'L-2' }),
    aContact(T, { address: '+86 138 0000 0000' }),
    aContact(T, { address: '+86 139 0000 0000' }),
    aContact(T, { purpose: 'statutory_notice' }),
    aContact('2026-07-15T21:30:00+08:00', { channel: 'email', outcome: 'delivered' }),
    aContact('2026-07-14T13:30:00Z'),
    { type: 'promise', at: T, amount: 100, dueDate: '2026-07-20' },
    { type: 'promise', at: T, amount: 100, dueDate: '2026-07-19' },
    { type: 'promise', at: T, amount: 50, dueDate: '2026-07-20' },
    { type: 'promise', at: T, amount: 50, dueDate: '2026-07-20', debtId: 'L-2' },
    { type: 'payment', at: T, amount: 20 },
    { type: 'payment', at: T, amount: 10 },
    { type: 'payment', at: T, amount: 10, debtId: 'L-2' },
    { type: 'payment', at: '2026-07-01T00:00:00Z', amount: 10 },
    { type: 'step', at: T, action: 'legal' },
    { type: 'step', at: T, action: 'agency' },
    { type: 'step', at: T, action: 'agency', debtId: 'L-2' },
  ];
}

const permutation = (events: readonly HistoryEvent[]) => fc.shuffledSubarray([...events], { minLength: events.length, maxLength: events.length });

describe('indexHistory', () => {
  it('indexes the same history the same way whatever its order (property)', () => {
    const history = tiedHistory();
    fc.assert(
      fc.property(permutation(history), permutation(history), (first, second) => {
        expect(indexHistory(first, 'L-1')).toEqual(indexHistory(second, 'L-1'));
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('sorts each kind of event by instant', () => {
    const index = indexHistory(tiedHistory(), 'L-1');
    for (const events of [index.contacts, index.promises, index.payments, index.steps]) {
      const instants = events.map((event) => event.at);
      expect(instants).toEqual([...instants].sort((a, b) => a - b));
    }
    expect(index.contacts.map((contact) => contact.at)[0]).toBe(Date.parse('2026-07-14T13:30:00Z'));
    expect(index.payments.map((payment) => payment.amount)).toEqual([10, 10, 10, 20]);
  });

  it('sorts events at one instant by their fields', () => {
    const index = indexHistory(tiedHistory(), 'L-1');
    expect(index.promises.map((promise) => [promise.dueDate, promise.amount, promise.debtId])).toEqual([
      ['2026-07-19', 100, 'L-1'],
      ['2026-07-20', 50, 'L-1'],
      ['2026-07-20', 50, 'L-2'],
      ['2026-07-20', 100, 'L-1'],
    ]);
    expect(index.steps.map((step) => [step.action, step.debtId])).toEqual([
      ['agency', 'L-1'],
      ['agency', 'L-2'],
      ['legal', 'L-1'],
    ]);
  });

  it('parses instants with offsets to epoch milliseconds', () => {
    const index = indexHistory([aContact('2026-07-15T21:30:00+08:00')], 'L-1');
    expect(index.contacts[0]?.at).toBe(T_MS);
  });

  it('fills in the defaults of a contact', () => {
    const index = indexHistory([aContact(T)], 'L-1');
    expect(index.contacts).toEqual([
      { at: T_MS, channel: 'call', direction: 'outbound', outcome: 'no_answer', by: 'lender', debtId: 'L-1', address: undefined, purpose: 'collection', recipient: 'borrower', contactId: undefined },
    ]);
  });

  it('keeps the values given', () => {
    const index = indexHistory([aContact(T, { by: 'agency', debtId: 'L-2', address: 'a@example.com', purpose: 'reply_to_borrower', channel: 'email' })], 'L-1');
    expect(index.contacts[0]).toMatchObject({ by: 'agency', debtId: 'L-2', address: 'a@example.com', purpose: 'reply_to_borrower' });
  });

  it("gives promises, payments and steps the loan's debtId by default", () => {
    const index = indexHistory(
      [
        { type: 'promise', at: T, amount: 1, dueDate: '2026-07-20' },
        { type: 'payment', at: T, amount: 1 },
        { type: 'step', at: T, action: 'legal' },
        { type: 'step', at: T, action: 'agency', debtId: 'L-2' },
      ],
      'D-9',
    );
    expect([index.promises[0]?.debtId, index.payments[0]?.debtId, index.steps.map((step) => step.debtId)]).toEqual(['D-9', 'D-9', ['L-2', 'D-9']]);
  });

  it('indexes notices with the loan\'s debtId by default', () => {
    const index = indexHistory([{ type: 'notice', at: T, notice: 'default_notice' }], 'D-9');
    expect(index.notices).toEqual([{ at: T_MS, notice: 'default_notice', debtId: 'D-9' }]);
  });

  it('indexes an empty history', () => {
    expect(indexHistory([], 'L-1')).toEqual({ contacts: [], promises: [], payments: [], steps: [], notices: [] });
  });

  it('does not mutate the history', () => {
    const history = tiedHistory();
    for (const event of history) Object.freeze(event);
    Object.freeze(history);
    const before = structuredClone(history);
    indexHistory(history, 'L-1');
    expect(history).toEqual(before);
  });
});

describe('upperBound', () => {
  const events = [10, 20, 20, 20, 30].map((at) => ({ at }));

  it('returns the index of the first event after the instant', () => {
    expect(upperBound(events, 15)).toBe(1);
    expect(upperBound(events, 25)).toBe(4);
  });

  it('skips every event at the instant itself', () => {
    expect(upperBound(events, 10)).toBe(1);
    expect(upperBound(events, 20)).toBe(4);
    expect(upperBound(events, 30)).toBe(5);
  });

  it('returns 0 before the first event and the length after the last', () => {
    expect(upperBound(events, 9)).toBe(0);
    expect(upperBound(events, 31)).toBe(5);
    expect(upperBound([], 0)).toBe(0);
  });

  it('agrees with a linear scan (property)', () => {
    fc.assert(
      // Up to 300 events: long enough for the search to gallop back several times before bisecting.
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 300 }), fc.integer({ min: -1, max: 401 }), (instants, ms) => {
        const sorted = instants.sort((a, b) => a - b).map((at) => ({ at }));
        const expected = sorted.filter((event) => event.at <= ms).length;
        expect(upperBound(sorted, ms)).toBe(expected);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
