import type { ContactEvent, HistoryEvent, PaymentEvent, PromiseEvent, StepEvent } from '../domain/history.js';
import type { DecisionInput } from '../domain/input.js';
import type { Borrower, BorrowerStatus, Loan, OptOut } from '../domain/loan.js';
import { addDaysToDate } from '../_lib/local-time.js';

/**
 * The instant the builders are anchored on: Wednesday 15 July 2026, 15:00 UTC (11:00 in New
 * York, the default borrower's zone, inside every preset's window).
 * @category Testing
 */
export const TEST_NOW = '2026-07-15T15:00:00Z';

/** The borrower-local date of {@link TEST_NOW} in the default zone. */
const TEST_TODAY = '2026-07-15';

/**
 * Overrides of {@link aLoan}: any loan field, a partial borrower (merged into the default one),
 * and `daysPastDue` as a shortcut for `oldestUnpaidDueDate`.
 * @category Testing
 */
export type LoanOverrides = Omit<Partial<Loan>, 'borrower'> & {
  borrower?: Partial<Borrower> | undefined;
  /**
   * Days past due on `asOf` (default 2026-07-15, the date of {@link TEST_NOW}): sets
   * `oldestUnpaidDueDate` that many days earlier; `0` makes the loan current (no due date).
   * An explicit `oldestUnpaidDueDate` wins.
   */
  daysPastDue?: number | undefined;
  /** The local date `daysPastDue` counts to (`YYYY-MM-DD`). @default '2026-07-15' */
  asOf?: string | undefined;
};

/**
 * A borrower with sensible defaults: `B-1` in America/New_York, address verified, no statuses
 * or opt-outs. Every field can be overridden.
 * @param overrides - Fields to replace.
 * @returns A new {@link Borrower}.
 * @example
 * ```ts
 * aBorrower({ timeZone: 'Asia/Shanghai' });
 * ```
 * @category Testing
 */
export function aBorrower(overrides: Partial<Borrower> = {}): Borrower {
  return { id: 'B-1', timeZone: 'America/New_York', addressVerified: true, ...overrides };
}

/**
 * A loan with sensible defaults: `L-1`, a USD cash loan of 2,400 with 300 overdue, 25 days past
 * due on 2026-07-15, borrower {@link aBorrower}. Overrides replace fields; `borrower` is merged
 * into the default borrower; `daysPastDue` sets the due date.
 * @param overrides - {@link LoanOverrides}.
 * @returns A new {@link Loan}.
 * @example
 * ```ts
 * aLoan({ daysPastDue: 31, balance: 9000, borrower: { timeZone: 'America/Chicago' } });
 * ```
 * @category Testing
 */
export function aLoan(overrides: LoanOverrides = {}): Loan {
  const { borrower, daysPastDue, asOf, ...rest } = overrides;
  const loan: Loan = {
    id: 'L-1',
    product: 'cash_loan',
    currency: 'USD',
    balance: 2400,
    amountOverdue: 300,
    oldestUnpaidDueDate: '2026-06-20',
    ...rest,
    borrower: aBorrower(borrower),
  };
  if (daysPastDue !== undefined && rest.oldestUnpaidDueDate === undefined) {
    loan.oldestUnpaidDueDate = daysPastDue <= 0 ? null : addDaysToDate(asOf ?? TEST_TODAY, -daysPastDue);
  }
  return loan;
}

type EventOverrides<T> = Partial<Omit<T, 'type'>>;

function event<T extends HistoryEvent>(defaults: T, at: string | EventOverrides<T> | undefined, overrides: EventOverrides<T> | undefined): T {
  const first = typeof at === 'string' ? { at } : (at ?? {});
  return { ...defaults, ...first, ...overrides };
}

/** The default instant of events: one day before {@link TEST_NOW}. */
const YESTERDAY = '2026-07-14T15:00:00Z';

/**
 * A contact event: an outbound call that rang unanswered, one day before {@link TEST_NOW},
 * unless overridden. Pass the instant first or inside the overrides.
 * @param at - The instant, or the overrides.
 * @param overrides - Fields to replace.
 * @returns A new {@link ContactEvent}.
 * @example
 * ```ts
 * aContact('2026-07-14T14:00:00Z', { channel: 'email', outcome: 'delivered' });
 * ```
 * @category Testing
 */
export function aContact(at?: string | EventOverrides<ContactEvent>, overrides?: EventOverrides<ContactEvent>): ContactEvent {
  return event<ContactEvent>({ type: 'contact', at: YESTERDAY, channel: 'call', direction: 'outbound', outcome: 'no_answer' }, at, overrides);
}

