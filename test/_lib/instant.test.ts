import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../../src/_lib/instant.js';

describe('parseInstant', () => {
  it('reads every instant the input schema accepts exactly as Date.parse does', () => {
    const instant = fc
      .tuple(
        fc.integer({ min: Date.parse('0100-01-01T00:00:00Z'), max: Date.parse('9999-12-31T00:00:00Z') }),
        fc.constantFrom('', '.5', '.05', '.123', '.1239', '.999999999', '.000001'),
        fc.constantFrom('Z', '+00:00', '+08:00', '-03:30', '+14:00', '-12:00', '+05:45'),
      )
      .map(([ms, fraction, offset]) => `${new Date(ms).toISOString().slice(0, 19)}${fraction}${offset}`);
    fc.assert(
      fc.property(instant, (iso) => {
        expect(parseInstant(iso)).toBe(Date.parse(iso));
      }),
      { seed: 1126, numRuns: 5000 },
    );
  });

  it('falls back to Date.parse for other forms and years before 100', () => {
    for (const iso of ['2026-07-15T10:00Z', '0050-01-01T00:00:00Z', '2026-07-15T10:00:00+0800', '2026-07-15', 'nonsense']) {
      expect(Object.is(parseInstant(iso), Date.parse(iso))).toBe(true);
    }
  });

  it('formats instants in UTC without zero milliseconds, and reads them back', () => {
    expect(formatInstant(Date.parse('2026-07-15T13:30:00Z'))).toBe('2026-07-15T13:30:00Z');
    expect(formatInstant(Date.parse('2026-07-15T13:30:00.250Z'))).toBe('2026-07-15T13:30:00.250Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.parse('9999-12-31T00:00:00Z') }), (ms) => {
        expect(parseInstant(formatInstant(ms))).toBe(ms);
      }),
      { seed: 1127, numRuns: 2000 },
    );
  });

  it('formats every instant as toISOString does, less zero milliseconds, by arithmetic or by Date', () => {
    const expected = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
    const edges = [Date.parse('0000-01-01T00:00:00Z'), Date.parse('9999-12-31T23:59:59.999Z'), Date.parse('1969-12-31T23:59:59.999Z'), -1, 0, 1, 999, 1000, 86_399_999, 86_400_000];
    for (const ms of [...edges, edges[0]! - 1, edges[1]! + 1, 1.5, -0.5, 8.64e15, -8.64e15]) expect(formatInstant(ms), String(ms)).toBe(expected(ms));
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        expect(formatInstant(ms)).toBe(expected(ms));
      }),
      { seed: 1128, numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('1900-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') }), (ms) => {
        expect(formatInstant(ms)).toBe(expected(ms));
      }),
      { seed: 1129, numRuns: 5000 },
    );
  });
});
