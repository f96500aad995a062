import { instantAtLocalDay, localDay } from '../../_lib/local-time.js';
import { oneOrMany, plural } from '../../_lib/plural.js';
import type { CoolDownDuration } from '../document.js';

/**
 * When a wait that starts at `at` ends: `rolling` adds hours; `consecutive-days` counts
 * borrower-local days with the day of `at` as day 1, so it ends at the local midnight that
 * starts day `days + 1`. Zone-free for `rolling`.
 */
export function endOfWait(at: number, duration: CoolDownDuration, zone: string): number {
  return duration.type === 'rolling' ? at + duration.hours * 3_600_000 : instantAtLocalDay(localDay(at, zone) + duration.days, 0, zone);
}

/** `7 consecutive days`, `48 hours` or `1 hour`, for reasons. */
export function describeDuration(duration: CoolDownDuration): string {
  return duration.type === 'rolling' ? plural(duration.hours, 'hour') : plural(duration.days, 'consecutive day');
}

/** `end` after {@link describeDuration}'s plural, `ends` after its singular. */
export function durationEnds(duration: CoolDownDuration): string {
  return oneOrMany(duration.type === 'rolling' ? duration.hours : duration.days, 'ends', 'end');
}
