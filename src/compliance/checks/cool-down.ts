import { DAY_MS, formatInstant, HOUR_MS } from '../../_lib/instant.js';
import { upperBound, type IndexedContact } from '../../facts/history-index.js';
import type { CoolDownRule } from '../document.js';
import type { CheckResult, Evaluator, GuardContext } from '../context.js';
import { describeChannels, selectContacts } from './events.js';
import { describeDuration, durationEnds, endOfWait } from './duration.js';
import { inEveryZone } from './zones.js';

function describeEvent(rule: CoolDownRule, event: IndexedContact): string {
  const outcome = rule.after.outcomes === undefined ? 'contact' : event.outcome.replaceAll('_', ' ');
  return `A ${describeChannels({ channels: [event.channel] })} ${outcome} at ${formatInstant(event.at)}`;
}

/** The latest end among cool-downs running at `t`, or `undefined` when none runs. */
function running(events: readonly IndexedContact[], t: number, end: (event: IndexedContact) => number): { end: number; event: IndexedContact } | undefined {
  let found: { end: number; event: IndexedContact } | undefined;
  for (const event of events) {
    if (event.at > t) break;
    const ends = end(event);
    if (ends > t && (found === undefined || ends > found.end)) found = { end: ends, event };
  }
  return found;
}

/**
 * A cool-down: after an event matching `after`, the actions wait. `consecutive-days` counts
 * borrower-local calendar days with the day of the event as day 1, so the wait ends at local
 * midnight starting day `days + 1`; `rolling` waits `hours` hours.
 */
export function coolDownCheck(rule: CoolDownRule, context: GuardContext): Evaluator {
  const duration = rule.duration;
  // Only events recent enough to start a wait still running at `now` or later (all the guard asks
  // about) count: a day of margin either side for the zone's offset.
  const reach = duration.type === 'rolling' ? duration.hours * HOUR_MS : (duration.days + 2) * DAY_MS;
  const all = context.index.contacts;
  const from = upperBound(all, context.now - reach - 1);
  const events = selectContacts(from === 0 ? all : all.slice(from), rule.after, undefined, (c) => rule.scope === 'borrower' || c.debtId === context.debtId);
  if (duration.type === 'rolling') {
    return (t): CheckResult => {
      const hit = running(events, t, (e) => e.at + reach);
      if (hit === undefined) return { ok: true };
      return { ok: false, next: hit.end, reason: `${describeEvent(rule, hit.event)} starts a ${duration.hours}-hour wait that ends ${formatInstant(hit.end)}` };
    };
  }
  // Nothing to cool down from: satisfied in any zone, even an unknown one.
  if (events.length === 0) return () => ({ ok: true });
  return inEveryZone(context.zones, (zone) => {
    const ends = new Map<IndexedContact, number>();
    const end = (event: IndexedContact) => {
      let value = ends.get(event);
      if (value === undefined) {
        value = endOfWait(event.at, duration, zone);
        ends.set(event, value);
      }
      return value;
    };
    return (t): CheckResult => {
      const hit = running(events, t, end);
      if (hit === undefined) return { ok: true };
      return {
        ok: false,
        next: hit.end,
        reason: `${describeEvent(rule, hit.event)} starts ${describeDuration(duration)} of waiting (${zone}; the day of the event is day 1) that ${durationEnds(duration)} ${formatInstant(hit.end)}`,
      };
    };
  });
}
