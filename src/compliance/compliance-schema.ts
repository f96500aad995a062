import * as z from 'zod/mini';
import { ACTION_TYPES, ACTORS, CHANNELS, DIRECTIONS, OUTCOMES, PURPOSES, STATUS_TYPES } from '../domain/vocabulary.js';
import { lazy } from '../validate/parse.js';
import { localDateString, nonEmpty } from '../validate/primitives.js';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$|^24:00(?::00)?$/;
const DAY_TYPES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'holiday'] as const;

const ruleBase = {
  id: z.string().check(z.regex(KEBAB, 'Expected a kebab-case id, jurisdiction first (`us-reg-f-7-in-7`)'), z.maxLength(100)),
  citation: z.string().check(z.minLength(1), z.maxLength(500)),
  summary: z.string().check(z.minLength(1), z.maxLength(1000)),
  confidence: z.enum(['H', 'M', 'L']),
  binds: z.optional(nonEmpty(z.enum(['creditor', 'third_party_collector', 'licensed_agency', 'association_member']))),
  actions: z.optional(nonEmpty(z.enum(ACTION_TYPES))),
  products: z.optional(nonEmpty(z.string().check(z.minLength(1), z.maxLength(200)))),
  note: z.optional(z.string().check(z.maxLength(2000))),
};

const eventFilter = () =>
  z.strictObject({
    channels: nonEmpty(z.enum(CHANNELS)),
    outcomes: z.optional(nonEmpty(z.enum(OUTCOMES))),
    directions: z.optional(nonEmpty(z.enum(DIRECTIONS))),
    by: z.optional(nonEmpty(z.enum(ACTORS))),
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
  z.strictObject({
    ...ruleBase,
    kind: z.literal('window'),
    windows: nonEmpty(timeSpan()),
    includeStart: z.optional(z.boolean()),
    includeEnd: z.optional(z.boolean()),
    holidays: z.optional(z.array(localDateString()).check(z.maxLength(5000))),
  });

const capRule = () =>
  z.strictObject({
    ...ruleBase,
    kind: z.literal('cap'),
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
  z.strictObject({
    ...ruleBase,
    kind: z.literal('cool-down'),
    after: eventFilter(),
    scope: z.enum(['debt', 'borrower']),
    duration: z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('consecutive-days'), days: positiveInt() }),
      z.strictObject({ type: z.literal('rolling'), hours: positiveHours() }),
    ]),
  });

const statusRule = () =>
  z.strictObject({
    ...ruleBase,
    kind: z.literal('status'),
    statuses: nonEmpty(z.enum(STATUS_TYPES)),
    allowPurposes: z.optional(nonEmpty(z.enum(PURPOSES))),
  });

const optOutRule = () =>
  z.strictObject({
    ...ruleBase,
    kind: z.literal('opt-out'),
    channels: z.optional(nonEmpty(z.enum(CHANNELS))),
    allowPurposes: z.optional(nonEmpty(z.enum(PURPOSES))),
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
    rules: z.array(z.discriminatedUnion('kind', [windowRule(), capRule(), coolDownRule(), statusRule(), optOutRule()])).check(z.maxLength(2000)),
  }),
);
