import { formatInstant } from '../../_lib/instant.js';
import { addDaysToDate, daysBetween, localDate, startOfLocalDay, startOfMonthDate, startOfNextMonthDate, weekdayOf } from '../../_lib/local-time.js';
import { upperBound, type IndexedContact } from '../../facts/history-index.js';
import type { CapRule } from '../document.js';
import type { Evaluator, GuardAction, GuardContext } from '../context.js';
import { describeChannels, plural, selectContacts } from './events.js';
import { inEveryZone } from './zones.js';

/** The contacts a cap counts for this action, whatever the period. */
function countedContacts(rule: CapRule, context: GuardContext, action: GuardAction): IndexedContact[] {
  const accept =
    rule.scope === 'debt'
      ? (c: IndexedContact) => c.debtId === context.debtId
      : rule.scope === 'address' && action.address !== undefined
        ? (c: IndexedContact) => c.address === action.address || c.address === undefined // an unrecorded address could be this one
        : () => true; // per borrower, or per address when the action names none: every address counts (stricter)
  return selectContacts(context.index.contacts, rule.counts, ['outbound'], accept);
}

/**
 * Counted events with `at ≤ t` whose local date is at least `from`. Local dates ascend with the
 * events except where a zone turns its clock back across midnight; then count one by one.
 */
function countSince(events: readonly IndexedContact[], dates: readonly string[], t: number, from: string, sorted: boolean): number {
  if (!sorted) {
    let count = 0;
    for (let i = 0; i < events.length && events[i]!.at <= t; i++) if (dates[i]! >= from) count++;
    return count;
  }
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, upperBound(events, t) - lo);
}

/**
 * A frequency cap: at most `max` counted events in the period ending at the action, the action
 * itself included, so the action is permitted while fewer than `max` are counted.
 */
export function frequencyCapCheck(rule: CapRule, context: GuardContext, action: GuardAction): Evaluator {
  const events = countedContacts(rule, context, action);
  const what = describeChannels(rule.counts);
  const limit = `at most ${rule.max} ${rule.max === 1 ? 'is' : 'are'} permitted, this one included`;
  const period = rule.period;

  if (period.type === 'rolling') {
    const span = period.hours * 3_600_000;
    const ats = events.map((e) => e.at);
    // Events are ascending: the count in (t − span, t] is a difference of two binary searches.
    const count = (t: number) => upperBound(events, t) - upperBound(events, t - span);
    return (t) => {
      const counted = count(t);
      if (counted < rule.max) return { ok: true };
      let next: number | null = null;
      if (rule.max > 0) {
        for (const at of ats) {
          const leaves = at + span;
          if (leaves > t && count(leaves) < rule.max) {
            next = leaves;
            break;
          }
        }
      }
      return { ok: false, next, reason: `${plural(counted, `counted ${what} attempt`)} in the ${period.hours} hours before ${formatInstant(t)}; ${limit}` };
    };
  }

  // Fewer events than the cap in all history: satisfied in any zone, even an unknown one.
  if (events.length < rule.max) return () => ({ ok: true });
  return inEveryZone(context.zones, (zone) => {
    const dates = events.map((e) => localDate(e.at, zone));
    const sorted = dates.every((date, i) => i === 0 || dates[i - 1]! <= date);
    // The first local date of the period containing `date`, and the first date after it.
    const bounds = (date: string): [string, string] => {
      switch (period.type) {
        case 'consecutive-days':
          return [addDaysToDate(date, 1 - period.days), addDaysToDate(date, 1)];
        case 'calendar-week': {
          const back = (weekdayOf(date) - (period.weekStartsOn === 'mon' ? 1 : 0) + 7) % 7;
          const first = addDaysToDate(date, -back);
          return [first, addDaysToDate(first, 7)];
        }
        case 'calendar-month':
          return [startOfMonthDate(date), startOfNextMonthDate(date)];
      }
    };
    const describe = (date: string): string => {
      const [first] = bounds(date);
      switch (period.type) {
        case 'consecutive-days':
          return period.days === 1 ? `on ${date} (${zone})` : `in the ${period.days} consecutive days ${first} to ${date} (${zone})`;
        case 'calendar-week':
          return `in the week from ${first} (${zone})`;
        case 'calendar-month':
          return `in the month of ${date.slice(0, 7)} (${zone})`;
      }
    };
    return (t) => {
      const today = localDate(t, zone);
      const counted = countSince(events, dates, t, bounds(today)[0], sorted);
      if (counted < rule.max) return { ok: true };
      let next: number | null = null;
      if (rule.max > 0) {
        // The count can only fall at the start of a later period day: try each in turn.
        let date = today;
        for (let step = 0; step < 400 && next === null; step++) {
          date = period.type === 'consecutive-days' ? nextLeavingDate(dates, date, period.days) ?? bounds(date)[1] : bounds(date)[1];
          const start = startOfLocalDay(date, zone);
          if (countSince(events, dates, start, bounds(date)[0], sorted) < rule.max) next = start;
        }
      }
      return { ok: false, next, reason: `${plural(counted, `counted ${what} attempt`)} ${describe(today)}; ${limit}` };
    };
  });
}

/** The first date after `date` on which one of the counted dates leaves a window of `days` days. */
function nextLeavingDate(dates: readonly string[], date: string, days: number): string | undefined {
  let best: string | undefined;
  for (const d of dates) {
    const leaves = addDaysToDate(d, days);
    if (daysBetween(date, leaves) > 0 && (best === undefined || leaves < best)) best = leaves;
  }
  return best;
}
