import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, loadCompliance } from '../../src/index.js';
import type { ActionType, HistoryEvent, Loan } from '../../src/index.js';
import { presets } from '../../src/presets/index.js';
import { aCall, aHistory, aLoan, anOptOut, anSms, aStatus, verifyActions } from '../../src/testing/index.js';
import type { SimulatedAction } from '../../src/testing/index.js';
import { aDocument, rules } from '../helpers/builders.js';

const us = loadCompliance(presets['us-federal']);
const cn = loadCompliance(presets.cn);

function action(at: string, type: ActionType = 'call', extra: Partial<SimulatedAction> = {}): SimulatedAction {
  return { loanId: 'L-1', at, type, rule: 'policy-rule', purpose: 'collection', oldestUnpaidDueDate: '2026-06-20', ...extra };
}
const violationsOf = (loan: Loan, history: HistoryEvent[], actions: SimulatedAction[], rules = us.rules) =>
  verifyActions(loan, history, actions, rules).violations.map((v) => `${v.ruleId}: ${v.reason}`);

describe('verifyActions', () => {
  it('finds nothing wrong with a call inside the window', () => {
    expect(violationsOf(aLoan(), [], [action('2026-07-15T15:00:00Z')])).toEqual([]);
  });

  it('finds each kind of violation, with the rule and why', () => {
    const sevenCalls = aHistory([9, 10, 11, 12, 13, 14, 15].map((day) => aCall(`2026-07-${String(day).padStart(2, '0')}T13:00:00Z`)));
    expect(violationsOf(aLoan(), [], [action('2026-07-15T11:30:00Z')])).toMatchInlineSnapshot(`
      [
        "us-fdcpa-convenient-hours: call taken at 07:30 local time on 2026-07-15 (America/New_York), outside mon/tue/wed/thu/fri/sat/sun 08:00–21:00",
      ]
    `);
    expect(violationsOf(aLoan(), sevenCalls, [action('2026-07-15T20:00:00Z')])).toMatchInlineSnapshot(`
      [
        "us-reg-f-7-in-7: call 7 counted contacts in the 7 local days up to 2026-07-15 (America/New_York); at most 7 are permitted, this one included",
      ]
    `);
    expect(violationsOf(aLoan(), [aCall('2026-07-14T14:00:00Z', { outcome: 'conversation' })], [action('2026-07-15T15:00:00Z')])).toMatchInlineSnapshot(`
      [
        "us-reg-f-conversation-cool-down: call within the wait after a call conversation at 2026-07-14T14:00:00Z, which ends 2026-07-21T04:00:00Z",
      ]
    `);
    expect(violationsOf(aLoan({ borrower: { statuses: [aStatus('dispute')] } }), [], [action('2026-07-15T15:00:00Z', 'email')])).toMatchInlineSnapshot(`
      [
        "us-reg-f-dispute: email status "dispute" holds from 2026-07-01T00:00:00Z with no end",
      ]
    `);
    expect(violationsOf(aLoan({ borrower: { optOuts: [anOptOut('sms')] } }), [], [action('2026-07-15T15:00:00Z', 'sms')])).toMatchInlineSnapshot(`
      [
        "us-reg-f-medium-opt-out: sms the borrower opted out of sms at 2026-07-10T12:00:00Z",
      ]
    `);
    expect(violationsOf(aLoan(), [anSms('2026-07-14T15:05:00Z', { direction: 'inbound', outcome: 'stop_request' })], [action('2026-07-15T15:00:00Z', 'sms')])).toMatchInlineSnapshot(`
      [
        "us-reg-f-medium-opt-out: sms the borrower asked to stop sms contact at 2026-07-14T15:05:00Z",
      ]
    `);
  });

  it('counts one contact, one hour and one day in the singular', () => {
    const hourly = loadCompliance(aDocument([rules.cap({ id: 'test-cap-hour', max: 1, period: { type: 'rolling', hours: 1 } })]));
    const daily = loadCompliance(aDocument([rules.cap({ id: 'test-cap-day', max: 1, period: { type: 'consecutive-days', days: 1 } })]));
    const earlier = [aCall('2026-07-15T14:30:00Z')];
    expect(violationsOf(aLoan(), earlier, [action('2026-07-15T15:00:00Z')], hourly.rules)).toMatchInlineSnapshot(`
      [
        "test-cap-hour: call 1 counted contact in the 1 hour before it; at most 1 is permitted, this one included",
      ]
    `);
    expect(violationsOf(aLoan(), earlier, [action('2026-07-15T15:00:00Z')], daily.rules)).toMatchInlineSnapshot(`
      [
        "test-cap-day: call 1 counted contact in the 1 local day up to 2026-07-15 (America/New_York); at most 1 is permitted, this one included",
      ]
    `);
  });

  it('checks the window in every candidate zone, and fails closed without one', () => {
    const ambiguous = aLoan({ borrower: { timeZone: undefined, timeZones: ['America/New_York', 'America/Los_Angeles'] } });
    expect(violationsOf(ambiguous, [], [action('2026-07-15T14:30:00Z')])).toMatchInlineSnapshot(`
      [
        "us-fdcpa-convenient-hours: call taken at 07:30 local time on 2026-07-15 (America/Los_Angeles), outside mon/tue/wed/thu/fri/sat/sun 08:00–21:00",
      ]
    `);
    expect(violationsOf(aLoan({ borrower: { timeZone: undefined } }), [], [action('2026-07-15T15:00:00Z')])).toMatchInlineSnapshot(`
      [
        "us-fdcpa-convenient-hours: call taken without a known time zone, so local time could not be established",
      ]
    `);
    expect(violationsOf(aLoan({ borrower: { timeZone: 'Mars/Olympus_Mons' } }), [], [action('2026-07-15T15:00:00Z')])).toHaveLength(1);
  });

  it('never counts an action against itself', () => {
    const history: HistoryEvent[] = [aCall('2026-07-15T15:00:00Z', { outcome: 'stop_request' })];
    expect(violationsOf(aLoan(), history, [action('2026-07-15T15:00:00Z', 'call', { event: 0 })])).toEqual([]);
    expect(violationsOf(aLoan(), history, [action('2026-07-15T15:00:00Z', 'call', { event: 0 }), action('2026-07-22T15:00:00Z')])).toHaveLength(1);
  });

  it('lists rules of kinds it does not re-implement', () => {
    expect(verifyActions(aLoan(), [], [], us.rules).unverified).toEqual(['us-reg-f-designated-times', 'us-reg-f-time-barred-suit', 'us-reg-f-passive-collection', 'us-reg-f-location-once']);
  });

  // The differential test: the guard (`check`) and the independent checker agree on every action
  // at every instant, over random histories, statuses and opt-outs, in both presets.
  it('agrees with the guard on random loans, histories and instants', () => {
    const base = Date.parse('2026-07-15T00:00:00Z');
    const hour = 3_600_000;
    const instant = (hours: number) => new Date(base + hours * hour).toISOString().replace('.000Z', 'Z');
    const contact = fc.record({
      hoursAgo: fc.integer({ min: 1, max: 24 * 9 }),
      channel: fc.constantFrom('call', 'call', 'sms', 'email'),
      outcome: fc.constantFrom('no_answer', 'voicemail', 'conversation', 'delivered', 'stop_request', 'busy'),
      direction: fc.constantFrom('outbound', 'outbound', 'inbound'),
    });
    const sample = fc.record({
      preset: fc.constantFrom('us', 'cn'),
      zones: fc.constantFrom(['America/New_York'], ['America/New_York', 'America/Los_Angeles'], ['Asia/Shanghai'], ['America/St_Johns'], ['Pacific/Apia']),
      product: fc.constantFrom('cash_loan', 'credit_card'),
      nowHours: fc.integer({ min: 0, max: 24 * 7 * 4 }).map((quarter) => quarter / 4),
      type: fc.constantFrom<ActionType>('call', 'sms', 'email', 'visit', 'hardship_plan'),
      contacts: fc.array(contact, { maxLength: 12 }),
      status: fc.option(fc.record({ type: fc.constantFrom('dispute', 'hardship_plan', 'cease_communication'), fromHours: fc.integer({ min: -72, max: 96 }), forHours: fc.option(fc.integer({ min: 1, max: 96 })) })),
      optOut: fc.option(fc.record({ channel: fc.constantFrom('sms', 'call'), hoursAgo: fc.integer({ min: -24, max: 48 }) })),
    });
    fc.assert(
      fc.property(sample, (s) => {
        const compliance = s.preset === 'us' ? us : cn;
        const now = base + s.nowHours * hour;
        const history = s.contacts.map((c) => aCall(instant(s.nowHours - c.hoursAgo), { channel: c.channel as 'call', outcome: c.outcome as 'no_answer', direction: c.direction as 'outbound' }));
        const statuses = s.status === null ? [] : [aStatus(s.status.type as 'dispute', { from: instant(s.status.fromHours), ...(s.status.forHours === null ? {} : { until: instant(s.status.fromHours + s.status.forHours) }) })];
        const optOuts = s.optOut === null ? [] : [anOptOut(s.optOut.channel as 'sms', { at: instant(s.nowHours - s.optOut.hoursAgo) })];
        const loan = aLoan({ product: s.product, borrower: { timeZone: undefined, timeZones: s.zones, statuses, optOuts } });
        const verdict = check({ now: new Date(now).toISOString(), loan, history, action: { type: s.type } }, { compliance });
        const unverified = new Set(verifyActions(loan, history, [], compliance.rules).unverified);
        fc.pre(verdict.type === 'permitted' || verdict.by.every((ref) => !unverified.has(ref.id)));
        const found = [...new Set(verifyActions(loan, history, [action(new Date(now).toISOString(), s.type)], compliance.rules).violations.map((v) => v.ruleId))].sort();
        // Permitted exactly when no rule is broken now; a deferral names every rule that holds the
        // action back now. A block names the rules that hold it for good, which may start later
        // (an opt-out that takes effect before the window reopens), so only "some rule now" is compared.
        const by = verdict.type === 'permitted' ? [] : verdict.by.map((ref) => ref.id).sort();
        if (verdict.type === 'blocked') expect(found.length).toBeGreaterThan(0);
        else expect(found).toEqual(by);
      }),
      { numRuns: 400, seed: 20260715 },
    );
  }, 30_000);
});
