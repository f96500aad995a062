import { DAY_MS } from '../../_lib/instant.js';
import { dateOfDay, dayOfDate, instantAtLocalDay, localWall, weekdayOfDay } from '../../_lib/local-time.js';
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
  /** The day numbers the holiday calendars cover, as `[first, after]` per year; undefined = every day. */
  covered: readonly (readonly [number, number])[] | undefined;
  /** Holidays as day numbers. */
  holidays: ReadonlySet<number>;
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
      covered: rule.calendarYears?.map((year) => [Date.UTC(year, 0, 1) / DAY_MS, Date.UTC(year + 1, 0, 1) / DAY_MS] as const),
      holidays: new Set((rule.holidays ?? []).map(dayOfDate)),
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
  const isCovered = (day: number) => covered === undefined || covered.some(([from, after]) => from <= day && day < after);
  const dayType = (day: number): DayType => (holidays.has(day) ? 'holiday' : WEEKDAYS[weekdayOfDay(day)]!);
  const spansOn = (day: number): readonly Span[] => byDayType.get(dayType(day)) ?? [];
  // Boundaries are whole seconds: an exclusive start opens one second after it, an inclusive end
  // closes one second after it.
  const first = includeStart ? 0 : 1;
  const inside = (span: Span, seconds: number) => seconds >= span.start + first && (includeEnd ? seconds < span.end + 1 : seconds < span.end);
  /** Whether the wall-clock reading `wall` is on `day` and inside `span`. */
  const readsInside = (wall: number, day: number, span: Span) => Math.floor(wall / DAY_MS) === day && inside(span, (wall - day * DAY_MS) / 1000);

  return inEveryZone(context.zones, (zone) => (t) => {
    // The wall clock, as numbers: the day number, its weekday and the seconds since local midnight.
    const wall = localWall(t, zone);
    const day = Math.floor(wall / DAY_MS);
    const seconds = (wall - day * DAY_MS) / 1000;
    if (!isCovered(day)) {
      const date = dateOfDay(day);
      return { ok: false, next: null, reason: `The holiday calendars of this rule do not cover ${date.slice(0, 4)}, so it is unknown whether ${date} is a holiday` };
    }
    const today = spansOn(day);
    if (today.some((span) => inside(span, seconds))) return { ok: true };
    const weekday = weekdayOfDay(day);
    if (agreed.some((span) => agreedAt(span, t) && inSpan(span, weekday, seconds))) return { ok: true };

    let next: number | null = null;
    for (let ahead = 0; ahead <= SEARCH_DAYS && next === null; ahead++) {
      const on = day + ahead;
      if (!isCovered(on)) break;
      let best = Infinity;
      for (const span of spansOn(on)) {
        const opening = instantAtLocalDay(on, span.start + first, zone);
        // A DST gap can swallow a whole span; only an instant that is really inside counts.
        if (opening > t && opening < best && readsInside(localWall(opening, zone), on, span)) best = opening;
      }
      for (const span of agreed) {
        // An agreed time opens at its start on a listed day, or when the agreement takes effect inside it.
        for (const opening of [instantAtLocalDay(on, span.start, zone), span.from]) {
          if (opening <= t || opening >= best || !agreedAt(span, opening)) continue;
          const there = localWall(opening, zone);
          const thereDay = Math.floor(there / DAY_MS);
          if (thereDay === on && inSpan(span, weekdayOfDay(on), (there - on * DAY_MS) / 1000)) best = opening;
        }
      }
      if (best !== Infinity) next = best;
    }

    const type = dayType(day);
    const date = dateOfDay(day);
    const permitted = today.length === 0 ? (type === 'holiday' ? 'no contact on this holiday' : 'no contact on this day') : `permitted ${today.map((s) => s.label).join(', ')}`;
    const reason = `Local time in ${zone} is ${clock(seconds)} on ${WEEKDAY_NAMES[weekday]} ${date}${type === 'holiday' ? ' (a holiday)' : ''}: ${permitted}`;
    return { ok: false, next, reason };
  });
}
