import * as z from 'zod/mini';
import { MAX_MONEY } from './limits.js';

/** An ISO-8601 instant that carries an offset or `Z`. */
export const instantString = () =>
  z.iso.datetime({ offset: true, error: 'Expected an ISO-8601 instant with an offset or `Z` (2026-07-15T13:30:00Z)' });

/** A local date, `YYYY-MM-DD`, that exists in the calendar. */
export const localDateString = () => z.iso.date({ error: 'Expected a calendar date as `YYYY-MM-DD`' });

/** The longest identifier accepted. */
const MAX_ID_LENGTH = 200;

/** A non-empty identifier of reasonable length. */
export const idString = () => z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH));

/** A finite amount of money, zero to {@link MAX_MONEY}. */
export const money = () => z.number().check(z.gte(0), z.lte(MAX_MONEY));

// The same checks by hand, for the fast paths that spare well-formed documents zod's cost.

/** What {@link idString} accepts. */
export const isId = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= MAX_ID_LENGTH;

/** What {@link money} accepts. */
export const isMoney = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_MONEY;

/** What `z.number()` accepts: a finite number. */
export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A non-empty list. */
export const nonEmpty = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.minLength(1));
