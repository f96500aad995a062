import { describe, expect, it } from 'vitest';
import { check, loadCompliance, type HistoryEvent } from '../../../src/index.js';
import { aDocument, aLoan, anSms, rules } from '../../helpers/builders.js';

type Loan = ReturnType<typeof aLoan>;
const judge = (now: string, action: { type: 'sms' | 'call'; params?: Record<string, unknown> }, loan: Loan = aLoan(), history: HistoryEvent[] = [], rule = rules.optOut({ allowPurposes: ['opt_out_confirmation'] })) =>
  check({ now, loan, history, action }, { compliance: loadCompliance(aDocument([rule])) });

const stopped = aLoan({ borrower: { optOuts: [{ channel: 'sms', at: '2026-07-15T18:02:00Z', address: '+15550001' }] } });

describe('opt-out', () => {
  it('blocks the channel at once and for good, but not other channels', () => {
    expect(judge('2026-07-15T18:05:00Z', { type: 'sms', params: { address: '+15550001' } }, stopped)).toMatchObject({ type: 'blocked', by: [{ id: 'test-opt-out' }] });
    expect(judge('2026-07-15T18:01:59Z', { type: 'sms', params: { address: '+15550001' } }, stopped)).toEqual({ type: 'permitted' });
    expect(judge('2026-07-15T18:05:00Z', { type: 'call', params: { address: '+15550001' } }, stopped)).toEqual({ type: 'permitted' });
  });

  it('scopes an address opt-out to that address, and fails closed when the action names none', () => {
    expect(judge('2026-07-15T18:05:00Z', { type: 'sms', params: { address: '+15550002' } }, stopped)).toEqual({ type: 'permitted' });
    expect(judge('2026-07-15T18:05:00Z', { type: 'sms' }, stopped)).toMatchObject({ type: 'blocked' });
  });

  it('lets the one confirmation through', () => {
    expect(judge('2026-07-15T18:03:00Z', { type: 'sms', params: { purpose: 'opt_out_confirmation' } }, stopped)).toEqual({ type: 'permitted' });
  });

  it('treats an inbound STOP reply as an opt-out', () => {
    const history = [anSms('2026-07-15T18:02:00Z', { direction: 'inbound', outcome: 'stop_request' })];
    expect(judge('2026-07-15T18:05:00Z', { type: 'sms' }, aLoan(), history)).toMatchObject({ type: 'blocked' });
  });

  it('ignores channels outside the rule', () => {
    expect(judge('2026-07-15T18:05:00Z', { type: 'sms' }, stopped, [], rules.optOut({ channels: ['email'] }))).toEqual({ type: 'permitted' });
  });
});
