import { tzOffset } from '@date-fns/tz/tzOffset';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidZone, localParts, offsetMinutes, ruleInstant, ruleOffset, zoneEntryOf } from '../../src/_lib/local-time.js';
import type { ZoneEntry } from '../../src/_lib/local-time.js';
import { ZONE_TABLE, ZONE_TABLE_TZDATA, ZONE_TABLE_UNTIL } from '../../src/_lib/zone-table.js';

const DAY = 86_400_000;
const lines = ZONE_TABLE.trim().split('\n');
const entries = lines.map((line) => {
  const name = line.slice(0, line.indexOf(' '));
  return { line, name, entry: zoneEntryOf(name, ZONE_TABLE_TZDATA) as ZoneEntry };
});
const fixed = entries.filter(({ entry }) => entry.rules === undefined);
const ruled = entries.filter(({ entry }) => entry.rules !== undefined);
const intlOffset = (ms: number, zone: string) => tzOffset(zone, new Date(ms));

/** The changes an entry's rules make from its `since` to the table's end, in order. */
function changesOf(entry: ZoneEntry): { at: number; offset: number }[] {
  const changes: { at: number; offset: number }[] = [];
  for (let year = new Date(entry.since).getUTCFullYear(); year < 2100; year++) {
    for (const rule of entry.rules ?? []) {
      const at = ruleInstant(rule, year);
      if (at >= entry.since && at < ZONE_TABLE_UNTIL) changes.push({ at, offset: rule.offset });
    }
  }
  return changes.sort((a, b) => a.at - b.at);
}

