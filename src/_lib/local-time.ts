/**
 * The only module that does IANA-zone arithmetic. Every offset is the one `Intl` gives: read
 * through `@date-fns/tz` (`tzOffset`, cached per zone and quarter hour), or, for a zone whose
 * offset no longer changes or changes by two yearly rules, from a table read off `Intl` for the
 * runtime's own time-zone data (`zone-table.ts`; a process's first `Intl.DateTimeFormat` costs
 * 10–20 ms, most of a cold start). A wall-clock reading is the instant shifted by that offset.
 * Calendar-date arithmetic (adding days to a `YYYY-MM-DD`) needs no zone.
 */
import { tzOffset } from '@date-fns/tz/tzOffset';
import { ZONE_TABLE, ZONE_TABLE_TZDATA, ZONE_TABLE_UNTIL } from './zone-table.js';
import { ruleInstant, type ZoneRule } from './zone-rules.js';

export { ruleInstant, weekdayOfDay, type ZoneRule } from './zone-rules.js';

/**
 * A zone of the table: from `since` until the table's end (`ZONE_TABLE_UNTIL`), its offset is
 * `offset`, or, when it has `rules`, the offset of the latest of their changes (`since` is one).
 */
export interface ZoneEntry {
  /** Epoch milliseconds. */
  since: number;
  /** Minutes east of UTC; `NaN` for a zone with rules. */
  offset: number;
  rules?: readonly ZoneRule[];
}

/** The offset at `ms` under `rules`: that of the latest change at or before `ms` (`undefined` when none is). */
export function ruleOffset(rules: readonly ZoneRule[], ms: number): number | undefined {
  const year = new Date(ms).getUTCFullYear();
  let latest = -Infinity;
  let offset: number | undefined;
  for (let y = year - 1; y <= year + 1; y++) {
    for (const rule of rules) {
      const at = ruleInstant(rule, y);
      if (at <= ms && at > latest) {
        latest = at;
        offset = rule.offset;
      }
    }
  }
  return offset;
}

/** The time-zone data of the runtime, as Node.js reports it (`undefined` elsewhere). */
const RUNTIME_TZDATA = (globalThis as { process?: { versions?: { tz?: unknown } } }).process?.versions?.tz;
const ZONE_NAME = /^[\w+\-/]+$/;
const RULE = /^M(\d+)\.(\d)(?:>=(\d+)|L)@(-?\d+)=(-?\d+)$/;

function parseRule(text: string): ZoneRule | undefined {
  const match = RULE.exec(text);
  if (match === null) return undefined;
  const [, month = '', weekday = '', onOrAfter = '0', minutes = '', offset = ''] = match;
  return { month: Number(month) - 1, weekday: Number(weekday), onOrAfter: Number(onOrAfter), minutes: Number(minutes), offset: Number(offset) };
}

/**
 * The zone table's entry for `zone`: only when the runtime's time-zone data (`tzdata`) is the
 * one the table was read from, so that it answers exactly as `Intl` would; `undefined`
 * otherwise, and for a zone the table does not hold.
 */
export function zoneEntryOf(zone: string, tzdata: unknown = RUNTIME_TZDATA): ZoneEntry | undefined {
  if (tzdata !== ZONE_TABLE_TZDATA || !ZONE_NAME.test(zone)) return undefined;
  const start = ZONE_TABLE.indexOf(`\n${zone} `);
  if (start < 0) return undefined;
  const [, since = '', ...rest] = ZONE_TABLE.slice(start + 1, ZONE_TABLE.indexOf('\n', start + 1)).split(' ');
  if (rest.length === 1) return { since: Date.parse(since), offset: Number(rest[0]) };
  const rules = rest.map(parseRule);
  if (rules.length !== 2 || rules.includes(undefined)) return undefined;
  return { since: Date.parse(since), offset: Number.NaN, rules: rules as ZoneRule[] };
}

let validity: Map<string, boolean> | undefined;

