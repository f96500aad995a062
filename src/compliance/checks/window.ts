import { addDaysToDate, instantAtLocal, localParts } from '../../_lib/local-time.js';
import { secondsOfDay } from '../compliance-schema.js';
import type { DayType, WindowRule } from '../document.js';
import type { Evaluator, GuardAction, GuardContext, TimedSpan } from '../context.js';
import type { LoadedRule } from '../load-compliance.js';
import { inSpan } from './designated-times.js';
import { inEveryZone } from './zones.js';

const WEEKDAYS: readonly DayType[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** How far ahead an opening is searched for: a year and a week covers any calendar of holidays. */
const SEARCH_DAYS = 372;

interface Span {
  days: ReadonlySet<DayType>;
  start: number;
  end: number;
  label: string;
}

function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  const hh = String(Math.floor(whole / 3600)).padStart(2, '0');
  const mm = String(Math.floor((whole % 3600) / 60)).padStart(2, '0');
  const ss = whole % 60;
  return ss === 0 ? `${hh}:${mm}` : `${hh}:${mm}:${String(ss).padStart(2, '0')}`;
}

interface PreparedWindow {
  covered: ReadonlySet<number> | undefined;
  holidays: ReadonlySet<string>;
  byDayType: ReadonlyMap<DayType, readonly Span[]>;
  includeStart: boolean;
  includeEnd: boolean;
}

const preparedWindows = /* @__PURE__ */ new WeakMap<object, PreparedWindow>();

/** The parts of a window rule that do not depend on the loan, built once per loaded rule. */
function prepared(rule: WindowRule & Pick<LoadedRule, 'calendarYears'>): PreparedWindow {
  let ready = preparedWindows.get(rule);
  if (ready === undefined) {
    const openFrom = (time: string) => (rule.includeStart === false ? clock(secondsOfDay(time) + 1) : time);
    const closeAt = (time: string) => (rule.includeEnd === true ? `${time} inclusive` : time);
    const spans: Span[] = rule.windows
      .map((w) => ({ days: new Set(w.days), start: secondsOfDay(w.start), end: secondsOfDay(w.end), label: `${openFrom(w.start)}–${closeAt(w.end)}` }))
      .sort((a, b) => a.start - b.start || a.end - b.end);
    const types: DayType[] = [...WEEKDAYS, 'holiday'];
    ready = {
      covered: rule.calendarYears === undefined ? undefined : new Set(rule.calendarYears),
      holidays: new Set(rule.holidays ?? []),
      byDayType: new Map(types.map((type) => [type, spans.filter((span) => span.days.has(type))])),
      includeStart: rule.includeStart ?? true,
      includeEnd: rule.includeEnd ?? false,
    };
    preparedWindows.set(rule, ready);
  }
  return ready;
}

/**
 * Local-time windows: the action is permitted only inside a span for the day's type, in every
 * candidate zone. Boundaries follow `includeStart` (default inclusive) and `includeEnd`
 * (default exclusive); an exclusive start opens one second after it.
 */
export function windowCheck(rule: WindowRule & Pick<LoadedRule, 'calendarYears'>, context: GuardContext, action: GuardAction): Evaluator {
  const { covered, holidays, byDayType, includeStart, includeEnd } = prepared(rule);
  const agreed = rule.allowAgreedTimes ? context.agreedTimes.filter((span) => span.actions === undefined || span.actions.includes(action.type)) : [];
  const agreedAt = (span: TimedSpan, t: number) => span.from <= t && t < span.until;
  const dayType = (date: string, weekday: number): DayType => (holidays.has(date) ? 'holiday' : WEEKDAYS[weekday]!);
  const spansOn = (date: string, weekday: number): readonly Span[] => byDayType.get(dayType(date, weekday)) ?? [];
  // Boundaries are whole seconds: an exclusive start opens one second after it, an inclusive end
  // closes one second after it.
  const first = includeStart ? 0 : 1;
  const inside = (span: Span, seconds: number) => seconds >= span.start + first && (includeEnd ? seconds < span.end + 1 : seconds < span.end);

  return inEveryZone(context.zones, (zone) => (t) => {
    const here = localParts(t, zone);
    if (covered !== undefined && !covered.has(Number(here.date.slice(0, 4)))) {
      return { ok: false, next: null, reason: `The holiday calendars of this rule do not cover ${here.date.slice(0, 4)}, so it is unknown whether ${here.date} is a holiday` };
    }
    const today = spansOn(here.date, here.weekday);
    if (today.some((span) => inside(span, here.secondsOfDay))) return { ok: true };
    if (agreed.some((span) => agreedAt(span, t) && inSpan(span, here.weekday, here.secondsOfDay))) return { ok: true };

    let next: number | null = null;
    let date = here.date;
    let weekday = here.weekday;
    for (let day = 0; day <= SEARCH_DAYS && next === null; day++) {
      if (covered !== undefined && !covered.has(Number(date.slice(0, 4)))) break;
      let best = Infinity;
      for (const span of spansOn(date, weekday)) {
        const opening = instantAtLocal(date, span.start + first, zone);
        if (opening <= t || opening >= best) continue;
        const there = localParts(opening, zone);
        // A DST gap can swallow a whole span; only an instant that is really inside counts.
        if (there.date === date && inside(span, there.secondsOfDay)) best = opening;
      }
      for (const span of agreed) {
        // An agreed time opens at its start on a listed day, or when the agreement takes effect inside it.
        for (const opening of [instantAtLocal(date, span.start, zone), span.from]) {
          if (opening <= t || opening >= best || !agreedAt(span, opening)) continue;
          const there = localParts(opening, zone);
          if (there.date === date && inSpan(span, there.weekday, there.secondsOfDay)) best = opening;
        }
      }
      if (best !== Infinity) next = best;
      date = addDaysToDate(date, 1);
      weekday = (weekday + 1) % 7;
    }

    const type = dayType(here.date, here.weekday);
    const permitted = today.length === 0 ? (type === 'holiday' ? 'no contact on this holiday' : 'no contact on this day') : `permitted ${today.map((s) => s.label).join(', ')}`;
    const reason = `Local time in ${zone} is ${clock(here.secondsOfDay)} on ${WEEKDAY_NAMES[here.weekday]} ${here.date}${type === 'holiday' ? ' (a holiday)' : ''}: ${permitted}`;
    return { ok: false, next, reason };
  });
}
