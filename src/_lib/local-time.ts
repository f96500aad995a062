/**
 * The only module that does IANA-zone arithmetic. Every offset comes from `@date-fns/tz`
 * (`tzOffset`, cached per zone and quarter hour); a wall-clock reading is the instant shifted by
 * that offset. Calendar-date arithmetic (adding days to a `YYYY-MM-DD`) needs no zone.
 */
import { tzOffset } from '@date-fns/tz';

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

const QUARTER_HOUR_MS = 900_000;
/** Entries kept per zone before the cache starts over; bounds memory in long batch runs. */
const MAX_CACHED_BUCKETS = 50_000;
let offsets: Map<string, Map<number, number>> | undefined;

/**
 * The UTC offset of `zone` at `ms`, in minutes, from `@date-fns/tz`. Offsets change only at
 * instants that are whole quarter hours in UTC (every zone's offset is a multiple of 15 minutes
 * since 1970), so they are cached per zone and 15-minute bucket: `Intl` costs about 1.4 µs a call.
 */
export function offsetMinutes(ms: number, zone: string): number {
  if (ms < 0) return tzOffset(zone, new Date(ms));
  offsets ??= new Map();
  let cache = offsets.get(zone);
  if (cache === undefined) offsets.set(zone, (cache = new Map()));
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    offset = tzOffset(zone, new Date(bucket * QUARTER_HOUR_MS));
    if (cache.size >= MAX_CACHED_BUCKETS) cache.clear();
    cache.set(bucket, offset);
  }
  return offset;
}

/** Reads the wall clock of `zone` at the instant `ms`: the UTC reading of the instant shifted by the zone's offset. */
export function localParts(ms: number, zone: string): LocalParts {
  const wall = new Date(ms + offsetMinutes(ms, zone) * 60_000);
  return {
    date: `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`,
    weekday: wall.getUTCDay(),
    secondsOfDay: wall.getUTCHours() * 3600 + wall.getUTCMinutes() * 60 + wall.getUTCSeconds() + wall.getUTCMilliseconds() / 1000,
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
  const wall = Date.UTC(y, m - 1, d) + whole * 1000;
  // The offsets in force half a day either side cover both readings of a fold.
  let best = Infinity;
  for (const probe of [wall - 50_400_000, wall + 50_400_000]) {
    const candidate = wall - offsetMinutes(probe, zone) * 60_000;
    if (candidate < best && compareLocal(localParts(candidate, zone), date, whole) === 0) best = candidate;
  }
  if (best !== Infinity) return best;
  // In a gap the local time never reads the target: find the first instant reading later.
  let lo = wall - 15 * 3_600_000;
  let hi = wall + 15 * 3_600_000;
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
