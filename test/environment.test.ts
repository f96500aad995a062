import { describe, expect, it } from 'vitest';

describe('test environment', () => {
  it('runs under the host time zone its project names', () => {
    const zone = process.env['TZ'];
    expect(['UTC', 'America/St_Johns']).toContain(zone);
    // January in St John's is UTC−03:30: proves the zone reached the Date implementation.
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(zone === 'UTC' ? 0 : 210);
  });
});
