import { dateOfDay } from './local-time.js';

const digit = (text: string, at: number) => text.charCodeAt(at) - 48;
const two = (text: string, at: number) => digit(text, at) * 10 + digit(text, at + 1);

/**
 * Epoch milliseconds of an ISO instant already validated to carry an offset
 * (`YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`): read digit by digit, several times faster than
 * `Date.parse`, which is the fallback for any other form. Fractions beyond milliseconds are
 * truncated, as `Date.parse` does.
 */
export function parseInstant(iso: string): number {
  const length = iso.length;
  if (length < 20 || iso.charCodeAt(10) !== 84 /* T */ || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Date.parse(iso);
  let end = 19;
  let ms = 0;
  if (iso.charCodeAt(19) === 46 /* . */) {
    end = 20;
    let scale = 100;
    while (end < length) {
      const d = digit(iso, end);
      if (d < 0 || d > 9) break;
      ms += d * scale; // whole numbers only: digits beyond the third add nothing
      scale = Math.floor(scale / 10);
      end++;
    }
  }
  let offset = 0;
  const sign = iso.charCodeAt(end);
  if (sign === 90 /* Z */ && end + 1 === length) offset = 0;
  else if ((sign === 43 || sign === 45) && end + 6 === length) offset = (sign === 45 ? -1 : 1) * (two(iso, end + 1) * 60 + two(iso, end + 4));
  else return Date.parse(iso);
  const year = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + two(iso, 2);
  // `Date.UTC` reads years 0–99 as 1900–1999.
  if (year < 100) return Date.parse(iso);
  return Date.UTC(year, two(iso, 5) - 1, two(iso, 8), two(iso, 11), two(iso, 14), two(iso, 17), ms) - offset * 60_000;
}

/** The earliest and latest instants with a four-digit year (0000-01-01 and 9999-12-31). */
const FIRST_MS = -62_167_219_200_000;
const LAST_MS = 253_402_300_799_999;
/** `00` … `99`. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : String(n)));

/**
 * ISO instant in UTC, without milliseconds when they are zero: `2026-07-15T13:30:00Z`. Written
 * by arithmetic (`toISOString` was a tenth of a deferred candidate's time); instants outside
 * years 0000–9999, or not whole milliseconds, go through `toISOString`.
 */
export function formatInstant(ms: number): string {
  // The same instant is formatted again and again (every candidate deferred to one opening).
  if (ms === lastMs) return lastIso;
  lastMs = ms;
  if (!Number.isInteger(ms) || ms < FIRST_MS || ms > LAST_MS) {
    const iso = new Date(ms).toISOString();
    return (lastIso = iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso);
  }
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  const time = `${TWO_DIGITS[hours]!}:${TWO_DIGITS[minutes]!}:${TWO_DIGITS[seconds]!}`;
  const fraction = millis === 0 ? '' : `.${millis < 100 ? '0' : ''}${millis < 10 ? '0' : ''}${millis}`;
  return (lastIso = `${dateOfDay(day)}T${time}${fraction}Z`);
}
let lastMs = Number.NaN;
let lastIso = '';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
