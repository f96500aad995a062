/**
 * Seeded synthetic portfolio: Chinese consumer loans (cash loans, point-of-sale instalments,
 * cards, auto loans) in CNY, borrowers in Asia/Shanghai with a few abroad or without a zone,
 * and contact histories of 0–200 events (median about 23, a long tail capped at 200), as in
 * PERFORMANCE.md §1. `now` is spread over one week, so many decisions fall outside the
 * 08:00–22:00 window. The same seed always gives the same portfolio, byte for byte.
 */
import type { DecisionInput, HistoryEvent, Loan } from '../src/index.js';

/** A small, fast, seeded PRNG (mulberry32): uniform in [0, 1). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Rng = () => number;

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Shanghai has had no DST since 1991: local = UTC + 8 h. */
const SHANGHAI = 8 * HOUR;
/** The week `now` is drawn from: Monday 2026-07-13 00:00 Shanghai onwards. */
const WEEK_START = Date.UTC(2026, 6, 12, 16);

const totals = new WeakMap<object, number>();

function pick<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  let total = totals.get(items);
  if (total === undefined) totals.set(items, (total = items.reduce((sum, [, weight]) => sum + weight, 0)));
  let r = rng() * total;
  for (const [item, weight] of items) {
    r -= weight;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

function normal(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayPrefixes = new Map<number, string>();

/** `YYYY-MM-DDTHH:MM:SSZ` (whole seconds), without a `Date` per call: the day's prefix is cached. */
function iso(ms: number): string {
  const day = Math.floor(ms / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) dayPrefixes.set(day, (prefix = `${new Date(day * DAY).toISOString().slice(0, 10)}T`));
  const seconds = Math.floor((ms - day * DAY) / 1000);
  return `${prefix}${TWO_DIGITS[Math.floor(seconds / 3600)]!}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]!}:${TWO_DIGITS[seconds % 60]!}Z`;
}
const shanghaiDate = (ms: number): string => new Date(ms + SHANGHAI).toISOString().slice(0, 10);
const round2 = (x: number): number => Math.round(x * 100) / 100;

const PRODUCTS = [
  ['cash_loan', 45],
  ['pos_instalment', 25],
  ['credit_card', 22],
  ['auto', 8],
] as const;
const MEDIAN_BALANCE: Record<string, number> = { cash_loan: 8_000, pos_instalment: 3_000, credit_card: 15_000, auto: 60_000 };

/** Days past due: most loans are early in arrears, a long tail beyond 90. */
function daysPastDue(rng: Rng): number {
  const band = pick(rng, [
    [[0, 0], 3],
    [[1, 7], 30],
    [[8, 30], 30],
    [[31, 60], 15],
    [[61, 90], 10],
    [[91, 180], 12],
  ] as const);
  return band[0] + Math.floor(rng() * (band[1] - band[0] + 1));
}

/** History length: 0.5 % empty, otherwise log-normal around 23 events, capped at 200. */
export function historyLength(rng: Rng): number {
  if (rng() < 0.005) return 0;
  return Math.max(1, Math.min(200, Math.floor(Math.exp(Math.log(23) + 1.45 * normal(rng)))));
}

const CALL_OUTCOMES = [
  ['no_answer', 45],
  ['busy', 10],
  ['voicemail', 5],
  ['conversation', 20],
  ['promise_to_pay', 8],
  ['refused', 5],
  ['failed', 3],
  ['not_in_service', 2],
  ['wrong_party', 2],
] as const;

/** An instant in Shanghai daytime (07:00–23:00 local, a few outside) `daysAgo` before `now`. */
function contactTime(rng: Rng, now: number, maxDaysAgo: number): number {
  const daysAgo = Math.floor(rng() * maxDaysAgo);
  const localMidnight = Math.floor((now + SHANGHAI) / DAY) * DAY - SHANGHAI - daysAgo * DAY;
  const hour = 7 + rng() * 16;
  const at = localMidnight + Math.floor(hour * HOUR / 60_000) * 60_000;
  return Math.min(at, now - 60_000);
}

/** A history of exactly `length` events for a loan `dpd` days past due, as of `now`. */
export function history(rng: Rng, length: number, now: number, dpd: number, phones: readonly string[]): HistoryEvent[] {
  const span = Math.max(7, Math.min(365, dpd + 10));
  const events: HistoryEvent[] = [];
  for (let i = 0; i < length; i++) {
    const at = contactTime(rng, now, span);
    const kind = pick(rng, [
      ['call', 60],
      ['sms', 24],
      ['email', 2],
      ['promise', 5],
      ['payment', 5],
      ['visit', 1.5],
      ['letter', 1],
      ['step', 1.5],
    ] as const);
    switch (kind) {
      case 'call': {
        const inbound = rng() < 0.05;
        const event: HistoryEvent = {
          type: 'contact',
          at: iso(at),
          channel: 'call',
          direction: inbound ? 'inbound' : 'outbound',
          outcome: inbound ? 'conversation' : pick(rng, CALL_OUTCOMES),
          address: phones[Math.floor(rng() * phones.length)]!,
        };
        if (dpd > 60 && rng() < 0.15) event.by = 'agency';
        events.push(event);
        break;
      }
      case 'sms':
        events.push({ type: 'contact', at: iso(at), channel: 'sms', direction: 'outbound', outcome: rng() < 0.97 ? 'delivered' : 'failed', address: phones[0]! });
        break;
      case 'email':
        events.push({ type: 'contact', at: iso(at), channel: 'email', direction: 'outbound', outcome: 'delivered' });
        break;
      case 'visit':
        events.push({ type: 'contact', at: iso(at), channel: 'visit', direction: 'outbound', outcome: pick(rng, [['conversation', 50], ['no_answer', 50]] as const) });
        break;
      case 'letter':
        events.push({ type: 'contact', at: iso(at), channel: 'letter', direction: 'outbound', outcome: 'delivered' });
        break;
      case 'promise': {
        const due = shanghaiDate(at + Math.floor(1 + rng() * 10) * DAY);
        events.push({ type: 'promise', at: iso(at), amount: round2(100 + rng() * 2_000), dueDate: due });
        break;
      }
      case 'payment':
        events.push({ type: 'payment', at: iso(at), amount: round2(50 + rng() * 2_000) });
        break;
      case 'step':
        events.push({ type: 'step', at: iso(at), action: pick(rng, [['legal', 30], ['agency', 30], ['hardship_plan', 40]] as const) });
        break;
    }
  }
  return events;
}

/** Options of {@link generateInput}. */
export interface GenerateOptions {
  /** Exact history length; default: drawn (0–200, median about 23). */
  historyLength?: number;
  /** Divides the drawn history length (rounding down): 10 gives histories of 0–20 events. Default 1. */
  historyDivisor?: number;
  /** Segments for `attributes.segment` (`S0`…); the scaled policies read them. Default 100. */
  segments?: number;
}

/** The `i`-th loan of the portfolio of `seed`: independent of every other loan, so any range can be generated alone. */
export function generateInput(seed: number, i: number, options: GenerateOptions = {}): DecisionInput {
  const rng = random((seed * 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca77));
  const now = WEEK_START + Math.floor(rng() * 7 * DAY / 1000) * 1000;
  const product = pick(rng, PRODUCTS);
  const dpd = daysPastDue(rng);
  const balance = round2(Math.max(300, MEDIAN_BALANCE[product]! * Math.exp(0.8 * normal(rng))));
  const overdue = round2(Math.min(balance, (balance / 12) * Math.max(1, Math.ceil(dpd / 30))));
  const id = `CN-${seed}-${i}`;
  const phones = [`+86138${String(i % 100_000_000).padStart(8, '0')}`, `+86139${String((i * 7) % 100_000_000).padStart(8, '0')}`];

  const zone = pick(rng, [
    ['Asia/Shanghai', 965],
    ['Asia/Urumqi', 10],
    ['Asia/Hong_Kong', 5],
    ['Asia/Singapore', 5],
    ['Australia/Sydney', 4],
    ['America/Los_Angeles', 4],
    ['ambiguous', 4],
    ['none', 3],
  ] as const);
  const borrower: Loan['borrower'] = { id: `B-${seed}-${i}`, addressVerified: rng() < 0.6 };
  if (zone === 'ambiguous') borrower.timeZones = ['Asia/Shanghai', 'Asia/Tokyo'];
  else if (zone !== 'none') borrower.timeZone = zone;
  if (product === 'credit_card' && rng() < 0.04) {
    borrower.statuses = [{ type: 'hardship_plan', from: iso(now - Math.floor(rng() * 60) * DAY), ...(rng() < 0.3 ? { until: iso(now + Math.floor(1 + rng() * 30) * DAY) } : {}) }];
  }
  if (rng() < 0.01) borrower.optOuts = [{ channel: 'sms', at: iso(now - Math.floor(rng() * 30) * DAY) }];

  const attributes: Record<string, string | number | boolean> = { segment: `S${Math.floor(rng() * (options.segments ?? 100))}` };
  if (rng() < 0.08) attributes['incomeLoss'] = true;
  else if (rng() < 0.5) attributes['incomeLoss'] = false;

  const loan: Loan = {
    id,
    product,
    currency: 'CNY',
    balance,
    amountOverdue: dpd === 0 ? 0 : overdue,
    oldestUnpaidDueDate: dpd === 0 ? null : shanghaiDate(now - dpd * DAY),
    attributes,
    borrower,
  };
  if (rng() < 0.95) loan.riskScore = Math.max(0, Math.min(1000, Math.round(500 + 200 * normal(rng))));
  const length = options.historyLength ?? Math.floor(historyLength(rng) / (options.historyDivisor ?? 1));
  return { now: iso(now), loan, history: history(rng, length, now, dpd, phones) };
}

/** `count` loans of the portfolio of `seed`, from index `from`. */
export function generatePortfolio(seed: number, count: number, options: GenerateOptions = {}, from = 0): DecisionInput[] {
  const inputs: DecisionInput[] = [];
  for (let i = from; i < from + count; i++) inputs.push(generateInput(seed, i, options));
  return inputs;
}