/**
 * An outbound call that rang unanswered (`no_answer`), unless overridden.
 * @param at - The instant, or the overrides.
 * @param overrides - Fields to replace: `{ outcome: 'conversation' }` for a call that got through.
 * @returns A new call {@link ContactEvent}.
 * @example
 * ```ts
 * aCall('2026-07-13T14:10:00Z', { outcome: 'conversation' });
 * aCall({ at: '2026-07-13T14:10:00Z', direction: 'inbound', outcome: 'conversation' });
 * ```
 * @category Testing
 */
export function aCall(at?: string | EventOverrides<ContactEvent>, overrides?: EventOverrides<ContactEvent>): ContactEvent {
  return event<ContactEvent>({ type: 'contact', at: YESTERDAY, channel: 'call', direction: 'outbound', outcome: 'no_answer' }, at, overrides);
}

/**
 * An outbound SMS, delivered, unless overridden.
 * @param at - The instant, or the overrides.
 * @param overrides - Fields to replace: `{ direction: 'inbound', outcome: 'stop_request' }` for a STOP reply.
 * @returns A new SMS {@link ContactEvent}.
 * @example
 * ```ts
 * anSms('2026-07-14T13:00:00Z');
 * ```
 * @category Testing
 */
export function anSms(at?: string | EventOverrides<ContactEvent>, overrides?: EventOverrides<ContactEvent>): ContactEvent {
  return event<ContactEvent>({ type: 'contact', at: YESTERDAY, channel: 'sms', direction: 'outbound', outcome: 'delivered' }, at, overrides);
}

/**
 * An outbound e-mail, delivered, unless overridden.
 * @param at - The instant, or the overrides.
 * @param overrides - Fields to replace.
 * @returns A new e-mail {@link ContactEvent}.
 * @example
 * ```ts
 * anEmail('2026-07-14T13:00:00Z');
 * ```
 * @category Testing
 */
export function anEmail(at?: string | EventOverrides<ContactEvent>, overrides?: EventOverrides<ContactEvent>): ContactEvent {
  return event<ContactEvent>({ type: 'contact', at: YESTERDAY, channel: 'email', direction: 'outbound', outcome: 'delivered' }, at, overrides);
}

/**
 * A field visit that found nobody (`no_answer`), unless overridden.
 * @param at - The instant, or the overrides.
 * @param overrides - Fields to replace.
 * @returns A new visit {@link ContactEvent}.
 * @example
 * ```ts
 * aVisit('2026-07-10T06:00:00Z', { outcome: 'conversation' });
 * ```
 * @category Testing
 */
export function aVisit(at?: string | EventOverrides<ContactEvent>, overrides?: EventOverrides<ContactEvent>): ContactEvent {
  return event<ContactEvent>({ type: 'contact', at: YESTERDAY, channel: 'visit', direction: 'outbound', outcome: 'no_answer' }, at, overrides);
}

/**
 * A letter posted, unless overridden.
 * @param at - The instant, or the overrides.
 * @param overrides - Fields to replace.
 * @returns A new letter {@link ContactEvent}.
 * @example
 * ```ts
 * aLetter('2026-06-30T12:00:00Z');
 * ```
 * @category Testing
 */
export function aLetter(at?: string | EventOverrides<ContactEvent>, overrides?: EventOverrides<ContactEvent>): ContactEvent {
  return event<ContactEvent>({ type: 'contact', at: YESTERDAY, channel: 'letter', direction: 'outbound', outcome: 'delivered' }, at, overrides);
}

/**
 * A promise to pay 300 by 2026-07-20, made one day before {@link TEST_NOW}, unless overridden.
 * @param at - The instant, or the overrides.
 * @param overrides - Fields to replace: `amount`, `dueDate`…
 * @returns A new {@link PromiseEvent}.
 * @example
 * ```ts
 * aPromise({ amount: 500, dueDate: '2026-07-10' });
 * ```
 * @category Testing
 */
export function aPromise(at?: string | EventOverrides<PromiseEvent>, overrides?: EventOverrides<PromiseEvent>): PromiseEvent {
  return event<PromiseEvent>({ type: 'promise', at: YESTERDAY, amount: 300, dueDate: '2026-07-20' }, at, overrides);
}

