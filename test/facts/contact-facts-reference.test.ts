/**
 * The contact facts against their definitions, computed the slow, obvious way: every contact of
 * the loan's debt at or before `now`, windows half-open (`now − span < at ≤ now`), the latest of
 * each kind, and the unanswered outbound calls after the last conversation. deriveFacts does it
 * in one allocation-free pass over flat columns; this holds it to the definitions on random
 * histories (it caught both mistakes tried on a backward, early-stopping variant).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactEvent } from '../../src/domain/history.js';
import type { Loan } from '../../src/domain/loan.js';
import { CHANNELS, CONVERSATION_OUTCOMES, DIRECTIONS, OUTCOMES, UNANSWERED_OUTCOMES } from '../../src/domain/vocabulary.js';
import { deriveFacts } from '../../src/facts/derive-facts.js';
import { indexHistory } from '../../src/facts/history-index.js';

const NOW = Date.parse('2026-07-15T13:30:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const loan: Loan = { id: 'L-1', product: 'cash_loan', currency: 'CNY', balance: 8400, amountOverdue: 1200, oldestUnpaidDueDate: '2026-06-20', borrower: { id: 'B-1' } };

function reference(contacts: readonly ContactEvent[]): Record<string, number | null> {
  const mine = contacts
    .map((c) => ({ ...c, ms: Date.parse(c.at) }))
    .filter((c) => (c.debtId ?? 'L-1') === 'L-1' && c.ms <= NOW)
    .sort((a, b) => a.ms - b.ms);
  const outbound = mine.filter((c) => c.direction === 'outbound');
  const within = (channel: string, span: number) => outbound.filter((c) => c.channel === channel && c.ms > NOW - span).length;
  const latest = (list: readonly { ms: number }[]) => (list.length === 0 ? null : (NOW - list[list.length - 1]!.ms) / HOUR);
  const conversations = mine.filter((c) => CONVERSATION_OUTCOMES.includes(c.outcome));
  const lastConversation = conversations.length === 0 ? -Infinity : conversations[conversations.length - 1]!.ms;
  const facts: Record<string, number | null> = {
    consecutiveUnansweredCalls: outbound.filter((c) => c.channel === 'call' && UNANSWERED_OUTCOMES.includes(c.outcome) && c.ms > lastConversation).length,
    hoursSinceLastConversation: latest(conversations),
  };
  for (const [name, channel] of [['call', 'call'], ['sms', 'sms'], ['visit', 'visit']] as const) {
    facts[`${name}Attempts24h`] = within(channel, DAY);
    facts[`${name}Attempts7d`] = within(channel, 7 * DAY);
    facts[`${name}Attempts30d`] = within(channel, 30 * DAY);
  }
  for (const [name, channel] of [['Sms', 'sms'], ['Email', 'email'], ['Call', 'call'], ['Visit', 'visit'], ['Letter', 'letter']] as const) {
    facts[`hoursSinceLast${name}`] = latest(outbound.filter((c) => c.channel === channel));
  }
  return facts;
}

const contact = fc.record({
  type: fc.constant('contact' as const),
  // Mostly the last few months, some in the last day, a few in the future (ignored).
  at: fc.oneof(fc.integer({ min: -200 * DAY, max: 0 }), fc.integer({ min: -2 * DAY, max: 0 }), fc.integer({ min: 1, max: 3 * DAY })).map((offset) => new Date(NOW + offset).toISOString()),
  channel: fc.constantFrom(...CHANNELS),
  direction: fc.constantFrom(...DIRECTIONS),
  outcome: fc.constantFrom(...OUTCOMES),
  debtId: fc.constantFrom(undefined, 'L-1', 'L-2'),
});

describe('contact facts', () => {
  it('equal their definitions on any history, in any order', () => {
    fc.assert(
      fc.property(fc.array(contact, { maxLength: 120 }), (events) => {
        const clean = events.map(({ debtId, ...rest }) => (debtId === undefined ? rest : { ...rest, debtId }));
        const { facts } = deriveFacts(loan, indexHistory(clean, 'L-1'), NOW, ['Asia/Shanghai']);
        const expected = reference(clean);
        for (const [name, value] of Object.entries(expected)) {
          if (typeof value === 'number') expect(facts[name], name).toBeCloseTo(value, 9);
          else expect(facts[name], name).toBe(value);
        }
      }),
      { seed: 1301, numRuns: 1500 },
    );
  });
});
