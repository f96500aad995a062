/**
 * A zone's yearly rule of change, as the tz database writes them, the instant it gives in a year,
 * and the weekday of a day number: shared by the library (`local-time.ts`) and the generator of
 * the zone table (`scripts/generate-zone-table.ts`), which checks every rule it writes with this
 * very function.
 */

const DAY_MS = 86_400_000;

/**
 * One yearly change of a zone's offset, as the tz database writes its rules: on the first
 * `weekday` on or after day `onOrAfter` of `month` (or the last `weekday` of the month when
 * `onOrAfter` is 0), at `minutes` after midnight UTC of that date (the local time of the change
 * less the offset before it: negative or beyond a day where the date differs in UTC), the offset
 * becomes `offset`.
 */
export interface ZoneRule {
  /** 0 = January … 11 = December. */
  month: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Day of the month from which the weekday is looked for; 0 for the month's last. */
  onOrAfter: number;
  /** Minutes after 00:00 UTC of the date found. */
  minutes: number;
  /** Minutes east of UTC from then on. */
  offset: number;
}

/** The instant of `rule`'s change in `year`, epoch milliseconds. */
export function ruleInstant(rule: ZoneRule, year: number): number {
  let day: number;
  if (rule.onOrAfter > 0) {
    day = Date.UTC(year, rule.month, rule.onOrAfter) / DAY_MS;
    day += (rule.weekday - weekdayOfDay(day) + 7) % 7;
  } else {
    day = Date.UTC(year, rule.month + 1, 0) / DAY_MS;
    day -= (weekdayOfDay(day) - rule.weekday + 7) % 7;
  }
  return day * DAY_MS + rule.minutes * 60_000;
}

/** Weekday of a day number: 0 = Sunday … 6 = Saturday (day 0, 1970-01-01, was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
