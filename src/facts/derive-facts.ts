import type { Loan } from '../domain/loan.js';
import type { Channel, Outcome } from '../domain/vocabulary.js';
import { CONVERSATION_OUTCOMES, UNANSWERED_OUTCOMES } from '../domain/vocabulary.js';
import type { AssumptionEntry } from '../trace/trace.js';
import { DAY_MS, HOUR_MS, parseInstant } from '../_lib/instant.js';
import { dayOfDate, localDay } from '../_lib/local-time.js';
import type { FactValue } from './catalog.js';
import { ATTRIBUTE_PREFIX } from './catalog.js';
import type { HistoryIndex, IndexedContact, IndexedPayment, IndexedPromise } from './history-index.js';
import { upperBound } from './history-index.js';

/**
 * Facts by name: every `FACT_CATALOG` name, plus `attributes.<key>` for each key of
 * `loan.attributes`. Catalog facts come first, in catalog order, then the attributes.
 * @category Facts
 */
export type Facts = Readonly<Record<string, FactValue>>;

/**
 * What {@link deriveFacts} returns: the facts, and the stricter readings it had to take
 * (unknown time zone, events after `now`), in that order, for the trace.
 * @category Facts
 */
export interface DerivedFacts {
  facts: Facts;
  assumptions: AssumptionEntry[];
}

const WEEK_MS = 7 * DAY_MS;
const MONTH_MS = 30 * DAY_MS;

// Money is summed in 1/10,000 of a major unit (finer than every ISO 4217 minor unit), as integers,
// so that payments of 0.7 and 0.1 keep a promise of 0.8 (in floating point they add up to 0.7999…).
const MONEY_SCALE = 10_000;
const toMoneyUnits = (amount: number): number => Math.round(amount * MONEY_SCALE);

const isConversation = (outcome: Outcome): boolean => CONVERSATION_OUTCOMES.includes(outcome);
const isUnanswered = (outcome: Outcome): boolean => UNANSWERED_OUTCOMES.includes(outcome);

