import * as z from 'zod/mini';
import { MAX_MONEY } from './limits.js';

/** An ISO-8601 instant that carries an offset or `Z`. */
export const instantString = () =>
  z.iso.datetime({ offset: true, error: 'Expected an ISO-8601 instant with an offset or `Z` (2026-07-15T13:30:00Z)' });

/** A local date, `YYYY-MM-DD`, that exists in the calendar. */
export const localDateString = () => z.iso.date({ error: 'Expected a calendar date as `YYYY-MM-DD`' });

/** A non-empty identifier of reasonable length. */
export const idString = () => z.string().check(z.minLength(1), z.maxLength(200));

/** A finite amount of money, zero to {@link MAX_MONEY}. */
export const money = () => z.number().check(z.gte(0), z.lte(MAX_MONEY));

/** A non-empty list. */
export const nonEmpty = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.minLength(1));
