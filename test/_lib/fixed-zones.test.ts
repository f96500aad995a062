import { tzOffset } from '@date-fns/tz/tzOffset';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_ZONES, FIXED_ZONES_TZDATA, FIXED_ZONES_UNTIL } from '../../src/_lib/fixed-zones.js';
import { fixedOffsetOf, isValidZone, localParts, offsetMinutes } from '../../src/_lib/local-time.js';

const entries = FIXED_ZONES.trim()
  .split('\n')
  .map((line) => {
    const [name = '', offset = '', since = ''] = line.split(' ');
    return { line, name, offset: Number(offset), since: Date.parse(since) };
  });
const intlOffset = (ms: number, zone: string) => tzOffset(zone, new Date(ms));
const DAY = 86_400_000;

describe('the fixed-offset zone table', () => {
  it('holds one well-formed line per zone, sorted by name', () => {
    expect(FIXED_ZONES.startsWith('\n') && FIXED_ZONES.endsWith('\n')).toBe(true);
    expect(entries.length).toBeGreaterThan(300);
    for (const { line, name, offset, since } of entries) {
      expect(line).toMatch(/^[\w+\-/]+ -?\d+ \d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
      expect(Number.isInteger(offset) && Math.abs(offset) <= 14 * 60).toBe(true);
      expect(since >= 0 && since < Date.UTC(2050, 0, 1)).toBe(true);
      expect(fixedOffsetOf(name, FIXED_ZONES_TZDATA)).toEqual({ offset, since });
    }
    const names = entries.map((entry) => entry.name);
    expect(names).toEqual([...new Set(names)].sort());
    expect(FIXED_ZONES_UNTIL).toBe(Date.UTC(2100, 0, 1));
  });

  it('is read only on the time-zone data it was read from', () => {
    expect(fixedOffsetOf('Asia/Shanghai', FIXED_ZONES_TZDATA)).toEqual({ offset: 480, since: Date.parse('1991-09-14T17:00:00Z') });
    expect(fixedOffsetOf('Asia/Shanghai', '1999z')).toBeUndefined();
    expect(fixedOffsetOf('Asia/Shanghai', '')).toBeUndefined();
  });

  it('answers only for a whole line: other names, even ones Intl accepts, go to Intl', () => {
    for (const name of ['', 'Asia', 'Shanghai', 'Asia/Shanghai 480', 'x\nAsia/Shanghai', 'Asia/Shanghai\n', '__proto__', 'constructor', 'asia/shanghai', 'America/New_York']) {
      expect(fixedOffsetOf(name, FIXED_ZONES_TZDATA)).toBeUndefined();
    }
    expect(isValidZone('asia/shanghai')).toBe(true);
    expect(isValidZone('Asia/Shanghai 480')).toBe(false);
  });

  it('lists the zones of the fixed-offset jurisdictions among the presets', () => {
    for (const zone of ['Asia/Shanghai', 'Asia/Kolkata', 'Asia/Calcutta', 'Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Asia/Ho_Chi_Minh', 'Asia/Manila', 'Europe/Moscow', 'UTC']) {
      expect(fixedOffsetOf(zone, FIXED_ZONES_TZDATA), zone).toBeDefined();
    }
  });

  describe.runIf(process.versions.tz === FIXED_ZONES_TZDATA)(`on this runtime, whose time-zone data is the table's (${FIXED_ZONES_TZDATA})`, () => {
    it('every entry reads as Intl does, from its last change to 2100 (every 23 days, and at both ends)', () => {
      for (const { name, offset, since } of entries) {
        for (let ms = since; ms < FIXED_ZONES_UNTIL; ms += 23 * DAY) {
          if (intlOffset(ms, name) !== offset) expect.fail(`${name} at ${new Date(ms).toISOString()}: Intl ${intlOffset(ms, name)}, table ${offset}`);
        }
        expect(intlOffset(FIXED_ZONES_UNTIL - 1, name), name).toBe(offset);
      }
    });

    it("every entry's change is the zone's last: a second before it, Intl reads another offset", () => {
      for (const { name, offset, since } of entries) {
        if (since > 0) expect(intlOffset(since - 1000, name), name).not.toBe(offset);
      }
    });

    it('offsetMinutes and localParts answer as Intl for the listed zones, at any instant, either side of a change', () => {
      const changed = entries.filter((entry) => entry.since > 0);
      fc.assert(
        fc.property(
          fc.constantFrom(...entries),
          fc.integer({ min: 0, max: FIXED_ZONES_UNTIL - 1 }),
          fc.constantFrom(...changed),
          fc.integer({ min: -2 * DAY, max: 2 * DAY }),
          (entry, ms, near, shift) => {
            expect(offsetMinutes(ms, entry.name)).toBe(intlOffset(ms, entry.name));
            const around = near.since + shift;
            expect(offsetMinutes(around, near.name)).toBe(intlOffset(around, near.name));
            const wall = new Date(around + intlOffset(around, near.name) * 60_000);
            expect(localParts(around, near.name).date).toBe(wall.toISOString().slice(0, 10));
          },
        ),
        { seed: 2025, numRuns: 3000 },
      );
    });
  });
});
