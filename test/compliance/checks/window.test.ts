import { describe, expect, it } from 'vitest';
import { check, loadCompliance } from '../../../src/index.js';
import { aDocument, aLoan, anInput, rules } from '../../helpers/builders.js';

const judge = (now: string, loan = aLoan(), rule = rules.window(), action: 'call' | 'sms' | 'legal' = 'call') =>
  check({ ...anInput(now, loan), action: { type: action } }, { compliance: loadCompliance(aDocument([rule])) });

describe('window', () => {
  it('permits inside the window and defers before it to the opening, exact to the second', () => {
    expect(judge('2026-07-15T12:00:00Z')).toEqual({ type: 'permitted' }); // 08:00:00 EDT, start inclusive
    const early = judge('2026-07-15T11:59:59Z');
    expect(early).toMatchObject({ type: 'deferred', until: '2026-07-15T12:00:00Z' });
  });

  it('treats the end as exclusive by default and defers to the next morning', () => {
    expect(judge('2026-07-16T00:59:59Z')).toEqual({ type: 'permitted' }); // 20:59:59 EDT
    expect(judge('2026-07-16T01:00:00Z')).toMatchObject({ type: 'deferred', until: '2026-07-16T12:00:00Z' });
  });

  it('honours an inclusive end and an exclusive start', () => {
    const rule = rules.window({ includeEnd: true, includeStart: false });
    expect(judge('2026-07-16T01:00:00Z', aLoan(), rule)).toEqual({ type: 'permitted' });
    expect(judge('2026-07-16T01:00:01Z', aLoan(), rule)).toMatchObject({ type: 'deferred', until: '2026-07-16T12:00:01Z' });
    expect(judge('2026-07-15T12:00:00Z', aLoan(), rule)).toMatchObject({ type: 'deferred', until: '2026-07-15T12:00:01Z' });
  });

  it('opens at 08:00 local on the days DST starts and ends', () => {
    // 2026-03-08: New York springs forward at 02:00; 08:00 EDT = 12:00Z.
    expect(judge('2026-03-08T11:30:00Z')).toMatchObject({ type: 'deferred', until: '2026-03-08T12:00:00Z' });
    // 2026-11-01: New York falls back at 02:00; 08:00 EST = 13:00Z.
    expect(judge('2026-11-01T12:30:00Z')).toMatchObject({ type: 'deferred', until: '2026-11-01T13:00:00Z' });
    // The evening before the fall-back, 21:00 EDT closes at 01:00Z.
    expect(judge('2026-11-01T00:59:59Z')).toEqual({ type: 'permitted' });
  });

  it('evaluates half-hour zones on their own clock', () => {
    const loan = aLoan({ borrower: { timeZone: 'Asia/Kolkata' } });
    // 07:59:59 IST = 02:29:59Z
    expect(judge('2026-07-15T02:29:59Z', loan)).toMatchObject({ type: 'deferred', until: '2026-07-15T02:30:00Z' });
  });

  it('requires the window in every candidate zone (Reg F comment 6(b)(1)(i)-2)', () => {
    const loan = aLoan({ borrower: { timeZone: undefined, timeZones: ['America/New_York', 'Pacific/Honolulu'] } });
    // 13:30 EDT = 07:30 HST: closed in Honolulu until 08:00 HST = 14:00 EDT.
    const verdict = judge('2026-07-15T17:30:00Z', loan);
    expect(verdict).toMatchObject({ type: 'deferred', until: '2026-07-15T18:00:00Z' });
    expect(judge('2026-07-15T18:30:00Z', loan)).toEqual({ type: 'permitted' });
  });

  it('blocks when the zone is unknown or missing, and says why', () => {
    const unknown = judge('2026-07-15T16:00:00Z', aLoan({ borrower: { timeZone: 'Mars/Olympus' } }));
    expect(unknown).toMatchObject({ type: 'blocked', by: [{ id: 'test-window' }] });
    expect(unknown.type === 'blocked' && unknown.by[0]?.reason).toMatchInlineSnapshot(`"Time zone unknown: "Mars/Olympus" is not an IANA zone this runtime knows, so local time cannot be established"`);
    const missing = judge('2026-07-15T16:00:00Z', aLoan({ borrower: { timeZone: undefined } }));
    expect(missing).toMatchObject({ type: 'blocked' });
    const oneUnknown = judge('2026-07-15T16:00:00Z', aLoan({ borrower: { timeZone: undefined, timeZones: ['America/New_York', 'Nowhere/Land'] } }));
    expect(oneUnknown).toMatchObject({ type: 'blocked' });
  });

  it('blocks contact with an unknown zone even without a window rule (built-in fail-closed rule)', () => {
    const verdict = check(
      { ...anInput('2026-07-15T16:00:00Z', aLoan({ borrower: { timeZone: undefined } })), action: { type: 'sms' } },
      { compliance: loadCompliance(aDocument([rules.status()])) },
    );
    expect(verdict).toMatchObject({ type: 'blocked', by: [{ id: 'arrears-time-zone-unknown' }] });
    const legal = check(
      { ...anInput('2026-07-15T16:00:00Z', aLoan({ borrower: { timeZone: undefined } })), action: { type: 'legal' } },
      { compliance: loadCompliance(aDocument([rules.status()])) },
    );
    expect(legal).toEqual({ type: 'permitted' });
  });

  it('closes on holidays unless a span lists `holiday`, and uses the holiday span when one does', () => {
    const closed = rules.window({ holidays: ['2026-07-15'] });
    expect(judge('2026-07-15T16:00:00Z', aLoan(), closed)).toMatchObject({ type: 'deferred', until: '2026-07-16T12:00:00Z' });
    const russian = rules.window({
      holidays: ['2026-07-15'],
      windows: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '22:00' },
        { days: ['sat', 'sun', 'holiday'], start: '09:00', end: '20:00' },
      ],
    });
    const loan = aLoan({ borrower: { timeZone: 'Europe/Moscow' } });
    // Wed 2026-07-15 08:30 MSK is a holiday: opens 09:00 MSK = 06:00Z.
    expect(judge('2026-07-15T05:30:00Z', loan, russian)).toMatchObject({ type: 'deferred', until: '2026-07-15T06:00:00Z' });
    // Sat 2026-07-18 20:30 MSK: closed until Sun 09:00.
    expect(judge('2026-07-18T17:30:00Z', loan, russian)).toMatchObject({ type: 'deferred', until: '2026-07-19T06:00:00Z' });
  });

  it('skips days without a span (Indonesia: Monday to Saturday)', () => {
    const rule = rules.window({ windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], start: '08:00', end: '20:00' }] });
    const loan = aLoan({ borrower: { timeZone: 'Asia/Jakarta' } });
    // Sun 2026-07-19 10:00 WIB = 03:00Z → Mon 08:00 WIB = Mon 01:00Z
    expect(judge('2026-07-19T03:00:00Z', loan, rule)).toMatchObject({ type: 'deferred', until: '2026-07-20T01:00:00Z' });
  });

  it('applies only to the listed actions', () => {
    const rule = rules.window({ actions: ['call'] });
    expect(judge('2026-07-15T03:00:00Z', aLoan(), rule, 'sms')).toEqual({ type: 'permitted' });
  });

  it('describes the local time in its reason', () => {
    const verdict = judge('2026-07-15T11:59:00Z');
    expect(verdict.type === 'deferred' && verdict.by[0]?.reason).toMatchInlineSnapshot(`"Local time in America/New_York is 07:59 on Wed 2026-07-15: permitted 08:00–21:00"`);
  });
});