describe('the zone table', () => {
  it('holds one well-formed line per zone, sorted by name, fixed offsets and rules both', () => {
    expect(ZONE_TABLE.startsWith('\n') && ZONE_TABLE.endsWith('\n')).toBe(true);
    expect(fixed.length).toBeGreaterThan(300);
    expect(ruled.length).toBeGreaterThan(150);
    const rule = String.raw`M\d{1,2}\.[0-6](>=\d{1,2}|L)@-?\d+=-?\d+`;
    for (const { line, entry } of entries) {
      expect(line).toMatch(new RegExp(String.raw`^[\w+\-/]+ \d{4}-\d\d-\d\dT\d\d:\d\dZ (-?\d+|${rule} ${rule})$`));
      expect(entry.since >= 0 && entry.since < (entry.rules ? ZONE_TABLE_UNTIL : Date.UTC(2050, 0, 1))).toBe(true);
      if (entry.rules === undefined) expect(Number.isInteger(entry.offset) && Math.abs(entry.offset) <= 14 * 60).toBe(true);
      else expect(changesOf(entry)[0]?.at).toBe(entry.since);
    }
    const names = entries.map((entry) => entry.name);
    expect(names).toEqual([...new Set(names)].sort());
    expect(ZONE_TABLE_UNTIL).toBe(Date.UTC(2100, 0, 1));
  });

  it('is read only on the time-zone data it was read from', () => {
    expect(zoneEntryOf('Asia/Shanghai', ZONE_TABLE_TZDATA)).toEqual({ since: Date.parse('1991-09-14T17:00:00Z'), offset: 480 });
    expect(zoneEntryOf('America/New_York', ZONE_TABLE_TZDATA)).toEqual({
      since: Date.parse('2007-03-11T07:00:00Z'),
      offset: Number.NaN,
      rules: [
        { month: 2, weekday: 0, onOrAfter: 8, minutes: 420, offset: -240 },
        { month: 10, weekday: 0, onOrAfter: 1, minutes: 360, offset: -300 },
      ],
    });
    expect(zoneEntryOf('Asia/Shanghai', '1999z')).toBeUndefined();
    expect(zoneEntryOf('America/New_York', '')).toBeUndefined();
  });

  it('answers only for a whole line: other names, even ones Intl accepts, go to Intl', () => {
    for (const name of ['', 'Asia', 'Shanghai', 'Asia/Shanghai 480', 'x\nAsia/Shanghai', 'Asia/Shanghai\n', '__proto__', 'constructor', 'asia/shanghai', 'Africa/Casablanca']) {
      expect(zoneEntryOf(name, ZONE_TABLE_TZDATA)).toBeUndefined();
    }
    expect(isValidZone('asia/shanghai')).toBe(true);
    expect(isValidZone('Africa/Casablanca')).toBe(true);
    expect(isValidZone('Asia/Shanghai 480')).toBe(false);
  });

  it("holds the zones of the presets' jurisdictions", () => {
    for (const zone of ['Asia/Shanghai', 'Asia/Kolkata', 'Asia/Calcutta', 'Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Asia/Ho_Chi_Minh', 'Asia/Manila', 'Europe/Moscow', 'Europe/London', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu', 'UTC']) {
      expect(zoneEntryOf(zone, ZONE_TABLE_TZDATA), zone).toBeDefined();
    }
  });

  it('reads the latest change at or before an instant from the rules, across the turn of a year', () => {
    const sydney = zoneEntryOf('Australia/Sydney', ZONE_TABLE_TZDATA)!.rules!;
    expect(ruleOffset(sydney, Date.parse('2026-01-01T00:00:00Z'))).toBe(660); // summer, from October 2025
    expect(ruleOffset(sydney, Date.parse('2026-04-04T15:59:59Z'))).toBe(660);
    expect(ruleOffset(sydney, Date.parse('2026-04-04T16:00:00Z'))).toBe(600);
    expect(ruleOffset(sydney, Date.parse('2026-10-03T16:00:00Z'))).toBe(660);
  });

  describe.runIf(process.versions.tz === ZONE_TABLE_TZDATA)(`on this runtime, whose time-zone data is the table's (${ZONE_TABLE_TZDATA})`, () => {
    it('every fixed offset reads as Intl does, from its last change to 2100 (every 23 days, and at both ends)', () => {
      for (const { name, entry } of fixed) {
        for (let ms = entry.since; ms < ZONE_TABLE_UNTIL; ms += 23 * DAY) {
          if (intlOffset(ms, name) !== entry.offset) expect.fail(`${name} at ${new Date(ms).toISOString()}: Intl ${intlOffset(ms, name)}, table ${entry.offset}`);
        }
        expect(intlOffset(ZONE_TABLE_UNTIL - 1, name), name).toBe(entry.offset);
        // The change is the zone's last: a second before it, Intl reads another offset.
        if (entry.since > 0) expect(intlOffset(entry.since - 1000, name), name).not.toBe(entry.offset);
      }
    });

    it("every rule's change happens where Intl sees it, to the second, to 2100, and nothing changes between", () => {
      for (const { name, entry } of ruled) {
        const changes = changesOf(entry);
        let previous = intlOffset(entry.since - 1000, name);
        expect(previous, name).not.toBe(changes[0]!.offset);
        for (const [i, { at, offset }] of changes.entries()) {
          if (intlOffset(at - 1000, name) !== previous || intlOffset(at, name) !== offset) {
            expect.fail(`${name} at ${new Date(at).toISOString()}: Intl ${intlOffset(at - 1000, name)} → ${intlOffset(at, name)}, rules ${previous} → ${offset}`);
          }
          // Between two changes, every 23 days and the midpoint read the offset in force.
          const next = changes[i + 1]?.at ?? ZONE_TABLE_UNTIL;
          for (const ms of [at + (next - at) / 2, ...Array.from({ length: Math.floor((next - at) / (23 * DAY)) }, (_, k) => at + (k + 1) * 23 * DAY)]) {
            if (intlOffset(ms, name) !== offset) expect.fail(`${name} at ${new Date(ms).toISOString()}: Intl ${intlOffset(ms, name)}, rules ${offset}`);
          }
          previous = offset;
        }
      }
    });

    it('offsetMinutes and localParts answer as Intl for the zones of the table, at any instant, either side of a change', () => {
      const changed = [...fixed.filter(({ entry }) => entry.since > 0), ...ruled];
      fc.assert(
        fc.property(
          fc.constantFrom(...entries),
          fc.integer({ min: 0, max: ZONE_TABLE_UNTIL - 1 }),
          fc.constantFrom(...changed),
          fc.integer({ min: 0, max: 40 }),
          fc.integer({ min: -2 * DAY, max: 2 * DAY }),
          ({ name }, ms, near, nth, shift) => {
            expect(offsetMinutes(ms, name)).toBe(intlOffset(ms, name));
            const changes = near.entry.rules === undefined ? [near.entry.since] : changesOf(near.entry).map((change) => change.at);
            const around = changes[nth % changes.length]! + shift;
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
