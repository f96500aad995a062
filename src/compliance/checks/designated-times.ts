import { instantAtLocal, localParts } from '../../_lib/local-time.js';
import type { DesignatedTimesRule } from '../document.js';
import type { CheckResult, Evaluator, GuardAction, GuardContext, TimedSpan } from '../context.js';
import { inEveryZone } from './zones.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Whether a local reading falls inside a borrower's span (start inclusive, end exclusive). */
export function inSpan(span: TimedSpan, weekday: number, secondsOfDay: number): boolean {
  return span.days.includes(WEEKDAYS[weekday]!) && secondsOfDay >= span.start && secondsOfDay < span.end;
}

/** Times the borrower designated as inconvenient: inside one, wait for its end. */
export function designatedTimesCheck(rule: DesignatedTimesRule, context: GuardContext, action: GuardAction): Evaluator {
  if (rule.allowPurposes?.includes(action.purpose)) return () => ({ ok: true });
  const spans = context.inconvenientTimes.filter((span) => span.actions === undefined || span.actions.includes(action.type));
  if (spans.length === 0) return () => ({ ok: true });
  return inEveryZone(context.zones, (zone) => (t): CheckResult => {
    const here = localParts(t, zone);
    let next = t;
    for (const span of spans) {
      if (span.from <= t && t < span.until && inSpan(span, here.weekday, here.secondsOfDay)) {
        next = Math.max(next, Math.min(span.until, instantAtLocal(here.date, span.end, zone)));
      }
    }
    if (next === t) return { ok: true };
    return { ok: false, next, reason: `The borrower designated this time as inconvenient (${zone}, ${WEEKDAYS[here.weekday]} ${here.date})` };
  });
}
