import * as z from 'zod/mini';
import { ACTION_TYPES, ACTORS, CHANNELS, DIRECTIONS, NOTICE_TYPES, OUTCOMES, PURPOSES, RECIPIENTS, STATUS_TYPES, STEP_ACTIONS } from '../domain/vocabulary.js';
import type { CheckAction } from '../domain/action.js';
import type { HistoryEvent } from '../domain/history.js';
import type { Loan } from '../domain/loan.js';
import { guardParamsShape } from './guard-params.js';
import { lazy } from './parse.js';
import { idString, instantString, localDateString, money } from './primitives.js';

/** Attribute keys become fact names (`attributes.segment`), so they are plain identifiers. */
export const ATTRIBUTE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

const statusSchema = () =>
  z.strictObject({
    type: z.enum(STATUS_TYPES),
    from: instantString(),
    until: z.optional(z.nullable(instantString())),
    debtId: z.optional(idString()),
  });

const optOutSchema = () =>
  z.strictObject({
    channel: z.enum(CHANNELS),
    at: instantString(),
    address: z.optional(idString()),
  });

/** Days of an agreed or inconvenient time span. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** A local time of day, `HH:MM[:SS]`, up to `24:00`. */
export const LOCAL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$|^24:00(?::00)?$/;

const borrowerTimeSpanSchema = () =>
  z.strictObject({
    days: z.array(z.enum(WEEKDAYS)).check(z.minLength(1), z.maxLength(7)),
    start: z.string().check(z.regex(LOCAL_TIME, 'Expected a local time `HH:MM` or `HH:MM:SS` (00:00 to 24:00)')),
    end: z.string().check(z.regex(LOCAL_TIME, 'Expected a local time `HH:MM` or `HH:MM:SS` (00:00 to 24:00)')),
    actions: z.optional(z.array(z.enum(ACTION_TYPES)).check(z.minLength(1))),
    from: instantString(),
    until: z.optional(z.nullable(instantString())),
  });

const borrowerSchema = () =>
  z.strictObject({
    id: idString(),
    timeZone: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    timeZones: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.minLength(1), z.maxLength(16))),
    addressVerified: z.optional(z.boolean()),
    statuses: z.optional(z.array(statusSchema()).check(z.maxLength(1000))),
    optOuts: z.optional(z.array(optOutSchema()).check(z.maxLength(1000))),
    inconvenientTimes: z.optional(z.array(borrowerTimeSpanSchema()).check(z.maxLength(100))),
    agreedTimes: z.optional(z.array(borrowerTimeSpanSchema()).check(z.maxLength(100))),
  });

/** An ISO 4217 currency code. */
export const CURRENCY_CODE = /^[A-Z]{3}$/;

/** The loan schema. */
export const loanSchema = lazy(() =>
  z.strictObject({
    id: idString(),
    product: idString(),
    currency: z.string().check(z.regex(CURRENCY_CODE, 'Expected an ISO 4217 currency code such as "CNY"')),
    balance: money(),
    amountOverdue: money(),
    oldestUnpaidDueDate: z.optional(z.nullable(localDateString())),
    debtId: z.optional(idString()),
    riskScore: z.optional(z.nullable(z.number())),
    limitationExpiresOn: z.optional(z.nullable(localDateString())),
    attributes: z.optional(
      z.record(
        z.string().check(z.regex(ATTRIBUTE_KEY, 'Expected an attribute key made of letters, digits and `_`, starting with a letter')),
        z.union([z.string().check(z.maxLength(1000)), z.number(), z.boolean()]),
      ),
    ),
    borrower: borrowerSchema(),
  }),
);

const debtId = () => z.optional(idString());

/** One history event: a union on `type`. */
export const historyEventSchema = lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('contact'),
      at: instantString(),
      channel: z.enum(CHANNELS),
      direction: z.enum(DIRECTIONS),
      outcome: z.enum(OUTCOMES),
      by: z.optional(z.enum(ACTORS)),
      debtId: debtId(),
      address: z.optional(idString()),
      purpose: z.optional(z.enum(PURPOSES)),
      recipient: z.optional(z.enum(RECIPIENTS)),
      contactId: z.optional(idString()),
    }),
    z.strictObject({ type: z.literal('promise'), at: instantString(), amount: money(), dueDate: localDateString(), debtId: debtId() }),
    z.strictObject({ type: z.literal('payment'), at: instantString(), amount: money(), debtId: debtId() }),
    z.strictObject({ type: z.literal('step'), at: instantString(), action: z.enum(STEP_ACTIONS), debtId: debtId() }),
    z.strictObject({ type: z.literal('notice'), at: instantString(), notice: z.enum(NOTICE_TYPES), debtId: debtId() }),
  ]),
);

/** The most events one decision reads; longer histories should be summarised first. */
export const MAX_HISTORY_EVENTS = 200_000;

const actionParamsSchema = () => z.catchall(z.object(guardParamsShape()), z.unknown());

/** The input of `decide` (and of `check`, with `action`), `now` already normalised to a string. */
export const inputSchema = lazy(() =>
  z.strictObject({
    now: instantString(),
    loan: loanSchema(),
    history: z.optional(z.array(historyEventSchema()).check(z.maxLength(MAX_HISTORY_EVENTS))),
  }),
);

/**
 * The input without its history, for inputs whose history passed the fast path
 * (`fast-history.ts`): `now`, `loan` and nothing else.
 */
export const inputShellSchema = lazy(() =>
  z.strictObject({
    now: instantString(),
    loan: loanSchema(),
  }),
);

/** The `action` of `check`. */
export const checkActionSchema = lazy(() =>
  z.strictObject({
    type: z.enum(ACTION_TYPES),
    params: z.optional(actionParamsSchema()),
  }),
);

export type ParsedLoan = Loan;
export type ParsedHistoryEvent = HistoryEvent;
export type ParsedCheckAction = CheckAction;
