/**
 * The borrower's wall clock for the simulation's independent checker, read with
 * `Intl.DateTimeFormat` alone: the guard reads it through `@date-fns/tz` offsets
 * (`_lib/local-time.ts`), so a bug in either shows up as a disagreement.
 */

/** A wall-clock reading: local date, weekday (0 = Sunday) and seconds since local midnight. */
export interface WallTime {
  date: string;
  weekday: number;
  seconds: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
let formats: Map<string, Intl.DateTimeFormat | null> | undefined;

function formatFor(zone: string): Intl.DateTimeFormat | null {
  formats ??= new Map();
  let format = formats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      format = null;
    }
    formats.set(zone, format);
  }
  return format;
}

/** Whether `Intl` knows the zone. */
export function knowsZone(zone: string): boolean {
  return zone.length > 0 && formatFor(zone) !== null;
}

/** The wall clock of `zone` at the instant `ms`; `undefined` for a zone `Intl` does not know. */
export function wallTime(ms: number, zone: string): WallTime | undefined {
  const format = formatFor(zone);
  if (format === null) return undefined;
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(new Date(ms))) parts[part.type] = part.value;
  const hour = Number(parts['hour']) % 24;
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    weekday: WEEKDAYS.indexOf(parts['weekday'] ?? ''),
    seconds: hour * 3600 + Number(parts['minute']) * 60 + Number(parts['second']) + (ms % 1000 >= 0 ? ms % 1000 : 1000 + (ms % 1000)) / 1000,
  };
}

/** Days from the date `from` to the date `to` (`YYYY-MM-DD`), negative when `to` is earlier. */
export function dayDifference(from: string, to: string): number {
  const day = (date: string) => {
    const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
    return Date.UTC(y, m - 1, d) / 86_400_000;
  };
  return day(to) - day(from);
}
