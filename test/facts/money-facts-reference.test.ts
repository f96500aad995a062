/**
 * The promise and payment facts against their definitions, computed the slow, obvious way, on
 * random histories in Asia/Shanghai (no DST: a payment's local day ascends with its instant):
 * a promise of the loan's debt made at or before `now` is kept when this debt's payments from
 * the promise's instant up to `now` reach its amount and, once its local due date has passed,
 * those made by the end of that date already did; broken when its due date has passed
 * otherwise; active when it has not. deriveFacts reads flat columns built once per index.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../src/domain/history.js';
import type { Loan } from '../../src/domain/loan.js';
import { deriveFacts } from '../../src/facts/derive-facts.js';
import { indexHistory } from '../../src/facts/history-index.js';

const NOW = Date.parse('2026-07-15T13:30:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;
const localDay = (ms: number) => Math.floor((ms + SHANGHAI) / DAY);
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const units = (amount: number) => Math.round(amount * 10_000);
const loan: Loan = { id: 'L-1', product: 'cash_loan', currency: 'CNY', balance: 8400, amountOverdue: 1200, oldestUnpaidDueDate: '2026-06-20', borrower: { id: 'B-1' } };

interface Event {
  ms: number;
  amount: number;
  debtId: string;
}

function reference(promises: readonly (Event & { dueDate: string })[], payments: readonly Event[]) {
  const today = localDay(NOW);
  const mine = payments.filter((p) => p.debtId === 'L-1' && p.ms <= NOW);
  let made = 0;
  let kept = 0;
  let broken = 0;
  let active = false;
  for (const promise of promises) {
    if (promise.debtId !== 'L-1' || promise.ms > NOW) continue;
    made++;
    const due = dayOf(promise.dueDate);
    const after = mine.filter((p) => p.ms >= promise.ms);
    const sum = (list: readonly Event[]) => list.reduce((total, p) => total + units(p.amount), 0);
    const pastDue = due < today;
    const isKept = sum(after) >= units(promise.amount) && (!pastDue || sum(after.filter((p) => localDay(p.ms) <= due)) >= units(promise.amount));
    if (isKept) kept++;
    else if (pastDue) broken++;
    else active = true;
  }
  const last = mine.length === 0 ? null : Math.max(...mine.map((p) => p.ms));
  return { promisesMade: made, promisesKept: kept, promisesBroken: broken, activePromise: active, daysSinceLastPayment: last === null ? null : today - localDay(last) };
}

// Mostly the last two months, a few in the future (ignored); amounts in cents, some zero.
const instant = fc.oneof(fc.integer({ min: -60 * DAY, max: 0 }), fc.integer({ min: -3 * DAY, max: 0 }), fc.integer({ min: 1, max: 2 * DAY })).map((offset) => NOW + offset);
const amount = fc.oneof(fc.integer({ min: 0, max: 50_000 }), fc.constantFrom(0, 10, 70, 80)).map((cents) => cents / 100);
const debtId = fc.constantFrom('L-1', 'L-1', 'L-2');
const promise = fc.record({ ms: instant, amount, debtId, dueIn: fc.integer({ min: 0, max: 20 }) }).map(({ dueIn, ...rest }) => ({
  ...rest,
  dueDate: new Date((localDay(rest.ms) + dueIn) * DAY).toISOString().slice(0, 10),
}));
const payment = fc.record({ ms: instant, amount, debtId });

describe('promise and payment facts', () => {
  it('equal their definitions on any history, in any order', () => {
    fc.assert(
      fc.property(fc.array(promise, { maxLength: 25 }), fc.array(payment, { maxLength: 60 }), (promises, payments) => {
        const history: HistoryEvent[] = [
          ...promises.map((p): HistoryEvent => ({ type: 'promise', at: new Date(p.ms).toISOString(), amount: p.amount, dueDate: p.dueDate, debtId: p.debtId })),
          ...payments.map((p): HistoryEvent => ({ type: 'payment', at: new Date(p.ms).toISOString(), amount: p.amount, debtId: p.debtId })),
        ];
        const { facts } = deriveFacts(loan, indexHistory(history, 'L-1'), NOW, ['Asia/Shanghai']);
        const expected = reference(promises, payments);
        for (const [name, value] of Object.entries(expected)) expect(facts[name], name).toBe(value);
      }),
      { seed: 1302, numRuns: 1500 },
    );
  });
});