/**
 * A payment of 300 received one day before {@link TEST_NOW}, unless overridden.
 * @param at - The instant, or the overrides.
 * @param overrides - Fields to replace.
 * @returns A new {@link PaymentEvent}.
 * @example
 * ```ts
 * aPayment('2026-07-12T09:00:00Z', { amount: 120 });
 * ```
 * @category Testing
 */
export function aPayment(at?: string | EventOverrides<PaymentEvent>, overrides?: EventOverrides<PaymentEvent>): PaymentEvent {
  return event<PaymentEvent>({ type: 'payment', at: YESTERDAY, amount: 300 }, at, overrides);
}

/**
 * A step taken: a legal step one day before {@link TEST_NOW}, unless overridden.
 * @param at - The instant, or the overrides.
 * @param overrides - Fields to replace: `{ action: 'agency' }`, `{ action: 'hardship_plan' }`.
 * @returns A new {@link StepEvent}.
 * @example
 * ```ts
 * aStep({ action: 'hardship_plan' });
 * ```
 * @category Testing
 */
export function aStep(at?: string | EventOverrides<StepEvent>, overrides?: EventOverrides<StepEvent>): StepEvent {
  return event<StepEvent>({ type: 'step', at: YESTERDAY, action: 'legal' }, at, overrides);
}

/**
 * A borrower status holding from 2026-07-01 for good, unless overridden.
 * @param type - The status type: `dispute`, `bankruptcy`…
 * @param overrides - Fields to replace: `from`, `until`, `debtId`.
 * @returns A new {@link BorrowerStatus}.
 * @example
 * ```ts
 * aLoan({ borrower: { statuses: [aStatus('dispute', { until: '2026-08-01T00:00:00Z' })] } });
 * ```
 * @category Testing
 */
export function aStatus(type: BorrowerStatus['type'], overrides: Partial<Omit<BorrowerStatus, 'type'>> = {}): BorrowerStatus {
  return { type, from: '2026-07-01T00:00:00Z', ...overrides };
}

/**
 * A channel opt-out made on 2026-07-10, unless overridden.
 * @param channel - The channel opted out of.
 * @param overrides - Fields to replace: `at`, `address`.
 * @returns A new {@link OptOut}.
 * @example
 * ```ts
 * aLoan({ borrower: { optOuts: [anOptOut('sms')] } });
 * ```
 * @category Testing
 */
export function anOptOut(channel: OptOut['channel'], overrides: Partial<Omit<OptOut, 'channel'>> = {}): OptOut {
  return { channel, at: '2026-07-10T12:00:00Z', ...overrides };
}

/**
 * A history: the events given, in the order given, with nested lists flattened.
 * @param events - Events or lists of events.
 * @returns A new array of events.
 * @example
 * ```ts
 * aHistory(aCall('2026-07-13T14:00:00Z'), anSms('2026-07-14T13:00:00Z'));
 * ```
 * @category Testing
 */
export function aHistory(...events: readonly (HistoryEvent | readonly HistoryEvent[])[]): HistoryEvent[] {
  return events.flatMap((item): HistoryEvent[] => (Array.isArray(item) ? [...(item as readonly HistoryEvent[])] : [item as HistoryEvent]));
}

/**
 * Overrides of {@link anInput}.
 * @category Testing
 */
export interface InputOverrides {
  /** @default TEST_NOW */
  now?: DecisionInput['now'] | undefined;
  /** A loan, or loan overrides for {@link aLoan}. */
  loan?: Loan | LoanOverrides | undefined;
  history?: readonly HistoryEvent[] | undefined;
}

function isLoan(value: Loan | LoanOverrides): value is Loan {
  const borrower = value.borrower;
  return typeof value.id === 'string' && typeof value.currency === 'string' && typeof value.balance === 'number' && borrower !== undefined && typeof borrower.id === 'string';
}

/**
 * A decision input: `now` ({@link TEST_NOW} by default), a loan ({@link aLoan} with the given
 * overrides, or a loan as it is) and a history (empty by default).
 * @param overrides - {@link InputOverrides}.
 * @returns A new {@link DecisionInput}.
 * @example
 * ```ts
 * const decision = decide(anInput({ loan: { daysPastDue: 12 }, history: aHistory(aCall()) }), { policy, compliance });
 * ```
 * @category Testing
 */
export function anInput(overrides: InputOverrides = {}): DecisionInput {
  const loan = overrides.loan === undefined ? aLoan() : isLoan(overrides.loan) ? overrides.loan : aLoan(overrides.loan);
  return { now: overrides.now ?? TEST_NOW, loan, history: [...(overrides.history ?? [])] };
}
