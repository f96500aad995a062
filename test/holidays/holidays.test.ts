import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarNames, calendarsFor, holidayCalendar } from '../../src/holidays/index.js';
import { check, isArrearsValidationError, loadCompliance, validateCompliance } from '../../src/index.js';
import type { ComplianceDocument } from '../../src/index.js';
import { presets } from '../../src/presets/index.js';

const RU_2026 = [
  '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08',
  '2026-02-23', '2026-03-08', '2026-03-09', '2026-05-01', '2026-05-09', '2026-06-12', '2026-11-04',
];

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('holidayCalendar', () => {
  it('gives the public holidays of a country as local dates, whatever the host zone', () => {
    expect(holidayCalendar('RU', { years: [2026] })).toEqual({ years: [2026], dates: RU_2026 });
  });

  it('gives every date of a holiday that lasts several days', () => {
    const vn = holidayCalendar('VN', { years: [2026] }).dates;
    expect(vn).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']));
    expect(vn).not.toContain('2026-02-21');
  });

  it('keeps public holidays only, substitute days included', () => {
    const us = holidayCalendar('US', { years: [2026] }).dates;
    expect(us).toEqual(expect.arrayContaining(['2026-07-03', '2026-07-04', '2026-12-25']));
    expect(us).not.toContain('2026-02-14'); // Valentine's Day is an observance
  });

  it('adds a subdivision’s own holidays', () => {
    expect(holidayCalendar('US', { years: [2026], state: 'MA' }).dates).toContain('2026-04-20'); // Patriots' Day
    expect(holidayCalendar('US', { years: [2026] }).dates).not.toContain('2026-04-20');
  });

  it('covers exactly the years asked for, sorted and without duplicates', () => {
    const calendar = holidayCalendar('ID', { years: [2027, 2026, 2027] });
    expect(calendar.years).toEqual([2026, 2027]);
    expect(calendar.dates.every((date) => date.startsWith('2026-') || date.startsWith('2027-'))).toBe(true);
    expect([...calendar.dates].sort()).toEqual(calendar.dates);
    expect(new Set(calendar.dates).size).toBe(calendar.dates.length);
    expect(holidayCalendar('ID', { years: [] })).toEqual({ years: [], dates: [] });
  });

  it('rejects an unknown country or subdivision and invalid years, as INVALID_OPTIONS', () => {
    for (const error of [
      thrown(() => holidayCalendar('XX', { years: [2026] })),
      thrown(() => holidayCalendar('US', { years: [2026], state: 'ZZ' })),
      thrown(() => holidayCalendar('RU', { years: [2026.5] })),
    ]) {
      expect(isArrearsValidationError(error)).toBe(true);
      expect((error as { code: string }).code).toBe('INVALID_OPTIONS');
    }
  });
});

describe('calendarsFor', () => {
  it('builds every calendar the window rules name, and none for documents that name none', () => {
    expect(calendarNames([presets.ru, presets.id, presets.cn])).toEqual(['ID', 'RU']);
    const calendars = calendarsFor([presets.ru, presets['us-federal']], { years: [2026] });
    expect(Object.keys(calendars)).toEqual(['RU']);
    expect(calendars['RU']).toEqual({ years: [2026], dates: RU_2026 });
    expect(calendarsFor([presets.cn, presets['us-federal']], { years: [2026] })).toEqual({});
  });

  it('splits a subdivision calendar name', () => {
    const document: ComplianceDocument = {
      id: 'acme-ma',
      title: 'Acme',
      jurisdiction: 'US-MA',
      version: '2026-07-01',
      rules: [{ id: 'acme-hours', kind: 'window', citation: 'Acme 1', summary: 'Hours.', confidence: 'H', windows: [{ days: ['mon'], start: '09:00', end: '17:00' }], holidayCalendars: ['US-MA'] }],
    };
    expect(calendarsFor([document], { years: [2026] })['US-MA']?.dates).toContain('2026-04-20');
  });

  it('supplies what loadCompliance needs for the presets that name calendars', () => {
    for (const document of [presets.ru, presets.id]) {
      const without = validateCompliance([document]);
      expect(without.success).toBe(false);
      if (!without.success) expect(without.issues.map((issue) => issue.code)).toEqual(['missing_calendar']);
      expect(() => loadCompliance([document], { calendars: calendarsFor([document], { years: [2026] }) })).not.toThrow();
    }
  });

  it('lets the guard fail closed on a date in a year the calendar does not cover', () => {
    const compliance = loadCompliance([presets.ru], { calendars: calendarsFor([presets.ru], { years: [2026] }) });
    const input = {
      now: '2027-07-14T09:00:00Z',
      loan: { id: 'RU-1', product: 'cash_loan', currency: 'RUB', balance: 1000, amountOverdue: 100, borrower: { id: 'B-1', timeZone: 'Europe/Moscow' } },
      action: { type: 'call' as const },
    };
    const verdict = check(input, { compliance });
    expect(verdict.type).toBe('blocked');
    expect(verdict.type === 'blocked' ? verdict.by.map((ref) => ref.id) : []).toEqual(['ru-230-fz-interaction-hours']);
    expect(check({ ...input, now: '2026-07-15T09:00:00Z' }, { compliance })).toEqual({ type: 'permitted' });
  });
});

describe('the core entry', () => {
  it('does not import date-holidays: only arrears/holidays and the CLI do', () => {
    const files = (dir: string): string[] =>
      readdirSync(new URL(`../../${dir}`, import.meta.url), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(`${dir}${entry.name}/`) : entry.name.endsWith('.ts') ? [`${dir}${entry.name}`] : [],
      );
    const importers = files('src/').filter((file) => /from ['"]date-holidays['"]/.test(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')));
    expect(importers).toEqual(['src/holidays/index.ts']);
  });
});
