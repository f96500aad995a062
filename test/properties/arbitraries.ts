/**
 * fast-check generators shared by the property tests and the fuzzer: valid decision inputs,
 * compliance documents and greedy policies, plus an independent wall-clock oracle (`Intl`,
 * not the library's own zone arithmetic) to judge the results against.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type {
  ActionType,
  BorrowerStatus,
  ComplianceDocument,
  ComplianceRule,
  DayType,
  EventFilter,
  HistoryEvent,
  Loan,
  OptOut,
} from '../../src/index.js';
import { ACTION_TYPES, ACTORS, CHANNELS, DIRECTIONS, OUTCOMES, PURPOSES, STATUS_TYPES, STEP_ACTIONS } from '../../src/index.js';
import { presets } from '../../src/presets/index.js';
import { calendarsFor } from '../../src/holidays/index.js';
import { loadCompliance } from '../../src/index.js';
import type { Compliance } from '../../src/index.js';

/**
 * Every property runs with this seed and a fixed number of runs, so CI is deterministic. A
 * failure prints its seed and path; replay it with `fc.assert(…, { seed, path })`, and turn
 * the counterexample into a file under `test/fuzz/found/`.
 */
export const SEED = 20_260_715;

/** Options for `fc.assert`: the fixed seed, `numRuns` runs, no time-based shrinking limits. */
export const runs = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns, endOnFailure: false });

export const root = new URL('../../', import.meta.url);
export const defaultPolicyDocument = JSON.parse(readFileSync(new URL('rules/policies/default.json', root), 'utf8')) as unknown;

/** Zones with odd offsets, DST in either hemisphere, half-hour DST, date-line jumps and Ramadan DST breaks. */
export const ZONES = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Moscow',
  'Africa/Casablanca',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Shanghai',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Pacific/Kiritimati',
] as const;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** `now` is drawn from 2024–2028, which holds several DST rule changes. */
const NOW_MIN = Date.UTC(2024, 0, 1);
const NOW_MAX = Date.UTC(2028, 11, 31);

export const iso = (ms: number): string => new Date(ms).toISOString();

/** The same instant written with a zone offset, as a lender's system might send it. */
function withOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** An ISO instant for `ms` in one of several spellings (Z, offsets, milliseconds). */
export const instantText = (ms: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant(iso(ms)),
    fc.constant(iso(ms).replace('.000Z', 'Z')),
    fc.constantFrom(-210, -180, 0, 330, 345, 480, 825).map((offset) => withOffset(ms, offset)),
  );

export const nowMs = fc.integer({ min: NOW_MIN, max: NOW_MAX });

const localDate = (ms: number) => iso(ms).slice(0, 10);

export interface Generated {
  /** The decision input, as JSON. */
  input: { now: string; loan: Loan; history: HistoryEvent[] };
  nowMs: number;
}

const statusArb = (now: number): fc.Arbitrary<BorrowerStatus> =>
  fc
    .record({
      type: fc.constantFrom(...STATUS_TYPES),
      from: fc.integer({ min: now - 90 * DAY_MS, max: now + 10 * DAY_MS }),
      length: fc.option(fc.integer({ min: 1000, max: 60 * DAY_MS }), { nil: undefined }),
      debt: fc.constantFrom(undefined, 'L-1', 'L-other'),
    })
    .map(({ type, from, length, debt }) => ({
      type,
      from: iso(from),
      ...(length === undefined ? {} : { until: iso(from + length) }),
      ...(debt === undefined ? {} : { debtId: debt }),
    }));

const optOutArb = (now: number): fc.Arbitrary<OptOut> =>
  fc
    .record({ channel: fc.constantFrom(...CHANNELS), at: fc.integer({ min: now - 30 * DAY_MS, max: now + DAY_MS }), address: fc.constantFrom(undefined, '+1-555-0100') })
    .map(({ channel, at, address }) => ({ channel, at: iso(at), ...(address === undefined ? {} : { address }) }));

