import { describe, expect, it } from 'vitest';
import type { Loan } from '../../src/domain/loan.js';
import type { ContactEvent, HistoryEvent } from '../../src/domain/history.js';
import { ATTRIBUTE_PREFIX, FACT_CATALOG, findFact } from '../../src/facts/catalog.js';
import type { FactDefinition } from '../../src/facts/catalog.js';
import { deriveFacts } from '../../src/facts/derive-facts.js';
import type { Facts } from '../../src/facts/derive-facts.js';
import { indexHistory } from '../../src/facts/history-index.js';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-07-15T13:30:00Z');
const ago = (ms: number): string => new Date(NOW - ms).toISOString();

function aLoan(overrides: Partial<Loan> = {}): Loan {
  return {
    id: 'L-1',
    product: 'cash_loan',
    currency: 'CNY',
    balance: 8400,
    amountOverdue: 1200,
    oldestUnpaidDueDate: '2026-06-20',
    borrower: { id: 'B-1', addressVerified: true, statuses: [{ type: 'hardship_plan', from: '2026-07-01T00:00:00Z' }] },
    ...overrides,
  };
}

const aContact = (at: string, overrides: Partial<ContactEvent> = {}): ContactEvent => ({
  type: 'contact',
  at,
  channel: 'call',
  direction: 'outbound',
  outcome: 'no_answer',
  ...overrides,
});

/** At least one event of every kind that a nullable fact reads. */
function richHistory(): HistoryEvent[] {
  return [
    aContact(ago(HOUR)),
    aContact(ago(2 * HOUR), { direction: 'inbound', outcome: 'conversation' }),
    aContact(ago(3 * HOUR), { channel: 'sms', outcome: 'delivered' }),
    aContact(ago(4 * HOUR), { channel: 'email', outcome: 'delivered' }),
    aContact(ago(5 * HOUR), { channel: 'visit', outcome: 'refused' }),
    aContact(ago(6 * HOUR), { channel: 'letter', outcome: 'delivered' }),
    { type: 'step', at: ago(7 * HOUR), action: 'legal' },
    { type: 'step', at: ago(8 * HOUR), action: 'agency' },
    { type: 'step', at: ago(9 * HOUR), action: 'hardship_plan' },
    { type: 'promise', at: ago(10 * HOUR), amount: 100, dueDate: '2026-07-20' },
    { type: 'payment', at: ago(11 * HOUR), amount: 50 },
  ];
}

function expectDeclaredType(fact: FactDefinition, facts: Facts): void {
  expect(Object.hasOwn(facts, fact.name), fact.name).toBe(true);
  const value = facts[fact.name];
  if (value === null) {
    expect(fact.nullable, `${fact.name} is null but not nullable`).toBe(true);
  } else if (fact.type !== 'any') {
    expect(typeof value, fact.name).toBe(fact.type);
  }
  if (typeof value === 'number') expect(Number.isFinite(value), fact.name).toBe(true);
}

describe('FACT_CATALOG', () => {
  it('names every fact once', () => {
    const names = FACT_CATALOG.map((fact) => fact.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('names facts in camelCase', () => {
    for (const { name } of FACT_CATALOG) expect(name).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });

  it('gives every fact a unit and a description', () => {
    for (const fact of FACT_CATALOG) {
      expect(fact.unit.trim(), fact.name).not.toBe('');
      expect(fact.description.trim(), fact.name).not.toBe('');
    }
  });

  it('declares a concrete type for every catalog fact', () => {
    for (const fact of FACT_CATALOG) expect(['number', 'string', 'boolean'], fact.name).toContain(fact.type);
  });

  describe('deriveFacts', () => {
    const cases: [string, Loan, HistoryEvent[]][] = [
      ['an empty history', aLoan(), []],
      ['a rich history', aLoan({ riskScore: 640 }), richHistory()],
    ];

    for (const [label, loan, history] of cases) {
      it(`returns a value of the declared type for every fact, for ${label}`, () => {
        const { facts } = deriveFacts(loan, indexHistory(history, loan.id), NOW, ['Asia/Shanghai']);
        for (const fact of FACT_CATALOG) expectDeclaredType(fact, facts);
      });
    }

    it('returns no null for a rich history', () => {
      const { facts } = deriveFacts(aLoan({ riskScore: 640 }), indexHistory(richHistory(), 'L-1'), NOW, ['Asia/Shanghai']);
      expect(FACT_CATALOG.filter((fact) => facts[fact.name] === null).map((fact) => fact.name)).toEqual([]);
    });

    it('returns only catalog facts and attributes', () => {
      const loan = aLoan({ attributes: { segment: 'A', income: 3000, flagged: true } });
      const { facts } = deriveFacts(loan, indexHistory(richHistory(), 'L-1'), NOW, ['Asia/Shanghai']);
      for (const name of Object.keys(facts)) expect(findFact(name), name).toBeDefined();
      expect(Object.keys(facts).filter((name) => name.startsWith(ATTRIBUTE_PREFIX))).toEqual([
        'attributes.segment',
        'attributes.income',
        'attributes.flagged',
      ]);
    });
  });
});

describe('findFact', () => {
  it('finds a catalog fact by name', () => {
    expect(findFact('daysPastDue')).toBe(FACT_CATALOG[0]);
  });

  it('describes any attribute fact as a nullable value of any type', () => {
    expect(findFact('attributes.segment')).toMatchObject({ name: 'attributes.segment', type: 'any', nullable: true });
  });

  it('knows no other name', () => {
    expect(findFact('dayPastDue')).toBeUndefined();
    expect(findFact('attributes.')).toBeUndefined();
  });
});