/** Index of the first payment in `[0, end)` whose `at` is `ms` or later, in the payment columns. */
function paymentsLowerBound(columns: readonly number[], ms: number, end: number): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (columns[PAYMENT_STRIDE * mid]! < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The least `j` in `(from, end]` with `paid[j] ≥ target` (running totals never decrease); it exists. */
function firstReaching(paid: Float64Array, from: number, end: number, target: number): number {
  let lo = from + 1;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (paid[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// The contact loop reads two numbers per contact, `at` and a code of flags and channel, from one
// flat array built once per index: no string comparisons and no object loads per contact, and
// memory read in order (PERFORMANCE.md §3: derivation is linear in the history).
const OWN_DEBT = 1;
const OUTBOUND = 2;
const CONVERSATION = 4;
const UNANSWERED = 8;
const CHANNEL_SHIFT = 4;
const SMS = 1;
const EMAIL = 2;
const CALL = 3;
const VISIT = 4;
const LETTER = 5;

function channelCode(channel: Channel): number {
  switch (channel) {
    case 'sms':
      return SMS;
    case 'email':
      return EMAIL;
    case 'call':
      return CALL;
    case 'visit':
      return VISIT;
    case 'letter':
      return LETTER;
  }
}

interface Columns {
  readonly debtId: string;
  /** `[at₀, code₀, at₁, code₁, …]`, in the order of the contacts. */
  readonly values: readonly number[];
}

const columnCache = /* @__PURE__ */ new WeakMap<readonly IndexedContact[], Columns>();

/**
 * The contacts of an index as `[at, code]` pairs for `debtId`, built on first use and kept as
 * long as the contacts array lives (indexes are never mutated).
 */
export function contactColumns(contacts: readonly IndexedContact[], debtId: string): readonly number[] {
  const cached = columnCache.get(contacts);
  if (cached !== undefined && cached.debtId === debtId && cached.values.length === 2 * contacts.length) return cached.values;
  const values: number[] = [];
  for (const contact of contacts) {
    const code =
      (contact.debtId === debtId ? OWN_DEBT : 0) |
      (contact.direction === 'outbound' ? OUTBOUND : 0) |
      (isConversation(contact.outcome) ? CONVERSATION : 0) |
      (isUnanswered(contact.outcome) ? UNANSWERED : 0) |
      (channelCode(contact.channel) << CHANNEL_SHIFT);
    values.push(contact.at, code);
  }
  columnCache.set(contacts, { debtId, values });
  return values;
}

// Promises and payments are read the same way, as flat numbers built once per index: a promise
// as `[at, due day, amount in money units, 1 if about the debt]`, a payment as `[at, amount in
// money units, 1 if about the debt]`. On a portfolio each loan's history is cold in the CPU's
// caches; reading an object, its debt id and its due date string were a cache miss each.
const PROMISE_STRIDE = 4;
const PAYMENT_STRIDE = 3;

interface MoneyColumns {
  readonly debtId: string;
  readonly promises: readonly IndexedPromise[];
  readonly promiseValues: readonly number[];
  readonly paymentValues: readonly number[];
}

const moneyCache = /* @__PURE__ */ new WeakMap<readonly IndexedPayment[], MoneyColumns>();

function moneyColumns(promises: readonly IndexedPromise[], payments: readonly IndexedPayment[], debtId: string): MoneyColumns {
  const cached = moneyCache.get(payments);
  // Indexes are never mutated; the lengths are checked all the same, for an index built by hand.
  if (
    cached !== undefined &&
    cached.debtId === debtId &&
    cached.promises === promises &&
    cached.promiseValues.length === PROMISE_STRIDE * promises.length &&
    cached.paymentValues.length === PAYMENT_STRIDE * payments.length
  ) {
    return cached;
  }
  const promiseValues: number[] = [];
  for (const promise of promises) promiseValues.push(promise.at, dayOfDate(promise.dueDate), toMoneyUnits(promise.amount), promise.debtId === debtId ? 1 : 0);
  const paymentValues: number[] = [];
  for (const payment of payments) paymentValues.push(payment.at, toMoneyUnits(payment.amount), payment.debtId === debtId ? 1 : 0);
  const columns = { debtId, promises, promiseValues, paymentValues };
  moneyCache.set(payments, columns);
  return columns;
}

/**
 * Index of the first of `columns.length / stride` rows whose `at` (its first number) is greater
 * than `ms`. Rows ascend in `at`; searches are for `now`, after nearly every event, so it
 * gallops back from the end before bisecting, as `upperBound` does.
 */
function rowsUpperBound(columns: readonly number[], stride: number, ms: number): number {
  const rows = columns.length / stride;
  let lo = 0;
  let hi = rows;
  for (let back = 1; back <= rows; back *= 2) {
    const probe = rows - back;
    if (columns[probe * stride]! <= ms) {
      lo = probe + 1;
      break;
    }
    hi = probe;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (columns[mid * stride]! <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Working buffers reused by every call (deriveFacts is synchronous and never re-entered), so that
// deriving facts allocates nothing per event: the local "today" per zone, and running payment totals.
const buffers: Float64Array[] = [new Float64Array(16), new Float64Array(256)];

/** Buffer `which`, at least `length` long; its contents are garbage until written. */
function scratch(length: number, which: 0 | 1): Float64Array {
  let buffer = buffers[which]!;
  if (buffer.length < length) buffers[which] = buffer = new Float64Array(Math.max(length, 2 * buffer.length));
  return buffer;
}

// `attributes.<key>` names, built once per key: a concatenated string would be a new key each call.
let attributeNames: Map<string, string> | undefined;
function attributeFact(key: string): string {
  attributeNames ??= new Map();
  let name = attributeNames.get(key);
  if (name === undefined) {
    name = ATTRIBUTE_PREFIX + key;
    if (attributeNames.size < 10_000) attributeNames.set(key, name);
  }
  return name;
}

/** Hours from `at` to `now`; `null` when there is no such event (`at` is `NaN`). */
const hoursSince = (now: number, at: number): number | null => (Number.isNaN(at) ? null : (now - at) / HOUR_MS);

// Calendar arithmetic is on day numbers (days since 1970-01-01, `localDay` and `dayOfDate`),
// without building date strings.

/** The widest UTC offsets a zone can have (−12:00 to +14:00), with an hour to spare. */
const OFFSET_BOUND_MS = 15 * 3_600_000;

/**
 * Whether the local day of `ms` in `zone` is `day` or earlier. Only an instant within a day of
 * that day's end needs the zone's offset: a payment made weeks before or after a promise's due
 * date is decided without asking `Intl` about a long-past instant.
 */
function onOrBeforeLocalDay(ms: number, zone: string, day: number): boolean {
  if (Math.floor((ms + OFFSET_BOUND_MS) / DAY_MS) <= day) return true;
  if (Math.floor((ms - OFFSET_BOUND_MS) / DAY_MS) > day) return false;
  return localDay(ms, zone) <= day;
}

/**
 * Derives the facts a policy reads from a loan and its indexed history, as of `now`.
 *
 * Only events about the loan's debt (`loan.debtId ?? loan.id`) and no later than `now` count.
 * Calendar facts (days past due, days since the last payment, promise states) use the
 * borrower-local date; with several candidate zones each takes the value least aggressive for
 * collection, and with none they are counted in UTC and an assumption says so.
 *
 * @param loan - The validated loan.
 * @param index - Its history, from `indexHistory(history, loan.debtId ?? loan.id)`.
 * @param now - The instant the decision is for, epoch ms.
 * @param zones - The borrower's known candidate zones (validated, sorted); may be empty.
 * @returns Every catalog fact plus `attributes.<key>`, and the assumptions taken.
 * @example
 * ```ts
 * const now = Date.parse('2026-07-15T13:30:00Z');
 * const { facts } = deriveFacts(loan, indexHistory(history, loan.debtId ?? loan.id), now, ['Asia/Shanghai']);
 * facts['daysPastDue']; // 25 when `oldestUnpaidDueDate` is 2026-06-20
 * ```
 * @category Facts
 */
export function deriveFacts(loan: Loan, index: HistoryIndex, now: number, zones: readonly string[]): DerivedFacts {
  const debtId = loan.debtId ?? loan.id;
  const assumptions: AssumptionEntry[] = [];

  let calendarZones = zones;
  if (calendarZones.length === 0) {
    calendarZones = ['UTC'];
    assumptions.push({ type: 'assumption.stricter', subject: 'days-past-due', reason: 'Time zone unknown: calendar facts counted in UTC' });
  }
  const today = scratch(calendarZones.length, 0);
  for (let z = 0; z < calendarZones.length; z++) today[z] = localDay(now, calendarZones[z]!);

  const { contacts, promises, payments, steps } = index;
  // Each array is ascending in `at`: everything from these indexes on is after `now`.
  const columns = contactColumns(contacts, debtId);
  const contactsEnd = rowsUpperBound(columns, 2, now);
  const money = moneyColumns(promises, payments, debtId);
  const promiseValues = money.promiseValues;
  const paymentValues = money.paymentValues;
  const promisesEnd = rowsUpperBound(promiseValues, PROMISE_STRIDE, now);
  const paymentsEnd = rowsUpperBound(paymentValues, PAYMENT_STRIDE, now);
  const stepsEnd = upperBound(steps, now);
  // Counted over every debt: they are ignored whichever debt they are about.
  const future =
    contacts.length - contactsEnd + (promises.length - promisesEnd) + (payments.length - paymentsEnd) + (steps.length - stepsEnd);
  if (future > 0) {
    assumptions.push({ type: 'assumption.stricter', subject: 'future-events', reason: `${future} history ${future === 1 ? 'event' : 'events'} after now ${future === 1 ? 'was' : 'were'} ignored` });
  }

  // Contacts: one pass. The last instants are NaN until seen (numbers only: a variable that can
  // also hold `null` would box every instant assigned to it, an allocation per contact).
  const since24h = now - DAY_MS;
  const since7d = now - WEEK_MS;
  const since30d = now - MONTH_MS;
  let call24h = 0;
  let call7d = 0;
  let call30d = 0;
  let sms24h = 0;
  let sms7d = 0;
  let sms30d = 0;
  let visit24h = 0;
  let visit7d = 0;
  let visit30d = 0;
  let unansweredCalls = 0;
  let lastConversation = Number.NaN;
  let lastSms = Number.NaN;
  let lastEmail = Number.NaN;
  let lastCall = Number.NaN;
  let lastVisit = Number.NaN;
  let lastLetter = Number.NaN;
  for (let i = 0, j = 0; i < contactsEnd; i++, j += 2) {
    const code = columns[j + 1]!;
    if ((code & OWN_DEBT) === 0) continue;
    const at = columns[j]!;
    if ((code & CONVERSATION) !== 0) {
      lastConversation = at;
      unansweredCalls = 0;
    }
    if ((code & OUTBOUND) === 0) continue;
    // The windows are half-open, `now − span < at ≤ now`; `at ≤ now` holds below contactsEnd.
    const in24h = at > since24h ? 1 : 0;
    const in7d = at > since7d ? 1 : 0;
    const in30d = at > since30d ? 1 : 0;
    switch (code >>> CHANNEL_SHIFT) {
      case CALL:
        lastCall = at;
        call24h += in24h;
        call7d += in7d;
        call30d += in30d;
        if ((code & UNANSWERED) !== 0) unansweredCalls++;
        break;
      case SMS:
        lastSms = at;
        sms24h += in24h;
        sms7d += in7d;
        sms30d += in30d;
        break;
      case VISIT:
        lastVisit = at;
        visit24h += in24h;
        visit7d += in7d;
        visit30d += in30d;
        break;
      case EMAIL:
        lastEmail = at;
        break;
      case LETTER:
        lastLetter = at;
        break;
    }
  }

  // Steps: one pass.
  let lastLegal = Number.NaN;
  let lastAgency = Number.NaN;
  let lastHardshipPlan = Number.NaN;
  for (let i = 0; i < stepsEnd; i++) {
    const step = steps[i]!;
    if (step.debtId !== debtId) continue;
    switch (step.action) {
      case 'legal':
        lastLegal = step.at;
        break;
      case 'agency':
        lastAgency = step.at;
        break;
      case 'hardship_plan':
        lastHardshipPlan = step.at;
        break;
    }
  }

  // Payments: one pass, keeping running totals (paid[i] = this debt's payments before index i)
  // so that each promise reads the sum over any span in O(1) and finds the payment completing it in O(log n).
  let lastPayment = Number.NaN;
  const paid = promisesEnd > 0 ? scratch(paymentsEnd + 1, 1) : undefined;
  if (paid) paid[0] = 0;
  let total = 0;
  for (let i = 0, k = 0; i < paymentsEnd; i++, k += PAYMENT_STRIDE) {
    if (paymentValues[k + 2] === 1) {
      lastPayment = paymentValues[k]!;
      if (paid) total += paymentValues[k + 1]!;
    }
    if (paid) paid[i + 1] = total;
  }

  // Promises: one pass. Each promise is exactly one of kept, broken and active: kept in one zone
  // means broken or kept in every other, so the three counts add up to promisesMade.
  let promisesMade = 0;
  let promisesKept = 0;
  let promisesBroken = 0;
  let activePromise = false;
  for (let i = 0, k = 0; i < promisesEnd; i++, k += PROMISE_STRIDE) {
    if (promiseValues[k + 3] !== 1) continue;
    promisesMade++;
    const dueDay = promiseValues[k + 1]!;
    const amount = promiseValues[k + 2]!;
    const from = paymentsLowerBound(paymentValues, promiseValues[k]!, paymentsEnd);
    const paidByNow = total - paid![from]!;
    // The payment that brings the sum up to the amount (-1: none needed); found only if needed.
    let completing: number | undefined;
    let keptInAny = false;
    let brokenInAll = true;
    let activeInAny = false;
    for (let z = 0; z < calendarZones.length; z++) {
      const pastDue = dueDay < today[z]!;
      let kept = paidByNow >= amount;
      if (kept && pastDue) {
        // Paid in full by now, but only payments made by the end of the local due date count:
        // the payment that completes the amount must fall on the due date or earlier.
        completing ??= amount <= 0 ? -1 : firstReaching(paid!, from, paymentsEnd, paid![from]! + amount) - 1;
        kept = completing < 0 || onOrBeforeLocalDay(paymentValues[PAYMENT_STRIDE * completing]!, calendarZones[z]!, dueDay);
      }
      if (kept) keptInAny = true;
      if (kept || !pastDue) brokenInAll = false;
      if (!kept && !pastDue) activeInAny = true;
    }
    if (keptInAny) promisesKept++;
    else if (brokenInAll) promisesBroken++;
    else if (activeInAny) activePromise = true;
  }

  // Calendar counts: the least aggressive reading over the candidate zones, the minimum.
  let daysPastDue = Infinity;
  let daysSinceLastPayment: number | null = Number.isNaN(lastPayment) ? null : Infinity;
  const oldestUnpaid = loan.oldestUnpaidDueDate ?? null;
  const oldestUnpaidDay = oldestUnpaid === null ? 0 : dayOfDate(oldestUnpaid);
  for (let z = 0; z < calendarZones.length; z++) {
    const date = today[z]!;
    daysPastDue = Math.min(daysPastDue, oldestUnpaid === null ? 0 : Math.max(0, date - oldestUnpaidDay));
    if (daysSinceLastPayment !== null) {
      daysSinceLastPayment = Math.min(daysSinceLastPayment, date - localDay(lastPayment, calendarZones[z]!));
    }
  }

  const facts: Record<string, FactValue> = {
    daysPastDue,
    balance: loan.balance,
    amountOverdue: loan.amountOverdue,
    riskScore: loan.riskScore ?? null,
    product: loan.product,
    currency: loan.currency,
    addressVerified: loan.borrower.addressVerified ?? false,
    callAttempts24h: call24h,
    callAttempts7d: call7d,
    callAttempts30d: call30d,
    smsAttempts24h: sms24h,
    smsAttempts7d: sms7d,
    smsAttempts30d: sms30d,
    visitAttempts24h: visit24h,
    visitAttempts7d: visit7d,
    visitAttempts30d: visit30d,
    consecutiveUnansweredCalls: unansweredCalls,
    hoursSinceLastConversation: hoursSince(now, lastConversation),
    hoursSinceLastSms: hoursSince(now, lastSms),
    hoursSinceLastEmail: hoursSince(now, lastEmail),
    hoursSinceLastCall: hoursSince(now, lastCall),
    hoursSinceLastVisit: hoursSince(now, lastVisit),
    hoursSinceLastLetter: hoursSince(now, lastLetter),
    hoursSinceLastLegal: hoursSince(now, lastLegal),
    hoursSinceLastAgency: hoursSince(now, lastAgency),
    hoursSinceLastHardshipPlan: hoursSince(now, lastHardshipPlan),
    promisesMade,
    promisesKept,
    promisesBroken,
    activePromise,
    daysSinceLastPayment,
    onHardshipPlan: onHardshipPlan(loan, debtId, now),
  };
  const attributes = loan.attributes;
  if (attributes) {
    for (const key of Object.keys(attributes)) facts[attributeFact(key)] = attributes[key]!;
  }
  return { facts, assumptions };
}

/** A `hardship_plan` status about every debt or this one holds at `now` (`from ≤ now < until`). */
function onHardshipPlan(loan: Loan, debtId: string, now: number): boolean {
  for (const status of loan.borrower.statuses ?? []) {
    if (status.type !== 'hardship_plan') continue;
    if (status.debtId !== undefined && status.debtId !== debtId) continue;
    if (parseInstant(status.from) > now) continue;
    if (status.until !== undefined && status.until !== null && parseInstant(status.until) <= now) continue;
    return true;
  }
  return false;
}