/** History events around `now`, with ties (several events at one instant) on purpose. */
export const historyArb = (now: number, maxLength = 40): fc.Arbitrary<HistoryEvent[]> => {
  const at = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: now - 45 * DAY_MS, max: now }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 24 }).map((hours) => now - hours * HOUR_MS) }, // ties
    { weight: 1, arbitrary: fc.integer({ min: now, max: now + 2 * DAY_MS }) }, // after now: ignored
  );
  const debtId = fc.constantFrom(undefined, undefined, 'L-1', 'L-other');
  const contact = fc
    .record({
      at,
      channel: fc.constantFrom(...CHANNELS),
      direction: fc.constantFrom(...DIRECTIONS),
      outcome: fc.constantFrom(...OUTCOMES),
      by: fc.constantFrom(undefined, ...ACTORS),
      debtId,
      address: fc.constantFrom(undefined, '+1-555-0100', '+1-555-0199'),
      purpose: fc.constantFrom(undefined, ...PURPOSES),
    })
    .map(({ at: ms, by, debtId: debt, address, purpose, ...rest }): HistoryEvent => ({
      type: 'contact',
      at: iso(ms),
      ...rest,
      ...(by === undefined ? {} : { by }),
      ...(debt === undefined ? {} : { debtId: debt }),
      ...(address === undefined ? {} : { address }),
      ...(purpose === undefined ? {} : { purpose }),
    }));
  const promise = fc
    .record({ at, amount: fc.integer({ min: 1, max: 5000 }), due: fc.integer({ min: -10, max: 20 }) })
    .map(({ at: ms, amount, due }): HistoryEvent => ({ type: 'promise', at: iso(ms), amount, dueDate: localDate(ms + due * DAY_MS) }));
  const payment = fc.record({ at, amount: fc.integer({ min: 1, max: 5000 }) }).map(({ at: ms, amount }): HistoryEvent => ({ type: 'payment', at: iso(ms), amount }));
  const step = fc.record({ at, action: fc.constantFrom(...STEP_ACTIONS) }).map(({ at: ms, action }): HistoryEvent => ({ type: 'step', at: iso(ms), action }));
  return fc.array(fc.oneof({ weight: 6, arbitrary: contact }, promise, payment, step), { maxLength });
};

export interface InputOptions {
  /** Allow unknown or missing zones (fail-closed paths). Default true. */
  unknownZones?: boolean;
  maxHistory?: number;
}

/** A valid decision input (JSON): loan, borrower with 0–3 zones, statuses, opt-outs and a history. */
export const inputArb = (options: InputOptions = {}): fc.Arbitrary<Generated> =>
  nowMs.chain((now) => {
    const zones = fc.uniqueArray(fc.constantFrom(...ZONES), { minLength: 1, maxLength: 3 });
    const zoneFields = options.unknownZones === false
      ? zones.map((list) => (list.length === 1 ? { timeZone: list[0]! } : { timeZones: list }))
      : fc.oneof(
          { weight: 8, arbitrary: zones.map((list) => (list.length === 1 ? { timeZone: list[0]! } : { timeZones: list })) },
          { weight: 1, arbitrary: fc.constantFrom({}, { timeZone: 'Mars/Olympus_Mons' }, { timeZones: ['Asia/Shanghai', 'Not/AZone'] }) },
        );
    return fc
      .record({
        now: instantText(now),
        zoneFields,
        daysPastDue: fc.option(fc.integer({ min: -5, max: 400 }), { nil: null }),
        product: fc.constantFrom('cash_loan', 'credit_card', 'pos_instalment', 'auto'),
        currency: fc.constantFrom('CNY', 'USD', 'GBP'),
        balance: fc.integer({ min: 0, max: 200_000 }),
        riskScore: fc.option(fc.integer({ min: 300, max: 850 }), { nil: undefined }),
        addressVerified: fc.option(fc.boolean(), { nil: undefined }),
        attributes: fc.option(fc.record({ incomeLoss: fc.boolean(), segment: fc.constantFrom('A', 'B') }), { nil: undefined }),
        statuses: fc.option(fc.array(statusArb(now), { maxLength: 2 }), { nil: undefined, freq: 2 }),
        optOuts: fc.option(fc.array(optOutArb(now), { maxLength: 2 }), { nil: undefined, freq: 2 }),
        history: historyArb(now, options.maxHistory ?? 40),
      })
      .map((r): Generated => {
        const loan: Loan = {
          id: 'L-1',
          product: r.product,
          currency: r.currency,
          balance: r.balance,
          amountOverdue: Math.min(r.balance, 1200),
          ...(r.daysPastDue === null ? {} : { oldestUnpaidDueDate: localDate(now - r.daysPastDue * DAY_MS) }),
          ...(r.riskScore === undefined ? {} : { riskScore: r.riskScore }),
          ...(r.attributes === undefined ? {} : { attributes: r.attributes }),
          borrower: {
            id: 'B-1',
            ...r.zoneFields,
            ...(r.addressVerified === undefined ? {} : { addressVerified: r.addressVerified }),
            ...(r.statuses === undefined ? {} : { statuses: r.statuses }),
            ...(r.optOuts === undefined ? {} : { optOuts: r.optOuts }),
          },
        };
        return { input: { now: r.now, loan, history: r.history }, nowMs: now };
      });
  });

