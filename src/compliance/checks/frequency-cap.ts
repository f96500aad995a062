import { DAY_MS, formatInstant } from '../../_lib/instant.js';
import { dateOfDay, instantAtLocalDay, localDay, weekdayOfDay } from '../../_lib/local-time.js';
import { oneOrMany, plural } from '../../_lib/plural.js';
import { upperBound, type IndexedContact } from '../../facts/history-index.js';
import type { CapRule } from '../document.js';
import type { Evaluator, GuardAction, GuardContext } from '../context.js';
import { describeChannels, selectContacts } from './events.js';
import { inEveryZone } from './zones.js';

/** The contacts a cap counts for this action, at or after `since`, whatever the period. */
function countedContacts(rule: CapRule, context: GuardContext, action: GuardAction, since: number): IndexedContact[] {
  const accept =
    rule.scope === 'debt'
      ? (c: IndexedContact) => c.debtId === context.debtId
      : rule.scope === 'address' && action.address !== undefined
        ? (c: IndexedContact) => c.address === action.address || c.address === undefined // an unrecorded address could be this one
        : () => true; // per borrower, or per address when the action names none: every address counts (stricter)
  const all = context.index.contacts;
  const first = upperBound(all, since - 1);
  return selectContacts(first === 0 ? all : all.slice(first), rule.counts, ['outbound'], accept);
}

/**
 * Counted events with `at ≤ t` whose local day is at least `from`. Local days ascend with the
 * events except where a zone turns its clock back across midnight; then count one by one.
 */
function countSince(events: readonly IndexedContact[], days: Int32Array, t: number, from: number, sorted: boolean): number {
  if (!sorted) {
    let count = 0;
    for (let i = 0; i < events.length && events[i]!.at <= t; i++) if (days[i]! >= from) count++;
    return count;
  }
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, upperBound(events, t) - lo);
}

/** The first day of the month of `day`, and of the month after. */
function monthOf(day: number): [number, number] {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return [Date.UTC(year, month, 1) / DAY_MS, Date.UTC(year, month + 1, 1) / DAY_MS];
}

/**
 * The longest a counting period reaches back from the day it contains, in days, plus two days
 * for the offsets of a zone: events older than that can never count at `now` or later, which is
 * all the guard asks about. Long histories cost nothing beyond their recent events.
 */
function reachDays(period: CapRule['period']): number {
  switch (period.type) {
    case 'rolling':
      return Math.ceil(period.hours / 24) + 2;
    case 'consecutive-days':
      return period.days + 2;
    case 'calendar-week':
      return 9;
    case 'calendar-month':
      return 33;
  }
}

/**
 * A frequency cap: at most `max` counted events in the period ending at the action, the action
 * itself included, so the action is permitted while fewer than `max` are counted.
 */
export function frequencyCapCheck(rule: CapRule, context: GuardContext, action: GuardAction): Evaluator {
  const period = rule.period;
  const events = countedContacts(rule, context, action, context.now - reachDays(period) * DAY_MS);
  const what = describeChannels(rule.counts);
  const limit = `at most ${rule.max} ${oneOrMany(rule.max, 'is', 'are')} permitted, this one included`;

  if (period.type === 'rolling') {
    const span = period.hours * 3_600_000;
    // Events are ascending: the count in (t − span, t] is a difference of two binary searches.
    const count = (t: number) => upperBound(events, t) - upperBound(events, t - span);
    return (t) => {
      const counted = count(t);
      if (counted < rule.max) return { ok: true };
      let next: number | null = null;
      if (rule.max > 0) {
        for (let i = upperBound(events, t - span); i < events.length; i++) {
          const leaves = events[i]!.at + span;
          if (leaves > t && count(leaves) < rule.max) {
            next = leaves;
            break;
          }
        }
      }
      return { ok: false, next, reason: `${plural(counted, `counted ${what} attempt`)} in the ${plural(period.hours, 'hour')} before ${formatInstant(t)}; ${limit}` };
    };
  }

  // Fewer events than the cap in the reach of the period: satisfied in any zone, even an unknown one.
  if (events.length < rule.max) return () => ({ ok: true });
  return inEveryZone(context.zones, (zone) => {
    const days = new Int32Array(events.length);
    let sorted = true;
    for (let i = 0; i < events.length; i++) {
      days[i] = localDay(events[i]!.at, zone);
      if (i > 0 && days[i - 1]! > days[i]!) sorted = false;
    }
    // The first local day of the period containing `day`, and the first day after it.
    const bounds = (day: number): [number, number] => {
      switch (period.type) {
        case 'consecutive-days':
          return [day + 1 - period.days, day + 1];
        case 'calendar-week': {
          const first = day - ((weekdayOfDay(day) - (period.weekStartsOn === 'mon' ? 1 : 0) + 7) % 7);
          return [first, first + 7];
        }
        case 'calendar-month':
          return monthOf(day);
      }
    };
    const describe = (day: number): string => {
      const date = dateOfDay(day);
      switch (period.type) {
        case 'consecutive-days':
          return period.days === 1 ? `on ${date} (${zone})` : `in the ${period.days} consecutive days ${dateOfDay(bounds(day)[0])} to ${date} (${zone})`;
        case 'calendar-week':
          return `in the week from ${dateOfDay(bounds(day)[0])} (${zone})`;
        case 'calendar-month':
          return `in the month of ${date.slice(0, 7)} (${zone})`;
      }
    };
    return (t) => {
      const today = localDay(t, zone);
      const counted = countSince(events, days, t, bounds(today)[0], sorted);
      if (counted < rule.max) return { ok: true };
      let next: number | null = null;
      if (rule.max > 0) {
        // The count can only fall at the start of a later period day: try each in turn.
        let day = today;
        for (let step = 0; step < 400 && next === null; step++) {
          day = period.type === 'consecutive-days' ? (nextLeavingDay(days, day, period.days) ?? bounds(day)[1]) : bounds(day)[1];
          const start = instantAtLocalDay(day, 0, zone);
          if (countSince(events, days, start, bounds(day)[0], sorted) < rule.max) next = start;
        }
      }
      return { ok: false, next, reason: `${plural(counted, `counted ${what} attempt`)} ${describe(today)}; ${limit}` };
    };
  });
}

/** The first day after `day` on which one of the counted days leaves a window of `length` days. */
function nextLeavingDay(days: Int32Array, day: number, length: number): number | undefined {
  let best: number | undefined;
  for (const counted of days) {
    const leaves = counted + length;
    if (leaves > day && (best === undefined || leaves < best)) best = leaves;
  }
  return best;
}
