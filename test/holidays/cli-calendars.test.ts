import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-error.js';
import { resolveCompliance } from '../../src/cli/resolve-compliance.js';
import { check, loadCompliance } from '../../src/index.js';
import { calendarsFor } from '../../src/holidays/index.js';
import { presets } from '../../src/presets/index.js';

async function failure(promise: Promise<unknown>): Promise<CliError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

describe('the CLI’s --compliance, --role and --exception', () => {
  it('supplies the holiday calendars a preset names, for the year of `now`, one before and two after', async () => {
    const compliance = await resolveCompliance(['ru'], 'check', { now: '2026-06-12T05:30:00Z' });
    const years = [2025, 2026, 2027, 2028];
    expect(compliance.rules.find((rule) => rule.id === 'ru-230-fz-interaction-hours')?.calendarYears).toEqual(years);
    expect(compliance.hash).toBe(loadCompliance([presets.ru], { calendars: calendarsFor([presets.ru], { years }) }).hash);
    const input = {
      now: '2026-06-12T05:30:00Z',
      loan: { id: 'RU-1', product: 'cash_loan', currency: 'RUB', balance: 1000, amountOverdue: 100, borrower: { id: 'B-1', timeZone: 'Europe/Moscow' } },
      action: { type: 'call' as const },
    };
    expect(check(input, { compliance })).toMatchObject({ type: 'deferred', until: '2026-06-12T06:00:00Z' });
  });

  it('adds no calendars, and so keeps the hash, for presets that name none', async () => {
    const compliance = await resolveCompliance(['cn', 'us-federal'], 'decide', { now: '2026-07-15T02:00:00Z' });
    expect(compliance.hash).toBe(loadCompliance([presets.cn, presets['us-federal']]).hash);
  });

  it('passes --role and --exception to loadCompliance', async () => {
    const compliance = await resolveCompliance(['us-federal', 'us-ma'], 'check', { roles: ['creditor'], now: '2026-07-15T14:00:00Z' });
    expect(compliance.excluded).toContain('us-reg-f-7-in-7');
    expect(compliance.rules.map((rule) => rule.id)).toContain('us-ma-940-cmr-call-cap');
    const ph = await resolveCompliance(['ph'], 'check', { exceptions: ['ph-sec-mc-18-2019-hours'], now: '2026-07-15T14:30:00Z' });
    expect(ph.rules.find((rule) => rule.id === 'ph-sec-mc-18-2019-hours')?.exceptionEnabled).toBe(true);
  });

  it('makes an unknown role or exception a usage error (exit status 1)', async () => {
    const role = await failure(resolveCompliance(['ph'], 'check', { roles: ['credtor'], now: '2026-07-15T14:30:00Z' }));
    expect(role.exitCode).toBe(1);
    expect(role.message).toBe('unknown role "credtor" (did you mean "creditor"?); roles: creditor, third_party_collector, licensed_agency, association_member');
    const exception = await failure(resolveCompliance(['ph'], 'check', { exceptions: ['ph-nope'], now: '2026-07-15T14:30:00Z' }));
    expect(exception.exitCode).toBe(1);
    expect(exception.message).toContain('option "--exception": No rule "ph-nope"');
  });

  it('still loads when `now` cannot be read, leaving the input error to the check itself', async () => {
    const compliance = await resolveCompliance(['id'], 'check', { now: 'yesterday' });
    expect(compliance.rules.find((rule) => rule.id === 'id-pojk-22-2023-collection-hours')?.calendarYears).toEqual([]);
  });
});
