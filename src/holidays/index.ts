/**
 * Holiday calendars for the `holidayCalendars` of window rules, built from the public holidays
 * of the [date-holidays](https://github.com/commenthol/date-holidays) package. This entry is kept
 * apart from the core (`arrears`), which never fetches or computes holidays: calendars are
 * inputs to `loadCompliance`, and this module is one way to make them.
 *
 * ```ts
 * import { loadCompliance } from 'arrears';
 * import { presets } from 'arrears/presets';
 * import { calendarsFor } from 'arrears/holidays';
 *
 * const documents = [presets.ru];
 * const compliance = loadCompliance(documents, { calendars: calendarsFor(documents, { years: [2025, 2026, 2027] }) });
 * ```
 *
 * A date-holidays calendar is a maintained source, not an official one: it holds the holidays
 * fixed by law, and may lack days off moved by a yearly decree (Russia's transferred days off)
 * or holidays whose date a government announces each year (Indonesia's Islamic holidays are
 * computed). Where that matters, build the calendar from the official list instead: a calendar
 * is plain data, `{ years, dates }`.
 * @packageDocumentation
 * @module arrears/holidays
 */
import Holidays from 'date-holidays';
import type { ComplianceDocument } from '../compliance/document.js';
import type { HolidayCalendar } from '../compliance/load-compliance.js';
import { ArrearsValidationError } from '../errors.js';
import { calendarNames } from './calendar-names.js';

export { calendarNames } from './calendar-names.js';

/** Options of {@link holidayCalendar}. @category Holidays */
export interface HolidayCalendarOptions {
  /** The years the calendar covers; a date in another year fails closed in the guard. */
  years: readonly number[];
  /** A subdivision code (`MA` for Massachusetts), for its own holidays on top of the country's. */
  state?: string | undefined;
}

/** Options of {@link calendarsFor}. @category Holidays */
export interface CalendarsForOptions {
  /** The years every calendar covers: typically the year of `now`, one before and two after. */
  years: readonly number[];
}

const DAY_MS = 86_400_000;
const CALENDAR_NAME = /^([A-Z]{2})(?:-([A-Z0-9]{1,3}))?$/;

function invalid(path: string, message: string): ArrearsValidationError {
  return new ArrearsValidationError('options', [{ code: 'invalid_value', path, message }]);
}

function addDays(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A holiday calendar of a country (or of one of its subdivisions): the local dates of its public
 * holidays (date-holidays type `public`, substitute days included) in the given years. A holiday
 * that lasts several days (Russia's New Year holidays, Vietnam's Tết) gives each of its dates.
 * @param country - ISO 3166-1 alpha-2 code: `RU`, `ID`, `US`.
 * @param options - {@link HolidayCalendarOptions}: the years, and optionally a subdivision.
 * @returns `{ years, dates }`, dates sorted `YYYY-MM-DD`, ready for `loadCompliance(docs, { calendars })`.
 * @throws {@link arrears!ArrearsValidationError} (`INVALID_OPTIONS`) when date-holidays does not know the
 * country or subdivision, or a year is not an integer from 1 to 9999.
 * @example
 * ```ts
 * const ru = holidayCalendar('RU', { years: [2026] });
 * ru.dates.includes('2026-06-12'); // true: Russia Day
 * ```
 * @category Holidays
 */
export function holidayCalendar(country: string, options: HolidayCalendarOptions): HolidayCalendar {
  const { years, state } = options;
  if (!Array.isArray(years) || years.some((year) => !Number.isInteger(year) || year < 1 || year > 9999)) {
    throw invalid('years', 'Expected `years` to be a list of integer years from 1 to 9999');
  }
  const known = new Holidays().getCountries('en');
  if (typeof country !== 'string' || !Object.hasOwn(known, country)) {
    throw invalid('country', `date-holidays has no calendar for the country "${String(country)}"; give an ISO 3166-1 alpha-2 code such as "RU"`);
  }
  if (state !== undefined) {
    const states = new Holidays().getStates(country, 'en') ?? {};
    if (!Object.hasOwn(states, state)) throw invalid('state', `date-holidays has no calendar for the subdivision "${state}" of ${country}`);
  }
  // Read in UTC, so that a holiday's span is a whole number of days whatever the host's zone.
  const calendar = state === undefined ? new Holidays(country, { timezone: 'UTC' }) : new Holidays(country, state, { timezone: 'UTC' });
  const covered = new Set(years);
  const dates = new Set<string>();
  // A holiday that starts late in the year before can run into a covered year.
  for (const year of [...new Set(years.flatMap((y) => [y - 1, y]))].filter((y) => y >= 1)) {
    for (const holiday of calendar.getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      const first = holiday.date.slice(0, 10);
      const days = Math.max(1, Math.ceil((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
      for (let i = 0; i < days; i++) {
        const date = addDays(first, i);
        if (covered.has(Number(date.slice(0, 4)))) dates.add(date);
      }
    }
  }
  return { years: [...covered].sort((a, b) => a - b), dates: [...dates].sort() };
}

/**
 * Every holiday calendar the window rules of `documents` name (`RU`, `US-MA`), built with
 * {@link holidayCalendar} for the given years: pass the result to `loadCompliance` as
 * `calendars`. Documents that name none give `{}`.
 * @param documents - The compliance documents to be loaded (presets or your own).
 * @param options - {@link CalendarsForOptions}.
 * @returns The calendars by name.
 * @throws {@link arrears!ArrearsValidationError} (`INVALID_OPTIONS`) when date-holidays does not know a named calendar.
 * @example
 * ```ts
 * const documents = [presets.id];
 * const compliance = loadCompliance(documents, { calendars: calendarsFor(documents, { years: [2025, 2026, 2027, 2028] }) });
 * ```
 * @category Holidays
 */
export function calendarsFor(documents: readonly ComplianceDocument[], options: CalendarsForOptions): Record<string, HolidayCalendar> {
  const calendars: Record<string, HolidayCalendar> = {};
  for (const name of calendarNames(documents)) {
    const [, country = '', state] = CALENDAR_NAME.exec(name) ?? [];
    calendars[name] = holidayCalendar(country, { years: options.years, state });
  }
  return calendars;
}

export type { HolidayCalendar } from '../compliance/load-compliance.js';
