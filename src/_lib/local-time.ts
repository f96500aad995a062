/**
 * The only module that does IANA-zone arithmetic. Offsets and wall-clock readings come from
 * `@date-fns/tz`; calendar-date arithmetic (adding days to a `YYYY-MM-DD`) needs no zone.
 */
import { TZDate, tzOffset } from '@date-fns/tz';

let validity: Map<string, boolean> | undefined;

/** Whether `zone` is an IANA zone this runtime knows. */
export function isValidZone(zone: string): boolean {
  validity ??= new Map();
  let valid = validity.get(zone);
  if (valid === undefined) {
    valid = zone.length > 0 && !Number.isNaN(tzOffset(zone, new Date(0)));
    validity.set(zone, valid);
  }
  return valid;
}

/** A wall-clock reading in a zone. */
export interface LocalParts {
  /** `YYYY-MM-DD` */
  date: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Seconds since local midnight, with the fraction of a second. */
  secondsOfDay: number;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Reads the wall clock of `zone` at the instant `ms`. */
export function localParts(ms: number, zone: string): LocalParts {
  const local = new TZDate(ms, zone);
  return {
    date: `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    weekday: local.getDay(),
    secondsOfDay: local.getHours() * 3600 + local.getMinutes() * 60 + local.getSeconds() + local.getMilliseconds() / 1000,
  };
}

/** The borrower-local date at `ms`. */
export function localDate(ms: number, zone: string): string {
  return localParts(ms, zone).date;
}

function compareLocal(a: LocalParts, date: string, secondsOfDay: number): number {
  return a.date < date ? -1 : a.date > date ? 1 : a.secondsOfDay - secondsOfDay;
}

/**
 * The first instant at which the wall clock of `zone` reads `date` at `secondsOfDay` or later.
 * In a DST gap (the local time does not exist) that is the end of the gap; in a fold (it exists
 * twice) it is the first occurrence.
 */
export function instantAtLocal(date: string, secondsOfDay: number, zone: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const whole = Math.floor(secondsOfDay);
  const guess = new TZDate(y, m - 1, d, Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60, zone).getTime();
  if (compareLocal(localParts(guess, zone), date, whole) === 0) return guess;
  // In a gap the guess lands after it. Binary search the first instant reading at or after the target.
  let lo = guess - 6 * 3_600_000;
  let hi = guess;
  while (compareLocal(localParts(hi, zone), date, whole) < 0) hi += 3_600_000;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (mid <= lo || mid >= hi) break;
    if (compareLocal(localParts(mid, zone), date, whole) >= 0) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The first instant of the local date `date` in `zone`. */
export function startOfLocalDay(date: string, zone: string): number {
  return instantAtLocal(date, 0, zone);
}

function toUtcDay(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromUtcDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function addDaysToDate(date: string, days: number): string {
  return fromUtcDay(toUtcDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toUtcDay(to) - toUtcDay(from);
}

/** Weekday of a calendar date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(toUtcDay(date) * 86_400_000).getUTCDay();
}

/** The first day of the month of `date`. */
export function startOfMonthDate(date: string): string {
  return `${date.slice(0, 8)}01`;
}

/** The first day of the next month after `date`'s month. */
export function startOfNextMonthDate(date: string): string {
  const [y = 0, m = 1] = date.split('-').map(Number);
  return m === 12 ? `${pad(y + 1, 4)}-01-01` : `${pad(y, 4)}-${pad(m + 1)}-01`;
}

/** The borrower's candidate zones, split into the ones this runtime knows and the ones it does not. */
export interface ZoneResolution {
  /** Known zones, de-duplicated and sorted, so the result never depends on input order. */
  zones: readonly string[];
  /** Zones given but unknown to the runtime. */
  unknown: readonly string[];
}

/** Resolves `timeZone` and `timeZones` (both may be given: every zone named counts). */
export function resolveZones(timeZone: string | undefined, timeZones: readonly string[] | undefined): ZoneResolution {
  const named = [...new Set([...(timeZone === undefined ? [] : [timeZone]), ...(timeZones ?? [])])].sort();
  return { zones: named.filter(isValidZone), unknown: named.filter((zone) => !isValidZone(zone)) };
}