// ---------------------------------------------------------------------------------------------
// Compliance documents

const DAYS: readonly DayType[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'holiday'];
const base = { citation: 'Generated rule', summary: 'A generated rule.', confidence: 'H' } as const;

const clock = (seconds: number): string => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}${s === 0 ? '' : `:${String(s).padStart(2, '0')}`}`;
};

/** A span of at least one minute inside one day, on whole minutes or (sometimes) seconds. */
const spanArb = fc
  .record({
    days: fc.uniqueArray(fc.constantFrom(...DAYS), { minLength: 1, maxLength: 8 }),
    start: fc.oneof(fc.integer({ min: 0, max: 95 }).map((q) => q * 900), fc.integer({ min: 0, max: 86_000 })),
    length: fc.oneof(fc.integer({ min: 1, max: 64 }).map((q) => q * 900), fc.integer({ min: 60, max: 50_000 })),
  })
  .map(({ days, start, length }) => ({ days, start: clock(start), end: clock(Math.min(86_400, start + length)) }));

const actionsArb = fc.option(fc.uniqueArray(fc.constantFrom(...ACTION_TYPES), { minLength: 1, maxLength: 4 }), { nil: undefined, freq: 2 });
const productsArb = fc.option(fc.constantFrom(['cash_loan'], ['credit_card', 'auto']), { nil: undefined, freq: 4 });

const filterArb: fc.Arbitrary<EventFilter> = fc
  .record({
    channels: fc.uniqueArray(fc.constantFrom(...CHANNELS), { minLength: 1, maxLength: 3 }),
    outcomes: fc.option(fc.uniqueArray(fc.constantFrom(...OUTCOMES), { minLength: 1, maxLength: 5 }), { nil: undefined }),
    directions: fc.option(fc.uniqueArray(fc.constantFrom(...DIRECTIONS), { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 3 }),
    by: fc.option(fc.uniqueArray(fc.constantFrom(...ACTORS), { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 3 }),
  })
  .map(({ outcomes, directions, by, channels }) => ({ channels, ...(outcomes ? { outcomes } : {}), ...(directions ? { directions } : {}), ...(by ? { by } : {}) }));

const optional = <T extends object>(value: T | undefined): T | object => value ?? {};

/** Holidays near `now`, so that some generated days are holidays. */
const holidaysArb = (now: number) =>
  fc.option(fc.uniqueArray(fc.integer({ min: -3, max: 10 }).map((d) => localDate(now + d * DAY_MS)), { maxLength: 4 }), { nil: undefined });

export const windowRuleArb = (now: number): fc.Arbitrary<ComplianceRule> =>
  fc
    .record({
      windows: fc.array(spanArb, { minLength: 1, maxLength: 3 }),
      includeStart: fc.option(fc.boolean(), { nil: undefined }),
      includeEnd: fc.option(fc.boolean(), { nil: undefined }),
      holidays: holidaysArb(now),
      actions: actionsArb,
      products: productsArb,
    })
    .map(({ windows, includeStart, includeEnd, holidays, actions, products }) => ({
      ...base,
      id: 'gen-window',
      kind: 'window' as const,
      windows,
      ...optional(includeStart === undefined ? undefined : { includeStart }),
      ...optional(includeEnd === undefined ? undefined : { includeEnd }),
      ...optional(holidays && { holidays }),
      ...optional(actions && { actions }),
      ...optional(products && { products }),
    }));

export const capRuleArb: fc.Arbitrary<ComplianceRule> = fc
  .record({
    max: fc.integer({ min: 0, max: 6 }),
    period: fc.oneof(
      fc.integer({ min: 1, max: 10 }).map((days) => ({ type: 'consecutive-days' as const, days })),
      fc.integer({ min: 1, max: 240 }).map((hours) => ({ type: 'rolling' as const, hours })),
      fc.constantFrom('mon', 'sun').map((weekStartsOn) => ({ type: 'calendar-week' as const, weekStartsOn: weekStartsOn as 'mon' | 'sun' })),
      fc.constant({ type: 'calendar-month' as const }),
    ),
    scope: fc.constantFrom('debt', 'borrower', 'address') as fc.Arbitrary<'debt' | 'borrower' | 'address'>,
    counts: filterArb,
    actions: actionsArb,
    products: productsArb,
  })
  .map(({ actions, products, ...rest }) => ({ ...base, id: 'gen-cap', kind: 'cap' as const, ...rest, ...optional(actions && { actions }), ...optional(products && { products }) }));

export const coolDownRuleArb: fc.Arbitrary<ComplianceRule> = fc
  .record({
    after: filterArb,
    scope: fc.constantFrom('debt', 'borrower') as fc.Arbitrary<'debt' | 'borrower'>,
    duration: fc.oneof(
      fc.integer({ min: 1, max: 8 }).map((days) => ({ type: 'consecutive-days' as const, days })),
      fc.integer({ min: 1, max: 200 }).map((hours) => ({ type: 'rolling' as const, hours })),
    ),
    actions: actionsArb,
  })
  .map(({ actions, ...rest }) => ({ ...base, id: 'gen-cool-down', kind: 'cool-down' as const, ...rest, ...optional(actions && { actions }) }));

export const statusRuleArb: fc.Arbitrary<ComplianceRule> = fc
  .record({
    statuses: fc.uniqueArray(fc.constantFrom(...STATUS_TYPES), { minLength: 1, maxLength: 3 }),
    allowPurposes: fc.option(fc.uniqueArray(fc.constantFrom(...PURPOSES), { minLength: 1, maxLength: 2 }), { nil: undefined }),
    actions: actionsArb,
  })
  .map(({ allowPurposes, actions, ...rest }) => ({ ...base, id: 'gen-status', kind: 'status' as const, ...rest, ...optional(allowPurposes && { allowPurposes }), ...optional(actions && { actions }) }));

export const optOutRuleArb: fc.Arbitrary<ComplianceRule> = fc
  .record({
    channels: fc.option(fc.uniqueArray(fc.constantFrom(...CHANNELS), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    allowPurposes: fc.option(fc.uniqueArray(fc.constantFrom(...PURPOSES), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  })
  .map(({ channels, allowPurposes }) => ({ ...base, id: 'gen-opt-out', kind: 'opt-out' as const, ...optional(channels && { channels }), ...optional(allowPurposes && { allowPurposes }) }));

/** Rules with unique ids (`gen-window-0`, `gen-cap-1`…) in one document. */
export const documentOf = (rules: readonly ComplianceRule[], id = 'generated'): ComplianceDocument => ({
  id,
  title: 'Generated rules',
  jurisdiction: 'US',
  version: '2026-01-01',
  rules: rules.map((rule, i) => ({ ...rule, id: `${rule.id}-${i}` })),
});

/** A generated compliance document: 1–5 rules of every kind, windows around `now`. */
export const complianceDocumentArb = (now: number, kinds: { window?: boolean } = {}): fc.Arbitrary<ComplianceDocument> =>
  fc
    .array(
      fc.oneof(
        ...(kinds.window === false ? [] : [{ weight: 3, arbitrary: windowRuleArb(now) }]),
        { weight: 3, arbitrary: capRuleArb },
        { weight: 2, arbitrary: coolDownRuleArb },
        { weight: 1, arbitrary: statusRuleArb },
        { weight: 1, arbitrary: optOutRuleArb },
      ),
      { minLength: 1, maxLength: 5 },
    )
    .map((rules) => documentOf(rules));

/** Every shipped preset id, as found at test time (new presets are picked up without editing this file). */
export const presetIds = (): string[] => Object.keys(presets).sort();

/** A preset id or a generated document: ids keep counterexamples short. */
export type DocumentChoice = string | ComplianceDocument;

/** The documents to load for a list of choices. */
export const resolveDocuments = (choices: readonly DocumentChoice[]): ComplianceDocument[] =>
  choices.map((choice) => (typeof choice === 'string' ? ((presets as Record<string, ComplianceDocument>)[choice] as ComplianceDocument) : choice));

const calendarCache = new Map<string, ReturnType<typeof calendarsFor>>();

/**
 * The holiday calendars a lender would pass for these documents, with the holiday calendars that presets name
 * (`arrears/holidays`), covering the year of `nowMs`, the one before and the guard's five-year
 * look-ahead. Memoised: date-holidays is slow.
 */
export function calendarsAround(documents: readonly ComplianceDocument[], nowMs: number): ReturnType<typeof calendarsFor> {
  const year = new Date(nowMs).getUTCFullYear();
  const names = documents.flatMap((d) => d.rules.flatMap((r) => (r.kind === 'window' ? (r.holidayCalendars ?? []) : []))).sort();
  const key = `${year} ${names.join(',')}`;
  let calendars = calendarCache.get(key);
  if (calendars === undefined) {
    calendars = calendarsFor(documents, { years: Array.from({ length: 8 }, (_, i) => year - 1 + i) });
    calendarCache.set(key, calendars);
  }
  return calendars;
}

/** `loadCompliance` with {@link calendarsAround}. */
export function loadDocuments(documents: readonly ComplianceDocument[], nowMs: number): Compliance {
  return loadCompliance(documents, { calendars: calendarsAround(documents, nowMs) });
}

/** Compliance to load: generated rules, or one or two presets (overlays), or both. */
export const complianceArb = (now: number): fc.Arbitrary<DocumentChoice[]> => {
  const ids = presetIds();
  const somePresets = fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: Math.min(2, ids.length) });
  return fc.oneof(
    complianceDocumentArb(now).map((d) => [d]),
    somePresets,
    fc.tuple(somePresets, complianceDocumentArb(now)).map(([p, d]) => [...p, d]),
  );
};

// ---------------------------------------------------------------------------------------------
// Policies

/** A policy that proposes every action in `actions`, whatever the facts, with the given ranks. */
export function greedyPolicyDocument(ranks: readonly (readonly [ActionType, number])[], params: Record<string, unknown> = {}): unknown {
  return {
    rules: ranks.map(([action, rank], i) => ({
      name: `always-${action}-${i}`,
      conditions: { all: [] },
      event: { type: 'candidate', params: { action, rank, ...params } },
    })),
  };
}

export const greedyPolicyArb: fc.Arbitrary<unknown> = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...ACTION_TYPES), fc.integer({ min: 1, max: 50 })), { minLength: 1, maxLength: 8, selector: ([a]) => a })
  .map((ranks) => greedyPolicyDocument(ranks));

// ---------------------------------------------------------------------------------------------
// Independent wall-clock oracle

const formatters = new Map<string, Intl.DateTimeFormat>();
const readings = new Map<string, { date: string; weekday: number; seconds: number }>();

/** The wall clock of `zone` at `ms`, read through `Intl` (not through the library); memoised, `Intl` is slow. */
export function wallClock(ms: number, zone: string): { date: string; weekday: number; seconds: number } {
  const key = `${zone} ${ms}`;
  let reading = readings.get(key);
  if (reading === undefined) {
    if (readings.size > 200_000) readings.clear();
    reading = readWallClock(ms, zone);
    readings.set(key, reading);
  }
  return reading;
}

function readWallClock(ms: number, zone: string): { date: string; weekday: number; seconds: number } {
  let format = formatters.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts['weekday']!);
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    weekday,
    seconds: Number(parts['hour']) * 3600 + Number(parts['minute']) * 60 + Number(parts['second']) + (((ms % 1000) + 1000) % 1000) / 1000,
  };
}

/** Whether `zone` is an IANA zone this runtime knows, by `Intl`. */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The borrower's zones, as the contract reads them: `timeZone` and `timeZones` together. */
export function zonesOf(loan: Loan): string[] {
  return [...new Set([...(loan.borrower.timeZone === undefined ? [] : [loan.borrower.timeZone]), ...(loan.borrower.timeZones ?? [])])];
}

/** Deterministic Fisher–Yates with a small LCG, for permutations drawn from one integer. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
