import * as z from 'zod/mini';
import { ACTION_TYPES, ACTORS, CHANNELS, DIRECTIONS, LEGAL_STEPS, NOTICE_TYPES, OUTCOMES, PURPOSES, RECIPIENTS, STATUS_TYPES } from '../domain/vocabulary.js';
import { lazy } from '../validate/parse.js';
import { localDateString, nonEmpty } from '../validate/primitives.js';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$|^24:00(?::00)?$/;
const DAY_TYPES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'holiday'] as const;

/**
 * A rule of `kind`: the fields every rule has around its own. Keys are in the order the presets
 * write them (id, kind, citation, … the kind's own fields, exception, note), because zod's output
 * follows the schema's order: a loaded preset then reads as its file does, and a shipped preset
 * needs no second, reordered copy (`test/presets/presets.test.ts` checks both).
 */
function rule<const Kind extends string, const Own extends z.core.$ZodLooseShape>(kind: Kind, own: Own) {
  return z.strictObject({
    id: z.string().check(z.regex(KEBAB, 'Expected a kebab-case id, jurisdiction first (`us-reg-f-7-in-7`)'), z.maxLength(100)),
    kind: z.literal(kind),
    citation: z.string().check(z.minLength(1), z.maxLength(500)),
    summary: z.string().check(z.minLength(1), z.maxLength(1000)),
    confidence: z.enum(['H', 'M', 'L']),
    binds: z.optional(nonEmpty(z.enum(['creditor', 'third_party_collector', 'licensed_agency', 'association_member']))),
    actions: z.optional(nonEmpty(z.enum(ACTION_TYPES))),
    products: z.optional(nonEmpty(z.string().check(z.minLength(1), z.maxLength(200)))),
    ...own,
    exception: z.optional(z.strictObject({ daysPastDueOver: z.int().check(z.gte(0), z.lte(10_000)), optIn: z.optional(z.boolean()) })),
    note: z.optional(z.string().check(z.maxLength(2000))),
  });
}

const CALENDAR = /^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/;
const calendarName = () => z.string().check(z.regex(CALENDAR, 'Expected a calendar name: an ISO 3166 code such as "RU" or "US-MA"'));
const duration = () =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('consecutive-days'), days: positiveInt() }),
    z.strictObject({ type: z.literal('rolling'), hours: positiveHours() }),
  ]);
const steps = () => z.optional(nonEmpty(z.enum(LEGAL_STEPS)));

const eventFilter = () =>
  z.strictObject({
    channels: nonEmpty(z.enum(CHANNELS)),
    outcomes: z.optional(nonEmpty(z.enum(OUTCOMES))),
    directions: z.optional(nonEmpty(z.enum(DIRECTIONS))),
    by: z.optional(nonEmpty(z.enum(ACTORS))),
    recipients: z.optional(nonEmpty(z.enum(RECIPIENTS))),
  });

const positiveInt = () => z.int().check(z.gte(1), z.lte(3660));
const positiveHours = () => z.number().check(z.gt(0), z.lte(87_840));

const timeString = () => z.string().check(z.regex(TIME, 'Expected a local time `HH:MM` or `HH:MM:SS` (00:00 to 24:00)'));

const timeSpan = () =>
  z
    .strictObject({ days: nonEmpty(z.enum(DAY_TYPES)), start: timeString(), end: timeString() })
    .check(
      z.refine((span) => secondsOfDay(span.start) < secondsOfDay(span.end), {
        message: 'Expected `start` to be before `end` (a span cannot cross midnight; split it in two)',
        path: ['end'],
      }),
    );

/** Seconds since local midnight of an `HH:MM[:SS]` time. */
export function secondsOfDay(time: string): number {
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

const windowRule = () =>
  rule('window', {
    windows: nonEmpty(timeSpan()),
    includeStart: z.optional(z.boolean()),
    includeEnd: z.optional(z.boolean()),
    holidays: z.optional(z.array(localDateString()).check(z.maxLength(5000))),
    holidayCalendars: z.optional(nonEmpty(calendarName())),
    allowAgreedTimes: z.optional(z.boolean()),
  });

const capRule = () =>
  rule('cap', {
    max: z.int().check(z.gte(0), z.lte(10_000)),
    period: z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('consecutive-days'), days: positiveInt() }),
      z.strictObject({ type: z.literal('rolling'), hours: positiveHours() }),
      z.strictObject({ type: z.literal('calendar-week'), weekStartsOn: z.enum(['mon', 'sun']) }),
      z.strictObject({ type: z.literal('calendar-month') }),
    ]),
    scope: z.enum(['debt', 'borrower', 'address']),
    counts: eventFilter(),
  });

const coolDownRule = () =>
  rule('cool-down', {
    after: eventFilter(),
    scope: z.enum(['debt', 'borrower']),
    duration: duration(),
  });

const statusRule = () =>
  rule('status', {
    statuses: nonEmpty(z.enum(STATUS_TYPES)),
    allowPurposes: z.optional(nonEmpty(z.enum(PURPOSES))),
    assumedDuration: z.optional(duration()),
    extendAfterEnd: z.optional(duration()),
  });

const optOutRule = () =>
  rule('opt-out', {
    channels: z.optional(nonEmpty(z.enum(CHANNELS))),
    allowPurposes: z.optional(nonEmpty(z.enum(PURPOSES))),
  });

const designatedTimesRule = () =>
  rule('designated-times', { allowPurposes: z.optional(nonEmpty(z.enum(PURPOSES))) });

const timeBarredRule = () => rule('time-barred', { steps: steps(), requireKnown: z.optional(z.boolean()) });

const minimumBalanceRule = () =>
  rule('minimum-balance', {
    amount: z.number().check(z.gte(0)),
    currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 currency code such as "GBP"')),
    steps: steps(),
  });

const noticePeriodRule = () =>
  rule('notice-period', { notice: z.enum(NOTICE_TYPES), wait: duration(), steps: steps() });

const thirdPartyRule = () =>
  rule('third-party', {
    unreachable: z.optional(z.strictObject({ days: positiveInt(), minAttempts: z.int().check(z.gte(0), z.lte(1000)) })),
    maxPerContact: z.optional(z.int().check(z.gte(0), z.lte(10_000))),
    honourStop: z.optional(z.boolean()),
  });

/** One compliance document. */
export const complianceDocumentSchema = lazy(() =>
  z.strictObject({
    $schema: z.optional(z.string()),
    id: z.string().check(z.regex(KEBAB, 'Expected a kebab-case document id (`us-federal`)'), z.maxLength(100)),
    title: z.string().check(z.minLength(1), z.maxLength(300)),
    jurisdiction: z.string().check(z.regex(/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/, 'Expected an ISO 3166 code such as "US" or "US-MA"')),
    version: localDateString(),
    provisional: z.optional(z.boolean()),
    description: z.optional(z.string().check(z.maxLength(5000))),
    rules: z
      .array(
        z.discriminatedUnion('kind', [
          windowRule(),
          capRule(),
          coolDownRule(),
          statusRule(),
          optOutRule(),
          designatedTimesRule(),
          timeBarredRule(),
          minimumBalanceRule(),
          noticePeriodRule(),
          thirdPartyRule(),
        ]),
      )
      .check(z.maxLength(2000)),
  }),
);
