import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDay, dayOfDate, instantAtLocal, instantAtLocalDay, localDay, localParts, localWall, resolveZones, startOfLocalDay, weekdayOfDay } from '../../src/_lib/local-time.js';

const iso = (ms: number) => new Date(ms).toISOString();
const zones = ['America/New_York', 'America/St_Johns', 'America/Santiago', 'Europe/London', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Pacific/Apia', 'Asia/Shanghai'];

describe('localParts', () => {
  it('reads the same wall clock as @date-fns/tz at any instant (the quarter-hour cache is exact)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }), fc.constantFrom(...zones), (ms, zone) => {
        const reference = new TZDate(ms, zone);
        const parts = localParts(ms, zone);
        expect(parts.weekday).toBe(reference.getDay());
        expect(parts.date).toBe(`${reference.getFullYear()}-${String(reference.getMonth() + 1).padStart(2, '0')}-${String(reference.getDate()).padStart(2, '0')}`);
        expect(Math.floor(parts.secondsOfDay)).toBe(reference.getHours() * 3600 + reference.getMinutes() * 60 + reference.getSeconds());
      }),
      { seed: 1123, numRuns: 2000 },
    );
  });

  it('changes offset exactly at a DST transition', () => {
    // New York springs forward at 2026-03-08T07:00:00Z.
    expect(localParts(Date.parse('2026-03-08T06:59:59.999Z'), 'America/New_York').secondsOfDay).toBeCloseTo(7199.999, 3);
    expect(localParts(Date.parse('2026-03-08T07:00:00Z'), 'America/New_York').secondsOfDay).toBe(3 * 3600);
  });
});

describe('instantAtLocal', () => {
  it('returns the instant a local time is read', () => {
    expect(iso(instantAtLocal('2026-07-15', 8 * 3600, 'America/New_York'))).toBe('2026-07-15T12:00:00.000Z');
    expect(iso(instantAtLocal('2026-07-15', 8 * 3600, 'Asia/Kathmandu'))).toBe('2026-07-15T02:15:00.000Z');
  });

  it('returns the end of a DST gap for a local time that does not exist', () => {
    expect(iso(instantAtLocal('2026-03-08', 2.5 * 3600, 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(instantAtLocal('2026-03-08', 2.5 * 3600, 'America/St_Johns'))).toBe('2026-03-08T05:30:00.000Z');
    // Lord Howe moves by half an hour: 02:15 does not exist, 02:30 (+11:00) is the first reading after.
    expect(iso(instantAtLocal('2026-10-04', 2.25 * 3600, 'Australia/Lord_Howe'))).toBe('2026-10-03T15:30:00.000Z');
  });

  it('returns the first occurrence of a local time that happens twice', () => {
    expect(iso(instantAtLocal('2026-11-01', 1.5 * 3600, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('finds the first instant of a day that starts at 01:00 (Santiago springs forward at midnight)', () => {
    expect(iso(startOfLocalDay('2026-09-06', 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
  });

  it('is the inverse of localParts wherever the local time exists', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2035-01-01T00:00:00Z') }), fc.constantFrom(...zones), (ms, zone) => {
        const whole = Math.floor(ms / 1000) * 1000;
        const parts = localParts(whole, zone);
        const back = instantAtLocal(parts.date, parts.secondsOfDay, zone);
        // In a fold the first occurrence comes back, which is never later.
        expect(back).toBeLessThanOrEqual(whole);
        expect(localParts(back, zone)).toEqual(parts);
      }),
      { seed: 77, numRuns: 2000 },
    );
  });
});

describe('day numbers', () => {
  it('formats every day number of years 1–9999 as Date does', () => {
    for (let day = Date.UTC(1, 0, 1) / 86_400_000 - 366; day < Date.UTC(9999, 11, 31) / 86_400_000; day += 97) {
      const date = new Date(day * 86_400_000);
      expect(dateOfDay(day)).toBe(`${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`);
      expect(weekdayOfDay(day)).toBe(date.getUTCDay());
    }
    for (let day = -800; day < 800; day++) expect(dayOfDate(dateOfDay(day + 20_000))).toBe(day + 20_000);
  });

  it('agrees with localParts and instantAtLocal in every zone (wall clock, local day, the instant of a local time)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }), fc.constantFrom(...zones), fc.integer({ min: 0, max: 86_399 }), (ms, zone, seconds) => {
        const parts = localParts(ms, zone);
        const day = localDay(ms, zone);
        expect(dateOfDay(day)).toBe(parts.date);
        expect(weekdayOfDay(day)).toBe(parts.weekday);
        expect((localWall(ms, zone) - day * 86_400_000) / 1000).toBe(parts.secondsOfDay);
        expect(instantAtLocalDay(day, seconds, zone)).toBe(instantAtLocal(parts.date, seconds, zone));
      }),
      { seed: 1124, numRuns: 2000 },
    );
  });
});

describe('resolveZones', () => {
  it('sorts and de-duplicates the named zones and separates the unknown ones', () => {
    expect(resolveZones('Asia/Shanghai', ['Europe/London', 'Asia/Shanghai', 'Mars/Base'])).toEqual({ zones: ['Asia/Shanghai', 'Europe/London'], unknown: ['Mars/Base'] });
    expect(resolveZones(undefined, undefined)).toEqual({ zones: [], unknown: [] });
  });
});
