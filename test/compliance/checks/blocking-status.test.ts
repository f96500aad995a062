import { describe, expect, it } from 'vitest';
import { check, loadCompliance, type ComplianceRule } from '../../../src/index.js';
import { aDocument, aLoan, anInput, rules } from '../../helpers/builders.js';

const judge = (now: string, statuses: NonNullable<ReturnType<typeof aLoan>['borrower']['statuses']>, rule: ComplianceRule = rules.status(), params: Record<string, unknown> = {}) =>
  check({ ...anInput(now, aLoan({ borrower: { statuses } })), action: { type: 'call', params } }, { compliance: loadCompliance(aDocument([rule])) });

describe('blocking status', () => {
  it('blocks for good while an open-ended status holds', () => {
    const verdict = judge('2026-07-15T16:00:00Z', [{ type: 'bankruptcy', from: '2026-07-14T00:00:00Z' }]);
    expect(verdict).toMatchObject({ type: 'blocked', by: [{ id: 'test-status' }] });
    expect(verdict.type === 'blocked' && verdict.by[0]?.reason).toMatchInlineSnapshot(`"Status "bankruptcy" holds from 2026-07-14T00:00:00Z with no end"`);
  });

  it('defers to the end of a bounded status: from inclusive, until exclusive', () => {
    const moratorium = [{ type: 'moratorium' as const, from: '2026-07-15T16:00:00Z', until: '2026-07-20T15:30:00Z' }];
    expect(judge('2026-07-15T16:00:00Z', moratorium)).toMatchObject({ type: 'deferred', until: '2026-07-20T15:30:00Z' });
    expect(judge('2026-07-15T15:59:59Z', moratorium)).toEqual({ type: 'permitted' });
    expect(judge('2026-07-20T15:30:00Z', moratorium)).toEqual({ type: 'permitted' });
  });

  it('chains overlapping statuses', () => {
    const chained = [
      { type: 'moratorium' as const, from: '2026-07-01T00:00:00Z', until: '2026-07-20T00:00:00Z' },
      { type: 'moratorium' as const, from: '2026-07-19T00:00:00Z', until: '2026-08-01T00:00:00Z' },
    ];
    expect(judge('2026-07-15T16:00:00Z', chained)).toMatchObject({ type: 'deferred', until: '2026-08-01T00:00:00Z' });
  });

  it('ignores statuses of other types and of other debts', () => {
    expect(judge('2026-07-15T16:00:00Z', [{ type: 'dispute', from: '2026-07-01T00:00:00Z' }])).toEqual({ type: 'permitted' });
    expect(judge('2026-07-15T16:00:00Z', [{ type: 'bankruptcy', from: '2026-07-01T00:00:00Z', debtId: 'OTHER' }])).toEqual({ type: 'permitted' });
    expect(judge('2026-07-15T16:00:00Z', [{ type: 'bankruptcy', from: '2026-07-01T00:00:00Z', debtId: 'L-1' }])).toMatchObject({ type: 'blocked' });
  });

  it('lets allowed purposes through', () => {
    const rule = rules.status({ statuses: ['cease_communication'], allowPurposes: ['cessation_notice'] });
    const cease = [{ type: 'cease_communication' as const, from: '2026-07-01T00:00:00Z' }];
    expect(judge('2026-07-15T16:00:00Z', cease, rule, { purpose: 'cessation_notice' })).toEqual({ type: 'permitted' });
    expect(judge('2026-07-15T16:00:00Z', cease, rule, { purpose: 'collection' })).toMatchObject({ type: 'blocked' });
    expect(judge('2026-07-15T16:00:00Z', cease, rule, { purpose: 'statutory_notice' })).toMatchObject({ type: 'blocked' });
  });

  it('does not block a status that starts later, but a deferral never lands inside it', () => {
    const rule = rules.status();
    const future = [{ type: 'bankruptcy' as const, from: '2026-07-16T13:00:00Z' }];
    expect(judge('2026-07-15T16:00:00Z', future, rule)).toEqual({ type: 'permitted' });
    const withWindow = check(
      { ...anInput('2026-07-16T02:00:00Z', aLoan({ borrower: { statuses: future } })), action: { type: 'call' } },
      { compliance: loadCompliance(aDocument([rules.window(), rule])) },
    );
    // Opens 08:00 EDT (12:00Z), an hour before the bankruptcy starts.
    expect(withWindow).toMatchObject({ type: 'deferred', until: '2026-07-16T12:00:00Z' });
    const tooLate = check(
      { ...anInput('2026-07-16T02:00:00Z', aLoan({ borrower: { statuses: [{ type: 'bankruptcy', from: '2026-07-16T11:00:00Z' }] } })), action: { type: 'call' } },
      { compliance: loadCompliance(aDocument([rules.window(), rule])) },
    );
    expect(tooLate).toMatchObject({ type: 'blocked', by: [{ id: 'test-status' }] });
  });
});
