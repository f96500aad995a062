import type { ComplianceDocument, ComplianceRule, ContactEvent, DecisionInput, Loan } from '../../src/index.js';

type LoanOverrides = Omit<Partial<Loan>, 'borrower'> & { borrower?: Partial<Loan['borrower']> };

/** A loan with sensible defaults: 25 days past due at 2026-07-15, borrower in New York. */
export function aLoan(overrides: LoanOverrides = {}): Loan {
  const { borrower, ...rest } = overrides;
  return {
    id: 'L-1',
    product: 'cash_loan',
    currency: 'USD',
    balance: 2400,
    amountOverdue: 300,
    oldestUnpaidDueDate: '2026-06-20',
    ...rest,
    borrower: { id: 'B-1', timeZone: 'America/New_York', ...borrower },
  };
}

/** An outbound call that rang unanswered, unless overridden. */
export function aCall(at: string, overrides: Partial<ContactEvent> = {}): ContactEvent {
  return { type: 'contact', at, channel: 'call', direction: 'outbound', outcome: 'no_answer', ...overrides };
}

/** An outbound SMS, delivered. */
export function anSms(at: string, overrides: Partial<ContactEvent> = {}): ContactEvent {
  return { type: 'contact', at, channel: 'sms', direction: 'outbound', outcome: 'delivered', ...overrides };
}

export function anInput(now: string, loan: Loan = aLoan(), history: DecisionInput['history'] = []): DecisionInput {
  return { now, loan, history };
}

/** A compliance document around the given rules. */
export function aDocument(rules: ComplianceRule[], id = 'test-rules'): ComplianceDocument {
  return { id, title: 'Test rules', jurisdiction: 'US', version: '2026-01-01', rules };
}

const base = { citation: 'Test citation 1', summary: 'A rule for tests.', confidence: 'H' } as const;

export const rules = {
  window: (overrides: Partial<Extract<ComplianceRule, { kind: 'window' }>> = {}): ComplianceRule => ({
    ...base,
    id: 'test-window',
    kind: 'window',
    windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '08:00', end: '21:00' }],
    ...overrides,
  }),
  cap: (overrides: Partial<Extract<ComplianceRule, { kind: 'cap' }>> = {}): ComplianceRule => ({
    ...base,
    id: 'test-cap',
    kind: 'cap',
    actions: ['call'],
    max: 7,
    period: { type: 'consecutive-days', days: 7 },
    scope: 'debt',
    counts: { channels: ['call'], outcomes: ['no_answer', 'voicemail', 'conversation'] },
    ...overrides,
  }),
  coolDown: (overrides: Partial<Extract<ComplianceRule, { kind: 'cool-down' }>> = {}): ComplianceRule => ({
    ...base,
    id: 'test-cool-down',
    kind: 'cool-down',
    actions: ['call'],
    after: { channels: ['call'], outcomes: ['conversation'] },
    scope: 'debt',
    duration: { type: 'consecutive-days', days: 7 },
    ...overrides,
  }),
  status: (overrides: Partial<Extract<ComplianceRule, { kind: 'status' }>> = {}): ComplianceRule => ({
    ...base,
    id: 'test-status',
    kind: 'status',
    statuses: ['bankruptcy', 'moratorium'],
    ...overrides,
  }),
  optOut: (overrides: Partial<Extract<ComplianceRule, { kind: 'opt-out' }>> = {}): ComplianceRule => ({
    ...base,
    id: 'test-opt-out',
    kind: 'opt-out',
    ...overrides,
  }),
};
