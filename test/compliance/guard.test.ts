import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, loadCompliance, type ComplianceRule, type HistoryEvent } from '../../src/index.js';
import { aCall, aDocument, aLoan, rules } from '../helpers/builders.js';

describe('guard', () => {
  it('finds the earliest instant every rule holds at once', () => {
    // Conversation Fri 2026-08-14 20:55 EDT: the cool-down ends Fri 08-21 00:00 EDT, the window opens 08:00.
    const compliance = loadCompliance(aDocument([rules.window(), rules.coolDown()]));
    const history = [aCall('2026-08-15T00:55:00Z', { outcome: 'conversation' })];
    const verdict = check({ now: '2026-08-20T14:00:00Z', loan: aLoan(), history, action: { type: 'call' } }, { compliance });
    expect(verdict).toMatchObject({ type: 'deferred', until: '2026-08-21T12:00:00Z', by: [{ id: 'test-cool-down' }] });
  });

  it('lists every rule that holds the action back now', () => {
    const compliance = loadCompliance(aDocument([rules.window(), rules.coolDown()]));
    const history = [aCall('2026-08-15T00:55:00Z', { outcome: 'conversation' })];
    const verdict = check({ now: '2026-08-20T03:00:00Z', loan: aLoan(), history, action: { type: 'call' } }, { compliance });
    expect(verdict.type === 'deferred' && verdict.by.map((b) => b.id)).toEqual(['test-window', 'test-cool-down']);
  });

  it('blocks when a later instant lands in a status with no end', () => {
    const compliance = loadCompliance(aDocument([rules.window(), rules.status()]));
    const loan = aLoan({ borrower: { statuses: [{ type: 'bankruptcy', from: '2026-07-16T03:00:00Z' }] } });
    const verdict = check({ now: '2026-07-16T02:00:00Z', loan, history: [], action: { type: 'call' } }, { compliance });
    expect(verdict).toMatchObject({ type: 'blocked', by: [{ id: 'test-status' }] });
  });

  it('blocks when the candidate zones never share an open hour', () => {
    const loan = aLoan({ borrower: { timeZone: undefined, timeZones: ['America/New_York', 'Asia/Tokyo'] } });
    const narrow = rules.window({ windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '09:00', end: '12:00' }] });
    const verdict = check({ now: '2026-07-15T16:00:00Z', loan, history: [], action: { type: 'call' } }, { compliance: loadCompliance(aDocument([narrow])) });
    expect(verdict.type).toBe('blocked');
  });

  describe('properties', () => {
    const zones = fc.constantFrom('America/New_York', 'America/St_Johns', 'Asia/Kolkata', 'Asia/Shanghai', 'Europe/London', 'Pacific/Chatham', 'Australia/Lord_Howe');
    const instant = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') });
    const outcome = fc.constantFrom('no_answer', 'voicemail', 'busy', 'conversation' as const);
    const history = (now: number) =>
      fc.array(
        fc.record({ offset: fc.integer({ min: 0, max: 10 * 86_400_000 }), outcome }).map(({ offset, outcome }) => aCall(new Date(now - offset).toISOString(), { outcome: outcome as 'busy' })),
        { maxLength: 20 },
      );
    const ruleSet: ComplianceRule[] = [
      rules.window(),
      rules.cap({ max: 3, period: { type: 'consecutive-days', days: 2 } }),
      rules.coolDown({ duration: { type: 'consecutive-days', days: 2 } }),
      rules.cap({ id: 'test-rolling', max: 4, period: { type: 'rolling', hours: 30 } }),
    ];
    const compliance = loadCompliance(aDocument(ruleSet));
    const scenario = fc
      .tuple(instant, fc.array(zones, { minLength: 1, maxLength: 2 }))
      .chain(([now, zs]) => history(now).map((events) => ({ now, zs, events: events as HistoryEvent[] })));

    it('defers only to a later instant at which the action is then permitted', () => {
      fc.assert(
        fc.property(scenario, ({ now, zs, events }) => {
          const loan = aLoan({ borrower: { timeZone: undefined, timeZones: zs } });
          const verdict = check({ now: new Date(now).toISOString(), loan, history: events, action: { type: 'call' } }, { compliance });
          if (verdict.type !== 'deferred') return;
          expect(Date.parse(verdict.until)).toBeGreaterThan(now);
          const again = check({ now: verdict.until, loan, history: events, action: { type: 'call' } }, { compliance });
          expect(again).toEqual({ type: 'permitted' });
        }),
        { seed: 20261123, numRuns: 300 },
      );
    });

    it('never permits outside the window in any candidate zone', () => {
      const windowOnly = loadCompliance(aDocument([rules.window()]));
      fc.assert(
        fc.property(instant, fc.array(zones, { minLength: 1, maxLength: 3 }), (now, zs) => {
          const loan = aLoan({ borrower: { timeZone: undefined, timeZones: zs } });
          const verdict = check({ now: new Date(now).toISOString(), loan, history: [], action: { type: 'call' } }, { compliance: windowOnly });
          if (verdict.type !== 'permitted') return;
          for (const zone of zs) {
            const [h = 0] = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(now).split(':').map(Number);
            expect(h >= 8 && h < 21).toBe(true);
          }
        }),
        { seed: 7, numRuns: 500 },
      );
    });

    it('does not depend on the order of the history', () => {
      fc.assert(
        fc.property(scenario.chain((s) => fc.shuffledSubarray(s.events, { minLength: s.events.length }).map((shuffled) => ({ ...s, shuffled }))), ({ now, zs, events, shuffled }) => {
          const loan = aLoan({ borrower: { timeZone: undefined, timeZones: zs } });
          const at = new Date(now).toISOString();
          expect(check({ now: at, loan, history: shuffled, action: { type: 'call' } }, { compliance })).toEqual(check({ now: at, loan, history: events, action: { type: 'call' } }, { compliance }));
        }),
        { seed: 99, numRuns: 200 },
      );
    });
  });
});

describe('guard fail-closed details', () => {
  it('blocks contact for an unknown zone even when the only rule that needs the zone has nothing to count', () => {
    const compliance = loadCompliance(aDocument([rules.cap({ max: 3, period: { type: 'consecutive-days', days: 1 } })]));
    const loan = aLoan({ borrower: { timeZone: undefined } });
    const verdict = check({ now: '2026-07-15T16:00:00Z', loan, history: [], action: { type: 'call' } }, { compliance });
    expect(verdict).toMatchObject({ type: 'blocked', by: [{ id: 'arrears-time-zone-unknown' }] });
  });

  it('counts contacts recorded without an address against a per-address cap', () => {
    const perNumber = rules.cap({ scope: 'address', max: 6, period: { type: 'consecutive-days', days: 1 } });
    const six = Array.from({ length: 6 }, (_, i) => aCall(`2026-04-07T1${i}:00:00Z`));
    const verdict = check({ now: '2026-04-07T18:00:00Z', loan: aLoan(), history: six, action: { type: 'call', params: { address: 'mobile' } } }, { compliance: loadCompliance(aDocument([perNumber])) });
    expect(verdict.type).toBe('deferred');
  });
});