/** Whether `zone` is an IANA zone this runtime knows. */
export function isValidZone(zone: string): boolean {
  validity ??= new Map();
  let valid = validity.get(zone);
  if (valid === undefined) {
    valid = zone.length > 0 && (zoneEntryOf(zone) !== undefined || !Number.isNaN(tzOffset(zone, new Date(0))));
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
/**
 * Entries kept per zone in each of the cache's two generations. When the young generation is
 * full it becomes the old one and the previous old one is dropped; an entry found in the old
 * generation moves back to the young one. The buckets a batch keeps asking about (around its
 * `now`) stay cached however many historical instants pass through, and memory stays bounded:
 * at most twice this many entries per zone.
 */
const GENERATION_SIZE = 50_000;

interface ZoneOffsets {
  young: Map<number, number>;
  old: Map<number, number>;
  /** From the zone table: `since` (`Infinity` for a zone it does not hold), the offset from then on, or the rules. */
  since: number;
  fixed: number;
  rules: readonly ZoneRule[] | undefined;
}
let offsets: Map<string, ZoneOffsets> | undefined;
// The zone asked about last, and its cache: a batch asks about one or two zones over and over.
let lastZone: string | undefined;
let lastCache: ZoneOffsets | undefined;

/**
 * The UTC offset of `zone` at `ms`, in minutes: from the zone table when it holds the zone at
 * `ms`, else from `@date-fns/tz`. Offsets change only at instants that are whole quarter hours in
 * UTC (every zone's offset is a multiple of 15 minutes since 1970, and the table holds no other
 * change), so they are cached per zone and 15-minute bucket: `Intl` costs about 1.4 µs a call.
 */
export function offsetMinutes(ms: number, zone: string): number {
  if (ms < 0) return tzOffset(zone, new Date(ms));
  let cache = zone === lastZone ? lastCache : undefined;
  if (cache === undefined) {
    offsets ??= new Map();
    cache = offsets.get(zone);
    if (cache === undefined) {
      const entry = zoneEntryOf(zone);
      cache = { young: new Map(), old: new Map(), since: entry?.since ?? Infinity, fixed: entry?.offset ?? 0, rules: entry?.rules };
      offsets.set(zone, cache);
    }
    lastZone = zone;
    lastCache = cache;
  }
  if (cache.rules === undefined && ms >= cache.since && ms < ZONE_TABLE_UNTIL) return cache.fixed;
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  let offset = cache.young.get(bucket);
  if (offset !== undefined) return offset;
  const start = bucket * QUARTER_HOUR_MS;
  offset =
    cache.old.get(bucket) ??
    (cache.rules !== undefined && start >= cache.since && start < ZONE_TABLE_UNTIL ? ruleOffset(cache.rules, start) : undefined) ??
    tzOffset(zone, new Date(start));
  if (cache.young.size >= GENERATION_SIZE) {
    cache.old = cache.young;
    cache.young = new Map();
  }
  cache.young.set(bucket, offset);
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

/**
 * The borrower-local calendar day at `ms` as a day number (days since 1970-01-01 of the local
 * calendar): `localDate` without building a string, for counting events by local day.
 */
export function localDay(ms: number, zone: string): number {
  return Math.floor((ms + offsetMinutes(ms, zone) * 60_000) / 86_400_000);
}

/** The borrower-local date at `ms`. */
export function localDate(ms: number, zone: string): string {
  return localParts(ms, zone).date;
}

/**
 * The wall clock of `zone` at `ms`, as the epoch milliseconds of the same reading in UTC: its
 * day number is `Math.floor(wall / 86_400_000)`, its time of day the remainder.
 */
export function localWall(ms: number, zone: string): number {
  return ms + offsetMinutes(ms, zone) * 60_000;
}

/**
 * The first instant at which the wall clock of `zone` reads the day number `day` at
 * `secondsOfDay` or later. In a DST gap (the local time does not exist) that is the end of the
 * gap; in a fold (it exists twice) it is the first occurrence.
 */
export function instantAtLocalDay(day: number, secondsOfDay: number, zone: string): number {
  const wall = day * 86_400_000 + Math.floor(secondsOfDay) * 1000;
  // The offsets in force half a day either side cover both readings of a fold.
  const early = wall - offsetMinutes(wall - 50_400_000, zone) * 60_000;
  const late = wall - offsetMinutes(wall + 50_400_000, zone) * 60_000;
  const earlyReads = localWall(early, zone) === wall;
  const lateReads = localWall(late, zone) === wall;
  if (earlyReads && (!lateReads || early <= late)) return early;
  if (lateReads) return late;
  // In a gap the local time never reads the target: find the first instant reading later.
  let lo = wall - 15 * 3_600_000;
  let hi = wall + 15 * 3_600_000;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (mid <= lo || mid >= hi) break;
    if (localWall(mid, zone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The first instant at which the wall clock of `zone` reads `date` at `secondsOfDay` or later.
 * In a DST gap (the local time does not exist) that is the end of the gap; in a fold (it exists
 * twice) it is the first occurrence.
 */
export function instantAtLocal(date: string, secondsOfDay: number, zone: string): number {
  return instantAtLocalDay(dayOfDate(date), secondsOfDay, zone);
}

/** The first instant of the local date `date` in `zone`. */
export function startOfLocalDay(date: string, zone: string): number {
  return instantAtLocal(date, 0, zone);
}

const digit = (text: string, at: number): number => text.charCodeAt(at) - 48;

/**
 * The day number of a `YYYY-MM-DD` date, as `Date.UTC` reads it, in integer arithmetic (fact
 * derivation reads one per promise per decision). Anything not shaped like a date goes to
 * `Date.UTC`, as before.
 */
export function dayOfDate(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) {
    const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
    return Date.UTC(y, m - 1, d) / 86_400_000;
  }
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  // `Date.UTC` reads years 0–99 as 1900–1999.
  if (year < 100) return Date.UTC(year, month - 1, day) / 86_400_000;
  // Days from civil (H. Hinnant): March-based years, so that February ends the year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The `YYYY-MM-DD` of a day number (years 0–9999), by arithmetic: no `Date` is made. */
export function dateOfDay(day: number): string {
  // Civil from days (H. Hinnant): March-based years, so that February ends the year.
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month)}-${pad(date)}`;
}

/** `date` plus `days` calendar days. */
export function addDaysToDate(date: string, days: number): string {
  return dateOfDay(dayOfDate(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayOfDate(to) - dayOfDate(from);
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
